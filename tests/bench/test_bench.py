"""The benchmark's corpus is real, distinct and streamed; its report has every figure."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

from sitrep.bench import run_bench
from sitrep.bench.corpus import documents, load_units


def test_documents_are_distinct_realistic_and_reproducible(shared_dir: Path) -> None:
    units = load_units(shared_dir)
    external = {u.text for u in units}
    docs = list(documents(units, 300))
    assert len({d["text"] for d in docs}) == 300
    words = [len(d["text"].split()) for d in docs]
    assert min(words) >= 600 and sum(words) / len(words) < 700
    assert all(p in external for d in docs[:20] for p in d["text"].split("\n\n"))
    # document i is the same whatever the run's size (and generated lazily)
    assert list(islice(documents(units, 100_000), 3)) == docs[:3]


def test_run_bench_reports_every_figure(shared_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = run_bench(
        3, json_out=out, shared=shared_dir, words=150, baseline_sample=3, external_sample=0
    )
    assert json.loads(out.read_text(encoding="utf-8")) == result
    assert result["docs"] == 3 and result["stored"] == 3 and result["duplicates_dropped"] == 0
    for key in ("words", "docs_per_s", "words_per_s", "peak_rss_mb", "baseline_docs_per_s"):
        assert result[key] > 0
    assert {"read_clean", "parse", "extract", "store"} <= set(result["stage_seconds"])
    assert abs(result["ratio"] - result["docs_per_s"] / result["baseline_docs_per_s"]) < 0.05
