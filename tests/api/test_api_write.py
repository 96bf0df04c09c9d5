"""Writes: bearer-token auth, body size limit, rate limit, POST /documents, merge and split.

POST /documents here runs with a stand-in extractor (it returns the events a test gives it):
these tests are about the API's write path; the real extractor runs in the browser tests.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import pytest
from fastapi.testclient import TestClient

from sitrep.models import Article, DocumentExtraction
from sitrep.settings import Settings

DOC = {"id": "new-1", "source": "wire", "published": "2025-10-20", "text": "Nothing happened."}


@dataclass
class StubExtractor:
    """Returns an extraction with no event for every article; counts its constructions."""

    made: list[Settings] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)

    def factory(self, settings: Settings) -> StubExtractor:
        self.made.append(settings)
        return self

    def extract_many(self, articles: Sequence[Article]) -> Iterator[DocumentExtraction]:
        for a in articles:
            self.seen.append(a.doc_id)
            if "FAIL" in a.text:
                yield DocumentExtraction(doc_id=a.doc_id, error="extraction failed: stub")
            else:
                yield DocumentExtraction(doc_id=a.doc_id, published=a.published)


@pytest.fixture()
def stub() -> StubExtractor:
    return StubExtractor()


@pytest.fixture()
def writer(
    make_writable_client: Callable[..., TestClient], stub: StubExtractor, token: str
) -> TestClient:
    return make_writable_client(token=token, extractor_factory=stub.factory)


WRITES = [
    ("/documents", DOC),
    ("/api/events/merge", {"event_ids": ["ev-kabul", "ev-kandahar"]}),
    ("/api/events/ev-clash/split", {"doc_id": "doc-b", "index": 0}),
]


@pytest.mark.parametrize(("path", "body"), WRITES)
def test_writes_refused_without_a_configured_token(
    make_writable_client: Callable[..., TestClient], path: str, body: dict, auth: dict[str, str]
) -> None:
    client = make_writable_client()  # no token argument, SITREP_API_TOKEN unset
    for headers in ({}, auth):
        r = client.post(path, json=body, headers=headers)
        assert r.status_code == 403, r.text
        err = r.json()["error"]
        assert err["code"] == "writes_disabled" and "SITREP_API_TOKEN" in err["message"]


@pytest.mark.parametrize(("path", "body"), WRITES)
def test_auth(writer: TestClient, stub: StubExtractor, path: str, body: dict, token: str) -> None:
    r = writer.post(path, json=body)
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    assert r.headers["www-authenticate"].startswith("Bearer")
    for bad in ("Basic dXNlcjpwYXNz", "Bearer", "Bearer ", token):
        assert writer.post(path, json=body, headers={"Authorization": bad}).status_code == 401
    for wrong in (token[:-1], token + "x", token.upper(), "x"):
        r = writer.post(path, json=body, headers={"Authorization": f"Bearer {wrong}"})
        assert r.status_code == 403 and r.json()["error"]["code"] == "invalid_token"
    assert stub.made == []  # nothing was extracted for a refused request
    r = writer.post(path, json=body, headers={"Authorization": f"bearer {token}"})
    assert r.status_code in (200, 201), r.text


def test_token_from_settings(
    make_writable_client: Callable[..., TestClient], db_url: str, auth: dict[str, str]
) -> None:
    from sitrep.api import create_app

    app = create_app(Settings(db_url=db_url, api_token="from-settings"))
    with TestClient(app) as client:
        r = client.post("/api/events/merge", json={"event_ids": ["a", "b"]}, headers=auth)
        assert r.status_code == 403
        headers = {"Authorization": "Bearer from-settings"}
        assert (
            client.post(
                "/api/events/merge", json={"event_ids": ["a", "b"]}, headers=headers
            ).status_code
            == 404
        )


def test_body_size_limit(
    make_writable_client: Callable[..., TestClient],
    stub: StubExtractor,
    token: str,
    auth: dict[str, str],
) -> None:
    client = make_writable_client(token=token, extractor_factory=stub.factory, max_body_bytes=1000)
    big = json.dumps({**DOC, "text": "x" * 2000})
    headers = {**auth, "Content-Type": "application/json"}
    r = client.post("/documents", content=big, headers=headers)
    assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"
    assert r.headers["x-content-type-options"] == "nosniff"
    # without Content-Length (chunked): counted while read
    chunks = (big[i : i + 300].encode() for i in range(0, len(big), 300))
    r = client.post("/documents", content=chunks, headers=headers)
    assert r.status_code == 413
    # the limit holds before authentication too, and on every route
    assert client.post("/documents", content=big).status_code == 413
    assert client.post("/api/events/merge", content=big, headers=headers).status_code == 413
    assert stub.made == []
    small = json.dumps(DOC)
    assert client.post("/documents", content=small, headers=headers).status_code == 201


def test_default_body_limit_is_2mb(writer: TestClient, auth: dict[str, str]) -> None:
    body = json.dumps({**DOC, "text": "y" * 2_100_000})
    r = writer.post(
        "/documents", content=body, headers={**auth, "Content-Type": "application/json"}
    )
    assert r.status_code == 413


def test_rate_limit_on_writes(
    make_writable_client: Callable[..., TestClient], token: str, auth: dict[str, str]
) -> None:
    client = make_writable_client(token=token, writes_per_minute=2)
    body = {"event_ids": ["nope-1", "nope-2"]}
    assert client.post("/api/events/merge", json=body, headers=auth).status_code == 404
    assert client.post("/api/events/merge", json=body).status_code == 401  # counts too
    r = client.post("/api/events/merge", json=body, headers=auth)
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    assert r.json()["error"]["code"] == "too_many_requests"
    assert client.get("/api/events").status_code == 200  # reads are not limited


def test_post_documents(writer: TestClient, stub: StubExtractor, auth: dict[str, str]) -> None:
    r = writer.post("/documents", json=DOC, headers=auth)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["stored"] == 1 and body["results"][0] == {
        "index": 0, "doc_id": "new-1", "status": "stored", "reason": None,
        "events": 0, "casualties": 0,
    }  # fmt: skip
    assert isinstance(body["fused_events"], int)
    doc = writer.get("/api/documents/new-1").json()
    assert doc["text"] == "Nothing happened." and doc["source"] == "wire"
    assert doc["published"] == "2025-10-20"
    # a list: one new, one already stored, one repeated, two bad, one failing extraction
    batch = [
        {"id": "new-2", "text": "Another report."},
        DOC,
        {"id": "new-2b", "text": "Another report."},
        {"id": "bad-1"},
        {"id": "bad-2", "text": "x", "published": "not a date"},
        {"id": "new-3", "text": "FAIL here"},
    ]
    body = writer.post("/documents", json=batch, headers=auth).json()
    got = [(r["doc_id"], r["status"]) for r in body["results"]]
    assert got == [
        ("new-2", "stored"),
        ("new-1", "duplicate"),
        ("new-2b", "duplicate"),
        ("bad-1", "rejected"),
        ("bad-2", "rejected"),
        ("new-3", "failed"),
    ]
    assert "text" in body["results"][3]["reason"]
    assert len(stub.made) == 1  # one extractor per app, created at the first write
    assert stub.seen == ["new-1", "new-2", "new-3"]
    # nothing new: 200
    again = writer.post("/documents", json=DOC, headers=auth)
    assert again.status_code == 200 and again.json()["duplicates"] == 1


@pytest.mark.parametrize(
    ("content", "ctype", "status"),
    [
        (b"{not json", "application/json", 422),
        (b"[]", "application/json", 422),
        (b'"a string"', "application/json", 422),
        (b"[1, 2]", "application/json", 422),
        (json.dumps([DOC] * 101).encode(), "application/json", 422),
        (json.dumps(DOC).encode(), "text/plain", 415),
        (b"\xff\xfe", "application/json", 422),
    ],
)
def test_post_documents_bad_bodies(
    writer: TestClient,
    stub: StubExtractor,
    content: bytes,
    ctype: str,
    status: int,
    auth: dict[str, str],
) -> None:
    r = writer.post("/documents", content=content, headers={**auth, "Content-Type": ctype})
    assert r.status_code == status, r.text
    assert r.json()["error"]["status"] == status
    assert stub.made == []


def test_path_in_a_record_is_only_text(writer: TestClient, auth: dict[str, str]) -> None:
    record = {"id": "../../etc/passwd", "text": "/etc/passwd", "url": "file:///etc/passwd"}
    body = writer.post("/documents", json=record, headers=auth).json()
    assert body["results"][0]["status"] == "stored"
    stored = writer.get("/api/documents/..%2F..%2Fetc%2Fpasswd").json()
    assert stored["text"] == "/etc/passwd" and stored["doc_id"] == "../../etc/passwd"
    page = writer.get("/documents/..%2F..%2Fetc%2Fpasswd")
    assert page.status_code == 200 and "root:" not in page.text


def test_merge_and_split(writer: TestClient, auth: dict[str, str]) -> None:
    def event_of(doc_id: str, index: int) -> str:
        for e in writer.get("/api/events").json()["items"]:
            detail = writer.get(f"/api/events/{e['event_id']}").json()
            if any((m["doc_id"], m["index"]) == (doc_id, index) for m in detail["mentions"]):
                return e["event_id"]
        raise AssertionError(f"{doc_id}#{index} in no event")

    r = writer.post(
        "/api/events/merge", json={"event_ids": ["ev-kabul", "ev-kandahar"]}, headers=auth
    )
    assert r.status_code == 200, r.text
    merged = r.json()["event_id"]
    assert event_of("doc-a", 1) == event_of("doc-c", 0) == merged
    log = writer.get(f"/api/events/{merged}").json()["merge_log"]
    assert any(d["manual"] and "manual merge" in d["reason"] for d in log)

    r = writer.post(
        f"/api/events/{merged}/split", json={"doc_id": "doc-c", "index": 0}, headers=auth
    )
    assert r.status_code == 200, r.text
    assert event_of("doc-c", 0) == r.json()["event_id"] != event_of("doc-a", 1)


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/api/events/merge", {"event_ids": ["ev-kabul", "ev-nope"]}, 404),
        ("/api/events/merge", {"event_ids": ["ev-kabul", "ev-kabul"]}, 422),
        ("/api/events/merge", {"event_ids": ["ev-kabul"]}, 422),
        ("/api/events/merge", {"event_ids": ["a", "b"], "extra": 1}, 422),
        ("/api/events/ev-nope/split", {"doc_id": "doc-a", "index": 0}, 404),
        ("/api/events/ev-kabul/split", {"doc_id": "doc-a", "index": -1}, 422),
        ("/api/events/ev-clash/split", {"doc_id": "doc-c", "index": 0}, 409),
        ("/api/events/ev-kabul/split", {"doc_id": "doc-a", "index": 1}, 409),  # its only member
    ],
)
def test_merge_split_errors(
    writer: TestClient, path: str, body: dict, status: int, auth: dict[str, str]
) -> None:
    r = writer.post(path, json=body, headers=auth)
    assert r.status_code == status, r.text
    assert r.json()["error"]["status"] == status
