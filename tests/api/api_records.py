"""Hand-built records for the API tests: three documents, three fused events.

The scenario follows the seeds: a Durand Line clash reported by two outlets with competing
figures (a border: no coordinates), a Kabul drone strike, and a Kandahar strike reported by a
document whose title and text carry markup (which the API must return as plain data).
Fused events are built from the extractions as the store reads them back, because
`Store.replace_fused` requires mentions and ledger figures equal to the stored ones.
"""

from __future__ import annotations

from datetime import date

from sitrep.models import (
    Article,
    CasualtyFigure,
    CasualtyStatus,
    Claimant,
    ClaimantType,
    Contradiction,
    Count,
    DatePrecision,
    DocumentExtraction,
    Event,
    EventMention,
    Evidence,
    FatalityRange,
    FusedEvent,
    LedgerClaim,
    MergeDecision,
    Place,
    VictimKind,
)
from sitrep.store import Store

DURAND = Place(
    name="Durand Line",
    country=None,
    geo_precision=2,
    kind="border",
    countries=("Afghanistan", "Pakistan"),
)
KABUL = Place(
    name="Kabul",
    country="Afghanistan",
    admin1="Kābul",
    admin2="Kabul",
    latitude=34.5281,
    longitude=69.1723,
    geo_precision=1,
)
KANDAHAR = Place(
    name="Kandahar",
    country="Afghanistan",
    admin1="Kandahar",
    latitude=31.6133,
    longitude=65.7101,
    geo_precision=1,
)

HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">Strike on Kandahar'

TEXT_A = (
    "Taliban Claims Killing 58 Pakistani Soldiers\n\n"
    "Clashes erupted on the Durand Line on Saturday night. "
    "Zabihullah Mujahid said the clashes resulted in 58 Pakistani soldiers dead. "
    "ISPR said 23 soldiers were killed. An earlier drone strike hit Kabul on Thursday."
)
TEXT_B = "Border clashes overnight on the Durand Line. ISPR said 23 soldiers were killed."
TEXT_C = "A drone strike hit Kandahar on Wednesday. <script>window.__pwned=2</script> No toll."


