"""Events read from the real seed articles: type, date, place, salience, fatalities."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from sitrep.models import Article, SubEventType


def test_seed_000_main_event_is_the_kabul_drone_strike(seed_extractions) -> None:  # type: ignore[no-untyped-def]
    events = seed_extractions["seed-000"].events
    main = events[0]
    assert main.sub_event_type == "Air/drone strike"
    assert main.date == date(2025, 10, 15)  # "on Thursday ... the previous day"
    assert main.place is not None and main.place.name == "Kabul"
    kinds = [e.sub_event_type for e in events]
    assert "Agreement" in kinds  # the ceasefire
    mohmand = [e for e in events if e.place is not None and "Mohmand" in e.place.name]
    assert mohmand and mohmand[0].date == date(2025, 10, 16)
    assert mohmand[0].place.country == "Pakistan"


def test_seed_002_border_clash_is_cross_border(seed_extractions) -> None:  # type: ignore[no-untyped-def]
    main = seed_extractions["seed-002"].events[0]
    assert main.sub_event_type == "Armed clash"
    assert main.date == date(2025, 10, 11)  # "late Saturday night", published Sunday
    assert set(main.countries) == {"Afghanistan", "Pakistan"}
    assert main.place is not None and main.place.kind == "border"
    assert main.fatalities is not None and main.fatalities.low == 58
    # the quoted diplomat's "Pakistani attacks on Kabul met with Afghan retaliation" is commentary
    assert not any(
        e.sub_event_type == "Armed clash" and e.place is not None and e.place.name == "Kabul"
        for e in seed_extractions["seed-002"].events
    )


def test_relative_dates_stay_unresolved_without_publication(extractor) -> None:  # type: ignore[no-untyped-def]
    x = extractor.extract(
        Article("t", "Clashes erupted on Thursday near the border, killing four soldiers.")
    )
    assert x.events and all(e.date is None for e in x.events)


def test_one_bad_document_does_not_stop_the_batch(extractor, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from sitrep.extract import document

    real = document.DocumentReader.read

    def flaky(self):  # type: ignore[no-untyped-def]
        if self.article.doc_id == "bad":
            raise RuntimeError("boom")
        return real(self)

    monkeypatch.setattr(document.DocumentReader, "read", flaky)
    arts = [
        Article("a", "Two soldiers were killed."),
        Article("bad", "x"),
        Article("c", "Three soldiers were killed."),
    ]
    out = list(extractor.extract_many(arts))
    assert [x.doc_id for x in out] == ["a", "bad", "c"]
    assert out[1].error and "boom" in out[1].error
    assert out[0].error is None and out[2].casualties


def test_extraction_knows_nothing_of_storage_web_or_cluster() -> None:
    code = (
        "import sys, sitrep.extract.pipeline, sitrep.extract.document, sitrep.pipeline;"
        "bad = [m for m in ('sqlalchemy', 'fastapi', 'dask', 'alembic') if m in sys.modules];"
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_month_of_may_is_not_a_modal(extractor) -> None:  # type: ignore[no-untyped-def]
    x = extractor.extract(
        Article(
            "t",
            "On 9 May 2020, hundreds protested in Berane, Montenegro against a new law.",
            published=date(2020, 5, 9),
        )
    )
    assert x.events and x.events[0].event_type == "Protests"
    assert x.events[0].place is not None and x.events[0].place.name == "Berane"


def _extract(extractor, text: str, published: date, title: str | None = None):  # type: ignore[no-untyped-def]
    return extractor.extract(Article("t", text, title=title, published=published))


def _cleaned(extractor, text: str, published: date):  # type: ignore[no-untyped-def]
    """Extracted as the pipeline reads raw text: cleaned first (headline, dateline)."""
    from sitrep.clean import clean
    from sitrep.models import RawDocument

    return extractor.extract(clean(RawDocument("d", text, published=published)))


def test_a_day_named_as_the_events_own_possessor(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(
        extractor,
        "Mourners in Ganja on Sunday buried victims of Saturday's missile strike on the city, "
        "which Azerbaijan said killed 13 civilians. Armenia denied firing at Ganja.",
        date(2020, 10, 18),
    )
    assert [str(e.date) for e in x.events] == ["2020-10-17"]


def test_counted_back_from_the_sentences_date(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(
        extractor,
        "Residents of Kramatorsk kept leaving by bus on Monday, three days after the rocket strike "
        "on the city's train station, which killed 57 people, according to the regional governor.",
        date(2022, 4, 11),
    )
    assert [str(e.date) for e in x.events] == ["2022-04-08"]
    # a note about an arrest that mentions earlier riots keeps the arrest's date
    y = _extract(
        extractor,
        "On 1 May 2020, the police forces arrested a former minister in Freetown city. The reason "
        "was not reported but it occurs two days after riots at the Pademba Road prison.",
        date(2020, 5, 1),
    )
    assert str(y.events[0].date) == "2020-05-01"


def test_a_headline_toll_joins_the_event_the_body_names(extractor) -> None:  # type: ignore[no-untyped-def]
    title = "Kramatorsk station attack toll rises to 52"
    x = _extract(
        extractor,
        f"{title}\n\nThe death toll from the missile attack on the Kramatorsk railway station rose "
        "to 52, including five children, regional governor Pavlo Kyrylenko said on Saturday. "
        "The president condemned the strike on Friday as a war crime. Moscow blamed Ukrainian "
        "forces for the attack.",
        date(2022, 4, 9),
        title=title,
    )
    assert [e.sub_event_type for e in x.events] == ["Shelling/artillery/missile attack"]
    assert x.events[0].fatalities is not None and x.events[0].fatalities.best == 52


def test_a_date_of_the_saying_gives_way_to_the_events_own(extractor) -> None:  # type: ignore[no-untyped-def]
    title = "Station toll rises to 52"
    x = _extract(
        extractor,
        f"{title}\n\nThe death toll from the missile attack on the railway station in the city of "
        "Kramatorsk rose to 52, officials said on Saturday. The president condemned the missile "
        "attack on Friday as a war crime. Rescuers searched the rubble. Moscow denied any role "
        "in the attack.",
        date(2022, 4, 9),
        title=title,
    )
    assert [str(e.date) for e in x.events] == ["2022-04-08"]


def test_an_unplaced_event_in_a_one_town_story_is_near_that_town(extractor) -> None:  # type: ignore[no-untyped-def]
    title = "Evacuations wind down in Kabul after deadly airport attack"
    x = _extract(
        extractor,
        f"{title}\n\nWestern countries wound down their evacuation flights from Kabul on "
        "Saturday, two days after the suicide attack outside the airport that killed more than "
        "170 people. The Taliban said they had taken control of three gates of the airport. "
        "Officials warned that another attack in the city was highly likely.",
        date(2021, 8, 28),
        title=title,
    )
    (event,) = [e for e in x.events if e.sub_event_type == "Suicide bomb"]
    assert event.place is not None and event.place.name == "Kabul"
    assert event.place.geo_precision == 2 and str(event.date) == "2021-08-26"


def _suicide_draft(text: str):  # type: ignore[no-untyped-def]
    from sitrep.extract.events import Draft
    from sitrep.models import Evidence, SubEventType

    return Draft(SubEventType.SUICIDE_BOMB, 0, evidence=[Evidence(0, len(text), text)])


def test_a_suicide_bomber_counts_among_the_dead_of_the_event() -> None:
    from sitrep.extract.events import with_bombers
    from sitrep.models import FatalityRange, SubEventType

    toll = FatalityRange(6, 6, 8, "conservative: lowest party claim")
    got = with_bombers(_suicide_draft("A suicide bomber killed six soldiers."), toll)
    assert got is not None and (got.low, got.best, got.high) == (7, 7, 9)
    two = with_bombers(_suicide_draft("Two suicide bombers killed six people."), toll)
    assert two is not None and two.best == 8
    # already counted, or alive, or not said to be a suicide attack: the toll as reported
    for text in (
        "A suicide bomber blew himself up, killing six.",
        "Six people, including the bomber, were killed in a suicide attack.",
        "Guards arrested a would-be suicide bomber after a blast killed six.",
        "A roadside bomb killed six soldiers.",
    ):
        assert with_bombers(_suicide_draft(text), toll) == toll, text
    from sitrep.extract.events import Draft

    other = Draft(SubEventType.REMOTE_EXPLOSIVE, 0)
    assert with_bombers(other, toll) == toll
    assert with_bombers(_suicide_draft("A suicide bomber struck."), None) is None


def _first_event(extractor, text: str):  # type: ignore[no-untyped-def]
    return extractor.extract(Article("n", text, published=date(2020, 5, 9))).events[0]


def test_the_group_a_note_names_sets_it_in_its_country(extractor) -> None:  # type: ignore[no-untyped-def]
    # no country named: the armed group says where (theatres.tsv), and the coalition's
    # "Saudi" does not send the raid to Saudi Arabia
    shells = _first_event(
        extractor, "On 6 May 2020, shells fired by LNA forces fell in Qasr Bin Ghashir."
    )
    assert shells.countries == ("Libya",) and shells.place and shells.place.latitude
    raid = (
        "On 8 May 2020, a Saudi-led coalition airstrike hit Thirah mountain (Mukayras, Al Bayda)."
    )
    assert _first_event(extractor, raid).countries == ("Yemen",)


def test_among_namesakes_the_village_where_the_group_fights(extractor) -> None:  # type: ignore[no-untyped-def]
    note = "On 8 May 2020, the OSCE SMM observed a total of 31 explosions near Holubivske."
    place = _first_event(extractor, note).place
    assert place is not None and place.admin1 in {"Luhanska oblast", "Donetska oblast"}
    # without the mission's name the note names no country, and the village stays unplaced
    bare = _first_event(extractor, note.replace("the OSCE SMM", "observers"))
    assert bare.place is None
    # the gazetteer's only Kruta Balka is in Poltava oblast, far from where the mission works:
    # the event stays in the country rather than at a namesake 265 km away
    far = _first_event(extractor, "On 9 May 2020, the OSCE SMM observed 6 shots near Kruta Balka.")
    assert far.place is None and far.countries == ("Ukraine",)


def test_a_note_is_where_it_sets_a_place_in_its_areas(extractor) -> None:  # type: ignore[no-untyped-def]
    # two towns, equally precise: the one the note sets in its province is the event's
    note = "On 1 May 2020, a party unit staged a protest near the Jalandhar bypass in Ludhiana (Punjab)."
    place = _first_event(extractor, note).place
    assert place is not None and place.name == "Ludhiana"


def test_a_note_is_where_its_bracketed_spelling_says(extractor) -> None:  # type: ignore[no-untyped-def]
    # the gazetteer lacks Kallithea; the note says it codes the event to Athens
    note = (
        "On 2 March 2019, dozens of nurses protested outside a clinic in Kallithea "
        "[coded to Athens-South Athens] over pay."
    )
    place = _first_event(extractor, note).place
    assert place is not None and place.country == "Greece" and place.name == "Athens"


class _Says:
    def __init__(self, label: str) -> None:
        self.label = label

    def predict(self, texts):  # type: ignore[no-untyped-def]
        return [(self.label, 0.9) for _ in texts]


def test_the_taker_corrects_the_models_capture_sub_type(extractor) -> None:  # type: ignore[no-untyped-def]
    from sitrep.extract.pipeline import Extractor

    ex = Extractor(geocoder=extractor.geocoder, classifier=_Says("Government regains territory"))
    note = "On 3 May 2020, militants recaptured the village of Basra from government forces."
    (event,) = ex.extract(Article("n", note, published=date(2020, 5, 9))).events
    assert event.sub_event_type == "Non-state actor overtakes territory"
    army = note.replace("militants recaptured", "the army recaptured").replace(
        "government forces", "the rebels"
    )
    (event,) = ex.extract(Article("n", army, published=date(2020, 5, 9))).events
    assert event.sub_event_type == "Government regains territory"


def test_a_protest_the_police_broke_up_is_one_with_intervention(extractor) -> None:  # type: ignore[no-untyped-def]
    from sitrep.extract.pipeline import Extractor

    ex = Extractor(geocoder=extractor.geocoder, classifier=_Says("Peaceful protest"))
    note = "On 9 May 2020, about 500 workers staged a protest in Surat city (Surat, Gujarat)."
    (event,) = ex.extract(Article("n", note, published=date(2020, 5, 9))).events
    assert event.sub_event_type == "Peaceful protest"
    stopped = note + " Police dispersed them and arrested nearly 60 of them."
    (event,) = ex.extract(Article("n", stopped, published=date(2020, 5, 9))).events
    assert event.sub_event_type == "Protest with intervention"


def test_police_beating_people_is_an_attack_not_mob_violence(extractor) -> None:  # type: ignore[no-untyped-def]
    from sitrep.extract.pipeline import Extractor

    ex = Extractor(geocoder=extractor.geocoder, classifier=_Says("Mob violence"))
    note = (
        "On 5 May 2020, {} assaulted a family in Chittorgarh (Rajasthan) for violating the curfew."
    )
    (event,) = ex.extract(Article("n", note.format("police"), published=date(2020, 5, 9))).events
    assert event.sub_event_type == "Attack"
    (event,) = ex.extract(Article("n", note.format("villagers"), published=date(2020, 5, 9))).events
    assert event.sub_event_type == "Mob violence"


def test_a_currency_names_no_country_of_the_event(extractor) -> None:  # type: ignore[no-untyped-def]
    note = "On 29 April 2020, protesters against the high US dollar exchange rate blocked a road."
    assert "United States" not in _first_event(extractor, note).countries


def test_the_areas_a_found_place_lies_in_do_not_take_its_place(extractor) -> None:  # type: ignore[no-untyped-def]
    # "Marib" names the province Majzar lies in, not the city of Marib, finer on a map
    place = _first_event(
        extractor, "On 9 May 2020, six airstrikes hit Majzar district (Marib)."
    ).place
    assert place is not None and place.admin2 == "Majzar" and place.name != "Ma'rib"
    # a place the gazetteer does not know leaves its area to stand for it
    unknown = "On 7 May 2020, protesters gathered in Qorblaxville village (Kandahar)."
    place = _first_event(extractor, unknown).place
    assert place is not None and place.country == "Afghanistan"


def test_a_nationality_firing_from_afar_does_not_outvote_where_it_hit(extractor) -> None:  # type: ignore[no-untyped-def]
    # "Saudi" modifies the aircraft: whose they are; the camps named are in Yemen
    note = (
        "On 2 May 2020, Saudi military aircrafts reportedly flew over the STC-controlled Mori, "
        "Ash Shawati, and Nawjid military camps (Hidaybu, Suqutra), dropping light bombs."
    )
    assert _first_event(extractor, note).countries == ("Yemen",)


_STORY = (
    "Suicide bomber kills 9 at police checkpoint\n\n"
    "A suicide bomber rammed into a police checkpoint in northwestern Pakistan on Thursday, "
    "killing nine officers and wounding 15 others, police said.\n\n"
    "No group claimed responsibility, but suspicion fell on the TTP, which ended a cease-fire "
    "with the government last year.\n\n"
    "The previous day, gunmen killed two soldiers in an ambush in North Waziristan, the "
    "military said in a statement.\n\n"
    "In a separate incident, three people were killed in Bajaur, officials said.\n\n"
    "Officials say more than 500 members of the security forces have been killed in the "
    "province since January."
)


def _story_events(extractor):  # type: ignore[no-untyped-def]
    x = _extract(extractor, _STORY, date(2023, 11, 14))
    return {(e.sub_event_type, e.date): e for e in x.events}


def test_the_previous_day_counts_from_a_day_not_from_last_year(extractor) -> None:  # type: ignore[no-untyped-def]
    dates = {d for _, d in _story_events(extractor)}
    assert date(2023, 11, 8) in dates  # the day before Thursday the 9th
    assert all(d is not None and d.year == 2023 for d in dates)


def test_a_separate_mention_is_an_event_of_its_own(extractor) -> None:  # type: ignore[no-untyped-def]
    # undated, with no trigger: without "separate" its figure would join the bombing
    tolls = sorted(e.fatalities.best for e in _story_events(extractor).values() if e.fatalities)
    assert tolls == [2, 3, 10]  # the ambush, Bajaur, the bombing (with its bomber)


def test_a_running_toll_is_no_figure_of_the_last_event(extractor) -> None:  # type: ignore[no-untyped-def]
    for e in _story_events(extractor).values():
        assert e.fatalities is None or e.fatalities.high < 500, e


_VILLAGE = (
    "Gunmen kill 20 villagers in northwest Nigeria\n\n"
    "Gunmen on motorcycles attacked a village in Zamfara state on Sunday, killing at least 20 "
    "people and abducting dozens of others, residents said.\n\n"
    "A police spokesman put the death toll at 12.\n\n"
    "Armed gangs have killed hundreds of people in the northwest this year."
)


def _village(extractor):  # type: ignore[no-untyped-def]
    title = _VILLAGE.split("\n", 1)[0]
    return _extract(extractor, _VILLAGE, date(2023, 1, 9), title=title)  # a Monday


def test_a_lead_without_a_trigger_dates_the_headlines_event(extractor) -> None:  # type: ignore[no-untyped-def]
    (event,) = _village(extractor).events
    assert event.date == date(2023, 1, 8)
    assert event.place is not None and event.place.admin1 == "Zamfara"


def test_a_toll_of_this_year_is_no_event_and_no_figure_of_one(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _village(extractor)
    assert len(x.events) == 1 and x.events[0].fatalities is not None
    assert x.events[0].fatalities.high == 20
    running = [f for f in x.casualties if f.count.low == 200]
    assert running and all(f.event_index is None for f in running)


def test_march_the_month_is_no_protest(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rebels kill 12 civilians in eastern Congo, army says\n\n"
        "GOMA, Democratic Republic of Congo, March 3 (Reuters) - M23 rebels killed at least 12 "
        "civilians in an attack on the village of Kishishe in North Kivu province on Tuesday, "
        "the Congolese army said on Thursday.\n\n"
        "The United Nations mission said it was investigating reports that more than 130 people "
        "were killed in the area in November."
    )
    # as the pipeline reads it: cleaned (the headline found, the dateline on its own line)
    x = _cleaned(extractor, text, date(2023, 3, 3))
    assert all(e.event_type != "Protests" for e in x.events)
    main = x.events[0]
    assert main.date == date(2023, 2, 28) and main.countries == ("Democratic Republic of Congo",)
    # November's toll is another time's: no figure of Tuesday's attack
    assert main.fatalities is not None and main.fatalities.high == 12


def test_the_accused_partys_own_account_does_not_retype_the_event(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rebels kill 12 civilians in eastern Congo, army says\n\n"
        "Rebels killed at least 12 civilians in an attack on the village of Kishishe in North "
        "Kivu province on Tuesday, the Congolese army said on Thursday.\n\n"
        "A rebel spokesman denied the accusation and said the group's fighters had clashed "
        "with local militias.\n\n"
        "The army said it had sent reinforcements to the area."
    )
    x = _cleaned(extractor, text, date(2023, 3, 3))
    assert [e.sub_event_type for e in x.events] == ["Attack"]


def test_the_strikes_hit_places_the_event_told_before(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Turkish strikes kill 11 in northeast Syria, monitor says\n\n"
        "Turkish air strikes on Kurdish-held areas of northeastern Syria killed at least 11 "
        "people on Sunday, a war monitor said.\n\n"
        "The Syrian Observatory for Human Rights said the strikes hit villages near Kobani.\n\n"
        "Kurdish-led forces said in Qamishli that civilian infrastructure had been targeted in "
        "Raqqa and Hasakah."
    )
    # two other towns named: no "one town the story names" to fall back to
    x = _extract(extractor, text, date(2022, 11, 20), title=text.split("\n", 1)[0])
    (event,) = x.events
    assert event.place is not None and event.place.country == "Syria"
    assert event.place.latitude is not None and abs(event.place.latitude - 36.89) < 0.2


def _said(n: int, victim: str, kind, claimant: str | None):  # type: ignore[no-untyped-def]
    from records import evidence, figure
    from sitrep.models import ClaimantType

    ctype = ClaimantType.GOVERNMENT if claimant else ClaimantType.MEDIA
    said = evidence(f"{n} {victim} were killed.")
    return figure(n, n, claimant, ctype, said, victim=victim, kind=kind, side=None)


def test_claimants_who_count_other_victims_tell_parts_of_one_toll() -> None:
    from sitrep.extract.events import fatality_range
    from sitrep.models import VictimKind

    sf, mil = VictimKind.SECURITY_FORCES, VictimKind.MILITANTS
    # a headline's "two soldiers", the military's two soldiers and its media wing's five
    # attackers: 7 in all
    parts = [
        _said(2, "soldiers", sf, None),
        _said(2, "soldiers", sf, "military"),
        _said(5, "attackers", mil, "media wing"),
    ]
    toll = fatality_range(parts)
    assert toll is not None and (toll.low, toll.best, toll.high) == (7, 7, 7)
    # rival claims give one group two numbers: they bound the toll instead
    rivals = [_said(23, "soldiers", sf, "military"), _said(58, "soldiers", sf, "Taliban")]
    toll = fatality_range(rivals)
    assert toll is not None and (toll.low, toll.high) == (23, 58)
    # a party's count of victims it does not place may be anyone's dead: no sum
    from dataclasses import replace

    from sitrep.models import Claimant, ClaimantType

    boast = replace(
        _said(30, "officials", VictimKind.UNSPECIFIED, None),
        claimant=Claimant("al-Shabaab", ClaimantType.PARTY),
    )
    toll = fatality_range([_said(6, "attackers", mil, "police"), boast])
    assert toll is not None and (toll.low, toll.high) == (6, 30)


def test_officials_who_differ_on_one_group_still_count_the_others() -> None:
    from dataclasses import replace

    from sitrep.extract.events import fatality_range
    from sitrep.models import Claimant, ClaimantType, Count, VictimKind

    civ, sf, mil = VictimKind.CIVILIAN, VictimKind.SECURITY_FORCES, VictimKind.MILITANTS
    source = replace(
        _said(10, "soldiers", sf, None),
        claimant=Claimant("security source", ClaimantType.ANONYMOUS),
    )
    dozens = replace(_said(24, "people", VictimKind.UNSPECIFIED, None), count=Count(24, None, True))
    figures = [
        dozens,  # the headline's "Dozens killed"
        _said(35, "civilians", civ, "government"),
        _said(7, "soldiers", sf, "government"),
        _said(80, "attackers", mil, "president"),
        source,  # "a security source put the number of soldiers killed at 10"
    ]
    toll = fatality_range(figures)
    # the soldiers are 7 or 10; the civilians and attackers count in either reading
    assert toll is not None and (toll.low, toll.best, toll.high) == (24, 122, 125)


def test_the_strike_hit_dates_the_event_its_lead_dated_only_by_the_report(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Air strike on village kills 12, residents say\n\n"
        "An air strike on a village in northern Shan state killed at least 12 people, "
        "residents said on Tuesday.\n\n"
        "The strike hit Namhsan village on Monday as people gathered at a market, two residents "
        "said.\n\n"
        "A spokesman for the military government denied that civilians had been targeted.\n\n"
        "Aid groups said hundreds of families had fled the area since the start of the month."
    )
    x = _extract(
        extractor, text, date(2023, 11, 15), title="Air strike on village kills 12, residents say"
    )
    assert x.events and x.events[0].date == date(2023, 11, 13)


def test_firing_on_military_posts_is_a_clash(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Border tensions rise after air strikes\n\n"
        "Air strikes on two eastern provinces killed eight people, a government spokesman said "
        "on Monday.\n\n"
        "The strikes hit homes in two border districts before dawn, the spokesman said.\n\n"
        "Hours later, border forces fired on military posts along the frontier, the spokesman "
        "said.\n\n"
        "The other side's military said three of its soldiers were wounded."
    )
    x = _extract(extractor, text, date(2024, 3, 18), title="Border tensions rise after air strikes")
    assert "Armed clash" in [str(e.sub_event_type) for e in x.events]


def test_a_town_and_its_province_run_on_with_no_comma(extractor) -> None:  # type: ignore[no-untyped-def]
    note = "On 30 April 2020, in Eldorado Sinaloa, the body of a man was found. 1 fatality."
    place = _first_event(extractor, note).place
    assert place is not None and place.country == "Mexico" and place.admin1 == "Sinaloa"
    # "California" alone had voted for the United States; Tijuana lies in Baja California
    note = "On 8 May 2020, in Tijuana Baja California, a man was found dead. 1 fatality."
    place = _first_event(extractor, note).place
    assert place is not None and place.country == "Mexico" and place.name == "Tijuana"
    # a demonym before a region is whose, not a town in it
    note = "On 30 April 2020, a mortar killed three in Pakistani Kashmir."
    place = _first_event(extractor, note).place
    assert place is None or place.country != "India"


def test_a_namesake_in_the_country_the_rest_of_the_note_points_to(extractor) -> None:  # type: ignore[no-untyped-def]
    # Libya's Tripoli is the larger, but only the name itself voted for Libya
    note = (
        "On 12 June 2021, shopkeepers angry at the banks of Lebanon held a sit-in in Tripoli city."
    )
    place = _first_event(extractor, note).place
    assert place is not None and (place.name, place.country) == ("Tripoli", "Lebanon")
    # with nothing else in the note, the larger namesake stays
    note = "On 12 June 2021, shopkeepers held a sit-in in Tripoli."
    place = _first_event(extractor, note).place
    assert place is not None and (place.name, place.country) == ("Tripoli", "Libya")


def test_the_areas_after_a_country_place_a_note_that_names_nothing_finer(extractor) -> None:  # type: ignore[no-untyped-def]
    note = (
        "On 9 June 2021, an air raid was reported on a hamlet in northwestern Yemen (Razih, Sadah)."
    )
    place = _first_event(extractor, note).place
    assert place is not None and place.kind != "country" and place.geo_precision == 2
    assert place.latitude is not None and abs(place.latitude - 16.91) < 0.3
    # a district the note names keeps the event; the areas after the country are its own
    note = "On 9 June 2021, shells hit Hays district in western Yemen (Al Hudaydah)."
    place = _first_event(extractor, note).place
    assert place is not None and place.admin2 is not None and "Hays" in place.admin2


def test_the_province_a_district_is_said_to_lie_in_does_not_outrank_it(extractor) -> None:  # type: ignore[no-untyped-def]
    # "in Ghazni" reads as Ghazni city, finer than a district: it names the district's province
    note = "On 12 June 2021, hundreds of farmers protested in Jaghuri district in Ghazni."
    place = _first_event(extractor, note).place
    assert place is not None and place.kind == "admin2" and place.geo_precision == 2


def test_a_town_that_only_gives_a_bearing_does_not_place_the_event(extractor) -> None:  # type: ignore[no-untyped-def]
    note = "On 12 June 2021, air raids were reported on Sirwah district west of Marib city (Marib)."
    place = _first_event(extractor, note).place
    assert place is not None and place.admin2 is not None and "irw" in place.admin2
    # a measured offset keeps its landmark, and "in the north of X" is inside X
    note = (
        "On 12 June 2021, gunmen clashed with police in the north of Aden, 200m north of the port."
    )
    place = _first_event(extractor, note).place
    assert place is not None and place.admin1 is not None and "Adan" in place.admin1


def test_a_note_headed_by_its_category_keeps_it(extractor) -> None:  # type: ignore[no-untyped-def]
    note = (
        "Security measures: On 3 June 2021, militants stormed a police office in Aden and "
        "detained several policemen."
    )
    event = _first_event(extractor, note)
    assert event.sub_event_type == SubEventType.CHANGE_TO_GROUP


def test_a_town_the_model_mislabelled_places_an_article_event_in_its_country(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sudan air strike kills 12\n\nKHARTOUM, April 16 (Wire) - Sudan's army said an air strike "
        "hit a base of the Rapid Support Forces in Omdurman on Saturday, killing 12 fighters."
    )
    x = _cleaned(extractor, text, date(2023, 4, 16))
    strike = [e for e in x.events if e.event_type == "Explosions/Remote violence"]
    assert strike and strike[0].place is not None and strike[0].place.name == "Omdurman"
    # the same name in a story about another country is no town of it
    text = (
        "WASHINGTON, April 16 (Wire) - The bill on Sudan aid was debated in Congress on Saturday, "
        "a day after protests in Portland, Oregon."
    )
    x = _extract(extractor, text, date(2023, 4, 16), title="Congress debates aid")
    assert all(e.place is None or e.place.name != "Congress" for e in x.events)


def test_a_wire_brief_is_placed_where_its_body_says_not_at_its_dateline(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Air strike kills 12 in Sudan\n\nKHARTOUM, April 16 (Wire) - An air strike hit a base of "
        "the Rapid Support Forces in Port Sudan on Saturday, killing 12 fighters, the army said."
    )
    x = _cleaned(extractor, text, date(2023, 4, 16))
    assert x.events and x.events[0].place is not None and x.events[0].place.name == "Port Sudan"
    # with no other place, the dateline's town stands
    text = (
        "Air strike kills 12\n\nKHARTOUM, April 16 (Wire) - An air strike hit a base of the "
        "Rapid Support Forces on Saturday, killing 12 fighters, the army said."
    )
    x = _cleaned(extractor, text, date(2023, 4, 16))
    assert x.events and x.events[0].place is not None and x.events[0].place.name == "Khartoum"


def test_a_mislabelled_town_set_in_its_area_is_placed_there(extractor) -> None:  # type: ignore[no-untyped-def]
    # "Khan Younis", which the model calls a person, in a story whose only country words are
    # "Israeli" and "the Gaza Strip": the area it is set in vouches for it
    text = (
        "Israeli strike kills seven in Gaza\n\nGAZA (Wire) - An Israeli air strike on a house in "
        "Khan Younis in the southern Gaza Strip killed seven people overnight, the health "
        "ministry said on Friday.\n\nThe Israeli military said it had struck a command centre "
        "in the area. It did not comment on the toll.\n\nResidents said the family had fled "
        "their home in the north two weeks earlier. Rescue workers searched the rubble for "
        "survivors until dawn."
    )
    x = _cleaned(extractor, text, date(2023, 10, 20))
    assert x.events and x.events[0].place is not None
    assert x.events[0].place.country == "Palestine" and x.events[0].place.kind == "city"


def test_a_group_told_without_and_with_its_side_is_one_group() -> None:
    from dataclasses import replace

    from sitrep.extract.events import fatality_range
    from sitrep.models import VictimKind

    sf = VictimKind.SECURITY_FORCES
    # the headline's "two soldiers martyred", the lead's two Pakistani soldiers, and five
    # Indian soldiers the same military claims: 7, not 9
    figures = [
        _said(2, "soldiers", sf, None),
        replace(_said(2, "Pakistani soldiers", sf, "military"), victim_side="Pakistan"),
        replace(_said(5, "Indian soldiers", sf, "military"), victim_side="India"),
    ]
    toll = fatality_range(figures)
    assert toll is not None and (toll.low, toll.best, toll.high) == (7, 7, 7)


def test_a_border_event_is_not_moved_to_the_one_town_the_story_names(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Two soldiers killed in firing on LoC\n\nISLAMABAD, Feb 26 (Wire) - Two Pakistani soldiers "
        "were killed when Indian troops opened fire across the Line of Control on Tuesday night, "
        "the military said on Wednesday.\n\nPakistani troops responded, killing five Indian "
        "soldiers, the statement said. The Indian army denied any casualties.\n\nAn Indian army "
        "spokesman in Srinagar declined to comment further. Villagers near the frontier said "
        "they had spent the night in bunkers."
    )
    x = _cleaned(extractor, text, date(2019, 2, 27))
    clash = [e for e in x.events if e.event_type == "Battles"]
    assert clash and clash[0].place is not None and clash[0].place.kind == "border"


def test_a_headline_event_and_its_lead_with_a_finer_place_nearby_are_one(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen kidnap 20 students from school in Kaduna\n\nKADUNA, Nigeria, June 16 (Wire) - "
        "Gunmen abducted 20 students and two teachers from a secondary school in Kaduna state's "
        "Chikun district early on Monday, a state government official said.\n\nThe official "
        "said security forces had been deployed to track the kidnappers. Parents gathered at "
        "the school gate on Monday afternoon, waiting for news."
    )
    x = _cleaned(extractor, text, date(2020, 6, 16))
    abductions = [e for e in x.events if e.sub_event_type == SubEventType.ABDUCTION]
    assert len(abductions) == 1 and abductions[0].date == date(2020, 6, 15)


def test_a_date_owned_by_another_noun_does_not_date_the_event(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Police fire on protesters\n\nYANGON, March 4 (Wire) - Security forces shot dead at "
        "least 38 people on Wednesday as they fired on crowds protesting against last month's "
        "military coup, the U.N. envoy said.\n\nPolice used tear gas to disperse protesters in "
        "Yangon and Mandalay, witnesses said. A military spokesman did not answer calls."
    )
    x = _cleaned(extractor, text, date(2021, 3, 4))
    assert x.events and all(e.date == date(2021, 3, 3) for e in x.events), [
        (e.sub_event_type, e.date) for e in x.events
    ]


def test_a_retaliation_for_something_and_a_blamed_shelling_are_no_events(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Dam destroyed in southern Ukraine\n\nKHERSON, Ukraine, June 6 (Wire) - The dam was "
        "destroyed early on Tuesday, flooding villages downstream, officials said.\n\nUkraine "
        "accused Russian forces of blowing up the dam. Moscow blamed Ukrainian shelling.\n\n"
        "Putin said earlier strikes were retaliation for an explosion on a bridge."
    )
    x = _cleaned(extractor, text, date(2023, 6, 7))
    assert not [
        e
        for e in x.events
        if e.sub_event_type in {"Shelling/artillery/missile attack", "Armed clash"}
    ], x.events


def test_a_toll_that_rose_on_sunday_does_not_date_a_saturday_attack(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "School bombing toll rises to 50\n\nKABUL, May 9 (Wire) - The death toll from a series "
        "of bombs outside a girls' school in the Afghan capital rose to 50 on Sunday, officials "
        "said.\n\nMost of the victims were students. A ministry spokesman said more than 100 "
        "people were wounded in the attack in western Kabul on Saturday.\n\nThe Taliban denied "
        "responsibility and condemned the attack."
    )
    x = _cleaned(extractor, text, date(2021, 5, 9))
    assert [(e.event_type, e.date) for e in x.events] == [
        ("Explosions/Remote violence", date(2021, 5, 8))
    ]


def test_figures_of_mondays_attack_join_the_event_and_date_it(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Toll in Quetta market bombing rises to 31\n\n"
        "The death toll from a bombing at a vegetable market in Quetta rose to 31 on Tuesday, "
        "officials said.\n\n"
        "At least 60 people were wounded in Monday's attack, a hospital spokesman said.\n\n"
        "Police said the bomb had been hidden in a sack of potatoes.\n\n"
        "No group has claimed responsibility. Shops in the city stayed shut on Tuesday."
    )
    x = _extract(extractor, text, date(2019, 4, 16), title=text.split("\n", 1)[0])
    (event,) = x.events  # the wounded are of the bombing, not an attack of their own
    assert event.date == date(2019, 4, 15)  # Monday: the day the toll rose is Tuesday


def test_a_claimed_range_reaches_its_upper_bound() -> None:
    from dataclasses import replace

    from sitrep.extract.events import fatality_range
    from sitrep.models import Count, VictimKind

    ranged = replace(
        _said(150, "people", VictimKind.UNSPECIFIED, "health authorities"), count=Count(150, 200)
    )
    toll = fatality_range([_said(140, "people", VictimKind.UNSPECIFIED, None), ranged])
    assert toll is not None and (toll.low, toll.high) == (140, 200)
    # one claimant's groups add their upper bounds too: 12 soldiers and 20-30 attackers
    attackers = replace(_said(20, "attackers", VictimKind.MILITANTS, "army"), count=Count(20, 30))
    toll = fatality_range([_said(12, "soldiers", VictimKind.SECURITY_FORCES, "army"), attackers])
    assert toll is not None and (toll.low, toll.best, toll.high) == (32, 32, 42)


def test_a_death_toll_told_the_next_day_is_the_count_of_the_event(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Car bomb hits bus station in Maiduguri\n\n"
        "A car bomb exploded at a bus station in Maiduguri on Thursday, killing at least 20 "
        "travellers, police said.\n\n"
        "A hospital official said on Friday the death toll had risen to 31.\n\n"
        "The city's markets stayed closed. Schools were shut until further notice."
    )
    x = _extract(extractor, text, date(2019, 3, 9), title=text.split("\n", 1)[0])
    (event,) = x.events  # not an attack of its own on Friday
    assert event.date == date(2019, 3, 7)
    assert event.fatalities is not None and event.fatalities.high == 31


def test_an_attack_on_easter_sunday_is_dated_that_day(extractor) -> None:  # type: ignore[no-untyped-def]
    # the model calls "Easter Sunday" a facility; the toll's "on Monday" dates only the count
    text = (
        "Church bombing toll rises to 35\n\n"
        "The death toll from a bomb attack on a church in Sri Lanka on Easter Sunday rose to 35 "
        "on Monday, police said.\n\n"
        "Police said they had questioned several people.\n\n"
        "Shops in the town stayed closed. Schools were shut until further notice."
    )
    x = _extract(extractor, text, date(2019, 4, 22), title=text.split("\n", 1)[0])
    assert x.events and x.events[0].date == date(2019, 4, 21)


def test_a_roundup_total_counts_no_one_event_and_each_place_is_its_own(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Attacks across Somalia kill at least 15\n\n"
        "At least 15 people were killed in attacks across Somalia on Sunday, officials said.\n\n"
        "In Baidoa, al Shabaab fighters attacked an army base overnight, killing eight soldiers, "
        "a military officer said.\n\n"
        "Seven militants were killed when troops repelled an assault in Kismayo on Saturday, the "
        "defence ministry said. The group did not comment."
    )
    x = _extract(extractor, text, date(2019, 6, 10), title=text.split("\n", 1)[0])
    tolls = {e.place.name if e.place else None: e.fatalities for e in x.events}
    assert {"Baidoa", "Kismayo"} <= set(tolls)  # Kismayo, a day apart, is no part of Baidoa's
    assert tolls["Baidoa"] is not None and tolls["Baidoa"].high == 8  # not the roundup's 15
    assert tolls["Kismayo"] is not None and tolls["Kismayo"].best == 7


def test_a_battles_toll_since_friday_is_that_battles(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Clashes in Sudan's El Fasher kill dozens\n\n"
        "Fighting between the army and a militia in the city of El Fasher has killed at least 27 "
        "people since Friday, a local medical source said on Sunday.\n\n"
        "The militia said it had repelled an attack by the army. The army did not comment.\n\n"
        "Aid groups said hospitals were overwhelmed."
    )
    x = _extract(extractor, text, date(2023, 5, 14), title=text.split("\n", 1)[0])
    assert x.events and x.events[0].fatalities is not None and x.events[0].fatalities.best == 27


def test_the_dead_told_after_an_arson_are_the_shootings(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Police kill 20 protesters in crackdown\n\n"
        "Police killed at least 20 protesters in the capital on Sunday, a rights group said.\n\n"
        "Most of the dead were in an industrial suburb, where several factories were set on fire.\n\n"
        "The rights group said 12 people were killed in the suburb alone.\n\n"
        "The government did not comment."
    )
    x = _extract(extractor, text, date(2021, 3, 15), title=text.split("\n", 1)[0])
    arson = [e for e in x.events if e.sub_event_type == "Looting/property destruction"]
    assert all(e.fatalities is None for e in arson)  # the fire killed no one the story counts


def test_people_wounded_told_the_next_day_are_the_strikes_not_an_attack(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rocket strike on Mariupol market kills 14\n\n"
        "A rocket hit a market in the port city of Mariupol on Tuesday, killing at least 14 "
        "people, city officials said.\n\n"
        "The head of the Donetsk region said on Wednesday that 40 people had been wounded.\n\n"
        "Shops in the city stayed closed. Schools were shut until further notice."
    )
    x = _extract(extractor, text, date(2019, 3, 13), title=text.split("\n", 1)[0])
    (event,) = x.events  # the wounded, with no word of how, are the rocket's
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.date == date(2019, 3, 12)


def test_a_town_of_the_named_country_is_no_vote_for_a_province_abroad(extractor) -> None:  # type: ignore[no-untyped-def]
    # Uri is a Swiss canton and a town in Indian Kashmir; the story names India
    text = (
        "Five soldiers killed in Kashmir camp attack\n\n"
        "SRINAGAR, India - Militants stormed a paramilitary camp near the Line of Control in "
        "Kashmir early on Sunday, killing five soldiers, the army said.\n\n"
        "All three attackers were killed in a gunfight at the camp in Uri, a spokesman said.\n\n"
        "India blamed Pakistan. Shops in the town stayed closed and schools were shut."
    )
    x = _cleaned(extractor, text, date(2018, 5, 9))
    assert x.events and {e.place.country for e in x.events if e.place} == {"India"}


def test_a_short_briefs_dateline_town_is_where_it_was_filed_not_where(extractor) -> None:  # type: ignore[no-untyped-def]
    # the parser cuts "SRINAGAR, India -" in two; the district of the lead is where
    text = (
        "Two policemen killed in Kashmir\n\n"
        "SRINAGAR, India - Gunmen attacked a police post in Baramulla on Tuesday, killing two "
        "policemen, Indian officials said.\n\n"
        "The attackers fled. Shops in the town stayed closed and schools were shut."
    )
    x = _cleaned(extractor, text, date(2018, 5, 9))
    (event,) = x.events
    assert event.place is not None and event.place.admin2 == "Bāramūla"


def test_a_district_of_the_city_is_no_province_abroad_and_a_later_blast_is_its_own(
    extractor,
) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Blasts hit Somali capital\n\n"
        "MOGADISHU (Wire) - A car bomb exploded outside a restaurant in Mogadishu on Sunday, "
        "killing at least 12 people, police said.\n\n"
        "A second blast hit a checkpoint in the Medina district three hours later, killing "
        "three soldiers, a police officer said.\n\n"
        "Shops in the city stayed closed. Schools were shut until further notice."
    )
    x = _cleaned(extractor, text, date(2019, 3, 11))
    # Medina is a district of Mogadishu here, not Saudi Arabia's Medina province
    assert len(x.events) == 2
    assert {e.place.country for e in x.events if e.place} == {"Somalia"}


def test_the_city_named_by_its_kind_alone_is_the_town_last_named(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rockets hit Aleppo again\n\n"
        "An air strike on a market in Idlib killed four people on Friday, Syrian state media "
        "said.\n\n"
        "Rockets struck a residential area of Aleppo early on Friday, killing eight civilians, "
        "the monitoring group said.\n\n"
        "On March 1, a rocket attack on the city killed five people, according to the "
        "group.\n\n"
        "Residents said many families had left for the countryside in recent weeks."
    )
    x = _extract(extractor, text, date(2019, 3, 9), title=text.split("\n", 1)[0])
    earlier = [e for e in x.events if e.date == date(2019, 3, 1)]
    assert earlier and earlier[0].place is not None and earlier[0].place.name == "Aleppo"


def test_hamas_sets_a_story_in_palestine(extractor) -> None:  # type: ignore[no-untyped-def]
    # "Israeli" alone would take "Gaza" to the Israeli district of that name
    text = (
        "Blast at Gaza clinic kills 12\n\n"
        "GAZA (Wire) - An explosion at a clinic in Gaza City on Tuesday killed 12 people, the "
        "Gaza health ministry said, blaming an Israeli strike.\n\n"
        "The Israeli military said a rocket fired by the Hamas group had fallen short.\n\n"
        "U.S. officials said they were gathering information."
    )
    x = _cleaned(extractor, text, date(2019, 5, 8))
    assert x.events and x.events[0].place is not None
    assert x.events[0].place.country == "Palestine"


def test_attackers_killed_told_the_next_day_are_the_attacks_not_a_clash(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen storm Kampala mall\n\n"
        "Gunmen stormed a shopping mall in Kampala on Saturday, killing at least 11 people, "
        "police said.\n\n"
        "The interior minister said on Sunday that all three attackers had been killed.\n\n"
        "Shops in the city stayed closed. Schools were shut until further notice."
    )
    x = _extract(extractor, text, date(2019, 3, 11), title=text.split("\n", 1)[0])
    (event,) = x.events  # no clash of its own on Sunday
    assert event.date == date(2019, 3, 9)
    # the attackers are no rival toll to the police's 11: best stays 11, not 3
    assert event.fatalities is not None and event.fatalities.best == 11


def test_an_untagged_dateline_town_places_an_event_the_story_does_not(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Judge shot dead at home\n\n"
        "PORT-AU-PRINCE (Wire) - A Haitian judge was shot dead at his home early on Tuesday by "
        "unidentified gunmen, police said.\n\n"
        "His wife was wounded. The government condemned the killing and promised an inquiry."
    )
    x = _cleaned(extractor, text, date(2019, 3, 13))
    assert x.events and x.events[0].place is not None
    assert x.events[0].place.name == "Port-au-Prince"


def test_a_shootout_is_a_clash_cue() -> None:
    from sitrep.extract.lexicon import default_lexicon
    from sitrep.extract.mentions import triggers_in

    found = [t for t, _, _ in triggers_in("A shoot-out broke out with police.", default_lexicon())]
    assert found == [SubEventType.ARMED_CLASH]


def test_a_partys_own_claim_does_not_make_the_officials_parts_rivals() -> None:
    from dataclasses import replace

    from sitrep.extract.events import fatality_range
    from sitrep.models import ClaimantType, VictimKind

    police = _said(10, "policemen", VictimKind.SECURITY_FORCES, "provincial official")
    insurgents = _said(12, "insurgents", VictimKind.MILITANTS, "interior ministry")
    claimed = _said(15, "police", VictimKind.SECURITY_FORCES, "Taliban")
    claimed = replace(claimed, claimant=replace(claimed.claimant, type=ClaimantType.PARTY))
    toll = fatality_range([police, claimed, insurgents])
    # the officials' 10 police and 12 insurgents are one toll of 22; the Taliban's 15 its rival
    # (and, as the lowest claim, the best: FORMAT.md §2); it had been 10 / 10 / 15
    assert toll is not None and (toll.low, toll.best, toll.high) == (15, 15, 22)


def test_weapons_seized_by_the_attackers_are_no_disrupted_weapons_use() -> None:
    from sitrep.extract.lexicon import default_lexicon
    from sitrep.extract.mentions import triggers_in

    lex = default_lexicon()
    raid = "The rebels said they had killed six guards and seized weapons."
    assert SubEventType.DISRUPTED_WEAPONS_USE not in [t for t, _, _ in triggers_in(raid, lex)]
    cache = "Troops seized weapons and explosives in a raid on a hideout."
    assert SubEventType.DISRUPTED_WEAPONS_USE in [t for t, _, _ in triggers_in(cache, lex)]
