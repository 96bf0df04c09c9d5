"""Typed errors of the store, each with a stable code; the CLI and the API translate them."""

from __future__ import annotations


class StoreError(Exception):
    """Base of every error the store raises on purpose."""

    code = "S000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class InvalidRecord(StoreError):
    """A record contradicts itself or the schema (e.g. a claim naming an event the document lacks)."""

    code = "S001"


class UnknownReference(StoreError):
    """A fused event names a document event or claim that the store does not hold."""

    code = "S002"


class SchemaError(StoreError):
    """The database cannot be brought to the schema this version of sitrep expects."""

    code = "S003"
