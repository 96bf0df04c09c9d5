"""evaluate() against the real gold lines of shared/eval, with hand-built predictions."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from eval_gold import GOLD_FILES, perfect_prediction

from sitrep.eval import evaluate, format_table, load_jsonl

Doc = dict[str, Any]


def _doc(predictions: list[Doc], doc_id: str) -> Doc:
    return next(p for p in predictions if p["doc_id"] == doc_id)


# --- casualties -------------------------------------------------------------------------


def test_perfect_prediction_scores_one(dev_gold: list[Doc], dev_perfect: list[Doc]) -> None:
    m = evaluate(dev_gold, dev_perfect)
    assert m["gold_casualties"] == m["predicted_casualties"] == m["matched_casualties"] == 10
    assert m["casualty_precision"] == m["casualty_recall"] == m["casualty_f1"] == 1.0
    assert m["claimant_accuracy"] == 1.0
    assert m["victim_kind_accuracy"] == 1.0
    assert m["gold_events"] == m["matched_events"] == 7
    assert m["event_precision"] == m["event_recall"] == m["event_f1"] == 1.0
    assert m["sub_event_type_accuracy"] == 1.0
    assert m["location_error_km"] == 0.0
    assert m["location_error_n"] == 3  # the three gold events with coordinates
    assert m["not_casualty_hits"] == 0
    assert m["missing_predictions"] == m["error_lines"] == 0


def test_dropping_one_casualty_lowers_recall_only(
    dev_gold: list[Doc], dev_perfect: list[Doc]
) -> None:
    del _doc(dev_perfect, "seed-002")["casualties"][1]  # wounded 30
    m = evaluate(dev_gold, dev_perfect)
    assert m["casualty_precision"] == 1.0
    assert m["casualty_recall"] == pytest.approx(9 / 10)
    assert m["casualty_f1"] == pytest.approx(2 * 0.9 / 1.9)


def test_wrong_figure_costs_precision_and_recall(
    dev_gold: list[Doc], dev_perfect: list[Doc]
) -> None:
    _doc(dev_perfect, "seed-002")["casualties"][0]["low"] = 57  # killed 58 -> 57
    m = evaluate(dev_gold, dev_perfect)
    assert m["casualty_precision"] == pytest.approx(9 / 10)
    assert m["casualty_recall"] == pytest.approx(9 / 10)


def test_status_must_agree(dev_gold: list[Doc], dev_perfect: list[Doc]) -> None:
    _doc(dev_perfect, "seed-002")["casualties"][1]["status"] = "killed"  # wounded 30
    assert evaluate(dev_gold, dev_perfect)["matched_casualties"] == 9


def test_open_upper_figure_matches_on_low_only(dev_gold: list[Doc], dev_perfect: list[Doc]) -> None:
    # gold "at least 425" wounded is low 425, high null; a predicted high does not matter
    figure = next(c for c in _doc(dev_perfect, "seed-000")["casualties"] if c["low"] == 425)
    figure["high"] = 500
    assert evaluate(dev_gold, dev_perfect)["matched_casualties"] == 10


def test_wrong_claimant_lowers_claimant_accuracy(
    dev_gold: list[Doc], dev_perfect: list[Doc]
) -> None:
    _doc(dev_perfect, "seed-002")["casualties"][0]["claimant"] = "ISPR"
    m = evaluate(dev_gold, dev_perfect)
    assert m["casualty_f1"] == 1.0
    assert m["claimant_accuracy"] == pytest.approx(9 / 10)


def test_claimant_compared_case_insensitively_after_trimming(
    dev_gold: list[Doc], dev_perfect: list[Doc]
) -> None:
    _doc(dev_perfect, "seed-002")["casualties"][0]["claimant"] = "  zabihullah MUJAHID "
    assert evaluate(dev_gold, dev_perfect)["claimant_accuracy"] == 1.0


def test_null_gold_claimant_needs_null_prediction(
    dev_gold: list[Doc], dev_perfect: list[Doc]
) -> None:
    # seed-000 "dozens of fatalities" is stated in the article's own voice (claimant null)
    figure = _doc(dev_perfect, "seed-000")["casualties"][0]
    assert figure["claimant"] is None
    figure["claimant"] = "UNAMA"
    assert evaluate(dev_gold, dev_perfect)["claimant_accuracy"] == pytest.approx(9 / 10)


def test_equal_figures_pair_by_claimant_regardless_of_order(
    dev_gold: list[Doc], dev_perfect: list[Doc]
) -> None:
    # seed-000 has two gold "killed, low 24": one in the article's voice, one claimed by
    # Pakistani security forces. Listing the predictions in the other order must not cost
    # claimant or victim_kind accuracy.
    casualties = _doc(dev_perfect, "seed-000")["casualties"]
    killed_24 = [c for c in casualties if c["status"] == "killed" and c["low"] == 24]
    assert len(killed_24) == 2
    others = [c for c in casualties if c not in killed_24]
    _doc(dev_perfect, "seed-000")["casualties"] = killed_24[::-1] + others
    m = evaluate(dev_gold, dev_perfect)
    assert m["matched_casualties"] == 10
    assert m["claimant_accuracy"] == 1.0
    assert m["victim_kind_accuracy"] == 1.0


def test_each_gold_figure_matched_once(dev_gold: list[Doc], dev_perfect: list[Doc]) -> None:
    casualties = _doc(dev_perfect, "seed-002")["casualties"]
    casualties.append(copy.deepcopy(casualties[0]))  # "58 killed" reported twice
    m = evaluate(dev_gold, dev_perfect)
    assert m["matched_casualties"] == 10
    assert m["casualty_precision"] == pytest.approx(10 / 11)
    assert m["casualty_recall"] == 1.0


def test_wrong_victim_kind_lowers_victim_kind_accuracy(
    dev_gold: list[Doc], dev_perfect: list[Doc]
) -> None:
    _doc(dev_perfect, "seed-002")["casualties"][3]["victim_kind"] = "civilian"
    m = evaluate(dev_gold, dev_perfect)
    assert m["victim_kind_accuracy"] == pytest.approx(9 / 10)
    assert m["claimant_accuracy"] == 1.0


# --- not_casualties ---------------------------------------------------------------------


def _figure(low: int, evidence: str | None, status: str = "killed") -> Doc:
    return {"status": status, "low": low, "high": low, "approx": False, "victim": None,
            "victim_kind": "unspecified", "claimant": None, "event_index": None,
            "evidence": evidence}  # fmt: skip


def test_not_casualty_hit_is_counted(dev_gold: list[Doc], dev_perfect: list[Doc]) -> None:
    casualties = _doc(dev_perfect, "seed-000")["casualties"]
    casualties.append(_figure(2, "Two drone strikes hit Kabul on Wednesday."))
    casualties.append(_figure(2611, "the 2,611-kilometer Durand Line"))
    m = evaluate(dev_gold, dev_perfect)
    assert m["not_casualty_hits"] == 2
    assert m["casualty_precision"] == pytest.approx(10 / 12)


def test_not_casualty_needs_the_number_of_the_phrase(
    dev_gold: list[Doc], dev_perfect: list[Doc]
) -> None:
    # a real figure whose sentence also mentions the strikes is not a not-casualty hit
    casualties = _doc(dev_perfect, "seed-000")["casualties"]
    casualties.append(_figure(5, "Two drone strikes killed 5 people."))
    assert evaluate(dev_gold, dev_perfect)["not_casualty_hits"] == 0


def test_not_casualty_needs_the_phrase_in_the_evidence(
    dev_gold: list[Doc], dev_perfect: list[Doc]
) -> None:
    casualties = _doc(dev_perfect, "seed-002")["casualties"]
    casualties.append(_figure(6, "Six people were killed in the market."))
    casualties.append(_figure(6, None))  # no evidence: cannot be cleared, so it counts
    assert evaluate(dev_gold, dev_perfect)["not_casualty_hits"] == 1


def test_matched_figure_is_never_a_not_casualty_hit(dev_gold: list[Doc]) -> None:
    gold = [{"doc_id": "x", "events": [], "not_casualties": ["three Pakistani outposts"],
             "casualties": [{"status": "killed", "low": 3, "high": 3, "claimant": None}]}]  # fmt: skip
    pred = [{"doc_id": "x", "events": [],
             "casualties": [_figure(3, "seized three Pakistani outposts; 3 were killed")]}]  # fmt: skip
    assert evaluate(gold, pred)["not_casualty_hits"] == 0


# --- events -----------------------------------------------------------------------------


def test_date_two_days_off_does_not_match(dev_gold: list[Doc], dev_perfect: list[Doc]) -> None:
    # seed-000 e4 (Mohmand clash) is dated 2025-10-16 with no alternatives
    _doc(dev_perfect, "seed-000")["events"][3]["date"] = "2025-10-18"
    m = evaluate(dev_gold, dev_perfect)
    assert m["matched_events"] == 6
    assert m["event_recall"] == pytest.approx(6 / 7)
    assert m["event_precision"] == pytest.approx(6 / 7)


def test_date_one_day_off_matches(dev_gold: list[Doc], dev_perfect: list[Doc]) -> None:
    _doc(dev_perfect, "seed-000")["events"][3]["date"] = "2025-10-17"
    assert evaluate(dev_gold, dev_perfect)["matched_events"] == 7


def test_date_alternative_matches(dev_gold: list[Doc], dev_perfect: list[Doc]) -> None:
    # seed-000 e3 (border hostilities) accepts 2025-10-10 .. 2025-10-15
    _doc(dev_perfect, "seed-000")["events"][2]["date"] = "2025-10-10"
    assert evaluate(dev_gold, dev_perfect)["matched_events"] == 7


@pytest.mark.parametrize(
    ("date", "matched"),
    [(None, 7), ("2025-10-09", 7), ("2025-10-11", 7), ("2025-10-12", 6), ("Thursday", 6)],
)
def test_date_before(
    dev_gold: list[Doc], dev_perfect: list[Doc], date: str | None, matched: int
) -> None:
    # seed-002 e2 (earlier Kabul strikes): date null, date_before 2025-10-11
    _doc(dev_perfect, "seed-002")["events"][1]["date"] = date
    assert evaluate(dev_gold, dev_perfect)["matched_events"] == matched


def test_missing_date_does_not_match_a_dated_gold(
    dev_gold: list[Doc], dev_perfect: list[Doc]
) -> None:
    _doc(dev_perfect, "seed-000")["events"][3]["date"] = None
    assert evaluate(dev_gold, dev_perfect)["matched_events"] == 6


def test_coordinates_within_50_km(dev_gold: list[Doc], dev_perfect: list[Doc]) -> None:
    event = _doc(dev_perfect, "seed-000")["events"][0]  # Kabul, 34.5281 N
    event["latitude"] += 0.3  # about 33 km north
    m = evaluate(dev_gold, dev_perfect)
    assert m["matched_events"] == 7
    assert m["location_error_km"] == pytest.approx(0.3 * 111.195 / 3, rel=1e-3)


def test_coordinates_beyond_50_km_do_not_match(dev_gold: list[Doc], dev_perfect: list[Doc]) -> None:
    event = _doc(dev_perfect, "seed-000")["events"][0]
    event["latitude"] += 0.5  # about 56 km
    assert evaluate(dev_gold, dev_perfect)["matched_events"] == 6


def test_gold_coordinates_need_predicted_coordinates(
    dev_gold: list[Doc], dev_perfect: list[Doc]
) -> None:
    event = _doc(dev_perfect, "seed-000")["events"][0]
    event["latitude"] = event["longitude"] = None  # the country alone does not do
    assert evaluate(dev_gold, dev_perfect)["matched_events"] == 6


def test_country_rule_without_gold_coordinates(dev_gold: list[Doc], dev_perfect: list[Doc]) -> None:
    events = _doc(dev_perfect, "seed-002")["events"]
    events[0]["country"] = "pakistan"  # gold ["Afghanistan", "Pakistan"]
    events[2]["country"] = ["India", "Afghanistan"]  # intersects
    assert evaluate(dev_gold, dev_perfect)["matched_events"] == 7
    events[2]["country"] = "Qatar"
    assert evaluate(dev_gold, dev_perfect)["matched_events"] == 6


def test_event_type_must_agree_and_sub_type_is_scored(
    dev_gold: list[Doc], dev_perfect: list[Doc]
) -> None:
    events = _doc(dev_perfect, "seed-000")["events"]
    events[0]["event_type"] = "Riots"
    events[3]["sub_event_type"] = "Government regains territory"
    m = evaluate(dev_gold, dev_perfect)
    assert m["matched_events"] == 6
    assert m["sub_event_type_accuracy"] == pytest.approx(5 / 6)


def test_greedy_in_gold_order_each_prediction_used_once(dev_gold: list[Doc]) -> None:
    # seed-000 e2 and e3 both accept a 2025-10-15 cross-border event in Afghanistan;
    # e2 is an Agreement, e3 Battles, so a single Battles prediction can only take e3.
    gold = [d for d in dev_gold if d["doc_id"] == "seed-000"]
    battle = {"event_type": "Battles", "date": "2025-10-15", "country": "Afghanistan"}
    m = evaluate(gold, [{"doc_id": "seed-000", "events": [battle, dict(battle)]}])
    assert m["matched_events"] == 1
    assert m["event_precision"] == pytest.approx(1 / 2)
    assert m["event_recall"] == pytest.approx(1 / 4)


# --- fatalities (ACLED) -----------------------------------------------------------------


def _acled_gold(fatalities: int) -> list[Doc]:
    for doc in load_jsonl(GOLD_FILES["acled"]):
        if doc["events"][0]["fatalities"] == fatalities:
            return [doc]
    raise AssertionError("no such ACLED line")


@pytest.fixture(scope="module")
def _acled_available() -> None:
    if not GOLD_FILES["acled"].exists():
        pytest.skip("ACLED gold not found")


@pytest.mark.usefixtures("_acled_available")
def test_fatalities_accuracy_on_acled_lines() -> None:
    gold = _acled_gold(0) + _acled_gold(1)
    pred = [perfect_prediction(doc) for doc in gold]
    m = evaluate(gold, pred)
    assert m["matched_events"] == 2 and m["fatalities_n"] == 2
    assert m["fatalities_accuracy"] == 1.0
    assert m["primary_sub_event_type_accuracy"] == 1.0
    # absent fatalities count as 0: still right for the 0 line, wrong for the 1 line
    for doc in pred:
        del doc["events"][0]["fatalities"]
    assert evaluate(gold, pred)["fatalities_accuracy"] == pytest.approx(1 / 2)
    pred[1]["events"][0]["fatalities"] = {"low": 1, "best": 2, "high": 3}
    assert evaluate(gold, pred)["fatalities_accuracy"] == pytest.approx(1 / 2)


# --- single-event labels (CASE 2021 style) ----------------------------------------------


def _label_docs(labels: list[str]) -> list[Doc]:
    return [{"doc_id": f"d{i}", "events": None, "casualties": None,
             "primary_sub_event_type": label} for i, label in enumerate(labels)]  # fmt: skip


def _label_predictions(labels: list[str]) -> list[Doc]:
    return [{"doc_id": f"d{i}", "casualties": [],
             "events": [] if label == "none" else [{"event_type": "x", "sub_event_type": label}]}
            for i, label in enumerate(labels)]  # fmt: skip


def test_single_event_weighted_f1_by_hand() -> None:
    clash, protest = "Armed clash", "Peaceful protest"
    gold = _label_docs([clash, clash, clash, protest, protest, "none"])
    pred = _label_predictions([clash, clash, protest, protest, "none", "none"])
    m = evaluate(gold, pred)
    # Armed clash: tp 2, predicted 2, gold 3 -> P 1, R 2/3, F1 0.8
    # Peaceful protest: tp 1, predicted 2, gold 2 -> P 1/2, R 1/2, F1 1/2
    # none: tp 1, predicted 2, gold 1 -> P 1/2, R 1, F1 2/3
    assert m["primary_sub_event_type_n"] == 6
    assert m["primary_sub_event_type_accuracy"] == pytest.approx(4 / 6)
    assert m["primary_sub_event_type_macro_f1"] == pytest.approx((0.8 + 0.5 + 2 / 3) / 3)
    assert m["primary_sub_event_type_weighted_f1"] == pytest.approx(
        (0.8 * 3 + 0.5 * 2 + 2 / 3 * 1) / 6
    )
    per_class = m["primary_sub_event_type_per_class"]
    assert per_class[clash] == pytest.approx(
        {"precision": 1.0, "recall": 2 / 3, "f1": 0.8, "support": 3}
    )
    assert per_class["none"]["support"] == 1
    # the event-level metrics are not supported by this gold
    assert m["event_f1"] is None and m["casualty_f1"] is None


def test_single_event_uses_first_event_and_ignores_case() -> None:
    gold = _label_docs(["Air/drone strike"])
    pred = _label_predictions(["AIR/DRONE STRIKE"])
    pred[0]["events"].append({"event_type": "x", "sub_event_type": "Armed clash"})
    assert evaluate(gold, pred)["primary_sub_event_type_accuracy"] == 1.0


def test_event_without_sub_type_is_wrong_even_for_none() -> None:
    gold = _label_docs(["none"])
    pred = [{"doc_id": "d0", "events": [{"event_type": "Battles"}], "casualties": []}]
    assert evaluate(gold, pred)["primary_sub_event_type_accuracy"] == 0.0


def test_case2021_empty_predictions_give_the_none_baseline() -> None:
    path = GOLD_FILES["case2021"]
    if not path.exists():
        pytest.skip("CASE 2021 gold not found")
    m = evaluate(load_jsonl(path), [])
    # external/README.md: predicting no event scores 0.193 (the `none` class)
    assert m["primary_sub_event_type_accuracy"] == pytest.approx(0.193, abs=5e-4)


# --- UCDP headline fatalities -----------------------------------------------------------


def _ucdp(span: list[int]) -> list[Doc]:
    return [{"doc_id": "u", "events": None, "casualties": None,
             "fatalities_range": span, "claimant_hint": "police"}]  # fmt: skip


@pytest.mark.parametrize(
    ("prediction", "in_range", "exact"),
    [
        ({"events": [{"fatalities": {"low": 4, "best": 5, "high": 9}}]}, 1.0, 1.0),
        ({"events": [{"fatalities": {"low": 9, "best": 9, "high": 9}}]}, 0.0, 0.0),
        ({"events": [{"fatalities": {"low": 4, "best": 4, "high": 4}}]}, 1.0, 0.0),
        # no event: the largest killed figure among the casualties (its low)
        ({"casualties": [_figure(3, "x"), _figure(6, "y"), _figure(9, "z", "wounded")]}, 1.0, 0.0),
        # first event's best is null: fall back to the casualties
        ({"events": [{"fatalities": None}], "casualties": [_figure(5, "x")]}, 1.0, 1.0),
        ({}, 0.0, 0.0),  # nothing: 0
    ],
)
def test_headline_fatalities(prediction: Doc, in_range: float, exact: float) -> None:
    m = evaluate(_ucdp([4, 5, 6]), [{"doc_id": "u", **prediction}])
    assert m["headline_fatalities_n"] == 1
    assert m["headline_fatalities_accuracy"] == in_range
    assert m["headline_fatalities_exact_accuracy"] == exact


# --- counts, errors, every gold file ----------------------------------------------------


def test_missing_error_duplicate_and_unknown_lines(
    dev_gold: list[Doc], dev_perfect: list[Doc]
) -> None:
    pred = [
        {"doc_id": "seed-000", "error": "could not parse"},
        dev_perfect[1],
        dict(dev_perfect[1], casualties=[]),  # second line for seed-002: ignored
        {"doc_id": "seed-999", "events": [], "casualties": []},
        {"doc_id": None, "error": "bad line"},
    ]
    m = evaluate(dev_gold, pred)
    assert m["docs"] == 2 and m["predicted_lines"] == 5
    assert m["error_lines"] == 2
    assert m["missing_predictions"] == 0
    assert m["duplicate_predictions"] == 1
    assert m["unknown_predictions"] == 1
    assert m["casualty_precision"] == 1.0
    assert m["casualty_recall"] == pytest.approx(4 / 10)  # seed-000 predicted nothing
    m = evaluate(dev_gold, [dev_perfect[1]])
    assert m["missing_predictions"] == 1
    assert m["casualty_recall"] == pytest.approx(4 / 10)


@pytest.mark.parametrize("name", sorted(GOLD_FILES))
def test_every_gold_file_with_empty_predictions(name: str) -> None:
    path = GOLD_FILES[name]
    if not path.exists():
        pytest.skip(f"gold file not found: {path}")
    gold = list(load_jsonl(path))
    m = evaluate(gold, [])
    assert m["docs"] == len(gold) == m["missing_predictions"]
    assert m["predicted_lines"] == m["error_lines"] == 0
    supported = {
        "dev": ["casualty_f1", "event_f1", "not_casualty_hits"],
        "acled": ["event_f1", "primary_sub_event_type_accuracy"],
        "ucdp": ["headline_fatalities_accuracy"],
        "case2021": ["primary_sub_event_type_weighted_f1"],
    }[name]
    for key in supported:
        assert m[key] is not None, key
    assert m.get("event_recall") in (None, 0.0)
    assert m.get("casualty_recall") in (None, 0.0)
    assert format_table(m)
