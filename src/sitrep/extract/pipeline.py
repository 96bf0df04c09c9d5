"""The extraction stage: articles in, DocumentExtraction out, spaCy batched with nlp.pipe."""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from sitrep.extract.document import DocumentReader, Geocoder, SubtypeModel
from sitrep.extract.lexicon import Lexicon, default_lexicon, load_lexicon
from sitrep.models import Article, DocumentExtraction
from sitrep.nlp import load_nlp
from sitrep.settings import Settings

log = logging.getLogger(__name__)


def _default_geocoder() -> Geocoder:
    from sitrep.extract.geo import Gazetteer

    return Gazetteer.load()


def _default_classifier() -> SubtypeModel | None:
    try:
        from sitrep.extract.classify import SubtypeClassifier
    except ImportError:  # the optional model dependencies are not installed
        return None
    return SubtypeClassifier.load()


class _OnFirstUse:
    """The packaged sub-type model, loaded when a short text first needs it: only coder notes
    and headlines are typed by the model, and a process that reads only articles is spared its
    ~200 MB (onnxruntime and the MiniLM session)."""

    def __init__(self) -> None:
        self._model: SubtypeModel | None = None
        self._tried = False

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def predict(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        if not self._tried:
            self._tried = True
            # imported here: the classify package brings scikit-learn, ~100 MB an article-only
            # process does not need
            from sitrep.extract.classify.errors import ClassifierResourceError

            try:
                self._model = _default_classifier()
            except ClassifierResourceError as exc:  # a broken install: say so once, go on
                log.error("sub-type model unavailable, triggers type notes instead: %s", exc)
        if self._model is None:  # no model: the triggers type the event
            return []
        return self._model.predict(texts)


class Extractor:
    """Loads its models once; call `extract_many` with as many articles as you like."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        lexicon: Lexicon | None = None,
        geocoder: Geocoder | None = None,
        classifier: SubtypeModel | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self.nlp = load_nlp(self.settings.spacy_model)
        if lexicon is None:
            lexicon = (
                load_lexicon(self.settings.resources)
                if self.settings.resources
                else default_lexicon()
            )
        self.lexicon = lexicon
        self.geocoder = geocoder or _default_geocoder()
        if classifier is None and self.settings.use_classifier:
            classifier = _OnFirstUse()
        self.classifier = classifier
        #: wall seconds spent in spaCy ("parse") and in reading the parses ("extract")
        self.seconds: Counter[str] = Counter()

    def extract(self, article: Article) -> DocumentExtraction:
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[DocumentExtraction]:
        """One extraction per article, in order; a failing article yields an error record."""
        stream = ((a.text, a) for a in articles)
        docs = iter(self.nlp.pipe(stream, as_tuples=True, batch_size=self.settings.batch_size))
        clock = time.perf_counter
        while True:
            start = clock()
            try:
                doc, article = next(docs)
            except StopIteration:
                self.seconds["parse"] += clock() - start
                return
            parsed = clock()
            self.seconds["parse"] += parsed - start
            try:
                reader = DocumentReader(article, doc, self.lexicon, self.geocoder, self.classifier)
                result = reader.read()
            except Exception as exc:  # one bad article never stops a batch
                log.exception("extraction failed for %s", article.doc_id)
                result = DocumentExtraction(
                    doc_id=article.doc_id,
                    published=article.published,
                    error=f"extraction failed: {type(exc).__name__}: {exc}",
                )
            self.seconds["extract"] += clock() - parsed
            yield result
