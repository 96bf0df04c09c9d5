"""Hand-built records for the API tests: three documents, three fused events.

The scenario follows the seeds: a Durand Line clash reported by two outlets with competing
figures (a border: no coordinates), a Kabul drone strike, and a Kandahar strike reported by a
document whose title and text carry markup (which the API must return as plain data).
Fused events are built from the extractions as the store reads them back, because
`Store.replace_fused` requires mentions and ledger figures equal to the stored ones.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from records import KABUL, article, clash, figure, fused, mention, quote, strike
from sitrep.models import (
    Article,
    CasualtyFigure,
    ClaimantType,
    Contradiction,
    DocumentExtraction,
    FatalityRange,
    LedgerClaim,
    MergeDecision,
    Place,
)
from sitrep.store import Store

KABUL_ACCENTED = replace(KABUL, admin1="Kābul", admin2="Kabul")  # the admin1 filter folds accents
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


def _killed(text: str, sentence: str, n: int, claimant: str) -> CasualtyFigure:
    return figure(n, n, claimant, ClaimantType.PARTY, quote(text, sentence))


def documents() -> list[tuple[Article, DocumentExtraction]]:
    a = article("doc-a", TEXT_A, title="Taliban Claims Killing 58", source="aajtak", url=None)
    b = article("doc-b", TEXT_B, title="Border clashes", source="dawn", url=None)
    c = article(
        "doc-c", TEXT_C, title=HOSTILE_TITLE, published=date(2025, 10, 16), source="wire", url=None
    )
    ex_a = DocumentExtraction(
        doc_id="doc-a",
        events=(
            clash(
                quote(TEXT_A, "Clashes erupted on the Durand Line on Saturday night."),
                FatalityRange(23, 23, 58, "lowest party claim"),
            ),
            strike(
                quote(TEXT_A, "An earlier drone strike hit Kabul on Thursday."),
                date(2025, 10, 9),
                KABUL_ACCENTED,
            ),
        ),
        casualties=(
            _killed(
                TEXT_A,
                "Zabihullah Mujahid said the clashes resulted in 58 Pakistani soldiers dead.",
                58,
                "Zabihullah Mujahid",
            ),
            _killed(TEXT_A, "ISPR said 23 soldiers were killed.", 23, "ISPR"),
        ),
        published=a.published,
    )
    ex_b = DocumentExtraction(
        doc_id="doc-b",
        events=(
            clash(
                quote(TEXT_B, "Border clashes overnight on the Durand Line."),
                FatalityRange(23, 23, 23, "own"),
            ),
        ),
        casualties=(_killed(TEXT_B, "ISPR said 23 soldiers were killed.", 23, "ISPR"),),
        published=b.published,
    )
    ex_c = DocumentExtraction(
        doc_id="doc-c",
        events=(
            strike(
                quote(TEXT_C, "A drone strike hit Kandahar on Wednesday."),
                date(2025, 10, 15),
                KANDAHAR,
                actor1="Unidentified",
            ),
        ),
        published=c.published,
    )
    return [(a, ex_a), (b, ex_b), (c, ex_c)]


def fill(store: Store) -> None:
    """Store the documents, then the fused events built from what the store reads back."""
    for art, extraction in documents():
        assert store.add_document(art, extraction)
    x = {a.doc_id: (a, e) for a, e in store.iter_extractions()}
    (a, ex_a), (b, ex_b), (c, ex_c) = x["doc-a"], x["doc-b"], x["doc-c"]
    mujahid, ispr_a = ex_a.casualties
    (ispr_b,) = ex_b.casualties
    clash_event = fused(
        "ev-clash",
        mention(a, ex_a, 0, (mujahid, ispr_a)),
        mention(b, ex_b, 0, (ispr_b,)),
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
    kabul = fused("ev-kabul", mention(a, ex_a, 1))
    kandahar = fused(
        "ev-kandahar", mention(c, ex_c, 0), fatalities=FatalityRange(None, None, None, "")
    )
    decisions = [
        MergeDecision("doc-a", 0, "ev-clash", 1.0, "started event"),
        MergeDecision("doc-b", 0, "ev-clash", 0.9, "same date, border, actors"),
        MergeDecision("doc-a", 1, "ev-kabul", 1.0, "started event"),
        MergeDecision("doc-c", 0, "ev-kandahar", 1.0, "started event"),
    ]
    store.replace_fused([clash_event, kabul, kandahar], decisions)
