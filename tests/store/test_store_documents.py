"""Documents, their events and claims: round trip, re-ingest, atomicity, streaming."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select
from store_records import TALIBAN_58, documents

from records import article
from sitrep.models import DocumentExtraction
from sitrep.store import InvalidRecord, Store, open_store
from sitrep.store import convert as store_convert
from sitrep.store.schema import ActorRow, ClaimRow, DocEventRow, DocumentRow, PlaceRow


def row_counts(store: Store) -> dict[str, int]:
    with store._read() as s:
        return {
            model.__tablename__: s.scalar(select(func.count()).select_from(model)) or 0
            for model in (DocumentRow, DocEventRow, ClaimRow, PlaceRow, ActorRow)
        }


def test_document_round_trip(store: Store) -> None:
    for art, ex in documents():
        assert store.add_document(art, ex) is True
    assert store.count_documents() == 3
    for art, ex in documents():
        assert store.get_article(art.doc_id) == art
        assert store.get_extraction(art.doc_id) == ex


def test_places_and_actors_are_stored_once(store: Store) -> None:
    for art, ex in documents():
        store.add_document(art, ex)
    counts = row_counts(store)
    assert counts["places"] == 2  # Durand Line, Kabul
    assert counts["actors"] == 2  # Taliban, Military Forces of Pakistan
    assert store.actor_names() == ["Military Forces of Pakistan", "Taliban"]


def test_unknown_document(store: Store) -> None:
    assert store.get_article("nope") is None
    assert store.get_extraction("nope") is None
    assert not store.has_document(doc_id="nope")
    with pytest.raises(ValueError):
        store.has_document()


def test_reingest_is_a_no_op(store: Store) -> None:
    (art, ex), *_ = documents()
    assert store.add_document(art, ex)
    before = row_counts(store)
    # same doc_id, even with other content
    other = dataclasses.replace(art, text="Entirely different text.")
    assert store.add_document(other, ex) is False
    # same content (modulo whitespace and case), other doc_id
    respaced = dataclasses.replace(art, doc_id="copy", text="  " + art.text.upper() + "\n")
    assert respaced.content_hash == art.content_hash
    assert store.add_document(respaced, dataclasses.replace(ex, doc_id="copy")) is False
    assert row_counts(store) == before
    assert store.has_document(doc_id=art.doc_id)
    assert store.has_document(content_hash=art.content_hash)
    assert not store.has_document(doc_id="copy")


def test_mismatched_doc_ids_are_refused(store: Store) -> None:
    (art, ex), *_ = documents()
    with pytest.raises(InvalidRecord):
        store.add_document(art, dataclasses.replace(ex, doc_id="other"))
    assert store.count_documents() == 0


def test_claim_naming_a_missing_event_leaves_nothing(store: Store) -> None:
    """The database refuses the claims after the document and events went in: all roll back."""
    (art, ex), *_ = documents()
    bad = dataclasses.replace(ex, casualties=(dataclasses.replace(TALIBAN_58, event_index=7),))
    with pytest.raises(InvalidRecord, match="doc-a"):
        store.add_document(art, bad)
    assert set(row_counts(store).values()) == {0}
    # the store is still usable, and the good version goes in
    assert store.add_document(art, ex)
    assert store.get_extraction(art.doc_id) == ex


def test_failure_mid_write_leaves_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash while converting the claims (events already inserted) persists nothing."""
    (art, ex), *_ = documents()

    def boom(_figure: object) -> dict[str, object]:
        raise RuntimeError("simulated crash")

    monkeypatch.setattr(store_convert, "figure_values", boom)
    with pytest.raises(RuntimeError, match="simulated"):
        store.add_document(art, ex)
    monkeypatch.undo()
    assert set(row_counts(store).values()) == {0}
    assert not store.has_document(doc_id=art.doc_id)
    assert store.add_document(art, ex)


def test_error_documents_round_trip(store: Store) -> None:
    art = article("broken", "Some text that could not be read.")
    ex = DocumentExtraction(doc_id="broken", error="parser exploded", warnings=("w1", "w2"))
    assert store.add_document(art, ex)
    assert store.get_extraction("broken") == ex
    ok = [a.doc_id for a, _ in store.iter_extractions(include_errors=False)]
    assert "broken" not in ok


def test_iter_extractions_streams_in_order(store: Store) -> None:
    docs = documents()
    for art, ex in reversed(docs):
        store.add_document(art, ex)
    ingested = [a.doc_id for a, _ in store.iter_extractions(batch_size=1)]
    assert ingested == ["doc-c", "doc-b", "doc-a"]
    assert [a.doc_id for a, _ in store.iter_extractions(order="doc_id")] == [
        "doc-a",
        "doc-b",
        "doc-c",
    ]
    by_published = [a.doc_id for a, _ in store.iter_extractions(order="published")]
    assert by_published == ["doc-a", "doc-b", "doc-c"]
    assert dict(store.iter_extractions(batch_size=2)) == dict(docs)


def test_rows_survive_reopening(db_url: str) -> None:
    with open_store(db_url) as first:
        for art, ex in documents():
            first.add_document(art, ex)
    with open_store(db_url) as second:
        assert dict(second.iter_extractions()) == dict(documents())


def test_ingested_since_lists_new_documents(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from sitrep.models import Article, DocumentExtraction
    from sitrep.store import open_store

    with open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        before = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        store.add_document(Article("a1", "Two soldiers were killed."), DocumentExtraction("a1"))
        assert list(store.ingested_since(before)) == ["a1"]
        assert list(store.ingested_since(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=5))) == []
