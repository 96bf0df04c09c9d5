"""Crash safety: a real `sitrep ingest`, killed with SIGKILL twice mid-run, leaves only whole
documents (each with all its events and claims, or absent), and a re-run finishes the job:
the same documents, events and claims as an uninterrupted run, none of them twice."""

from __future__ import annotations

import random
import signal
import subprocess
import time
from pathlib import Path

import pytest
from reliability_tools import (
    child_env,
    count_documents,
    duplicates,
    real_documents,
    sitrep,
    start,
    wait_for_documents,
    write_corpus,
)

from backends import BACKENDS, database_url
from sitrep.extract.pipeline import Extractor
from sitrep.models import Article, DocumentExtraction
from sitrep.runners.local import ingest
from sitrep.store import open_store

N_DOCS = 300
REPEATS = 6  # texts given twice under other ids: stored once, whenever the kill came
#: Fractions of the corpus stored when each run is killed (one kill on PostgreSQL: slower).
KILL_AT = {"sqlite": (0.25, 0.6), "postgresql": (0.4,)}

Stored = dict[str, tuple[Article, DocumentExtraction]]


def stored(url: str) -> Stored:
    with open_store(url) as store:
        return {a.doc_id: (a, x) for a, x in store.iter_extractions(order="doc_id")}


@pytest.fixture(scope="module")
def corpus(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kill-corpus")
    return write_corpus(folder / "corpus.jsonl", real_documents(shared_dir, N_DOCS), REPEATS)


@pytest.fixture(scope="module")
def reference(
    corpus: Path, extractor: Extractor, tmp_path_factory: pytest.TempPathFactory
) -> Stored:
    """The uninterrupted run: the CLI's runner, in this process (its models already loaded)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('kill-reference') / 'reference.db'}"
    with open_store(url) as store:
        stats = ingest([corpus], store, extractor)
    assert stats.counters["stored"] == N_DOCS and stats.counters["already stored"] == REPEATS
    assert not stats.failures
    return stored(url)


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_sigkill_mid_run_then_rerun(
    backend: str, corpus: Path, reference: Stored, tmp_path: Path
) -> None:
    command_for = lambda url: sitrep("ingest", str(corpus), "--db", url)  # noqa: E731
    jitter = random.Random(7)
    with database_url(backend, tmp_path) as url:
        at_kill: list[int] = []
        for run, fraction in enumerate(KILL_AT[backend]):
            proc = start(command_for(url), tmp_path / f"killed-{run}.log")
            try:
                wait_for_documents(url, int(N_DOCS * fraction), proc, timeout=240)
                time.sleep(jitter.uniform(0.0, 0.3))  # anywhere: extracting or writing
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=30)
            finally:
                if proc.poll() is None:
                    proc.kill()
            assert proc.returncode == -signal.SIGKILL, "the run finished before the kill"
            at_kill.append(count_documents(url))
            # Whatever the kill interrupted: every stored document is whole, none twice.
            partial = {
                doc_id: got for doc_id, got in stored(url).items() if reference.get(doc_id) != got
            }
            assert not partial, f"partial or altered documents after a kill: {sorted(partial)}"
            assert duplicates(url) == 0

        done = subprocess.run(
            command_for(url), env=child_env(), capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, done.stderr[-2000:]
        final = stored(url)
        found_duplicates = duplicates(url)
        assert found_duplicates == 0
        assert final.keys() == reference.keys()
        assert final == reference  # same documents, events and claims
        events = sum(len(x.events) for _, x in final.values())
        claims = sum(len(x.casualties) for _, x in final.values())
        print(
            f"\nkill-and-resume [{backend}]: {len(final)} documents processed "
            f"({N_DOCS + REPEATS} lines, {REPEATS} repeated texts), {events} events, "
            f"{claims} claims; SIGKILL at {at_kill} stored documents; "
            f"duplicates {found_duplicates}; partial documents 0"
        )
