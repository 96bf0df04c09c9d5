"""Benchmark documents assembled from the real texts of ../shared/eval/external.

Each document strings together whole notes, headlines and snippets (ACLED coder notes, UCDP
headlines, CASE 2021 snippets), one per paragraph, until it reaches the target length. The
choice is seeded per document number, so document i is the same on every run and every size,
and two documents share the same content only by an (astronomically unlikely) accident: the
store's de-duplication counter in the benchmark output shows it did not happen.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SETS = ("acled", "ucdp", "case2021")


@dataclass(frozen=True, slots=True)
class Unit:
    text: str
    published: str | None
    words: int


def load_units(shared: Path) -> list[Unit]:
    """Every text of the external development sets (~2,800 texts, ~95k words)."""
    units = []
    for name in SETS:
        with (shared / "eval" / "external" / f"{name}.docs.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                text = " ".join(rec["text"].split())
                if text:
                    units.append(Unit(text, rec.get("published"), len(text.split())))
    return units


def documents(units: list[Unit], count: int, *, words: int = 600, seed: int = 6) -> Iterator[dict]:
    """`count` JSONL records of about `words` words each, generated one at a time."""
    for i in range(count):
        rng = random.Random(f"{seed}:{i}")
        parts: list[Unit] = []
        total = 0
        while total < words:
            unit = rng.choice(units)
            parts.append(unit)
            total += unit.words
        yield {
            "id": f"bench-{i:06d}",
            "source": "sitrep bench",
            "published": next((u.published for u in parts if u.published), None),
            "title": None,
            "url": None,
            "text": "\n\n".join(u.text for u in parts),
        }


def write_corpus(path: Path, units: list[Unit], count: int, *, words: int = 600) -> int:
    """Write `count` documents to `path` (JSON Lines), streaming; returns the word count."""
    total = 0
    with path.open("w", encoding="utf-8") as fh:
        for rec in documents(units, count, words=words):
            total += len(rec["text"].split())
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return total
