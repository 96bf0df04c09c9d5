"""The packaged ACLED sub-type classifier: loading, clear-cut sentences, robustness, and the
identity of the training and prediction feature pipelines.

The sentences below are written for these tests (generic, not from the development sets).
"""

from __future__ import annotations

import numpy as np
import pytest

from sitrep.extract.classify import NONE_LABEL, SubtypeClassifier, normalise_text
from sitrep.extract.classify.train import TrainConfig, fit, load_extra_examples, prepare_text
from sitrep.models.vocab import SubEventType


@pytest.fixture(scope="session")
def clf() -> SubtypeClassifier:
    return SubtypeClassifier.load()


def test_loads_once_with_known_labels(clf):
    assert SubtypeClassifier.load() is clf
    valid = {s.value for s in SubEventType} | {NONE_LABEL}
    assert set(clf.labels) <= valid
    assert NONE_LABEL in clf.labels
    assert len(clf.labels) == 26


CLEAR_CUT = [
    ("Warplanes bombed the village, killing six civilians.", "Air/drone strike"),
    (
        "Hundreds of people marched peacefully in the capital demanding higher wages.",
        "Peaceful protest",
    ),
    ("Police arrested five suspects accused of planning attacks on the city.", "Arrests"),
    ("The two sides signed a ceasefire agreement.", "Agreement"),
    ("Floods swept away dozens of homes in the northern province.", NONE_LABEL),
    ("A suicide bomber detonated his explosives vest at a crowded bus station.", "Suicide bomb"),
    ("Gunmen kidnapped three engineers working on the new dam.", "Abduction/forced disappearance"),
    (
        "An improvised explosive device hidden by the roadside hit an army truck.",
        "Remote explosive/landmine/IED",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CLEAR_CUT)
def test_clear_cut_sentences(clf, text, expected):
    ((label, p),) = clf.predict([text])
    assert label == expected, (text, label, p)
    assert 0.0 < p <= 1.0


def test_predict_proba_shape_and_rows(clf):
    texts = [t for t, _ in CLEAR_CUT]
    labels, p = clf.predict_proba(texts)
    assert labels == clf.labels
    assert p.shape == (len(texts), len(labels))
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=1e-4)
    assert [labels[i] for i in p.argmax(axis=1)] == [lab for lab, _ in clf.predict(texts)]


def test_batch_equals_single(clf):
    texts = [t for t, _ in CLEAR_CUT]
    batch = clf.predict(texts)
    single = [clf.predict([t])[0] for t in texts]
    assert [b[0] for b in batch] == [s[0] for s in single]
    np.testing.assert_allclose([b[1] for b in batch], [s[1] for s in single], atol=1e-3)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\t",
        "x",
        "%%%% ### !!!",
        "ééé ∑∑ 北京 ☃",
        "On 3 May 2020, [size=no report]",
        "a " * 50_000,
    ],
)
def test_odd_input_does_not_raise(clf, text):
    ((label, p),) = clf.predict([text])
    assert label in clf.labels
    assert 0.0 <= p <= 1.0


def test_empty_text_is_none(clf):
    assert clf.predict([""])[0] == (NONE_LABEL, 1.0)
    assert clf.predict([]) == []
    labels, p = clf.predict_proba([])
    assert p.shape == (0, len(labels))


def test_normalise_text_strips_acled_boilerplate():
    raw = (
        "Movement of forces: On 9 May 2020 (as reported), soldiers shelled the village. "
        "[size=no report] 2 fatalities."
    )
    assert normalise_text(raw) == "Soldiers shelled the village."
    assert (
        normalise_text("Around 29 April 2020, clashes erupted. Unknown fatalities coded as 10.")
        == "Clashes erupted."
    )
    # Ordinary news sentences pass through.
    s = "Rebels seized the town after heavy fighting, officials said."
    assert normalise_text(s) == s


def test_training_and_prediction_share_the_pipeline(clf):
    text = "On 2 May 2020, protesters threw stones at police. [size=around 50] 1 fatality."
    assert prepare_text(text) == clf.prepare([text])[0] == normalise_text(text)


def test_training_fit_matches_prediction_path():
    """A tiny model fitted by ``train.fit`` gives the same labels through SubtypeClassifier."""
    from sitrep.extract.classify.features import FeatureConfig
    from sitrep.extract.classify.train import predict_labels, to_classifier

    extra = load_extra_examples()
    cfg = TrainConfig(features=FeatureConfig(use_embeddings=False, min_df=1))
    fb, lr = fit(extra.texts, None, extra.labels, np.ones(len(extra)), cfg)
    model = to_classifier(fb, lr, None, {})
    raw = [
        "On 4 May 2020, a grenade was thrown at a shop.",
        "Farmers marched to the governor's office.",
    ]
    direct = predict_labels(fb, lr, [prepare_text(t) for t in raw], None)
    assert [lab for lab, _ in model.predict(raw)] == list(direct)


def test_tfidf_weight_scales_the_sparse_block_and_is_saved():
    from sitrep.extract.classify.features import FeatureBuilder, FeatureConfig

    texts = load_extra_examples().texts[:40]
    one = FeatureBuilder(FeatureConfig(use_embeddings=False, tfidf_weight=1.0)).fit(texts)
    two = FeatureBuilder(FeatureConfig(use_embeddings=False, tfidf_weight=2.0)).fit(texts)
    a, b = one.transform(texts, None)[0], two.transform(texts, None)[0]
    np.testing.assert_allclose(b.toarray(), 2.0 * a.toarray(), rtol=1e-6)
    meta, arrays = two.state()
    assert FeatureBuilder.from_state(meta, arrays).config.tfidf_weight == 2.0
