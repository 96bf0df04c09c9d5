"""Scale-out on Dask: the same pipeline over sharded input on a cluster (or a LocalCluster).

The client (this process) reads the input and cuts it into shards (`runners.shards`); each
worker cleans and extracts the shards it is given, with the models it loaded once; the results
come back to the client, which alone writes the store, in input order, marking each shard
done after its documents. So the database needs no concurrent writers (SQLite works for a
LocalCluster, PostgreSQL for anything else), an interrupted run resumes at the first
unfinished shard, and fusion runs once at the end over everything stored, whichever worker
extracted what. Only this module imports dask.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path

from sitrep.pipeline import Outcome, RunStats
from sitrep.runners.shards import (
    DEFAULT_SHARD_SIZE,
    Shard,
    extract_shard,
    plan_shards,
    run_shards,
    worker_extractor,
)
from sitrep.settings import Settings


def _load_models(settings: Settings) -> None:
    worker_extractor(settings)


def run_on_dask(
    paths: Iterable[str | Path],
    db_url: str,
    scheduler: str | None = None,
    *,
    settings: Settings | None = None,
    workers: int = 2,
    shard_size: int = DEFAULT_SHARD_SIZE,
    published: date | None = None,
    fuse: bool = True,
    on_outcome: Callable[[Outcome], None] | None = None,
    on_shard: Callable[[str], None] | None = None,
) -> RunStats:
    """Ingest `paths` into the store at `db_url` on a Dask cluster, then (with `fuse`) fuse.

    `scheduler`: "tcp://HOST:8786" of a running `dask scheduler`; None (or "local") starts a
    LocalCluster of `workers` processes with one thread each (call this from a function, never
    at import time of a `__main__` module: the workers are spawned).
    """
    from dask.distributed import Client, LocalCluster

    from sitrep.store import open_store

    settings = replace(settings or Settings(), db_url=db_url)
    with open_store(db_url) as store:
        cluster = None
        if scheduler in (None, "local"):
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            client = Client(cluster)
        else:
            client = Client(scheduler)
        try:
            client.run(_load_models, settings)  # every worker present loads its models now
            width = max(1, len(client.scheduler_info().get("workers", {})))

            def submit(shard: Shard):  # type: ignore[no-untyped-def]
                return client.submit(extract_shard, shard, settings, pure=False)

            stats = RunStats()
            run_shards(
                plan_shards(
                    paths,
                    shard_size=shard_size,
                    published=published,
                    max_bytes=settings.max_bytes,
                    seconds=stats.seconds,
                ),
                submit,
                store,
                window=2 * width,
                stats=stats,
                on_outcome=on_outcome,
                on_shard=on_shard,
            )
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        if fuse:
            from sitrep.fuse import fuse_store

            fuse_store(store)
    return stats
