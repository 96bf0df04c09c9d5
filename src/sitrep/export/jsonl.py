"""FusedEvent -> the JSON object of FORMAT.md §6, one line per fused event, streamed."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from sitrep.export.extraction import casualty_dict, coordinates
from sitrep.models import Contradiction, FatalityRange, FusedEvent, LedgerClaim

#: The keys of a §6 claim, in the order FORMAT.md gives them.
CLAIM_KEYS = (
    "doc_id",
    "claimant",
    "claimant_type",
    "status",
    "low",
    "high",
    "approx",
    "victim_kind",
    "victim_side",
    "evidence",
    "superseded",
)


def fused_fatalities_dict(f: FatalityRange | None) -> dict[str, Any]:
    """§6 `fatalities`: always an object; every field null when no figure was reconciled."""
    if f is None:
        return {"low": None, "best": None, "high": None, "rule": None}
    return {"low": f.low, "best": f.best, "high": f.high, "rule": f.rule or None}


def claim_dict(claim: LedgerClaim) -> dict[str, Any]:
    """One ledger entry as §6 spells it (the §2 casualty fields, with doc_id and superseded)."""
    fields = casualty_dict(claim.figure) | {"doc_id": claim.doc_id, "superseded": claim.superseded}
    return {key: fields[key] for key in CLAIM_KEYS}


def contradiction_dict(c: Contradiction) -> dict[str, Any]:
    return {"kind": c.kind, "between": list(c.between), "detail": c.detail}


def fused_event_dict(fused: FusedEvent) -> dict[str, Any]:
    """The §6 object of one fused event (`country` always a list, possibly empty)."""
    e = fused.event
    p = e.place
    point = coordinates(p)
    return {
        "event_id": fused.event_id,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "date": e.date.isoformat() if e.date else None,
        "date_precision": str(e.date_precision) if e.date_precision else None,
        "country": list(e.countries),
        "location": p.name if p is not None and p.kind != "country" else None,
        "latitude": point[0] if point else None,
        "longitude": point[1] if point else None,
        "actor1": e.actor1,
        "actor2": e.actor2,
        "documents": list(fused.documents),
        "fatalities": fused_fatalities_dict(fused.fatalities),
        "claims": [claim_dict(c) for c in fused.claims],
        "contradictions": [contradiction_dict(c) for c in fused.contradictions],
    }


def write_jsonl(events: Iterable[FusedEvent], out: TextIO) -> int:
    """Write one §6 line per event as the events arrive; returns how many were written."""
    n = 0
    for fused in events:
        out.write(json.dumps(fused_event_dict(fused), ensure_ascii=False))
        out.write("\n")
        n += 1
    return n
