"""spaCy components of sitrep's own, registered explicitly (never at import time)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_SENTENCES = "sitrep_paragraph_sentences"


def paragraph_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and datelines have no full stop.

    Cleaning has already joined lines broken mid-sentence, so every newline left is real.
    Runs before the parser, which keeps boundaries that are already set.
    """
    forced = -2
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws[len(prev.text) :] or (prev.is_space and "\n" in prev.text):
            if not tok.is_space:
                tok.is_sent_start = True
                forced = tok.i
        elif tok.i == forced + 1 and not tok.is_punct and not tok.is_space:
            # no one-word sentence at a paragraph's start ("Afghanistan | reports killing ...")
            tok.is_sent_start = False
        elif tok.text in _OPENING and not (prev.is_punct or prev.is_space):
            # "in the area of Tarkint [Tarkinte] (Bourem, Gao)": the brackets say where the
            # name lies; the parser would start a sentence at them
            tok.is_sent_start = False
    return doc


_OPENING = {"(", "["}


def register_components() -> None:
    if PARAGRAPH_SENTENCES not in Language.factories:
        Language.component(PARAGRAPH_SENTENCES)(paragraph_sentences)
