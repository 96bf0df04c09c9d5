"""Ledger supersession and reconciliation rules (party vs monitor, self-serving claims)."""

from __future__ import annotations

from datetime import date

from fuse_records import CLASH, STRIKE_9, event, figure, mention

from sitrep.fuse import RULES_VERSION, build_event, build_ledger, reconcile
from sitrep.models import ClaimantType, LedgerClaim, VictimKind

PARTY, MONITOR, MEDIA = ClaimantType.PARTY, ClaimantType.MONITOR, ClaimantType.MEDIA
SF, MIL = VictimKind.SECURITY_FORCES, VictimKind.MILITANTS


def claims(*figures_by_day: tuple[date, object]) -> tuple[LedgerClaim, ...]:
    return tuple(LedgerClaim(f"d{i}", f, day) for i, (day, f) in enumerate(figures_by_day))  # type: ignore[arg-type]


def test_later_figure_of_the_same_claimant_supersedes() -> None:
    early = mention("a", STRIKE_9, date(2025, 10, 9), (figure(5, "Khalid Zadran", PARTY),))
    late = mention("b", STRIKE_9, date(2025, 10, 10), (figure(9, "Khalid Zadran", PARTY),))
    other = mention("c", STRIKE_9, date(2025, 10, 9), (figure(7, "UNAMA", MONITOR),))
    ledger = {
        (c.doc_id, c.figure.count.low): c.superseded for c in build_ledger([early, late, other])
    }
    assert ledger == {("a", 5): True, ("b", 9): False, ("c", 7): False}


def test_aliases_of_one_claimant_supersede_each_other() -> None:
    early = mention(
        "a", CLASH, date(2025, 10, 12), (figure(50, "Taliban", PARTY, kind=SF, side="Pakistan"),)
    )
    late = mention(
        "b",
        CLASH,
        date(2025, 10, 13),
        (figure(58, "Zabihullah Mujahid", PARTY, kind=SF, side="Pakistan"),),
    )
    assert [c.superseded for c in build_ledger([early, late])] == [True, False]


def test_monitor_gives_best_party_claims_bound() -> None:
    day = date(2025, 10, 12)
    result = reconcile(
        claims(
            (day, figure(30, "Taliban", PARTY)),
            (day, figure(37, "UNAMA", MONITOR)),
            (day, figure(45, "Taliban", PARTY, high=45)),
        )
    )
    assert result is not None
    assert (result.low, result.best, result.high) == (30, 37, 45)
    assert result.rule.startswith(f"{RULES_VERSION}:") and "UNAMA" in result.rule


def test_self_serving_claim_is_never_best_alone() -> None:
    day = date(2025, 10, 12)
    taliban = figure(58, "Zabihullah Mujahid", PARTY, kind=SF, side="Pakistan")
    result = reconcile(claims((day, taliban)))
    assert result is not None and result.best is None
    assert (result.low, result.high) == (58, 58)
    assert "self-serving" in result.rule


def test_own_side_admissions_make_the_best_and_enemy_claims_bound() -> None:
    day = date(2025, 10, 12)
    result = reconcile(
        claims(
            (day, figure(58, "Zabihullah Mujahid", PARTY, kind=SF, side="Pakistan")),
            (day, figure(23, "ISPR", PARTY, kind=SF, side="Pakistan")),
            (day, figure(201, "ISPR", PARTY, kind=MIL, side="Afghanistan")),
            (day, figure(9, "Taliban", PARTY, kind=MIL, side="Afghanistan")),
        )
    )
    assert result is not None
    assert (result.low, result.best, result.high) == (32, 32, 259)


def test_own_voice_latest_toll_is_best_and_superseded_figures_drop_out() -> None:
    r = reconcile(
        claims(
            (date(2021, 8, 26), figure(60, None, MEDIA, side=None, kind=VictimKind.UNSPECIFIED)),
            (date(2021, 8, 27), figure(169, None, MEDIA, side=None, kind=VictimKind.UNSPECIFIED)),
        )
    )
    assert r is not None and r.best == 169  # both current here: the latest day's toll
    superseded = build_ledger(
        [
            mention("a", STRIKE_9, date(2021, 8, 26), (figure(60, None, MEDIA),)),
            mention("b", STRIKE_9, date(2021, 8, 27), (figure(169, None, MEDIA),)),
        ]
    )
    r = reconcile(superseded)
    assert r is not None and (r.low, r.best, r.high) == (169, 169, 169)


def test_no_killed_figure_no_range() -> None:
    assert reconcile(()) is None
    event = build_event("ev-x", [mention("a", STRIKE_9, date(2025, 10, 10))])
    assert event.fatalities is None and event.claims == ()


def test_fused_suicide_attack_keeps_the_attacker_its_articles_counted() -> None:
    from dataclasses import replace

    from sitrep.models import FatalityRange

    blast = event("Suicide bomb", text="A suicide bomber killed six people at a market.")
    counted = replace(blast, fatalities=FatalityRange(6, 6, 6, "x").with_attackers(1))
    fused = build_event(
        "ev-s",
        [
            mention("a", counted, date(2025, 10, 10), (figure(6, None, MEDIA),)),
            mention("b", blast, date(2025, 10, 10), (figure(6, None, MEDIA),)),
        ],
    )
    f = fused.fatalities
    assert f is not None and (f.low, f.best, f.high) == (7, 7, 7) and f.suicide_attackers == 1
    # the claims themselves stay as the articles reported them
    assert [c.figure.count.low for c in fused.claims] == [6, 6]
