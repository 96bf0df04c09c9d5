"""The memoised attribute ruler and lemmatizer annotate exactly as the model's own components."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language

from sitrep.nlp import DEFAULT_MODEL, load_nlp, rules
from sitrep.nlp.components import PARAGRAPH_SENTENCES, register_components
from sitrep.nlp.rules import MEMO_ATTRIBUTE_RULER, MEMO_LEMMATIZER, MemoAttributeRuler

ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START, ENT_IOB, ENT_TYPE]


@pytest.fixture(scope="module")
def reference() -> Language:
    """en_core_web_sm as shipped, with sitrep's paragraph sentences and nothing else changed."""
    nlp = spacy.load(DEFAULT_MODEL)
    register_components()
    nlp.add_pipe(PARAGRAPH_SENTENCES, before="parser")
    return nlp


@pytest.fixture(scope="module")
def texts(shared_dir: Path) -> list[str]:
    """The seed articles and the first notes, headlines and snippets of each external set."""
    out = [json.loads(line)["text"] for line in (shared_dir / "corpus" / "seeds.jsonl").open()]
    for name in ("acled", "ucdp", "case2021"):
        with (shared_dir / "eval" / "external" / f"{name}.docs.jsonl").open() as fh:
            out += [json.loads(line)["text"] for _, line in zip(range(40), fh, strict=False)]
    return out


def test_load_nlp_uses_the_memoised_components() -> None:
    names = load_nlp().pipe_names
    assert MEMO_ATTRIBUTE_RULER in names and MEMO_LEMMATIZER in names
    assert "attribute_ruler" not in names and "lemmatizer" not in names
    assert load_nlp().get_pipe(MEMO_ATTRIBUTE_RULER).supported  # the model's patterns compile


def test_same_annotations_as_the_model_on_real_text(reference: Language, texts: list[str]) -> None:
    nlp = load_nlp()
    for _ in range(2):  # a cold memo, then a warm one
        for want, got in zip(reference.pipe(texts), nlp.pipe(texts), strict=True):
            assert np.array_equal(want.to_array(ATTRS), got.to_array(ATTRS)), want.text[:80]


def test_memo_is_bounded_and_stays_right(
    reference: Language, texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rules, "MAX_MEMO", 50)
    nlp = spacy.load(DEFAULT_MODEL)
    rules.use_memo_rules(nlp)
    plain = spacy.load(DEFAULT_MODEL)
    for want, got in zip(plain.pipe(texts[:20]), nlp.pipe(texts[:20]), strict=True):
        assert np.array_equal(want.to_array(ATTRS), got.to_array(ATTRS))
    assert len(nlp.get_pipe(MEMO_LEMMATIZER)._memo) <= 51 + max(len(t.split()) for t in texts)


def test_a_pattern_it_cannot_compile_runs_the_ruler_as_it_is() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"ORTH": "Kabul"}]], {"POS": "PROPN"})  # ORTH: not one of the compiled tests
    memo = MemoAttributeRuler(ruler)
    assert not memo.supported
    assert memo(nlp.make_doc("in Kabul today"))[1].pos_ == "PROPN"


def test_two_token_patterns_and_rule_order() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=1)
    ruler.add([[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], {"LEMMA": "nothing"})
    ruler.add([[{"IS_SPACE": False}]], {"POS": "X"})
    ruler.add([[{"LOWER": "na"}]], {"POS": "PART"})  # later than the rule above: it wins
    memo = MemoAttributeRuler(ruler)
    assert memo.supported
    for text in ("we gon na win", "nothin' here", "na"):
        want, got = ruler(nlp.make_doc(text)), memo(nlp.make_doc(text))
        assert [(t.lemma_, t.pos_) for t in got] == [(t.lemma_, t.pos_) for t in want]
