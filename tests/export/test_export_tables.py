"""Fused-event exports: FORMAT.md §6 JSONL, ACLED CSV, GeoJSON, Parquet."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from export_records import HOSTILE, fused_events

from sitrep.export.csv import ACLED_COLUMNS, disorder_type, write_csv
from sitrep.export.formats import export_events
from sitrep.export.geojson import write_geojson
from sitrep.export.jsonl import fused_event_dict, write_jsonl
from sitrep.export.phrases import figure_text
from sitrep.models import Count

SECTION_6_KEYS = [
    "event_id",
    "event_type",
    "sub_event_type",
    "date",
    "date_precision",
    "country",
    "location",
    "latitude",
    "longitude",
    "actor1",
    "actor2",
    "documents",
    "fatalities",
    "claims",
    "contradictions",
]
CLAIM_KEYS = [
    "doc_id",
    "claimant",
    "claimant_type",
    "status",
    "low",
    "high",
    "approx",
    "victim_kind",
    "victim_side",
    "evidence",
    "superseded",
]


def _by_id(lines: list[dict]) -> dict[str, dict]:
    return {d["event_id"]: d for d in lines}


# --- JSONL (§6) -------------------------------------------------------------------------------


def test_jsonl_lines_have_exactly_the_section_6_shape() -> None:
    out = io.StringIO()
    assert write_jsonl(iter(fused_events()), out) == 4
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 4
    for d in lines:
        assert list(d) == SECTION_6_KEYS
        assert isinstance(d["country"], list)
        assert list(d["fatalities"]) == ["low", "best", "high", "rule"]
        for c in d["claims"]:
            assert list(c) == CLAIM_KEYS
        for k in d["contradictions"]:
            assert list(k) == ["kind", "between", "detail"]

    clash = _by_id(lines)["ev-clash"]
    assert clash["country"] == ["Afghanistan", "Pakistan"]
    assert clash["location"] == "Durand Line"
    assert clash["latitude"] is None and clash["longitude"] is None  # a border is no point
    assert clash["documents"] == ["doc-a", "doc-b"]
    assert clash["fatalities"] == {
        "low": 23,
        "best": 23,
        "high": 58,
        "rule": "party claims only: lowest is best",
    }
    first = clash["claims"][0]
    assert first["claimant"] == "Zabihullah Mujahid"
    assert first["claimant_type"] == "party"
    assert (first["status"], first["low"], first["high"], first["approx"]) == (
        "killed",
        58,
        58,
        False,
    )
    assert first["victim_kind"] == "security_forces" and first["victim_side"] == "Pakistan"
    assert "58 Pakistani soldiers dead" in first["evidence"]
    assert [c["superseded"] for c in clash["claims"]] == [False, False, False, True]
    assert clash["contradictions"] == [
        {
            "kind": "figure",
            "between": ["Zabihullah Mujahid", "ISPR"],
            "detail": "58 against 23 Pakistani soldiers",
        }
    ]


def test_jsonl_event_without_fatalities_still_has_the_object() -> None:
    strike = _by_id([fused_event_dict(e) for e in fused_events()])["ev-strike-9"]
    assert strike["fatalities"] == {"low": None, "best": None, "high": None, "rule": None}
    assert strike["claims"] == [] and strike["contradictions"] == []
    assert strike["latitude"] == pytest.approx(34.52813)
    assert strike["longitude"] == pytest.approx(69.17233)
    assert strike["date"] == "2025-10-09" and strike["date_precision"] == "day"


def test_jsonl_streams_from_a_generator_without_listing_it() -> None:
    produced = []

    def events():
        for e in fused_events():
            produced.append(e.event_id)
            yield e

    out = io.StringIO()
    write_jsonl(events(), out)
    assert produced == ["ev-clash", "ev-strike-9", "ev-strike-15", "ev-hostile"]
    assert out.getvalue().count("\n") == 4


# --- CSV (ACLED) ------------------------------------------------------------------------------


def _csv_rows(**kw: object) -> tuple[list[str], list[dict[str, str]]]:
    out = io.StringIO(newline="")
    write_csv(fused_events(), out, **kw)  # type: ignore[arg-type]
    reader = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def test_csv_header_is_acled_and_rows_load() -> None:
    header, rows = _csv_rows(source_of=lambda d: f"outlet-{d}")
    assert header == list(ACLED_COLUMNS)
    assert header[:3] == ["event_id_cnty", "event_date", "year"]
    assert len(rows) == 4
    clash = {r["event_id_cnty"]: r for r in rows}["ev-clash"]
    assert clash["event_date"] == "2025-10-11" and clash["year"] == "2025"
    assert clash["time_precision"] == "1"
    assert clash["disorder_type"] == "Political violence"
    assert clash["event_type"] == "Battles" and clash["sub_event_type"] == "Armed clash"
    assert clash["actor1"] == "Taliban" and clash["actor2"] == "Military Forces of Pakistan"
    assert clash["country"] == "Afghanistan"
    assert clash["tags"] == "cross-border: Afghanistan; Pakistan"
    assert clash["location"] == "Durand Line"
    assert clash["latitude"] == "" and clash["geo_precision"] == ""
    assert clash["fatalities"] == "23"
    assert clash["source"] == "outlet-doc-a; outlet-doc-b"
    assert "Zabihullah Mujahid (party): 58 Pakistani soldiers killed [doc-a]" in clash["notes"]
    assert "ISPR (party): 23 Pakistani soldiers killed [doc-b]" in clash["notes"]
    assert "[superseded]" in clash["notes"]
    assert "23-23-58" in clash["notes"]
    for empty in ("inter1", "inter2", "interaction", "iso", "region", "timestamp"):
        assert clash[empty] == ""


def test_csv_conventions_for_located_and_unestimated_events() -> None:
    _, rows = _csv_rows()
    by_id = {r["event_id_cnty"]: r for r in rows}
    strike = by_id["ev-strike-9"]
    assert float(strike["latitude"]) == pytest.approx(34.52813)
    assert float(strike["longitude"]) == pytest.approx(69.17233)
    assert strike["geo_precision"] == "1" and strike["admin1"] == "Kabul"
    assert strike["fatalities"] == "0"  # ACLED: 0 where no figure
    assert strike["source"] == ""  # no lookup given
    hostile = by_id["ev-hostile"]
    assert hostile["civilian_targeting"] == "Civilian targeting"
    assert HOSTILE in hostile["notes"]  # data, not markup: the csv module quotes it intact


def test_csv_loads_in_pandas_when_available(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    path = tmp_path / "events.csv"
    export_events(fused_events(), "csv", path)
    frame = pd.read_csv(path)
    assert list(frame.columns) == list(ACLED_COLUMNS)
    assert len(frame) == 4


@pytest.mark.parametrize(
    ("event_type", "sub", "expected"),
    [
        ("Protests", "Peaceful protest", "Demonstrations"),
        ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
        ("Riots", "Mob violence", "Political violence"),
        ("Riots", "Violent demonstration", "Demonstrations"),
        ("Strategic developments", "Agreement", "Strategic developments"),
    ],
)
def test_disorder_type_follows_acled(event_type: str, sub: str, expected: str) -> None:
    assert disorder_type(event_type, sub) == expected


# --- GeoJSON ----------------------------------------------------------------------------------


def _check_feature_collection(doc: dict) -> None:
    """RFC 7946 structure: FeatureCollection of Features with Point [lon, lat] or null."""
    assert doc["type"] == "FeatureCollection"
    assert isinstance(doc["features"], list)
    for f in doc["features"]:
        assert f["type"] == "Feature"
        assert isinstance(f["properties"], dict)
        g = f["geometry"]
        if g is None:
            continue
        assert g["type"] == "Point"
        lon, lat = g["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_is_valid_with_lon_lat_order() -> None:
    out = io.StringIO()
    assert write_geojson(fused_events(), out) == 3  # the Durand Line clash has no point
    doc = json.loads(out.getvalue())
    _check_feature_collection(doc)
    features = {f["id"]: f for f in doc["features"]}
    assert set(features) == {"ev-strike-9", "ev-strike-15", "ev-hostile"}
    lon, lat = features["ev-strike-9"]["geometry"]["coordinates"]
    assert (lon, lat) == pytest.approx((69.17233, 34.52813))  # [lon, lat], not [lat, lon]
    props = features["ev-strike-15"]["properties"]
    assert "latitude" not in props and "longitude" not in props
    assert props["claims"][0]["claimant"] == "UNAMA"
    assert props["fatalities"]["best"] == 37


def test_geojson_can_keep_unlocated_events_with_null_geometry() -> None:
    out = io.StringIO()
    assert write_geojson(fused_events(), out, include_unlocated=True) == 4
    doc = json.loads(out.getvalue())
    _check_feature_collection(doc)
    clash = next(f for f in doc["features"] if f["id"] == "ev-clash")
    assert clash["geometry"] is None


def test_geojson_of_nothing_is_an_empty_collection() -> None:
    out = io.StringIO()
    assert write_geojson([], out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


# --- the dispatcher and Parquet ---------------------------------------------------------------


def test_export_events_writes_each_text_format(tmp_path: Path) -> None:
    for fmt in ("jsonl", "csv", "geojson"):
        path = tmp_path / f"out.{fmt}"
        assert export_events(fused_events(), fmt, path) >= 3
        assert path.stat().st_size > 0
    with pytest.raises(ValueError, match="unknown export format"):
        export_events(fused_events(), "xlsx", tmp_path / "x")
    with pytest.raises(ValueError, match="give an output file"):
        export_events(fused_events(), "parquet", None)


def test_parquet_without_pyarrow_fails_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitrep.export.parquet import ParquetUnavailable, write_parquet

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(ParquetUnavailable, match="pip install pyarrow"):
        write_parquet(fused_events(), tmp_path / "x.parquet")
    assert not (tmp_path / "x.parquet").exists()


def test_parquet_round_trips_the_section_6_fields(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert export_events(fused_events(), "parquet", path) == 4
    rows = {r["event_id"]: r for r in pq.read_table(path).to_pylist()}
    clash = rows["ev-clash"]
    assert clash["country"] == ["Afghanistan", "Pakistan"]
    assert clash["fatalities"]["best"] == 23
    assert clash["claims"][0]["claimant"] == "Zabihullah Mujahid"
    assert clash["contradictions"][0]["between"] == ["Zabihullah Mujahid", "ISPR"]
    assert str(clash["date"]) == "2025-10-11"
    assert rows["ev-strike-9"]["latitude"] == pytest.approx(34.52813)


@pytest.mark.parametrize(
    ("low", "high", "approx", "text"),
    [
        (37, 37, False, "37"),
        (425, None, False, "at least 425"),
        (None, 30, False, "up to 30"),
        (60, 60, True, "about 60"),
        (24, None, True, "24+ (approx.)"),
        (20, 30, False, "20-30"),
        (None, None, False, "an unstated number"),
    ],
)
def test_figures_read_as_format_section_3_means_them(
    low: int | None, high: int | None, approx: bool, text: str
) -> None:
    assert figure_text(Count(low, high, approx)) == text
