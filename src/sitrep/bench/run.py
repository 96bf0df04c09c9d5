"""`run_bench`: the whole pipeline (read, clean, parse, extract, store) on generated articles,
against a plain `nlp.pipe` of the full spaCy pipeline on the same texts, in the same run."""

from __future__ import annotations

import json
import os
import resource
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

from sitrep.bench.corpus import SETS, load_units, write_corpus
from sitrep.settings import Settings

DISTINCT_NOTE = (
    "documents are distinct: each strings together different real texts of "
    "shared/eval/external, so de-duplication drops none (see duplicates_dropped)"
)


class PeakRss:
    """Peak resident memory of this process and all its descendants, in MB.

    With psutil, a thread sums the RSS of the process tree every `interval` seconds; without
    it, getrusage's peaks of this process and of its reaped children are added (an upper bound).
    """

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        try:
            import psutil
        except ImportError:
            self.method = "getrusage(self) + getrusage(children)"
            self._psutil = None
        else:
            self.method = "psutil: sum of RSS over the process tree, sampled every 0.2 s"
            self._psutil = psutil

    def _sample(self) -> float:
        assert self._psutil is not None
        me = self._psutil.Process()
        total = 0
        for proc in [me, *me.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except self._psutil.Error:
                continue
        return total / 2**20

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRss:
        if self._psutil is not None:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._thread is not None:
            self._stop.set()
            self._thread.join()
            self.peak = max(self.peak, self._sample())
        else:
            own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            self.peak = (own + kids) / 1024


@contextmanager
def _workdir(path: Path | None) -> Iterator[Path]:
    if path is not None:
        path.mkdir(parents=True, exist_ok=True)
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        yield Path(tmp)


def _texts(path: Path, limit: int) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in islice(fh, limit)]


def baseline_docs_per_s(texts: list[str], settings: Settings) -> float:
    """A plain `nlp.pipe` of the full, unmodified spaCy pipeline: the naive baseline."""
    import spacy

    nlp = spacy.load(settings.spacy_model)
    nlp.max_length = 2_000_000
    list(nlp.pipe(texts[:2]))  # warm-up
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size):
        pass
    return len(texts) / (time.perf_counter() - start)


def _ingest(
    corpus: Path, db_url: str, settings: Settings, workers: int, scheduler: str | None
) -> Any:
    from sitrep.store import open_store

    if scheduler is not None:
        from sitrep.runners.dask import run_on_dask

        return run_on_dask(
            [corpus],
            db_url,
            scheduler,
            settings=settings,
            workers=workers,
            fuse=False,
        )
    with open_store(db_url) as store:
        if workers > 1:
            from sitrep.runners.local import ingest_parallel

            return ingest_parallel([corpus], store, settings, workers=workers)
        from sitrep.runners.local import ingest
        from sitrep.runners.shards import worker_extractor

        return ingest([corpus], store, worker_extractor(settings), batch_size=settings.batch_size)


def _external_docs_per_s(shared: Path, settings: Settings, limit: int) -> dict[str, float]:
    """Extraction speed (no store) on the external sets as they are (first `limit` docs)."""
    from sitrep.pipeline import extract_stream, read_articles
    from sitrep.runners.shards import worker_extractor

    extractor = worker_extractor(settings)
    out = {}
    for name in SETS:
        items = islice(read_articles([shared / "eval" / "external" / f"{name}.docs.jsonl"]), limit)
        start = time.perf_counter()
        n = sum(1 for _ in extract_stream(items, extractor, batch_size=settings.batch_size))
        out[name] = round(n / (time.perf_counter() - start), 2)
    return out


def run_bench(
    docs: int,
    *,
    json_out: Path | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    shared: Path,
    settings: Settings | None = None,
    words: int = 600,
    baseline_sample: int = 300,
    external_sample: int = 200,
    workdir: Path | None = None,
) -> dict[str, Any]:
    """Benchmark the pipeline on `docs` generated ~`words`-word articles; print and return
    one JSON object (also written to `json_out`).

    `workers` > 1: local worker processes; `scheduler`: a Dask scheduler address, or "local"
    for a LocalCluster of `workers` processes. The baseline and (with several workers) the
    1-worker speed are measured on the first min(docs, baseline_sample) documents.
    """
    if docs < 1:
        raise ValueError("docs must be at least 1")
    settings = settings or Settings.from_env()
    units = load_units(shared)
    result: dict[str, Any] = {"docs": docs, "workers": workers, "scheduler": scheduler}
    with _workdir(workdir) as tmp:
        corpus = tmp / "bench.jsonl"
        words_total = write_corpus(corpus, units, docs, words=words)
        db_url = f"sqlite:///{tmp / 'bench.db'}"
        with PeakRss() as rss:
            start = time.perf_counter()
            stats = _ingest(corpus, db_url, settings, workers, scheduler)
            wall = time.perf_counter() - start
        sample = min(docs, baseline_sample)
        sample_texts = _texts(corpus, sample)
        baseline = baseline_docs_per_s(sample_texts, settings)
        result.update(
            words=words_total,
            seconds=round(wall, 2),
            docs_per_s=round(docs / wall, 2),
            words_per_s=round(words_total / wall, 1),
            peak_rss_mb=round(rss.peak, 1),
            rss_method=rss.method,
            stage_seconds={k: round(v, 2) for k, v in sorted(stats.seconds.items())},
            baseline_docs_per_s=round(baseline, 2),
            baseline_sample_docs=sample,
            baseline="plain nlp.pipe of the full en_core_web_sm pipeline, 1 process, same texts",
            ratio=round(docs / wall / baseline, 2),
            stored=stats.counters.get("stored", 0),
            duplicates_dropped=stats.counters.get("already stored", 0),
            failed=stats.counters.get("failed", 0),
            note=DISTINCT_NOTE,
        )
        if workers > 1 or scheduler is not None:
            one = tmp / "one.jsonl"
            with one.open("w", encoding="utf-8") as fh, corpus.open(encoding="utf-8") as src:
                fh.writelines(islice(src, sample))
            begin = time.perf_counter()
            _ingest(one, f"sqlite:///{tmp / 'one.db'}", settings, 1, None)
            one_rate = sample / (time.perf_counter() - begin)
            result["one_worker_docs_per_s"] = round(one_rate, 2)
            result["speedup_vs_1_worker"] = round(docs / wall / one_rate, 2)
        if external_sample > 0:
            result["external_docs_per_s"] = _external_docs_per_s(shared, settings, external_sample)
            result["external_sample_docs"] = external_sample
    text = json.dumps(result, indent=2)
    print(text, flush=True)
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(text + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":  # python -m sitrep.bench.run 200 [workers]
    import sys

    run_bench(
        int(sys.argv[1]) if len(sys.argv) > 1 else 100,
        workers=int(sys.argv[2]) if len(sys.argv) > 2 else 1,
        scheduler=sys.argv[3] if len(sys.argv) > 3 else None,
        shared=Path(os.environ.get("SITREP_SHARED", "../shared")),
    )
