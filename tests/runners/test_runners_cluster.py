"""The same pipeline on a 2-worker Dask LocalCluster and on 2 local processes gives exactly
the documents, events and claims of the one-process run; a killed cluster run resumes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.extract.pipeline import Extractor
from sitrep.fuse import fuse_store
from sitrep.runners.dask import run_on_dask
from sitrep.runners.local import ingest, ingest_parallel
from sitrep.runners.shards import plan_shards
from sitrep.settings import Settings
from sitrep.store import Store, open_store


def contents(store: Store) -> tuple[list[object], list[object]]:
    """Every stored document with its events and claims, and every fused event."""
    return list(store.iter_extractions(order="doc_id")), list(store.iter_fused())


@pytest.fixture(scope="module")
def local_run(
    corpus: list[Path], tmp_path_factory: pytest.TempPathFactory, extractor: Extractor
) -> tuple[list[object], list[object]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('local') / 'local.db'}"
    with open_store(url) as store:
        stats = ingest(corpus, store, extractor)
        assert stats.counters["stored"] == 7
        fuse_store(store)
        return contents(store)


class Killed(Exception):
    pass


@pytest.mark.slow
def test_dask_local_cluster_matches_local_run_and_resumes(
    corpus: list[Path], tmp_path: Path, local_run: tuple[list[object], list[object]]
) -> None:
    url = f"sqlite:///{tmp_path / 'dask.db'}"
    keys = [s.key for s in plan_shards(corpus, shard_size=2)]
    done: list[str] = []

    def kill_after_two(key: str) -> None:
        done.append(key)
        if len(done) == 2:
            raise Killed

    with pytest.raises(Killed):
        run_on_dask(corpus, url, None, workers=2, shard_size=2, on_shard=kill_after_two)
    with open_store(url) as store:
        assert [k for k in keys if store.shard_done(k)] == keys[:2]
        assert store.count_documents() == 4

    stats = run_on_dask(corpus, url, None, workers=2, shard_size=2)
    assert stats.counters["shards skipped (done before)"] == 2
    assert stats.counters["shards done"] == 2
    assert stats.counters["stored"] == 3 and stats.counters["already stored"] == 0
    with open_store(url) as store:
        assert store.count_documents() == 7
        docs, fused = contents(store)
    expected_docs, expected_fused = local_run
    assert docs == expected_docs  # same documents, events and claims
    assert fused == expected_fused


@pytest.mark.slow
def test_local_worker_processes_match_local_run(
    corpus: list[Path], tmp_path: Path, local_run: tuple[list[object], list[object]]
) -> None:
    url = f"sqlite:///{tmp_path / 'workers.db'}"
    with open_store(url) as store:
        stats = ingest_parallel(corpus, store, Settings(db_url=url), workers=2, shard_size=2)
        assert stats.counters["stored"] == 7 and stats.counters["shards done"] == 4
        assert {"read_clean", "parse", "extract", "store"} <= set(stats.seconds)
        fuse_store(store)
        assert contents(store) == local_run
