"""Fused events as Parquet (optional: needs `pyarrow`), written in row groups as they arrive.

The columns are FORMAT.md §6's fields with their nesting kept: `country` and `documents` are
lists of strings, `fatalities` a struct, `claims` and `contradictions` lists of structs.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sitrep.export.jsonl import fused_event_dict
from sitrep.models import FusedEvent

#: Events buffered per row group: bounds memory however many events stream through.
ROW_GROUP = 1000


class ParquetUnavailable(RuntimeError):
    """pyarrow is not installed."""


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise ParquetUnavailable(
            "Parquet export needs pyarrow, which is not installed: `pip install pyarrow` "
            "(or choose --format jsonl, csv or geojson)"
        ) from err
    return pa, pq


def schema() -> Any:
    """The Arrow schema of the export (needs pyarrow)."""
    pa, _ = _pyarrow()
    claim = pa.struct(
        [
            ("doc_id", pa.string()),
            ("claimant", pa.string()),
            ("claimant_type", pa.string()),
            ("status", pa.string()),
            ("low", pa.int64()),
            ("high", pa.int64()),
            ("approx", pa.bool_()),
            ("victim_kind", pa.string()),
            ("victim_side", pa.string()),
            ("evidence", pa.string()),
            ("superseded", pa.bool_()),
        ]
    )
    contradiction = pa.struct(
        [("kind", pa.string()), ("between", pa.list_(pa.string())), ("detail", pa.string())]
    )
    fatalities = pa.struct(
        [("low", pa.int64()), ("best", pa.int64()), ("high", pa.int64()), ("rule", pa.string())]
    )
    return pa.schema(
        [
            ("event_id", pa.string()),
            ("event_type", pa.string()),
            ("sub_event_type", pa.string()),
            ("date", pa.date32()),
            ("date_precision", pa.string()),
            ("country", pa.list_(pa.string())),
            ("location", pa.string()),
            ("latitude", pa.float64()),
            ("longitude", pa.float64()),
            ("actor1", pa.string()),
            ("actor2", pa.string()),
            ("documents", pa.list_(pa.string())),
            ("fatalities", fatalities),
            ("claims", pa.list_(claim)),
            ("contradictions", pa.list_(contradiction)),
        ]
    )


def _row(fused: FusedEvent) -> dict[str, Any]:
    row = fused_event_dict(fused)
    row["date"] = fused.event.date  # a real date column, not the ISO string
    return row


def write_parquet(events: Iterable[FusedEvent], path: str | Path) -> int:
    """Write the events to a Parquet file at `path`; returns how many were written.

    Raises `ParquetUnavailable` when pyarrow is missing (before touching `path`).
    """
    pa, pq = _pyarrow()
    table_schema = schema()
    n = 0
    batch: list[dict[str, Any]] = []
    with pq.ParquetWriter(str(path), table_schema) as writer:
        for fused in events:
            batch.append(_row(fused))
            if len(batch) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=table_schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=table_schema))
            n += len(batch)
    return n
