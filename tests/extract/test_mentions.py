"""Place names an event sentence gives, with the areas it says they lie in."""

from __future__ import annotations

import pytest

from sitrep.extract.mentions import _hints, event_place_names, is_anchor, triggers_in
from sitrep.models import SubEventType
from sitrep.nlp import load_nlp


@pytest.mark.parametrize(
    ("tail", "hints"),
    [
        (
            " village, Kolofata subdivision (Mayo-Sava, Extreme-Nord). One",
            ("Kolofata", "Mayo-Sava", "Extreme-Nord"),
        ),
        (", Tibu, Norte de Santander department, a leader", ("Tibu", "Norte de Santander")),
        (" (Nellore, AP) on Monday", ("Nellore", "AP")),
        (" town in Idleb countryside, killing", ("Idleb",)),
        (" district, Logar.", ("Logar",)),
        (" on Monday, police said", ()),
        # "X neighbourhood of Y": Y encloses X
        (" neighborhood of Cankaya, Ankara on", ("Cankaya", "Ankara")),
        (" area of Qala i Naw district, Badghis.", ("Qala i Naw", "Badghis")),
        (" of Kabul", ()),
        # a capital "City" is part of the name; a lower-case "city" is a generic word
        (", Davao City on", ("Davao City",)),
        (" (Surat city, Gujarat)", ("Surat", "Gujarat")),
        # a port's areas follow "port city" as a town's follow "city"
        (" port city (Al Hali, Al Hudaydah) with", ("Al Hali", "Al Hudaydah")),
        # two generic words, and South Asia's units
        (" sector area (Poonch district, J&K).", ("Poonch", "J&K")),
        (" police station area (Bhagalpur, Bihar)", ("Bhagalpur", "Bihar")),
        (
            " in Dighinala upazila (Khagrachhari, Chittagong).",
            ("Dighinala", "Khagrachhari", "Chittagong"),
        ),
        (" residential villages (Razih, Sadah). No", ("Razih", "Sadah")),
        (" on Monday (local time)", ()),
        (", Tunapuna/Piarco, a man", ("Tunapuna/Piarco",)),
        (" front (Qaatabah, Ad Dali) with", ("Qaatabah", "Ad Dali")),
        # a list of places, not a chain of areas; one comma before "and" may still be a chain
        (", Ghor, Laghman, and Balkh provinces.", ()),
        (", Ghor, Laghman and Balkh provinces.", ()),
        (", Borno and Yola, Adamawa.", ("Borno",)),
        (" (Sirwah, Marib), Nihm, and Taizz", ("Sirwah", "Marib")),
    ],
)
def test_hints_follow_chains_of_enclosing_areas(tail: str, hints: tuple[str, ...]) -> None:
    assert _hints(tail) == hints


def _names(text: str, loose: bool = True) -> list[tuple[str, tuple[str, ...]]]:
    doc = load_nlp()(text)
    return [(p.name, p.hints) for s in doc.sents for p in event_place_names(s, loose=loose)]


def test_coder_note_places_with_parenthesised_areas() -> None:
    names = _names("On 8 May 2020, a prisoner died in the prison of Hauban (Salh, Taizz).")
    assert ("Hauban", ("Salh", "Taizz")) in names


def test_a_generic_word_makes_a_name_a_place() -> None:
    names = dict(_names("Workers took to the streets of Surat city (Surat, Gujarat) on Monday."))
    assert names.get("Surat city") == ("Surat", "Gujarat")


def test_loose_names_are_only_read_in_notes() -> None:
    text = "On 8 May 2020, a prisoner died in the prison of Hauban (Salh, Taizz)."
    assert all(name != "Hauban" for name, _ in _names(text, loose=False))


def test_city_of_names_a_place_in_articles_too() -> None:
    text = "A missile struck the railway station in the eastern Ukrainian city of Kramatorsk on Friday."
    assert "Kramatorsk" in [name for name, _ in _names(text, loose=False)]


