"""Measure the cheap sentence gate of issue 6 before paying for it: what share of sentences and
tokens it would still send through the tagger and parser, and which figures it would lose.

    python scripts/sentence_gate.py [--shared ../shared] [--docs 200]

A sentence passes when something extraction reads from the parse could be in it: a number
phrase (`find_counts`), a casualty word (token or lemma; or a violent verb: "shot dead"), an
event trigger (any pattern of `triggers.tsv`), "took place"/"occurred", or a reporting verb
together with a DATE/TIME entity (the verb decides which date the sentence reports). Everything
else (sentence boundaries, named entities) still needs the full document, as NER does.

Recall is measured two ways: the sentence of every gold casualty quote of the seeds
(`dev.jsonl`), and the evidence sentence of every casualty figure the extractor reads today on
all the gold sets (a lost sentence would be a lost figure).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from spacy.tokens import Span

from sitrep.bench.corpus import SETS, documents, load_units
from sitrep.extract.lexicon import Lexicon, default_lexicon
from sitrep.extract.numbers import find_counts
from sitrep.extract.pipeline import Extractor
from sitrep.models import Article
from sitrep.pipeline import read_articles

_VIOLENT = {"shoot", "gun", "beat", "stab", "hack", "burn", "bludgeon", "stone", "mow"}
_OCCURRED = ("took place", "occurred", "happened", "carried out")


def passes(sent: Span, lex: Lexicon) -> bool:
    text = sent.text
    if find_counts(text) or any(t.pattern.search(text) for t in lex.triggers):
        return True
    if any(w in text.lower() for w in _OCCURRED):
        return True
    lemmas = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
    if lemmas & lex.casualty_words.keys() or lemmas & _VIOLENT:
        return True
    dated = any(e.label_ in {"DATE", "TIME"} for e in sent.ents)
    return dated and bool(lemmas & lex.reporting_verbs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--docs", type=int, default=200)
    args = ap.parse_args()
    lex = default_lexicon()
    extractor = Extractor()
    nlp = extractor.nlp

    texts = [d["text"] for d in documents(load_units(args.shared), args.docs)]
    sents = tokens = sents_in = tokens_in = 0
    for doc in nlp.pipe(texts, batch_size=32):
        for sent in doc.sents:
            ok = passes(sent, lex)
            sents += 1
            tokens += len(sent)
            sents_in += ok
            tokens_in += len(sent) if ok else 0
    print(
        f"benchmark corpus ({args.docs} docs): {sents_in}/{sents} sentences "
        f"({sents_in / sents:.1%}), {tokens_in}/{tokens} tokens ({tokens_in / tokens:.1%}) pass"
    )

    quotes = lost_quotes = 0
    seeds = {
        a.doc_id: a
        for a in read_articles([args.shared / "corpus" / "seeds.jsonl"])
        if isinstance(a, Article)
    }
    with (args.shared / "eval" / "dev.jsonl").open(encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh]
    for rec in gold:
        doc = nlp(seeds[rec["doc_id"]].text)
        for fig in rec.get("casualties") or []:
            at = doc.text.find(fig["quote"])
            quotes += 1
            sent = doc.char_span(at, at + 1, alignment_mode="expand").sent if at >= 0 else None
            if sent is None or not passes(sent, lex):
                lost_quotes += 1
                print("  lost gold quote:", fig["quote"])
    print(f"dev gold casualty quotes: {quotes - lost_quotes}/{quotes} in passing sentences")

    paths = [args.shared / "corpus" / "seeds.jsonl"] + [
        args.shared / "eval" / "external" / f"{name}.docs.jsonl" for name in SETS
    ]
    articles = [a for a in read_articles(paths) if isinstance(a, Article)]
    figures = lost = 0
    for article, extraction in zip(articles, extractor.extract_many(articles), strict=True):
        if not extraction.casualties:
            continue
        doc = nlp(article.text)
        for fig in extraction.casualties:
            sent = doc.char_span(
                fig.evidence.start, fig.evidence.start + 1, alignment_mode="expand"
            ).sent
            figures += 1
            if not passes(sent, lex):
                lost += 1
                print("  lost figure:", article.doc_id, fig.evidence.text[:100])
    print(f"figures read today on all gold sets: {figures - lost}/{figures} in passing sentences")


if __name__ == "__main__":
    main()
