"""One entry point for `sitrep export`: fused events to a file (or stdout) in a named format."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from sitrep.export.csv import SourceLookup, write_csv
from sitrep.export.geojson import write_geojson
from sitrep.export.jsonl import write_jsonl
from sitrep.models import FusedEvent

FORMATS = ("jsonl", "csv", "geojson", "parquet")


def export_events(
    events: Iterable[FusedEvent],
    fmt: str,
    out: str | Path | None = None,
    *,
    source_of: SourceLookup | None = None,
    include_unlocated: bool = False,
) -> int:
    """Write `events` as `fmt` to `out` (stdout when None; parquet needs a path).

    `source_of` (doc_id -> outlet) fills the CSV's `source` column; `include_unlocated` keeps
    events without coordinates in GeoJSON, with a null geometry. Returns the number written.
    Raises ValueError for an unknown format, `ParquetUnavailable` without pyarrow.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if out is None:
            raise ValueError("parquet is binary: give an output file")
        from sitrep.export.parquet import write_parquet

        return write_parquet(events, out)
    if out is None:
        return _write_text(events, fmt, sys.stdout, source_of, include_unlocated)
    with open(out, "w", encoding="utf-8", newline="") as f:
        return _write_text(events, fmt, f, source_of, include_unlocated)


def _write_text(
    events: Iterable[FusedEvent],
    fmt: str,
    f: TextIO,
    source_of: SourceLookup | None,
    include_unlocated: bool,
) -> int:
    if fmt == "csv":
        return write_csv(events, f, source_of=source_of)
    if fmt == "geojson":
        return write_geojson(events, f, include_unlocated=include_unlocated)
    return write_jsonl(events, f)
