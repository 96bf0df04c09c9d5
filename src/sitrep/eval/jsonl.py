"""Reading gold and prediction files (JSON Lines)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any


class EvalInputError(ValueError):
    """A gold or prediction file that cannot be read; the message names the file and line."""


def load_jsonl(path: str | os.PathLike[str], *, strict: bool = True) -> Iterator[dict[str, Any]]:
    """Yield the JSON object on each line of ``path``.

    Blank lines and a UTF-8 byte-order mark are skipped. A line that is not a JSON object
    raises :class:`EvalInputError` (with file and line number) when ``strict``; otherwise it
    is yielded as an error line, ``{"doc_id": None, "error": "…"}``, which the scorer counts
    among ``error_lines`` (the right reading for a prediction file, never for gold).
    """
    with open(path, encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                problem = f"{os.fspath(path)}:{number}: invalid JSON ({exc.msg})"
            else:
                if isinstance(record, dict):
                    yield record
                    continue
                problem = f"{os.fspath(path)}:{number}: not a JSON object"
            if strict:
                raise EvalInputError(problem)
            yield {"doc_id": None, "error": problem}
