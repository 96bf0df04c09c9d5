"""Typed errors of the clean stage; the CLI and API translate them at their edges."""

from __future__ import annotations


class CleanError(Exception):
    """Nothing usable remains of a document after cleaning; `reason` says why."""

    def __init__(self, reason: str, doc_id: str | None = None) -> None:
        super().__init__(f"{doc_id}: {reason}" if doc_id else reason)
        self.reason = reason
        self.doc_id = doc_id
