"""Gold files of shared/eval and perfect predictions built from them (test helpers)."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

#: shared/eval sits next to the repository (../shared/eval); SITREP_EVAL_DIR overrides it.
EVAL_DIR = Path(
    os.environ.get("SITREP_EVAL_DIR") or Path(__file__).resolve().parents[3] / "shared" / "eval"
)
GOLD_FILES = {
    "dev": EVAL_DIR / "dev.jsonl",
    "acled": EVAL_DIR / "external" / "acled.gold.jsonl",
    "ucdp": EVAL_DIR / "external" / "ucdp.gold.jsonl",
    "case2021": EVAL_DIR / "external" / "case2021.gold.jsonl",
}


def _first(names: Any) -> Any:
    """One predicted value from a gold field that may be a list of acceptable names."""
    if isinstance(names, list):
        return names[0] if names else None
    return names


def perfect_prediction(gold_doc: dict[str, Any]) -> dict[str, Any]:
    """The §2 prediction line a flawless extractor would write for a gold document."""
    events = [
        {
            "event_type": e["event_type"],
            "sub_event_type": e["sub_event_type"],
            "date": e["date"],
            "date_precision": "day",
            "country": copy.deepcopy(e["country"]),
            "location": e.get("location"),
            "latitude": e.get("latitude"),
            "longitude": e.get("longitude"),
            "actor1": _first(e.get("actor1")),
            "actor2": _first(e.get("actor2")),
            "fatalities": {"low": None, "best": e.get("fatalities"), "high": None},
            "evidence": e.get("note", ""),
        }
        for e in gold_doc.get("events") or []
    ]
    casualties = [
        {
            "status": c["status"],
            "low": c["low"],
            "high": c["high"],
            "approx": c.get("approx", False),
            "victim": c.get("victim"),
            "victim_kind": c.get("victim_kind"),
            "victim_side": c.get("victim_side"),
            "claimant": _first(c.get("claimant")),
            "event_index": None,
            "evidence": c.get("quote", ""),
        }
        for c in gold_doc.get("casualties") or []
    ]
    return {"doc_id": gold_doc["doc_id"], "events": events, "casualties": casualties}
