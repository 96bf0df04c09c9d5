"""Clean: a RawDocument to an Article — extraction from HTML, debris dropped, lines rejoined."""

from sitrep.clean.article import clean
from sitrep.clean.errors import CleanError

__all__ = ["CleanError", "clean"]
