"""Concurrency: `sitrep serve` answers 20 concurrent readers while `sitrep run` ingests and
re-fuses into the same database: no 5xx, no "database is locked", no torn reads (an event's
documents, mentions and sources agree; a document's parts are all there; totals add up;
the document count a reader sees never goes down). Loopback only; bounded in time."""

from __future__ import annotations

import random
import statistics
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from reliability_tools import (
    free_port,
    real_documents,
    sitrep,
    start,
    wait_for_documents,
    write_corpus,
)

from backends import BACKENDS, database_url
from sitrep.extract.pipeline import Extractor
from sitrep.fuse import fuse_store
from sitrep.runners.local import ingest
from sitrep.store import open_store

READERS = 20
SECONDS = {"sqlite": 30.0, "postgresql": 10.0}
BEFORE, DURING = 80, 220  # documents stored before the server starts, ingested under load


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    totals_seen: list[int] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, status: int) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[status] += 1

    def problem(self, what: str) -> None:
        with self.lock:
            if len(self.problems) < 50:
                self.problems.append(what)


def _get(client: httpx.Client, tally: Tally, path: str) -> httpx.Response:
    start_at = time.perf_counter()
    r = client.get(path)
    tally.add(time.perf_counter() - start_at, r.status_code)
    if r.status_code >= 500:
        tally.problem(f"{r.status_code} on {path}: {r.text[:300]}")
    if "database is locked" in r.text.lower():
        tally.problem(f"'database is locked' on {path}")
    return r


def _check_event(d: dict[str, Any], where: str, tally: Tally) -> None:
    docs = set(d["documents"])
    mentions = {m["doc_id"] for m in d["mentions"]}
    if not docs or docs != mentions:
        tally.problem(f"{where}: documents {sorted(docs)} but mentions {sorted(mentions)}")
    missing = [k for k, v in d["sources"].items() if v is None]
    if missing or not docs <= d["sources"].keys():
        tally.problem(f"{where}: sources missing for {missing or sorted(docs)}")
    for c in d["claims"]:
        if c.get("doc_id") not in d["sources"]:
            tally.problem(f"{where}: a claim from {c.get('doc_id')} without its source")


def _reader(base: str, until: float, seed: int, tally: Tally) -> None:
    rng = random.Random(seed)
    last_total = 0
    with httpx.Client(base_url=base, timeout=60.0) as client:
        while time.monotonic() < until:
            r = _get(client, tally, f"/api/documents?limit=5&offset={rng.randrange(60)}")
            if r.status_code == 200:
                listing = r.json()
                if listing["total"] < last_total:
                    tally.problem(f"documents total went down: {last_total} -> {listing['total']}")
                last_total = listing["total"]
                with tally.lock:
                    tally.totals_seen.append(last_total)
                for item in listing["items"][:1]:
                    r = _get(client, tally, f"/api/documents/{item['doc_id']}")
                    if r.status_code != 200:
                        tally.problem(f"listed document {item['doc_id']} gave {r.status_code}")
                        continue
                    x = r.json()["extraction"]
                    if (len(x["events"]), len(x["casualties"])) != (
                        item["events"],
                        item["casualties"],
                    ):
                        tally.problem(f"document {item['doc_id']} changed between two reads")
                    for c in x["casualties"]:
                        if c.get("event_index") is not None and c["event_index"] >= len(
                            x["events"]
                        ):
                            tally.problem(f"document {item['doc_id']}: claim without its event")
            r = _get(client, tally, f"/api/events?limit=20&offset={rng.randrange(40)}")
            if r.status_code == 200:
                page = r.json()
                for e in page["items"]:
                    if not e["documents"]:
                        tally.problem(f"event {e['event_id']} listed without documents")
                if page["items"]:
                    event_id = rng.choice(page["items"])["event_id"]
                    r = _get(client, tally, f"/api/events/{event_id}")
                    if r.status_code == 200:
                        _check_event(r.json(), f"event {event_id}", tally)
                    elif r.status_code != 404:  # re-fusion may retire an id: 404 is honest
                        tally.problem(f"event {event_id} gave {r.status_code}")
            r = _get(client, tally, "/api/summary")
            if r.status_code == 200:
                s = r.json()
                timeline = sum(day["events"] for day in s["timeline"])
                if (
                    sum(s["event_types"].values()) != s["total"]
                    or timeline + s["undated"] != s["total"]
                ):
                    tally.problem(f"summary does not add up: {s['total']} {s['event_types']}")


@pytest.fixture()
def served(
    request: pytest.FixtureRequest, shared_dir: Path, extractor: Extractor, tmp_path: Path
) -> Iterator[tuple[str, str, Path]]:
    """(database URL, server base URL, corpus to ingest under load): a store holding
    BEFORE documents, fused, and `sitrep serve` over it on a free loopback port."""
    docs = real_documents(shared_dir, BEFORE + DURING)
    first = write_corpus(tmp_path / "first.jsonl", docs[:BEFORE])
    later = write_corpus(tmp_path / "later.jsonl", docs[BEFORE:])
    with database_url(request.param, tmp_path) as url:
        with open_store(url) as store:
            ingest([first], store, extractor)
            fuse_store(store)
        port = free_port()
        server = start(sitrep("serve", "--db", url, "--port", str(port)), tmp_path / "serve.log")
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                assert server.poll() is None, (tmp_path / "serve.log").read_text()[-2000:]
                try:
                    if httpx.get(f"{base}/api/summary", timeout=5).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, "the server did not come up in 60 s"
                time.sleep(0.2)
            yield url, base, later
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()


@pytest.mark.slow
@pytest.mark.parametrize("served", BACKENDS, indirect=True)
def test_readers_during_ingest(served: tuple[str, str, Path], tmp_path: Path) -> None:
    url, base, later = served
    backend = "sqlite" if url.startswith("sqlite") else "postgresql"
    writer = start(sitrep("run", str(later), "--db", url), tmp_path / "writer.log")
    tally = Tally()
    try:
        # The load starts once the writer stores documents, so that the two overlap.
        wait_for_documents(url, BEFORE + 1, writer, timeout=180)
        until = time.monotonic() + SECONDS[backend]
        threads = [
            threading.Thread(target=_reader, args=(base, until, n, tally)) for n in range(READERS)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=SECONDS[backend] + 120)
        writer_done_in_window = writer.poll() is not None
        writer.wait(timeout=300)
    finally:
        if writer.poll() is None:
            writer.kill()
    log = (tmp_path / "writer.log").read_text(errors="replace")
    assert writer.returncode == 0, log[-3000:]
    assert "database is locked" not in log.lower()

    n = len(tally.latencies)
    p95 = statistics.quantiles(tally.latencies, n=100)[94] * 1000
    p50 = statistics.median(tally.latencies) * 1000
    print(
        f"\nload [{backend}]: {READERS} readers, {SECONDS[backend]:.0f} s, {n} requests "
        f"({n / SECONDS[backend]:.0f}/s), p50 {p50:.0f} ms, p95 {p95:.0f} ms, "
        f"max {max(tally.latencies) * 1000:.0f} ms; statuses {dict(tally.statuses)}; "
        f"documents seen {min(tally.totals_seen)} -> {max(tally.totals_seen)}; "
        f"writer finished within the window: {writer_done_in_window}"
    )
    assert not tally.problems, "\n".join(tally.problems)
    assert not [s for s in tally.statuses if s >= 500]
    assert max(tally.totals_seen) > min(tally.totals_seen), "no write happened under load"
    assert n >= READERS * 5
