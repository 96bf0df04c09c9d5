from __future__ import annotations

import pytest

from sitrep.eval.events import date_matches, event_matches, haversine_km, location_matches


def test_haversine() -> None:
    assert haversine_km((0.0, 0.0), (0.0, 0.0)) == 0.0
    assert haversine_km((0.0, 0.0), (1.0, 0.0)) == pytest.approx(111.195, rel=1e-4)
    # Kabul to Islamabad, about 370 km as the crow flies
    assert haversine_km((34.5281, 69.1723), (33.6844, 73.0479)) == pytest.approx(370, abs=10)


def test_location_country_lists() -> None:
    gold = {"country": ["Afghanistan", "Pakistan"], "latitude": None, "longitude": None}
    assert location_matches(gold, {"country": "Pakistan"})
    assert location_matches(gold, {"country": ["Iran", "afghanistan"]})
    assert not location_matches(gold, {"country": None})
    assert not location_matches(gold, {"country": "Iran"})


def test_date_rules() -> None:
    gold = {"date": "2025-10-11", "date_alternatives": ["2025-10-20"]}
    assert date_matches(gold, {"date": "2025-10-12"})
    assert date_matches(gold, {"date": "2025-10-21T08:00:00"})
    assert not date_matches(gold, {"date": "2025-10-13"})
    assert not date_matches(gold, {"date": "2025-10"})
    assert date_matches({"date": None}, {"date": "anything"})
    assert date_matches({"date": None}, {})


def test_event_type_compared_case_insensitively() -> None:
    gold = {"event_type": "Battles", "date": None, "country": "Yemen"}
    assert event_matches(gold, {"event_type": " battles", "country": "Yemen"})
    assert not event_matches(gold, {"event_type": "Riots", "country": "Yemen"})
