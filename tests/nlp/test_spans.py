"""Linear-time entity look-ups per sentence, and no reference cycle through the Doc."""

from __future__ import annotations

import gc
import sys

from sitrep.nlp import load_nlp
from sitrep.nlp.spans import entity_of, sentence_ents

TEXT = (
    "Pakistani drones struck Kabul on Thursday. The Taliban said 58 soldiers died near the "
    "Durand Line. UNAMA documented 37 civilians killed in Paktika and Khost."
)


def test_sentence_ents_are_the_entities_inside_each_sentence() -> None:
    doc = load_nlp()(TEXT)
    for sent in doc.sents:
        expected = [(e.start, e.end, e.label_) for e in sent.ents]
        assert [(e.start, e.end, e.label_) for e in sentence_ents(sent)] == expected
    for ent in doc.ents:
        found = entity_of(doc[ent.end - 1])
        assert found is not None and (found.start, found.end) == (ent.start, ent.end)
    assert entity_of(doc[1]) is None  # "drones"


def test_the_cached_buckets_hold_no_reference_back_to_the_doc() -> None:
    # a Span in doc.user_data makes a cycle that only the oldest GC generation frees: with the
    # gazetteer loaded that ran so rarely that every parsed Doc stayed in memory
    doc = load_nlp()(TEXT)
    for sent in doc.sents:
        sentence_ents(sent)
    gc.collect()
    before = sys.getrefcount(doc)
    cached = doc.user_data["sitrep_sentence_ents"]
    assert all(isinstance(x, int) for bucket in cached.values() for ent in bucket for x in ent)
    assert sys.getrefcount(doc) == before
