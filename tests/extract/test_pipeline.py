"""The extraction stage's own duties: models loaded once, and only when needed."""

from __future__ import annotations

from datetime import date

from sitrep.extract import pipeline
from sitrep.extract.pipeline import Extractor
from sitrep.models import Article

NOTE = "On 8 May 2020, unidentified gunmen attacked a police post in Kandahar, killing 2 policemen."


def test_the_sub_type_model_loads_only_when_a_short_text_needs_it(seed_articles) -> None:  # type: ignore[no-untyped-def]
    ex = Extractor()
    model = ex.classifier
    assert model is not None and not model.loaded  # type: ignore[union-attr]
    ex.extract(next(iter(seed_articles.values())))  # an article: typed by its triggers
    assert not model.loaded  # type: ignore[union-attr]
    ex.extract(Article("n", NOTE, published=date(2020, 5, 9)))
    assert model.loaded  # type: ignore[union-attr]


def test_without_the_models_dependencies_a_note_is_typed_by_its_triggers(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pipeline, "_default_classifier", lambda: None)
    events = Extractor().extract(Article("n", NOTE, published=date(2020, 5, 9))).events
    assert len(events) == 1 and events[0].fatalities is not None


def test_a_broken_model_install_is_reported_once_and_notes_still_read(monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    from sitrep.extract.classify import ClassifierResourceError

    def broken():  # type: ignore[no-untyped-def]
        raise ClassifierResourceError("ONNX model missing: /nowhere/model.onnx")

    monkeypatch.setattr(pipeline, "_default_classifier", broken)
    ex = Extractor()
    notes = [Article(f"n{i}", NOTE, published=date(2020, 5, 9)) for i in range(2)]
    results = list(ex.extract_many(notes))
    assert all(r.error is None and len(r.events) == 1 for r in results)
    assert sum("ONNX model missing" in r.getMessage() for r in caplog.records) == 1
