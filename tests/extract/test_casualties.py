"""Casualty figures and their claimants, on the real seed articles and on generic sentences."""

from __future__ import annotations

import pytest

from sitrep.models import Article, CasualtyStatus, ClaimantType, Count, VictimKind


def _figures(x):  # type: ignore[no-untyped-def]
    return {(f.status, f.count.low, f.count.high): f for f in x.casualties}


def test_seed_002_taliban_claim_attributed_to_mujahid(seed_extractions) -> None:  # type: ignore[no-untyped-def]
    figs = _figures(seed_extractions["seed-002"])
    killed = figs[(CasualtyStatus.KILLED, 58, 58)]
    assert killed.claimant.name in {"Zabihullah Mujahid", "Taliban"}
    assert killed.victim_kind is VictimKind.SECURITY_FORCES and killed.victim_side == "Pakistan"
    wounded = figs[(CasualtyStatus.WOUNDED, 30, 30)]
    assert wounded.victim_side == "Pakistan"
    # "approximately five dozen" is a restatement with another number: its own figure
    approx = figs[(CasualtyStatus.KILLED, 60, 60)]
    assert approx.count.approx
    # "killed or wounded" is casualties, once, though the article says it twice
    both = [
        f for f in seed_extractions["seed-002"].casualties if f.status is CasualtyStatus.CASUALTIES
    ]
    assert [(f.count.low, f.count.high) for f in both] == [(21, None)]


def test_seed_000_unama_figures_and_own_voice(seed_extractions, seed_articles) -> None:  # type: ignore[no-untyped-def]
    figs = _figures(seed_extractions["seed-000"])
    civ = figs[(CasualtyStatus.KILLED, 37, 37)]
    assert civ.claimant.name == "UNAMA" and civ.claimant.type is ClaimantType.MONITOR
    assert civ.victim_kind is VictimKind.CIVILIAN and civ.victim_side == "Afghanistan"
    assert figs[(CasualtyStatus.WOUNDED, 425, None)].claimant.name == "UNAMA"
    own = figs[(CasualtyStatus.KILLED, 24, None)]
    assert own.count.approx
    # evidence offsets index the cleaned article text
    text = seed_articles["seed-000"].text
    assert text[civ.evidence.start : civ.evidence.end] == civ.evidence.text
    assert "37 civilians" in civ.evidence.text


def test_seed_not_casualties_are_not_figures(seed_extractions) -> None:  # type: ignore[no-untyped-def]
    numbers = {f.count.low for x in seed_extractions.values() for f in x.casualties}
    for bad in (2611, 1622, 2021, 2600, 2, 6, 3):  # lengths, years, strikes, regions, posts
        assert bad not in numbers


def _one(extractor, text: str, published: str = "2020-05-09"):  # type: ignore[no-untyped-def]
    from datetime import date

    return extractor.extract(Article("t", text, published=date.fromisoformat(published)))


@pytest.mark.parametrize(
    ("text", "status", "count", "claimant"),
    [
        (
            "Ten people were killed in the blast, police said.",
            CasualtyStatus.KILLED,
            Count(10, 10),
            "police",
        ),
        (
            "At least 25 dead in India, Pakistan clashes.",
            CasualtyStatus.KILLED,
            Count(25, None),
            None,
        ),
        (
            "Gunmen abducted three aid workers near the town.",
            CasualtyStatus.ABDUCTED,
            Count(3, 3),
            None,
        ),
        (
            "A soldier was killed when his patrol was ambushed.",
            CasualtyStatus.KILLED,
            Count(1, 1),
            None,
        ),
        (
            "Two soldiers were martyred in the firing, the military said.",
            CasualtyStatus.KILLED,
            Count(2, 2),
            "military",
        ),
        (
            "The army said it killed dozens of insurgents in the raid.",
            CasualtyStatus.KILLED,
            Count(24, None, True),
            "The army",
        ),
    ],
)
def test_generic_sentences(extractor, text, status, count, claimant) -> None:  # type: ignore[no-untyped-def]
    x = _one(extractor, text)
    found = [(f.status, f.count, f.claimant.name) for f in x.casualties]
    names = {claimant, None if claimant is None else claimant.removeprefix("The ").lower()}
    assert any(
        s is status and c == count and (n in names or (n or "").lower() in names)
        for s, c, n in found
    ), found


