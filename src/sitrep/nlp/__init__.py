"""spaCy, loaded once per process."""

from sitrep.nlp.pipeline import DEFAULT_MODEL, load_nlp

__all__ = ["DEFAULT_MODEL", "load_nlp"]