def test_a_name_that_modifies_a_facility_says_where() -> None:
    doc = load_nlp()(
        "The death toll from the missile attack on the Kramatorsk railway station rose to 52."
    )
    labels = {e.text: e.label_ for e in doc.ents}
    names = [p.name for s in doc.sents for p in event_place_names(s)]
    # whatever label the model gives it (it has said PRODUCT), the station's town is a place
    assert "Kramatorsk railway station" in names or labels.get("Kramatorsk") in {
        "GPE",
        "LOC",
        "FAC",
    }
    assert any("Kramatorsk" in n for n in names)


def test_names_found_by_a_pattern_are_marked_as_guesses() -> None:
    doc = load_nlp()(
        "On 8 May 2020, doctors demonstrated at the University in Akure (Akure South, Ondo)."
    )
    found = {p.name: p.guessed for s in doc.sents for p in event_place_names(s, loose=True)}
    assert found.get("University") is True


def _doc(words, heads, deps, pos, ents):
    """A parse given by hand: what the model sometimes says, whatever it says today."""
    from spacy.tokens import Doc, Span

    after = [*words[1:], "."]
    spaces = [nxt not in {",", ".", ")"} and w != "(" for w, nxt in zip(words, after, strict=True)]
    doc = Doc(load_nlp().vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def test_a_place_set_off_by_commas_from_the_noun_it_modifies_is_where() -> None:
    # the model made "Oaxaca" a modifier of "teachers": far away, past two commas, it says where
    words = ["In", "Oaxaca", ",", "Oaxaca", ",", "around", "50", "teachers", "protested", "."]
    heads = [8, 7, 1, 1, 1, 6, 7, 8, 8, 8]
    deps = ["prep", "nmod", "punct", "conj", "punct", "advmod", "nummod", "nsubj", "ROOT", "punct"]
    pos = ["ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "ADV", "NUM", "NOUN", "VERB", "PUNCT"]
    doc = _doc(words, heads, deps, pos, [(1, 2, "GPE")])
    names = [(p.name, p.hints) for p in event_place_names(doc[:], loose=False)]
    assert names == [("Oaxaca", ("Oaxaca",))]


def test_a_country_right_before_its_noun_is_still_whose() -> None:
    doc = _doc(
        ["The", "Kenya", "army", "said", "it", "."],
        [2, 2, 3, 3, 3, 3],
        ["det", "compound", "nsubj", "ROOT", "dobj", "punct"],
        ["DET", "PROPN", "NOUN", "VERB", "PRON", "PUNCT"],
        [(1, 2, "GPE")],
    )
    assert event_place_names(doc[:], loose=False) == []


def test_an_entity_that_swallowed_an_open_parenthesis_gives_the_area_as_a_hint() -> None:
    # the model's span "Dakar (Dakar": the name is before the parenthesis, the area inside it
    words = ["Nurses", "marched", "in", "Dakar", "(", "Dakar", ")", "."]
    heads = [1, 1, 1, 2, 3, 3, 3, 1]
    deps = ["nsubj", "ROOT", "prep", "pobj", "punct", "appos", "punct", "punct"]
    pos = ["NOUN", "VERB", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "PUNCT"]
    doc = _doc(words, heads, deps, pos, [(3, 6, "FAC")])
    names = [(p.name, p.hints) for p in event_place_names(doc[:], loose=False)]
    assert names == [("Dakar", ("Dakar",))]


def test_a_place_after_a_compass_point_of_is_where() -> None:
    # "in the northeast of Hays": where, unlike "the takeover of Afghanistan"
    words = ["Clashes", "erupted", "in", "the", "northeast", "of", "Hays", "."]
    heads = [1, 1, 1, 4, 2, 4, 5, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "prep", "pobj", "punct"]
    pos = ["NOUN", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"]
    doc = _doc(words, heads, deps, pos, [(6, 7, "GPE")])
    assert [p.name for p in event_place_names(doc[:], loose=False)] == ["Hays"]


def test_a_name_before_an_administrative_unit_is_where() -> None:
    # "Celaya" modifies "municipality": a place, not whose (as "Pakistan army" is)
    names = _names("On 2 May 2020, in Celaya municipality, Guanajuato, a man was found dead.")
    assert ("Celaya municipality", ("Guanajuato",)) in names


def test_a_name_the_model_cut_short_is_read_whole_with_its_reading_kept() -> None:
    words = ["Protesters", "gathered", "in", "San", "Juan", "Bautista", "Tuxtepec", ",", "Oaxaca"]
    heads = [1, 1, 1, 4, 2, 4, 4, 4, 4]
    deps = ["nsubj", "ROOT", "prep", "compound", "pobj", "appos", "appos", "punct", "appos"]
    pos = ["NOUN", "VERB", "ADP", "PROPN", "PROPN", "PROPN", "PROPN", "PUNCT", "PROPN"]
    doc = _doc(words, heads, deps, pos, [(3, 5, "GPE")])
    (found,) = [p for p in event_place_names(doc[:], loose=True) if p.offset == doc[3].idx]
    assert (found.name, found.hints, found.shorter) == (
        "San Juan Bautista Tuxtepec",
        ("Oaxaca",),
        "San Juan",
    )
    # in an article (no loose patterns) the model's reading stands
    assert [p.name for p in event_place_names(doc[:], loose=False)] == ["San Juan"]


def test_a_name_whose_first_word_the_model_took_for_a_modifier_is_read_whole() -> None:
    # "Martinez" (GPE) modifies "Torre": not "whose", but the first word of the place's name
    words = ["A", "man", "was", "shot", "in", "Martinez", "de", "la", "Torre", ",", "Veracruz"]
    heads = [1, 3, 3, 3, 3, 8, 8, 8, 4, 8, 8]
    deps = ["det", "nsubjpass", "auxpass", "ROOT", "prep", "compound", "compound", "compound"]
    deps += ["pobj", "punct", "appos"]
    pos = ["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "X", "X", "PROPN", "PUNCT", "PROPN"]
    doc = _doc(words, heads, deps, pos, [(5, 6, "GPE")])
    names = [(p.name, p.hints) for p in event_place_names(doc[:], loose=True)]
    assert ("Martinez de la Torre", ("Veracruz",)) in names
    assert not any(n == "Martinez" for n, _ in names)


def test_hints_set_off_by_brackets_or_commas_mark_where_they_end() -> None:
    text = "Six airstrikes hit Majzar district (Marib) on Friday."
    (found, *_) = [p for p in event_place_names(load_nlp()(text)[:], loose=True)]
    assert (found.name, found.hints) == ("Majzar district", ("Marib",))
    assert text[found.offset + len(found.name) : found.hint_end] == " (Marib)"
    # " in X" may name a place of its own: it leaves no stretch of areas
    (near,) = [
        p
        for p in event_place_names(
            load_nlp()("Gunmen killed 5 in Afar region in the Bati woreda.")[:], loose=True
        )
        if p.name.startswith("Afar")
    ]
    assert near.hint_end in (0, near.offset + len(near.name))


def test_streets_and_capitals_of_a_city_say_where() -> None:
    # "of" after most nouns is whose ("takeover of Afghanistan"); after these it is where
    names = [
        n for n, _ in _names("Thousands marched through the streets of Nairobi on Tuesday.", False)
    ]
    assert names == ["Nairobi"]
    names = [
        n
        for n, _ in _names(
            "Mortar shells were fired into homes in the Somali capital of Mogadishu.", False
        )
    ]
    assert "Mogadishu" in names


def test_the_target_of_a_strike_is_a_candidate_place() -> None:
    # the model calls Odesa an organisation here; the gazetteer will say it is a place
    names = [n for n, _ in _names("A Russian drone strike on Odesa killed a woman.", False)]
    assert names == ["Odesa"]


def test_city_of_is_read_before_the_loose_pattern_in_notes() -> None:
    # the loose pattern alone reads "in the Syrian city" and loses "of Azaz"
    text = "A car bomb exploded in the Syrian city of Azaz on Saturday."
    assert "Azaz" in [n for n, _ in _names(text, True)]


def test_a_name_before_district_is_a_place_in_articles_too() -> None:
    # the model takes "Dera Ismail Khan" for a person
    text = "The attack happened in the Dera Ismail Khan district of the province, police said."
    assert "Dera Ismail Khan district" in [n for n, _ in _names(text, False)]


def _found(text: str, loose: bool = True) -> list:
    return [p for s in load_nlp()(text).sents for p in event_place_names(s, loose=loose)]


def test_a_note_naming_only_an_origin_means_the_origin() -> None:
    # "of"/"from" mark owners and origins; a note with no other place still means them
    names = _names("On 3 June 2019, soldiers clashed with militants in the desert of Deir-ez-Zor.")
    assert [n for n, _ in names] == ["Deir-ez-Zor"]
    # an article keeps them out
    text = "On 3 June 2019, soldiers clashed with militants in the desert of Deir-ez-Zor."
    assert _names(text, loose=False) == []


def test_an_origin_with_its_areas_is_where_when_only_those_areas_are_named() -> None:
    names = _names(
        "On 12 March 2019, youths of Umuahia (Umuahia North LGA, Abia) blocked a road to "
        "protest the arrest of a trader."
    )
    assert names[0] == ("Umuahia", ("Umuahia North", "Abia"))
    # another place of its own wins: "from" is then an origin
    names = _names(
        "On 12 March 2019, traders from Umuahia (Umuahia North LGA, Abia) rioted in Aba."
    )
    assert "Umuahia" not in [n for n, _ in names]


def test_a_bracketed_spelling_is_the_name_the_note_codes() -> None:
    (found,) = _found(
        "On 2 March 2019, unidentified gunmen killed a farmer in the area of Tarkint "
        "[Tarkinte] (Bourem, Gao)."
    )
    assert (found.name, found.alias, found.hints) == ("Tarkint", "Tarkinte", ("Bourem", "Gao"))
    found = _found(
        "On 2 March 2019, dozens of nurses protested in Kallithea [coded to Athens-South Athens] "
        "over pay."
    )
    assert [p.alias for p in found if p.name == "Kallithea"] == ["Athens-South Athens"]
    # a coder's remark in brackets is no name
    found = _found("On 2 March 2019, soldiers [assumed military] shot a man in Kallithea.")
    assert all(p.alias is None for p in found)


def test_a_determiner_before_town_is_no_name() -> None:
    names = _names("On 9 June 2019, gunmen attacked a bank in Tumaco. This town is known for it.")
    assert [n for n, _ in names] == ["Tumaco"]


def test_the_organisation_of_a_city_is_no_place() -> None:
    # the model calls the Metro a facility; "of the" makes it whose, as "of" alone does
    names = _names("On 9 June 2019, in Santiago, workers of the Metro went on strike.")
    assert [n for n, _ in names] == ["Santiago"]


def test_an_organisation_with_its_acronym_is_no_place() -> None:
    names = _names(
        "On 1 May 2019, members of the Domestic Workers Federation (DWF) rallied in Lahore city "
        "(Lahore, Punjab)."
    )
    assert not any("Federation" in n for n, _ in names)


def test_more_ways_notes_set_a_place() -> None:
    # "into X", "in central X", and a name set in a named area whatever the model calls it
    names = [n for n, _ in _names("On 8 May 2019, students protested in central Kars.")]
    assert names == ["Kars"]
    names = _names("On 8 May 2019, army artillery shelled Azaz in Aleppo.")
    assert ("Azaz", ("Aleppo",)) in names
    names = _names("On 8 May 2019, militants tried to sneak into Tal Abyad in Raqqa.")
    assert ("Tal Abyad", ("Raqqa",)) in names
    # the last word of an institution's name is no place set in the area after it
    note = "On 8 May 2019, workers protested in front of the Electoral Court in Chapinero, Bogota."
    assert "Court" not in [n for n, _ in _names(note)]


def test_a_capitalised_noun_opening_a_sentence_is_not_set_in_an_area() -> None:
    text = "Police in Pakistan said on Thursday that 84 people were killed in Peshawar."
    assert "Police" not in [n for n, _ in _names(text)]


def test_a_road_named_after_its_town_places_a_note() -> None:
    names = [
        n for n, _ in _names("On 2 May 2019, protesters blocked the Byblos highway for hours.")
    ]
    assert "Byblos" in names
    # in articles the pattern is not read
    text = "On 2 May 2019, protesters blocked the Byblos highway for hours."
    assert "Byblos" not in [n for n, _ in _names(text, loose=False)]


def test_a_possessive_owner_is_the_area_a_place_lies_in() -> None:
    names = _names("On 29 April 2019, rioters set fire to a tax office in Tel Aviv's Holon suburb.")
    assert ("Holon", ("Tel Aviv",)) in names


def test_arabic_and_persian_linking_words_stay_inside_a_name() -> None:
    # "wa" (and), "ash" (the): one district's name, not "Shaaf district" alone
    note = "On 4 May 2020, air raids were reported on Khabb wa ash Shaaf district (Al Jawf)."
    assert ("Khabb wa ash Shaaf district", ("Al Jawf",)) in _names(note)


def test_a_loose_name_keeps_the_generic_word_that_says_its_level() -> None:
    # "in Al Bayda governorate" is the province, which must not pass for its town
    note = (
        "On 2 May 2020, clashes were reported in Radman Al Awad district (Al Bayda) amid "
        "growing tensions in Al Bayda governorate."
    )
    assert ("Al Bayda governorate", ()) in _names(note)


def test_a_front_named_after_a_place_is_where() -> None:
    note = "On 6 May 2020, clashes erupted on the Sirwah frontline (Marib), killing a commander."
    assert ("Sirwah frontline", ("Marib",)) in _names(note)


def test_a_joint_districts_slash_keeps_the_areas_after_a_name() -> None:
    note = "On 5 May 2020, a mob killed a resident of Ihie (Ohaji/Egbema LGA, Imo) at night."
    assert ("Ihie", ("Ohaji/Egbema", "Imo")) in _names(note)


def test_origins_joined_by_and_and_the_ends_of_a_road_are_not_where() -> None:
    names = _names(
        "On 3 June 2021, fighters coming from Shabwah and Marib governorates reportedly arrived "
        "in Nisab district (Shabwah)."
    )
    assert [n for n, _ in names] == ["Nisab district"]
    names = _names(
        "On 3 June 2021, families coming from both Kirkuk and Diyala provinces protested in Tuz "
        "Khurmatu district (Salah al-Din)."
    )
    assert [n for n, _ in names] == ["Tuz Khurmatu district"]
    names = _names(
        "On 3 June 2021, gunmen cut off the road linking Aden to Taizz in Al Qabbaytah area (Lahij)."
    )
    assert [n for n, _ in names] == ["Al Qabbaytah"]


def test_a_place_measured_from_is_a_landmark_not_an_origin() -> None:
    names = _names(
        "On 3 June 2021, a bomb went off in the village of Qwertu, 25km from Maiduguri, in Borno."
    )
    assert "Maiduguri" in [n for n, _ in names]


def test_an_article_name_the_model_mislabelled_after_in_is_a_relabelled_candidate() -> None:
    doc = load_nlp()("Fighting continued on Sunday in Omdurman, residents said.")
    found = [p for s in doc.sents for p in event_place_names(s)]
    assert [(p.name, p.relabelled) for p in found] == [("Omdurman", True)]
    # a name the model already calls a place is no relabelled guess
    doc = load_nlp()("Fighting continued on Sunday in Khartoum, residents said.")
    assert all(not p.relabelled for s in doc.sents for p in event_place_names(s))


@pytest.mark.parametrize(
    ("text", "strike"),
    [
        ("Israeli strike kills seven in Gaza", True),
        ("A strike on a house in Khan Younis killed seven.", True),
        ("Workers went on strike on Monday.", False),
        ("The two sides struck a deal.", False),
    ],
)
def test_a_strike_that_hits_or_kills_is_an_air_strike_cue(text: str, strike: bool) -> None:
    from sitrep.extract.lexicon import default_lexicon

    found = [t for t, _, _ in triggers_in(text, default_lexicon())]
    assert (SubEventType.AIR_DRONE_STRIKE in found) is strike


def test_a_capital_that_speaks_is_its_government_not_a_place() -> None:
    names = [n for n, _ in _names("Moscow blamed the shelling on Ukrainian forces.", loose=False)]
    assert "Moscow" not in names
    names = [n for n, _ in _names("Fighting continued in Moscow on Sunday.", loose=False)]
    assert "Moscow" in names


def test_the_mislabelled_object_of_a_strike_verb_is_a_relabelled_candidate() -> None:
    doc = load_nlp()(
        "The ministry said Azeri forces had shelled Stepanakert, the region's main city."
    )
    found = [(p.name, p.relabelled) for s in doc.sents for p in event_place_names(s)]
    assert ("Stepanakert", True) in found


def test_setting_something_on_fire_is_a_destruction_cue() -> None:
    from sitrep.extract.lexicon import default_lexicon

    found = [
        t for t, _, _ in triggers_in("They tried to set the depot on fire.", default_lexicon())
    ]
    assert SubEventType.LOOTING in found


def test_a_country_that_fires_is_an_actor_not_a_place() -> None:
    names = [
        n
        for n, _ in _names(
            "Iran fired a dozen ballistic missiles at two military bases in Iraq on Wednesday.",
            loose=False,
        )
    ]
    assert "Iran" not in names and "Iraq" in names


def test_a_hyphenated_name_the_model_cut_short_is_read_whole() -> None:
    # the model tags only "Issele" of "Issele-Azagba"; the areas follow the whole name
    names = _names(
        "On 3 June 2019, a mob from Issele-Azagba (Aniocha South LGA, Delta) burned a car."
    )
    assert ("Issele-Azagba", ("Aniocha South", "Delta")) in names


def test_a_fronted_town_in_its_state_is_a_place() -> None:
    # "On <date>, Town, Province state, ...": the note's place as a clause of its own
    names = _names("On 2 March 2019, Carora, Lara state, farmers protested over fuel shortages.")
    assert ("Carora", ("Lara",)) in names


@pytest.mark.parametrize(
    ("text", "cue", "event"),
    [
        # the war going on, told as background, is no event of its own
        (
            "The market lies in a district where rebels have been fighting troops since May.",
            SubEventType.ARMED_CLASH,
            False,
        ),
        ("Rebels and troops fought in the district on Monday.", SubEventType.ARMED_CLASH, True),
        # an offensive expected is not one fought
        (
            "Civilians fled the city ahead of an expected government offensive.",
            SubEventType.ARMED_CLASH,
            False,
        ),
        # the damage an event told did is part of that event
        ("Villagers said the shelling destroyed 40 homes.", SubEventType.LOOTING, False),
        ("Militiamen destroyed 40 homes in the village.", SubEventType.LOOTING, True),
    ],
)
def test_background_expected_and_consequential_cues(text: str, cue, event: bool) -> None:  # type: ignore[no-untyped-def]
    from sitrep.extract.lexicon import default_lexicon

    found = [t for t, _, _ in triggers_in(text, default_lexicon())]
    assert (cue in found) is event


def test_a_town_the_model_called_a_date_is_a_relabelled_candidate() -> None:
    doc = load_nlp()(
        "A suicide bomber killed 22 people at a concert by U.S. singer Ariana Grande in "
        "Manchester on Monday night, police said."
    )
    found = [(p.name, p.relabelled) for s in doc.sents for p in event_place_names(s)]
    assert ("Manchester", True) in found


@pytest.mark.parametrize(
    ("text", "protest"),
    [
        ("A suicide bombing at a rally of an opposition party killed 40 people.", False),
        ("Bomb blast at political rally kills 12", False),
        ("Thousands attended a rally of the opposition party in the capital.", True),
    ],
)
def test_a_gathering_struck_is_no_protest_of_its_own(text: str, protest: bool) -> None:
    from sitrep.extract.lexicon import default_lexicon

    found = [t for t, _, _ in triggers_in(text, default_lexicon())]
    assert (SubEventType.PEACEFUL_PROTEST in found) is protest


def test_where_the_speaker_sits_is_not_where_it_happened() -> None:
    text = "Rebel officials in Goma said the clash began near the border crossing at Bunagana."
    names = [n for n, _ in _names(text, loose=False)]
    assert "Goma" not in names
    names = [n for n, _ in _names("Rebels and troops clashed in Goma on Sunday.", loose=False)]
    assert "Goma" in names


def test_the_first_half_of_an_owners_name_is_no_place_of_its_own() -> None:
    names = _names(
        "A bomber rammed a car into their bus in Jammu and Kashmir's Pulwama district.",
        loose=False,
    )
    assert "Jammu" not in [n for n, _ in names]
    assert ("Pulwama district", ("Kashmir",)) in names or ("Pulwama", ("Kashmir",)) in names


def test_a_region_named_with_its_generic_word_is_a_place_in_articles() -> None:
    names = _names(
        "Militants ambushed a patrol in western Niger's Tillaberi region on Friday.", loose=False
    )
    assert ("Tillaberi region", ("Niger",)) in names


def test_a_mislabelled_name_after_an_area_of_is_a_relabelled_candidate() -> None:
    doc = load_nlp()("Shells hit a residential area of Aleppo early on Monday, medics said.")
    found = [(p.name, p.relabelled) for s in doc.sents for p in event_place_names(s)]
    assert ("Aleppo", True) in found


@pytest.mark.parametrize(
    ("text", "grenade"),
    [
        ("Police fired stun grenades and tear gas at the crowd.", False),
        ("Gunmen threw a stun grenade at a house in the town.", True),
        ("Militants hurled a grenade at a police patrol.", True),
        ("Troops fired smoke grenades to cover their advance.", False),
    ],
)
def test_crowd_control_grenades_are_no_grenade_attack(text: str, grenade: bool) -> None:
    from sitrep.extract.lexicon import default_lexicon

    found = [t for t, _, _ in triggers_in(text, default_lexicon())]
    assert (SubEventType.GRENADE in found) is grenade


def test_a_gas_attack_is_a_chemical_weapon_cue_but_tear_gas_is_not() -> None:
    from sitrep.extract.lexicon import default_lexicon

    lex = default_lexicon()
    assert SubEventType.CHEMICAL_WEAPON in [
        t for t, _, _ in triggers_in("A gas attack hit the town.", lex)
    ]
    assert SubEventType.CHEMICAL_WEAPON not in [
        t for t, _, _ in triggers_in("Police fired tear gas attacks on the marchers.", lex)
    ]


def test_the_event_a_sentence_is_dated_by_does_not_type_it() -> None:
    from sitrep.extract.lexicon import default_lexicon

    lex = default_lexicon()
    text = "Warships fired 40 cruise missiles at the air base in response to a chemical attack."
    (first, *_) = triggers_in(text, lex)
    assert first[0] is SubEventType.SHELLING
    # a headline's "over" gives the cause: another event
    text = "Navy strikes air base over gas attack"
    assert all(is_anchor(text, m) for _, _, m in triggers_in(text, lex))