def test_counts_that_are_not_people(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(extractor, "The army destroyed six posts and fired 40 rockets over two days.")
    assert x.casualties == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At least 12 people were killed and 30 injured, a hospital official said.",
            {("killed", 12, None, "hospital official"), ("wounded", 30, 30, "hospital official")},
        ),
        (
            "According to local officials, the death toll has risen to 27.",
            {("killed", 27, 27, "local officials")},
        ),
        (
            "Two policemen and a civilian were wounded in the attack.",
            {("wounded", 2, 2, None), ("wounded", 1, 1, None)},
        ),
        (
            "Nine people died and 14 were injured when a car bomb exploded near a market.",
            {("killed", 9, 9, None), ("wounded", 14, 14, None)},
        ),
        (
            "Officials, who spoke on condition of anonymity, said four soldiers died.",
            {("killed", 4, 4, "Officials")},
        ),
        (
            "Gunmen kill vaccinator in northwest province: officials",
            {("killed", 1, 1, "officials")},
        ),
        (
            "Clash kills two soldiers, four militants in the tribal district",
            {("killed", 2, 2, None), ("killed", 4, 4, None)},
        ),
        ("UPDATE 1-Four die in shelling near the border", {("killed", 4, 4, None)}),
        (
            # the parse takes the clause before "say" for its subject; the tail is the source
            "Houthi missile attack on Marib kills 5, Yemen officials say",
            {("killed", 5, 5, "Yemen officials")},
        ),
        (
            "Officials put the death toll at 18, with dozens more injured.",
            {("killed", 18, 18, "Officials"), ("wounded", 24, None, "Officials")},
        ),
        (
            # the parse hangs "others" off "shot": its own participle decides
            "Two police officers were shot dead and three others injured in an ambush, "
            "police said.",
            {("killed", 2, 2, "police"), ("wounded", 3, 3, "police")},
        ),
        (
            # a sub-count of one, implicit: "including a child" (FORMAT.md §3)
            "A missile struck a building, killing at least 12 people, including a child, "
            "officials said.",
            {("killed", 12, None, "officials"), ("killed", 1, 1, "officials")},
        ),
        (
            # the sub-count shares its group's fate, not the wounding that follows
            "A missile hit a restaurant, killing at least 11 people, including three children, "
            "and wounding 61, officials said.",
            {
                ("killed", 11, None, "officials"),
                ("killed", 3, 3, "officials"),
                ("wounded", 61, 61, "officials"),
            },
        ),
        (
            "The Government stated that 25 people were killed, including 21 civilians, while 51 "
            "were injured.",
            {
                ("killed", 25, 25, "Government"),
                ("killed", 21, 21, "Government"),
                ("wounded", 51, 51, "Government"),
            },
        ),
    ],
)
def test_attribution_and_status_patterns(extractor, text, expected) -> None:  # type: ignore[no-untyped-def]
    from sitrep.clean import clean
    from sitrep.models import RawDocument

    article = clean(RawDocument("t", text))
    x = extractor.extract(article)
    got = {(str(f.status), f.count.low, f.count.high, f.claimant.name) for f in x.casualties}
    assert got == expected


