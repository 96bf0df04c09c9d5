"""What the reliability tests share: a corpus of real texts, the `sitrep` command as a
subprocess, free loopback ports, and checks a database must pass whatever happened to it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

#: Event notes and headlines written by ACLED coders and news agencies (FORMAT.md §1 lines).
EXTERNAL = ("eval/external/acled.docs.jsonl", "eval/external/ucdp.docs.jsonl")


def real_documents(shared: Path, n: int) -> list[dict[str, Any]]:
    """`n` documents with distinct texts, alternating ACLED notes and UCDP headlines."""
    sources = [
        [json.loads(line) for line in (shared / name).read_text(encoding="utf-8").splitlines()]
        for name in EXTERNAL
    ]
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for pair in zip(*sources, strict=False):
        for doc in pair:
            if doc["text"] not in seen and len(out) < n:
                seen.add(doc["text"])
                out.append(doc)
    assert len(out) == n, f"only {len(out)} distinct texts in {EXTERNAL}"
    return out


def write_corpus(path: Path, docs: Sequence[dict[str, Any]], repeats: int = 0) -> Path:
    """JSON Lines of `docs`, then `repeats` of them again under new ids (same text, so the
    store must recognise them by content hash, however the run was interrupted)."""
    step = max(1, len(docs) // repeats) if repeats else 1
    extra = [doc | {"id": f"{doc['id']}-again"} for doc in docs[::step]][:repeats]
    lines = [json.dumps(d, ensure_ascii=False) for d in [*docs, *extra]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def sitrep(*args: str) -> list[str]:
    """The `sitrep` command line (the installed console script, else the module)."""
    script = Path(sys.executable).with_name("sitrep")
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-c", "from sitrep.cli import app; app()", *args]


def child_env() -> dict[str, str]:
    """This environment without the settings a test passes explicitly (database, token)."""
    dropped = {"SITREP_DB", "SITREP_API_TOKEN", "SITREP_API_CORS_ORIGINS"}
    return {k: v for k, v in os.environ.items() if k not in dropped} | {"PYTHONUNBUFFERED": "1"}


def start(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    out = log.open("wb")
    return subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=child_env())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def count_documents(url: str) -> int:
    """Stored documents, or 0 while the database or its tables do not exist yet."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM documents")).scalar() or 0)
    except DBAPIError:
        return 0
    finally:
        engine.dispose()


def wait_for_documents(
    url: str, at_least: int, proc: subprocess.Popen[bytes], timeout: float
) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        n = count_documents(url)
        if n >= at_least:
            return n
        assert proc.poll() is None, f"the run ended early (exit {proc.returncode}) at {n} docs"
        time.sleep(0.02)
    raise AssertionError(f"fewer than {at_least} documents after {timeout} s")


#: Rows that must be unique for a document to be stored once, with its parts once each.
DUPLICATE_QUERIES = {
    "doc_id": "SELECT doc_id FROM documents GROUP BY doc_id HAVING count(*) > 1",
    "content": "SELECT content_hash FROM documents GROUP BY content_hash HAVING count(*) > 1",
    "event": "SELECT document_id, event_index FROM doc_events "
    "GROUP BY document_id, event_index HAVING count(*) > 1",
    "claim": "SELECT document_id, position FROM claims "
    "GROUP BY document_id, position HAVING count(*) > 1",
}


def duplicates(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return sum(len(conn.execute(text(q)).all()) for q in DUPLICATE_QUERIES.values())
    finally:
        engine.dispose()