def _ev(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(start, start + len(sentence), sentence)


def _event(
    text: str,
    sentence: str,
    kind: str,
    on: date,
    place: Place,
    countries: tuple[str, ...],
    actors: tuple[str | None, str | None],
    fatalities: FatalityRange | None = None,
) -> Event:
    event_type = "Battles" if kind == "Armed clash" else "Explosions/Remote violence"
    return Event(
        event_type=event_type,
        sub_event_type=kind,
        date=on,
        date_precision=DatePrecision.DAY,
        countries=countries,
        place=place,
        actor1=actors[0],
        actor2=actors[1],
        evidence=_ev(text, sentence),
        fatalities=fatalities,
    )


def _killed(text: str, sentence: str, n: int, claimant: str, event_index: int) -> CasualtyFigure:
    return CasualtyFigure(
        status=CasualtyStatus.KILLED,
        count=Count(n, n, False),
        victim="Pakistani soldiers",
        victim_kind=VictimKind.SECURITY_FORCES,
        victim_side="Pakistan",
        claimant=Claimant(claimant, ClaimantType.PARTY),
        evidence=_ev(text, sentence),
        event_index=event_index,
    )


def documents() -> list[tuple[Article, DocumentExtraction]]:
    a = Article("doc-a", TEXT_A, "Taliban Claims Killing 58", date(2025, 10, 12), "aajtak", None)
    b = Article("doc-b", TEXT_B, "Border clashes", date(2025, 10, 12), "dawn", None)
    c = Article("doc-c", TEXT_C, HOSTILE_TITLE, date(2025, 10, 16), "wire", None)
    clash = ("Taliban", "Military Forces of Pakistan")
    border = ("Afghanistan", "Pakistan")
    ex_a = DocumentExtraction(
        doc_id="doc-a",
        events=(
            _event(
                TEXT_A,
                "Clashes erupted on the Durand Line on Saturday night.",
                "Armed clash",
                date(2025, 10, 11),
                DURAND,
                border,
                clash,
                FatalityRange(23, 23, 58, "lowest party claim"),
            ),
            _event(
                TEXT_A,
                "An earlier drone strike hit Kabul on Thursday.",
                "Air/drone strike",
                date(2025, 10, 9),
                KABUL,
                ("Afghanistan",),
                ("Military Forces of Pakistan", None),
            ),
        ),
        casualties=(
            _killed(
                TEXT_A,
                "Zabihullah Mujahid said the clashes resulted in 58 Pakistani soldiers dead.",
                58,
                "Zabihullah Mujahid",
                0,
            ),
            _killed(TEXT_A, "ISPR said 23 soldiers were killed.", 23, "ISPR", 0),
        ),
        published=a.published,
    )
    ex_b = DocumentExtraction(
        doc_id="doc-b",
        events=(
            _event(
                TEXT_B,
                "Border clashes overnight on the Durand Line.",
                "Armed clash",
                date(2025, 10, 11),
                DURAND,
                border,
                clash,
                FatalityRange(23, 23, 23, "own"),
            ),
        ),
        casualties=(_killed(TEXT_B, "ISPR said 23 soldiers were killed.", 23, "ISPR", 0),),
        published=b.published,
    )
    ex_c = DocumentExtraction(
        doc_id="doc-c",
        events=(
            _event(
                TEXT_C,
                "A drone strike hit Kandahar on Wednesday.",
                "Air/drone strike",
                date(2025, 10, 15),
                KANDAHAR,
                ("Afghanistan",),
                ("Unidentified", None),
            ),
        ),
        published=c.published,
    )
    return [(a, ex_a), (b, ex_b), (c, ex_c)]


def fill(store: Store) -> None:
    """Store the documents, then the fused events built from what the store reads back."""
    for article, extraction in documents():
        assert store.add_document(article, extraction)
    x = {a.doc_id: (a, e) for a, e in store.iter_extractions()}
    (a, ex_a), (b, ex_b), (c, ex_c) = x["doc-a"], x["doc-b"], x["doc-c"]
    mujahid, ispr_a = ex_a.casualties
    (ispr_b,) = ex_b.casualties
    clash = FusedEvent(
        event_id="ev-clash",
        event=ex_a.events[0],
        mentions=(
            EventMention("doc-a", 0, ex_a.events[0], a.published, (mujahid, ispr_a)),
            EventMention("doc-b", 0, ex_b.events[0], b.published, (ispr_b,)),
        ),
        claims=(
            LedgerClaim("doc-a", mujahid, a.published),
            LedgerClaim("doc-a", ispr_a, a.published),
            LedgerClaim("doc-b", ispr_b, b.published),
        ),
        fatalities=FatalityRange(23, 23, 58, "lowest party claim"),
        contradictions=(
            Contradiction("figure", ("Zabihullah Mujahid", "ISPR"), "58 against 23 soldiers"),
        ),
    )
    kabul = FusedEvent(
        event_id="ev-kabul",
        event=ex_a.events[1],
        mentions=(EventMention("doc-a", 1, ex_a.events[1], a.published),),
        claims=(),
        fatalities=None,
    )
    kandahar = FusedEvent(
        event_id="ev-kandahar",
        event=ex_c.events[0],
        mentions=(EventMention("doc-c", 0, ex_c.events[0], c.published),),
        claims=(),
        fatalities=FatalityRange(None, None, None, ""),
    )
    decisions = [
        MergeDecision("doc-a", 0, "ev-clash", 1.0, "started event"),
        MergeDecision("doc-b", 0, "ev-clash", 0.9, "same date, border, actors"),
        MergeDecision("doc-a", 1, "ev-kabul", 1.0, "started event"),
        MergeDecision("doc-c", 0, "ev-kandahar", 1.0, "started event"),
    ]
    store.replace_fused([clash, kabul, kandahar], decisions)