def test_claimant_types(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(
        extractor, "Human Rights Watch said at least 22 civilians had been killed since January."
    )
    (f,) = x.casualties
    assert f.claimant.name == "Human Rights Watch" and f.claimant.type is ClaimantType.MONITOR
    x = _one(extractor, "Officials, who spoke on condition of anonymity, said four soldiers died.")
    assert x.casualties[0].claimant.type is ClaimantType.ANONYMOUS


def test_trailing_attribution_subcounts_and_non_people(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(
        extractor,
        "Russian strikes killed at least 12 people and injured 60 others in Kharkiv, "
        "regional governor Oleh Syniehubov said.",
    )
    got = {
        (str(f.status), f.count.low, f.claimant.name, str(f.claimant.type)) for f in x.casualties
    }
    assert got == {
        ("killed", 12, "Oleh Syniehubov", "government"),
        ("wounded", 60, "Oleh Syniehubov", "government"),
    }
    x = _one(
        extractor, "The strike killed at least 50 villagers, including 20 children, police said."
    )
    assert {(f.count.low, str(f.victim_kind)) for f in x.casualties} == {
        (50, "civilian"),
        (20, "civilian"),
    }
    assert (
        _one(
            extractor, "The air force said it shot down 40 of 52 drones launched overnight."
        ).casualties
        == ()
    )


def test_headline_lists_share_their_verb(extractor) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "4 soldiers" off "14 militants" as an apposition, the verb off it alone
    x = _one(extractor, "14 militants, 4 soldiers killed in clash in northwest Pakistan")
    assert sorted(f.count.low for f in x.casualties if f.status is CasualtyStatus.KILLED) == [4, 14]
    assert x.events[0].fatalities is not None and x.events[0].fatalities.best == 18
    # an apposition naming the same person adds nobody
    y = _one(extractor, "Zabihullah Mujahid, the Taliban spokesman, said 58 soldiers were killed.")
    assert [f.count.low for f in y.casualties] == [58]


def test_toll_subject_far_before_rose_to(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(
        extractor,
        "The death toll from Monday's suicide bombing at a mosque inside a police compound in "
        "Peshawar rose to 100, officials said on Tuesday.",
    )
    (f,) = x.casualties
    assert (f.status, f.count.low, f.claimant.name) == (CasualtyStatus.KILLED, 100, "officials")
    y = _one(
        extractor,
        "The number of people killed in Sunday's missile strike on an apartment building in "
        "Ganja rose to 10, Azerbaijani officials said on Monday.",
    )
    (g,) = y.casualties
    assert (g.status, g.count.low) == (CasualtyStatus.KILLED, 10)
    # the model tags "Azerbaijani" as a person: it modifies "officials", who are the source
    assert g.claimant.name == "Azerbaijani officials"


def test_speaker_the_parser_took_for_a_list_item(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(
        extractor,
        "The death toll from the missile attack on the railway station rose to 52, including "
        "five children, regional governor Pavlo Kyrylenko said on Saturday.",
    )
    figs = {f.count.low: f for f in x.casualties}
    assert figs[52].claimant.name == "Pavlo Kyrylenko"
    assert figs[5].claimant.name == "Pavlo Kyrylenko"  # a sub-count, reported too
    # ... but not added to the total it is part of
    assert x.events[0].fatalities is not None and x.events[0].fatalities.best == 52


def test_headline_restating_a_body_figure_is_one_claim(extractor) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    text = (
        "Bomb in mosque kills 12 during prayers\n\nA bomb exploded inside a mosque in Kabul "
        "during Friday prayers, killing 12 worshippers, police said."
    )
    art = Article(
        "t", text, title="Bomb in mosque kills 12 during prayers", published=date(2021, 5, 14)
    )
    x = extractor.extract(art)
    killed = [f for f in x.casualties if f.status is CasualtyStatus.KILLED]
    assert [(f.count.low, f.victim_kind, f.claimant.name) for f in killed] == [
        (12, VictimKind.CIVILIAN, "police")
    ]


def test_distinct_groups_add_up_to_the_event_toll(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(
        extractor,
        "Suicide bombers attacked crowds outside Kabul airport on Thursday, killing at least "
        "60 Afghans and 13 U.S. troops, officials said.",
    )
    toll = x.events[0].fatalities
    # 60 + 13 from the claims, and the attacker the coders count among the dead
    assert toll is not None and toll.suicide_attackers == 1 and toll.low == 73 + 1


def test_the_killing_of_one_named_victim_counts_one(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(extractor, "Taliban claim killing of Pakistani journalist")
    assert [(f.count.low, f.victim_kind, f.claimant.name) for f in x.casualties] == [
        (1, VictimKind.CIVILIAN, "Taliban")
    ]
    # plural victims without a count are no figure
    assert _one(extractor, "Rights groups condemned the killing of civilians.").casualties == ()


def test_headline_victim_without_its_article(extractor) -> None:  # type: ignore[no-untyped-def]
    # the parser takes "civilian" for an adjective when the headline drops the article
    x = _one(extractor, "Artillery fire kills civilian near the border")
    assert [(f.status, f.count.low) for f in x.casualties] == [(CasualtyStatus.KILLED, 1)]
    assert _one(extractor, "The strike left civilian areas damaged.").casualties == ()


def test_headline_victim_before_a_byline_line(extractor) -> None:  # type: ignore[no-untyped-def]
    # the byline lines after it change the parse: "civilian" hangs off the verb unlabelled
    x = _one(
        extractor,
        "Army accuses rebels of attacking disputed border post, killing civilian\nAU\nJane Doe",
    )
    assert [(f.status, f.count.low) for f in x.casualties] == [(CasualtyStatus.KILLED, 1)]


def test_the_planner_of_an_attack_killed_is_one(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(extractor, "Market bombing mastermind killed in raid, police say")
    assert [(f.status, f.count.low) for f in x.casualties] == [(CasualtyStatus.KILLED, 1)]


def test_the_victims_are_never_their_own_claimant(extractor) -> None:  # type: ignore[no-untyped-def]
    # the parser makes "20 people, including five children, residents ..." one subject of "said"
    x = _one(
        extractor,
        "An air strike on the village killed at least 20 people, including five children, "
        "residents and a local militia said on Tuesday.",
    )
    names = {f.claimant.name for f in x.casualties}
    assert names == {"residents and a local militia"}
    # headlines' "X said killed": reported dead, not a source
    x = _one(extractor, "Three villagers said killed by border shelling.")
    assert [f.claimant.name for f in x.casualties] == [None]


def test_two_groups_with_one_number_in_one_sentence_are_two_figures(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(
        extractor,
        "The strikes killed eight people, including three women and three children, officials said.",
    )
    threes = [f.victim for f in x.casualties if f.count.low == 3]
    assert sorted(threes) == ["children", "women"]


def test_one_victims_death_counts_one(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(extractor, "Army protests over soldier's death at the frontier")
    assert [(f.status, f.count.low, f.victim_kind) for f in x.casualties] == [
        (CasualtyStatus.KILLED, 1, VictimKind.SECURITY_FORCES)
    ]


def test_people_the_lexicon_lacks_by_their_plural(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(extractor, "Gunmen kill two election campaigners")
    assert [(f.count.low, f.victim) for f in x.casualties] == [(2, "election campaigners")]
    # things, not people, whatever the verb
    assert _one(extractor, "Troops destroyed two containers.").casualties == ()
    assert _one(extractor, "Militants seized four computers.").casualties == ()


def test_headline_lists_of_single_victims_are_different_people(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(extractor, "Woman, child killed in artillery shelling")
    assert sorted(f.victim.lower() for f in x.casualties if f.victim) == ["child", "woman"]
    assert x.events[0].fatalities is not None and x.events[0].fatalities.best == 2
    y = _one(extractor, "Gunmen kill police officer, civilian in market attack")
    assert y.events[0].fatalities is not None and y.events[0].fatalities.best == 2


def test_a_single_victim_inside_a_counted_group_is_not_added(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(
        extractor, "Two soldiers were killed on Monday. A soldier was killed in the first blast."
    )
    toll = x.events[0].fatalities
    assert toll is not None and (toll.low, toll.high) == (1, 2)


def test_the_subject_of_a_shooting_with_a_target_is_the_shooter(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(extractor, "On 1 May 2020, a police officer shot at a bus driver who did not stop.")
    assert x.casualties == ()
    y = _one(extractor, "On 30 April 2020, a member of the militia shot and killed a rival.")
    assert [f.victim for f in y.casualties] != ["member"]
    # a headline's bare subject is still the victim
    z = _one(extractor, "Soldier shot dead in Kashmir")
    assert [(f.status, f.count.low, f.victim) for f in z.casualties] == [
        (CasualtyStatus.KILLED, 1, "Soldier")
    ]


def test_a_victim_of_two_verbs_takes_the_casualty_one(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(extractor, "On 1 May 2020, a passenger was hit and injured.")
    assert [(f.status, f.count.low, f.victim) for f in x.casualties] == [
        (CasualtyStatus.WOUNDED, 1, "passenger")
    ]


def test_a_persons_name_the_model_cut_in_two_is_the_claimant_whole(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(
        extractor,
        "In the southern Kherson region, Russian shelling killed two civilians on Wednesday, "
        "regional governor Oleksandr Prokudin said.",
    )
    assert [f.claimant.name for f in x.casualties] == ["Oleksandr Prokudin"]


def test_a_bare_count_after_a_sub_count_is_of_the_group_not_the_part(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(
        extractor,
        "A missile hit a restaurant, killing at least 11 people, including three children, "
        "and wounding 61, officials said.",
    )
    kinds = {(str(f.status), f.count.low): f.victim_kind for f in x.casualties}
    assert kinds[("wounded", 61)] is VictimKind.UNSPECIFIED
    assert kinds[("killed", 3)] is VictimKind.CIVILIAN


def test_he_is_the_last_person_named_not_the_last_claimant(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(
        extractor,
        "Gunmen attacked a village in Zamfara state on Sunday, killing at least 20 people, "
        "residents said. Police spokesman Mohammed Shehu said officers had been deployed to "
        "the village. He put the death toll at 12.",
    )
    by_count = {f.count.low: f.claimant.name for f in x.casualties}
    assert by_count[20] == "residents" and by_count[12] == "Mohammed Shehu"


def test_a_headlines_trailing_source_is_its_claimant(extractor) -> None:  # type: ignore[no-untyped-def]
    from sitrep.clean import clean
    from sitrep.models import RawDocument

    text = (
        "Houthi missile attack on Marib kills 5, Yemen officials say\n\n"
        "ADEN, Yemen, Feb 20 (Reuters) - A ballistic missile fired by Yemen's Houthi movement "
        "struck a residential neighbourhood in the central city of Marib on Sunday, killing five "
        "civilians and wounding 14, a local official said.\n\n"
        "The Houthis did not immediately comment."
    )
    x = extractor.extract(clean(RawDocument("d", text)))
    names = {f.claimant.name for f in x.casualties}
    assert names == {"Yemen officials", "local official"}, names


def test_a_groups_record_is_no_figure_but_an_events_toll_is(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(
        extractor,
        "A bomb killed nine people at a market. No group claimed responsibility, but the attack "
        "bore the hallmarks of Boko Haram, which has killed thousands in the region.",
    )
    counts = sorted(f.count.low for f in x.casualties)
    assert counts == [9], counts
    x = _one(extractor, "The attack, which has killed at least 20 people, was claimed by IS.")
    assert [f.count for f in x.casualties] == [Count(20, None)]


def test_no_one_is_the_claimant_when_the_subject_is_no_one(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(extractor, "No group claimed that 40 soldiers were killed in the raid.")
    assert all(f.claimant.name != "No group" for f in x.casualties)


def test_the_statement_said_is_the_last_speakers_statement(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(
        extractor,
        "Two soldiers were killed in the firing, the military's media wing said. Troops "
        "responded, killing five attackers, the statement said.",
    )
    claimants = {f.count.low: f.claimant.name for f in x.casualties}
    assert claimants[5] == claimants[2] == "military's media wing", claimants


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a named victim counts one; "assassinated" is killed
        ("President Jovenel Moise was shot dead at his home by gunmen.", [("killed", 1)]),
        ("Gunmen assassinated a pastor in the village.", [("killed", 1)]),
        # a try is no death
        ("Gunmen attempted to assassinate a citizen near the station.", []),
        # one word the model calls a person may be a town
        ("Troops broke up a sit-in in Khartoum, killing 35 protesters.", [("killed", 35)]),
    ],
)
def test_named_victims_assassinations_and_attempts(extractor, text, expected) -> None:  # type: ignore[no-untyped-def]
    x = _one(extractor, text)
    assert sorted((f.status.value, f.count.low) for f in x.casualties) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted label is still the victims: a claim to record, with its claimant
        ('State television said 80 "American terrorists" had been killed.', [("killed", 80)]),
        # one count for both: casualties
        ('Clashes erupted, killing and injuring "dozens" of fighters.', [("casualties", 24)]),
        ("Gunmen killed and wounded 20 villagers.", [("casualties", 20)]),
        # but "shot and killed" is killed
        ("Gunmen shot and killed 2 civilians.", [("killed", 2)]),
    ],
)
def test_quoted_victims_and_killing_and_injuring(extractor, text, expected) -> None:  # type: ignore[no-untyped-def]
    x = _one(extractor, text)
    assert sorted((f.status.value, f.count.low) for f in x.casualties) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Eighteen members of the security forces were killed.", VictimKind.SECURITY_FORCES),
        ("Three members of his family were also killed.", VictimKind.CIVILIAN),
        ("Five members of a criminal gang were killed.", VictimKind.UNSPECIFIED),
    ],
)
def test_members_are_of_the_group_they_belong_to(extractor, text, kind) -> None:  # type: ignore[no-untyped-def]
    x = _one(extractor, text)
    assert [f.victim_kind for f in x.casualties] == [kind]


def test_a_conjunct_past_an_apposition_shares_the_verb(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(
        extractor,
        "Rebels raided the village, killing 12 farmers, most of them men, and four policemen.",
    )
    found = sorted((f.status.value, f.count.low, f.victim_kind) for f in x.casualties)
    assert found == [
        ("killed", 4, VictimKind.SECURITY_FORCES),
        ("killed", 12, VictimKind.CIVILIAN),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A police source put the number of soldiers killed at 14.", VictimKind.SECURITY_FORCES),
        ("Hospital staff put the number of dead at 31.", VictimKind.UNSPECIFIED),
    ],
)
def test_the_number_put_at_a_figure(extractor, text, kind) -> None:  # type: ignore[no-untyped-def]
    x = _one(extractor, text)
    assert [(f.status, f.count.low, f.victim_kind) for f in x.casualties] == [
        (CasualtyStatus.KILLED, int(text.rstrip(".").split()[-1]), kind)
    ]


def test_a_speaker_name_the_model_cut_short_is_read_whole(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(
        extractor, "Troops killed 40 of the attackers, President Roch Marc Christian Kabore said."
    )
    assert [f.claimant.name for f in x.casualties] == ["Roch Marc Christian Kabore"]


@pytest.mark.parametrize(
    ("text", "ctype"),
    [
        # an office a party runs speaks for that party, not as an independent medical source
        ("The rebel-run health ministry said 40 people were killed.", ClaimantType.PARTY),
        ("The health ministry said 40 people were killed.", ClaimantType.MEDICAL),
        ("State-run television said 40 people were killed.", ClaimantType.GOVERNMENT),
    ],
)
def test_who_runs_the_office_that_speaks(extractor, text, ctype) -> None:  # type: ignore[no-untyped-def]
    (f,) = _one(extractor, text).casualties
    assert f.claimant.type is ctype


def test_the_hospitalised_are_wounded(extractor) -> None:  # type: ignore[no-untyped-def]
    (f,) = _one(extractor, "Nine villagers were hospitalised after the raid.").casualties
    assert (f.status, f.count.low) == (CasualtyStatus.WOUNDED, 9)


@pytest.mark.parametrize(
    "text",
    [
        "Iran says it shot down Ukrainian airliner by mistake.",  # an airliner is no person
        "Rebels shot down two army helicopters.",  # the army's helicopters, not the army
        "Gunmen killed an unknown number of villagers.",  # "number" is no person either
        "The army said it shot down three Turkish drones.",  # a nationality's things
    ],
)
def test_things_named_like_people_are_no_victims(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _one(extractor, text).casualties == ()


def test_the_speaker_nearest_the_figure_is_its_claimant(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _one(
        extractor,
        "The strike killed 29 villagers, the International Committee of the Red Cross said, "
        "as the army said it had hit a rebel base.",
    )
    assert [f.claimant.name for f in x.casualties] == ["International Committee of the Red Cross"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Doctors said the dead included six women and two children.",
            [("killed", 2), ("killed", 6)],
        ),
        ("Those killed included three journalists.", [("killed", 3)]),
        ("The delegation included four ministers.", []),
    ],
)
def test_the_dead_said_to_include_them(extractor, text, expected) -> None:  # type: ignore[no-untyped-def]
    x = _one(extractor, text)
    assert sorted((f.status.value, f.count.low) for f in x.casualties) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 11 cattle herders near the river, officials said.",
        "The shell killed four schoolchildren on their way home, medics said.",
        "Armed men shot dead three merchants on the highway, police said.",
    ],
)
def test_herders_pupils_and_merchants_are_civilians(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    x = _one(extractor, text)
    assert [f.victim_kind.value for f in x.casualties] == ["civilian"]


@pytest.mark.parametrize(
    ("headline", "claimant"),
    [
        ("Rebels claim attack on army post; 9 soldiers killed", None),
        ("IS claims responsibility for market blast that killed 12", None),
        ("Rebels claim 9 soldiers killed in attack on army post", "Rebels"),
    ],
)
def test_a_headline_that_claims_the_attack_does_not_claim_the_toll(  # type: ignore[no-untyped-def]
    extractor, headline: str, claimant: str | None
) -> None:
    (f,) = _one(extractor, headline).casualties
    assert f.claimant.name == claimant
