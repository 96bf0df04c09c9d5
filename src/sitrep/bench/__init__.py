"""The benchmark: real sentences, realistic article length, the whole pipeline, honest figures."""

from sitrep.bench.run import run_bench

__all__ = ["run_bench"]
