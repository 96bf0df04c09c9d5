"""The read-only API over hand-built records: filters, paging, ledger, documents, downloads,
errors (one JSON shape; 404 and 422), pages, headers."""

from __future__ import annotations

import csv
import io
import re

import pytest
from api_records import HOSTILE_TITLE, TEXT_A
from fastapi.testclient import TestClient

from sitrep.export.csv import ACLED_COLUMNS
from sitrep.models import FusedEvent
from sitrep.store import rows as store_rows
from sitrep.store.rows import fused_from_row
from sitrep.store.schema import FusedEventRow


def ids(client: TestClient, **params: object) -> list[str]:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    return [e["event_id"] for e in r.json()["items"]]


def assert_error(r, status: int, code: str | None = None) -> dict:  # type: ignore[no-untyped-def]
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    err = r.json()["error"]
    assert set(err) == {"status", "code", "message", "details"}
    assert err["status"] == status and err["message"]
    if code is not None:
        assert err["code"] == code
    return err


def test_events_in_date_order_with_total(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == 3 and body["limit"] == 50 and body["offset"] == 0
    assert [e["event_id"] for e in body["items"]] == ["ev-kabul", "ev-clash", "ev-kandahar"]
    clash = body["items"][1]
    assert clash["country"] == ["Afghanistan", "Pakistan"]
    assert clash["location"] == "Durand Line" and clash["latitude"] is None
    assert clash["fatalities"] == {"low": 23, "best": 23, "high": 58, "rule": "lowest party claim"}
    assert clash["documents"] == ["doc-a", "doc-b"]
    # a border has no coordinates: drawn approximately, between its countries
    assert clash["map"]["approximate"] is True
    assert 29 < clash["map"]["latitude"] < 35 and 64 < clash["map"]["longitude"] < 71
    kabul = body["items"][0]
    assert kabul["map"] == {"latitude": 34.52813, "longitude": 69.17233, "approximate": False}
    assert kabul["admin1"] == "Kābul"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "pakistan"}, ["ev-clash"]),
        ({"country": "Afghanistan"}, ["ev-kabul", "ev-clash", "ev-kandahar"]),
        ({"event_type": "Battles"}, ["ev-clash"]),
        ({"sub_event_type": "Air/drone strike"}, ["ev-kabul", "ev-kandahar"]),
        ({"actor": "taliban"}, ["ev-clash"]),
        ({"actor": "Military Forces of Pakistan"}, ["ev-kabul", "ev-clash"]),
        ({"q": "kandahar"}, ["ev-kandahar"]),
        ({"q": "100%_"}, []),  # LIKE wildcards are matched literally
        ({"date_from": "2025-10-10"}, ["ev-clash", "ev-kandahar"]),
        ({"date_to": "2025-10-11"}, ["ev-kabul", "ev-clash"]),
        ({"date_from": "2025-10-11", "date_to": "2025-10-11"}, ["ev-clash"]),
        ({"admin1": "kabul"}, ["ev-kabul"]),  # accents and case folded: Kābul
        ({"admin1": "Kandahar", "event_type": "Battles"}, []),
        (
            {"country": "Afghanistan", "sub_event_type": "Air/drone strike", "q": "kabul"},
            ["ev-kabul"],
        ),
        ({"country": "  "}, ["ev-kabul", "ev-clash", "ev-kandahar"]),  # blank = no filter
    ],
)
def test_filters(client: TestClient, params: dict[str, str], expected: list[str]) -> None:
    assert ids(client, **params) == expected


def test_paging(client: TestClient) -> None:
    body = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
    assert body["total"] == 3 and [e["event_id"] for e in body["items"]] == ["ev-clash"]
    body = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert [e["event_id"] for e in body["items"]] == ["ev-kandahar"]
    assert client.get("/api/events", params={"offset": 10}).json()["items"] == []
    assert client.get("/api/events", params={"limit": 0}).json()["total"] == 3
    # paging with the admin1 filter counts the same way
    body = client.get("/api/events", params={"admin1": "Kandahar", "limit": 0}).json()
    assert body["total"] == 1 and body["items"] == []
    body = client.get("/api/events", params={"admin1": "KABUL", "offset": 1}).json()
    assert body["total"] == 1 and body["items"] == []


