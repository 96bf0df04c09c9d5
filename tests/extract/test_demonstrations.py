"""One gathering, one event: a protest's mentions merged, coded by what the crowd did."""

from __future__ import annotations

from datetime import date

from sitrep.extract.demonstrations import merge_demonstrations
from sitrep.extract.events import Draft
from sitrep.models import Article, Evidence, Place, SubEventType

_S = SubEventType
DHAKA = Place("Dhaka", "Bangladesh", latitude=23.71, longitude=90.41, geo_precision=1)
DAY = date(2023, 10, 28)


def _draft(
    sub: SubEventType, text: str, when: date | None = DAY, place: Place | None = DHAKA
) -> Draft:
    return Draft(sub, 0, [0], when, None, place, evidence=[Evidence(0, len(text), text)])


def test_a_crowds_clash_and_the_police_response_are_one_violent_demonstration() -> None:
    drafts = [
        _draft(_S.PEACEFUL_PROTEST, "Thousands of opposition supporters marched."),
        _draft(_S.ARMED_CLASH, "Opposition supporters clashed with police."),
        _draft(_S.PROTEST_WITH_INTERVENTION, "Police fired tear gas."),
        _draft(_S.LOOTING, "Protesters set fire to vehicles."),
    ]
    (one,) = merge_demonstrations(drafts)
    assert one.sub_event_type is _S.VIOLENT_DEMONSTRATION and len(one.evidence) == 4


def test_a_protest_the_police_broke_up_stays_a_protest_with_intervention() -> None:
    drafts = [
        _draft(_S.PEACEFUL_PROTEST, "Farmers protested outside parliament."),
        _draft(_S.PROTEST_WITH_INTERVENTION, "Police used water cannon on the farmers."),
    ]
    (one,) = merge_demonstrations(drafts)
    assert one.sub_event_type is _S.PROTEST_WITH_INTERVENTION


def test_the_police_shooting_at_the_crowd_is_excessive_force_against_the_protest() -> None:
    drafts = [
        _draft(_S.ATTACK, "Police kill two protesters", when=None, place=None),
        _draft(_S.PEACEFUL_PROTEST, "Police shot dead two protesters as thousands marched."),
    ]
    (one,) = merge_demonstrations(drafts)
    assert one.sub_event_type is _S.EXCESSIVE_FORCE and one.place == DHAKA
    # gunmen of no force, or an attack with no crowd, stay attacks of their own
    drafts = [
        _draft(_S.PEACEFUL_PROTEST, "Thousands marched."),
        _draft(_S.ATTACK, "Gunmen opened fire on protesters."),
        _draft(_S.ATTACK, "Police shot a suspect."),
    ]
    assert [d.sub_event_type for d in merge_demonstrations(drafts)] == [
        _S.PEACEFUL_PROTEST,
        _S.ATTACK,
        _S.ATTACK,
    ]


def test_a_protest_told_by_the_force_used_on_it_is_excessive_force() -> None:
    # the headline's "protesters" read as a protest cue: the protest is told by its dead
    drafts = [_draft(_S.PEACEFUL_PROTEST, "Security forces kill at least 38 protesters")]
    assert [d.sub_event_type for d in merge_demonstrations(drafts)] == [_S.EXCESSIVE_FORCE]
    # protesters who wound the police make no force against protesters
    drafts = [_draft(_S.PEACEFUL_PROTEST, "Protesters wounded two police officers.")]
    assert [d.sub_event_type for d in merge_demonstrations(drafts)] == [_S.PEACEFUL_PROTEST]


def test_other_days_places_and_a_clash_of_no_crowd_stay_apart() -> None:
    kabul = Place("Kabul", "Afghanistan", latitude=34.5, longitude=69.2, geo_precision=1)
    drafts = [
        _draft(_S.PEACEFUL_PROTEST, "Students protested."),
        _draft(_S.PEACEFUL_PROTEST, "Students protested again.", when=date(2023, 11, 5)),
        _draft(_S.PEACEFUL_PROTEST, "Students protested there too.", place=kabul),
        _draft(_S.ARMED_CLASH, "Troops clashed with militants near the border."),
    ]
    assert len(merge_demonstrations(drafts)) == 4


def test_an_article_about_a_riot_gives_one_event(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Protesters clash with police in Dhaka, one killed\n\n"
        "Thousands of opposition supporters clashed with police in Bangladesh's capital Dhaka "
        "on Saturday, leaving one policeman dead and more than 100 people injured, police "
        "said.\n\n"
        "Police fired tear gas and rubber bullets to disperse protesters, who threw stones and "
        "set fire to vehicles.\n\n"
        "The opposition said one of its supporters was also killed, a claim police denied."
    )
    title = text.split("\n", 1)[0]
    x = extractor.extract(Article("d", text, title=title, published=date(2023, 10, 29)))
    assert [(e.sub_event_type, e.date) for e in x.events] == [("Violent demonstration", DAY)]
