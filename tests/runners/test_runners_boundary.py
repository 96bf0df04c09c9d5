"""The runner boundary: only runners/dask.py imports dask; shard keys are deterministic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sitrep.runners.shards import plan_shards


def test_only_the_dask_runner_imports_dask() -> None:
    code = (
        "import sys, sitrep.extract.pipeline, sitrep.fuse, sitrep.pipeline,"
        " sitrep.runners.local, sitrep.runners.shards, sitrep.bench;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')];"
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_shard_keys_are_line_ranges_and_deterministic(corpus: list[Path]) -> None:
    first = [(s.key, len(s.items)) for s in plan_shards(corpus, shard_size=2)]
    again = [(s.key, len(s.items)) for s in plan_shards(corpus, shard_size=2)]
    assert first == again
    seeds, generated = (str(p) for p in corpus)
    assert first == [
        (f"{seeds}:1-2", 2),
        (f"{generated}:1-2", 2),
        (f"{generated}:3-4", 2),
        (f"{generated}:5-5", 1),
    ]
