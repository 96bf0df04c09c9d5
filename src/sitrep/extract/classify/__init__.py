"""ACLED sub-event type classification of event sentences.

    from sitrep.extract.classify import SubtypeClassifier
    clf = SubtypeClassifier.load()            # packaged model, loaded once per process
    clf.predict(["Warplanes bombed the village."])   # [("Air/drone strike", 0.9...)]
    labels, proba = clf.predict_proba(texts)

Training: ``scripts/train_subtype.py`` (see ``classify.train``).
"""

from sitrep.extract.classify.errors import ClassifierError, ClassifierResourceError
from sitrep.extract.classify.model import NONE_LABEL, SubtypeClassifier, default_model_dir
from sitrep.extract.classify.text import normalise_text

__all__ = [
    "NONE_LABEL",
    "ClassifierError",
    "ClassifierResourceError",
    "SubtypeClassifier",
    "default_model_dir",
    "normalise_text",
]
