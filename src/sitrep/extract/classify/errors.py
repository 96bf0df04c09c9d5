"""Typed errors of the sub-type classifier (translated to messages at the CLI edge)."""

from __future__ import annotations


class ClassifierError(Exception):
    """Base class; ``code`` is stable so callers and logs can match on it."""

    code = "CLS000"


class ClassifierResourceError(ClassifierError):
    """A model file, the tokenizer vocabulary or an optional dependency is missing or invalid."""

    code = "CLS001"