def test_admin1_filter_and_paging_run_in_the_database(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store builds only the events it returns: admin1 is a WHERE condition like every
    filter, so LIMIT/OFFSET apply to matching rows (a filter in Python after the query would
    have the store build every event)."""
    built: list[str] = []

    def counting(row: FusedEventRow) -> FusedEvent:
        built.append(row.event_id)
        return fused_from_row(row)

    monkeypatch.setattr(store_rows, "fused_from_row", counting)
    body = client.get("/api/events", params={"admin1": " kābul ", "limit": 1}).json()
    assert body["total"] == 1 and [e["event_id"] for e in body["items"]] == ["ev-kabul"]
    assert built == ["ev-kabul"]
    built.clear()
    assert client.get("/api/events", params={"admin1": "kabul", "offset": 1}).json() == {
        "total": 1,
        "limit": 50,
        "offset": 1,
        "items": [],
    }
    assert built == []
    r = client.get("/api/events.csv", params={"admin1": "KANDAHAR"})
    assert r.status_code == 200 and len(list(csv.DictReader(io.StringIO(r.text)))) == 1
    assert built == ["ev-kandahar"]
    built.clear()
    r = client.get("/api/events.geojson", params={"admin1": "Kandahar", "offset": 1})
    assert r.status_code == 200 and r.json()["features"] == []
    assert built == []


@pytest.mark.parametrize(
    ("params", "where"),
    [
        ({"date_from": "2025-13-01"}, "date_from"),
        ({"date_to": "yesterday"}, "date_to"),
        ({"limit": -1}, "limit"),
        ({"limit": 100000}, "limit"),
        ({"offset": -5}, "offset"),
        ({"limit": "ten"}, "limit"),
        ({"event_type": "Skirmish"}, "event_type"),
        ({"sub_event_type": "armed clash"}, "sub_event_type"),
        ({"q": "x" * 201}, "q"),
        ({"date_from": "2025-10-12", "date_to": "2025-10-01"}, "date_from"),
    ],
)
def test_bad_parameters_are_422(client: TestClient, params: dict[str, object], where: str) -> None:
    err = assert_error(client.get("/api/events", params=params), 422, "invalid_request")
    assert where in err["message"]
    assert any(where in d["loc"] for d in err["details"])


def test_bad_parameters_on_downloads_too(client: TestClient) -> None:
    assert_error(client.get("/api/events.csv", params={"date_from": "2025-02-30"}), 422)
    assert_error(client.get("/api/events.geojson", params={"limit": -1}), 422)
    assert_error(client.get("/api/documents", params={"limit": -1}), 422)


def test_not_found(client: TestClient) -> None:
    assert "ev-nope" in assert_error(client.get("/api/events/ev-nope"), 404, "not_found")["message"]
    assert_error(client.get("/api/documents/doc-nope"), 404, "not_found")
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.post("/api/events"), 405, "method_not_allowed")


def test_event_ledger(client: TestClient) -> None:
    ev = client.get("/api/events/ev-clash").json()
    claims = ev["claims"]
    assert [(c["claimant"], c["status"], c["low"], c["doc_id"]) for c in claims] == [
        ("Zabihullah Mujahid", "killed", 58, "doc-a"),
        ("ISPR", "killed", 23, "doc-a"),
        ("ISPR", "killed", 23, "doc-b"),
    ]
    mujahid = claims[0]
    assert mujahid["claimant_type"] == "party" and mujahid["published"] == "2025-10-12"
    start, end = mujahid["evidence_span"]
    assert TEXT_A[start:end] == mujahid["evidence"]
    assert "58 Pakistani soldiers dead" in mujahid["evidence"]
    assert mujahid["contradictions"] == [0]  # named in the figure contradiction
    assert ev["contradictions"] == [
        {
            "kind": "figure",
            "between": ["Zabihullah Mujahid", "ISPR"],
            "detail": "58 against 23 soldiers",
        }
    ]
    assert ev["sources"]["doc-b"]["source"] == "dawn"
    assert [(m["doc_id"], m["index"]) for m in ev["mentions"]] == [("doc-a", 0), ("doc-b", 0)]
    assert {d["reason"] for d in ev["merge_log"]} == {"started event", "same date, border, actors"}


def test_documents(client: TestClient) -> None:
    body = client.get("/api/documents").json()
    assert body["total"] == 3
    assert [(d["doc_id"], d["events"], d["casualties"]) for d in body["items"]] == [
        ("doc-a", 2, 2),
        ("doc-b", 1, 1),
        ("doc-c", 1, 0),
    ]
    assert (
        client.get("/api/documents", params={"limit": 1, "offset": 2}).json()["items"][0]["doc_id"]
        == "doc-c"
    )
    doc = client.get("/api/documents/doc-c").json()
    assert doc["title"] == HOSTILE_TITLE  # data, returned as is: escaping is the page's job
    assert "<script>" in doc["text"]
    event = doc["extraction"]["events"][0]
    assert event["location"] == "Kandahar" and event["evidence_span"][0] == 0
    assert client.get("/api/documents/doc-a").json()["extraction"]["casualties"][0]["claimant"] == (
        "Zabihullah Mujahid"
    )


def test_places_actors_summary(client: TestClient) -> None:
    places = client.get("/api/places").json()
    assert places["countries"] == ["Afghanistan", "Pakistan"]
    assert {p["name"] for p in places["places"]} == {"Durand Line", "Kabul", "Kandahar"}
    assert (
        client.get("/api/places", params={"country": "Pakistan"}).json()["places"][0]["events"] == 1
    )
    actors = client.get("/api/actors").json()["actors"]
    assert "Taliban" in actors and "Military Forces of Pakistan" in actors
    summary = client.get("/api/summary").json()
    assert summary["total"] == 3 and summary["fatalities"] == 23
    days = summary["timeline"]
    assert days[0] == {"date": "2025-10-09", "events": 1, "fatalities": 0}
    assert days[2] == {"date": "2025-10-11", "events": 1, "fatalities": 23}
    assert len(days) == 7  # 9th to 15th, gaps filled
    assert {p["event_id"] for p in summary["points"]} == {"ev-kabul", "ev-clash", "ev-kandahar"}
    only = client.get("/api/summary", params={"event_type": "Battles"}).json()
    assert only["total"] == 1 and only["timeline"] == [
        {"date": "2025-10-11", "events": 1, "fatalities": 23}
    ]


def test_csv_download(client: TestClient) -> None:
    r = client.get("/api/events.csv")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS
    assert [row["event_id_cnty"] for row in rows] == ["ev-kabul", "ev-clash", "ev-kandahar"]
    clash = rows[1]
    assert clash["fatalities"] == "23" and "Zabihullah Mujahid" in clash["notes"]
    assert clash["source"] == "aajtak; dawn"
    filtered = client.get("/api/events.csv", params={"sub_event_type": "Air/drone strike"})
    assert [row["location"] for row in csv.DictReader(io.StringIO(filtered.text))] == [
        "Kabul",
        "Kandahar",
    ]


def test_geojson_download(client: TestClient) -> None:
    r = client.get("/api/events.geojson")
    assert r.status_code == 200 and r.headers["content-type"] == "application/geo+json"
    fc = r.json()
    assert fc["type"] == "FeatureCollection"
    assert [f["id"] for f in fc["features"]] == ["ev-kabul", "ev-kandahar"]  # located only
    assert fc["features"][0]["geometry"] == {"type": "Point", "coordinates": [69.17233, 34.52813]}
    every = client.get("/api/events.geojson", params={"include_unlocated": "true"}).json()
    assert [f["geometry"] is None for f in every["features"]] == [False, True, False]
    one = client.get("/api/events.geojson", params={"admin1": "kabul"}).json()
    assert [f["id"] for f in one["features"]] == ["ev-kabul"]


def test_outlines_are_served_offline(client: TestClient) -> None:
    fc = client.get("/api/outlines.geojson").json()
    names = {f["properties"]["name"] for f in fc["features"]}
    assert {"Afghanistan", "Pakistan", "India", "Iran"} <= names
    assert len(fc["features"]) > 150


def test_openapi(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/events.csv", "/documents"):
        assert path in spec["paths"]
    assert client.get("/docs").status_code == 404  # the CDN-loading docs UI is off


HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


@pytest.mark.parametrize(
    "path",
    ["/", "/events/ev-clash", "/api/events", "/api/events/nope", "/api/events?limit=-1",
     "/static/dashboard.js", "/static/nope.js", "/openapi.json", "/api/events.csv"],
)  # fmt: skip
def test_security_headers_everywhere(client: TestClient, path: str) -> None:
    r = client.get(path)
    for name, value in HEADERS.items():
        assert r.headers[name] == value
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_pages_have_no_inline_script(client: TestClient) -> None:
    for path in ("/", "/events/ev-clash", "/documents/doc-c"):
        r = client.get(path)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        html = r.text
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert 'src="/static/' in tag
        assert not re.search(r"<script\b[^>]*>\s*[^<\s]", html)  # no inline body
        assert not re.search(r"\son[a-z]+\s*=", html)  # no inline handlers
        assert "style=" not in html
    assert client.get("/events/ev-nope").status_code == 404
    assert client.get("/documents/doc-nope").status_code == 404


def test_static_files_come_from_memory_only(client: TestClient) -> None:
    r = client.get("/static/common.js")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/javascript")
    etag = r.headers["etag"]
    assert client.get("/static/common.js", headers={"If-None-Match": etag}).status_code == 304
    for bad in ("/static/..%2Fapp.py", "/static/%2e%2e/app.py", "/static/app.py", "/static/.x.js"):
        assert client.get(bad).status_code == 404


def test_cors_off_unless_configured(make_client) -> None:  # type: ignore[no-untyped-def]
    origin = {"Origin": "https://elsewhere.example"}
    r = make_client().get("/api/events", headers=origin)
    assert "access-control-allow-origin" not in r.headers
    r = make_client(cors_origins=["https://elsewhere.example"]).get("/api/events", headers=origin)
    assert r.headers["access-control-allow-origin"] == "https://elsewhere.example"
