"""Score fusion on a test set: extraction + fusion, then B-cubed (FORMAT.md §6) and the ledger.

    .venv/bin/python scripts/fusion_eval.py                      # tests/fuse/data + the seeds
    .venv/bin/python scripts/fusion_eval.py --text none          # without text similarity
    .venv/bin/python scripts/fusion_eval.py --set DOCS GOLD [CLUSTERS]

B-cubed items are (document, gold event) pairs. `strict` places each item as FORMAT.md §6 says:
in the fused event that holds the document and matches the gold event by the §5 event rule,
read on the fused event's own fields (greedy in gold order, each fused event at most once per
document); an item no fused event matches is a singleton. `mention` places it in the fused
event holding the document event that §5 matches to it, which separates fusion errors from
the fused representative fields.

Ledger (on the strict placement; a document's gold figures belong to its first gold event):
- ledger recall: share of gold figures found (status and low equal, or both lows null and
  highs equal) among that document's claims in the ledger of the fused event the item went to;
- supersession accuracy: share of found figures whose `superseded` flag equals the gold's;
- best accuracy: share of gold clusters whose main fused event (the one holding most of its
  items) has a best within the accepted range of the clusters file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.eval.events import event_matches, match_events  # noqa: E402
from sitrep.export.extraction import event_dict  # noqa: E402
from sitrep.fuse import FuseSettings, fuse_pairs  # noqa: E402
from sitrep.models import Article, DocumentExtraction, FusedEvent  # noqa: E402

DATA = ROOT / "tests" / "fuse" / "data"
SHARED = ROOT.parent / "shared"
DEFAULT_SETS = [
    (DATA / "fusion_docs.jsonl", DATA / "fusion_gold.jsonl", DATA / "fusion_clusters.json"),
    (SHARED / "corpus" / "seeds.jsonl", SHARED / "eval" / "dev.jsonl", None),
]

Pairs = list[tuple[Article, DocumentExtraction]]


def _code_digest() -> bytes:
    """The extraction code and its resources: a cached extraction is stale once they change."""
    h = hashlib.sha256()
    for path in sorted((ROOT / "src" / "sitrep").rglob("*")):
        if path.is_file() and path.suffix != ".pyc":
            h.update(str(path.relative_to(ROOT)).encode())
            h.update(path.read_bytes())
    return h.digest()


def extract(docs: Path, cache: Path | None) -> Pairs:
    key = hashlib.sha256(docs.read_bytes() + _code_digest()).hexdigest()[:16]
    cached = cache / f"fusion-eval-{key}.pkl" if cache else None
    if cached and cached.exists():
        return pickle.loads(cached.read_bytes())
    from sitrep.extract.pipeline import Extractor
    from sitrep.pipeline import extract_stream, read_articles

    outcomes = extract_stream(read_articles([docs]), Extractor())
    pairs = [(o.article, o.extraction) for o in outcomes if o.ok]
    if cached:
        cached.write_bytes(pickle.dumps(pairs))
    return pairs  # type: ignore[return-value]


def fused_dict(e: FusedEvent) -> dict[str, Any]:
    return {**event_dict(e.event), "documents": list(e.documents)}


def bcubed(
    assign: dict[tuple[str, str], str], gold: dict[tuple[str, str], str]
) -> dict[str, float]:
    items = list(gold)
    p = r = 0.0
    for i in items:
        same_pred = [j for j in items if assign[j] == assign[i]]
        same_gold = [j for j in items if gold[j] == gold[i]]
        both = sum(1 for j in same_pred if gold[j] == gold[i])
        p += both / len(same_pred)
        r += both / len(same_gold)
    p, r = p / len(items), r / len(items)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def place_strict(gold_lines: list[dict[str, Any]], fused: list[FusedEvent]) -> dict:
    exported = [(e.event_id, fused_dict(e)) for e in fused]
    out = {}
    for line in gold_lines:
        doc = line["doc_id"]
        free = [(i, d) for i, d in exported if doc in d["documents"]]
        for g in line["events"]:
            for n, (event_id, d) in enumerate(free):
                if event_matches(g, d):
                    out[(doc, g["id"])] = event_id
                    del free[n]
                    break
            else:
                out[(doc, g["id"])] = f"unplaced:{doc}:{g['id']}"
    return out


def place_by_mention(gold_lines: list[dict[str, Any]], fused: list[FusedEvent]) -> dict:
    where = {(m.doc_id, m.index): e.event_id for e in fused for m in e.mentions}
    by_doc: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for e in fused:
        for m in e.mentions:
            by_doc.setdefault(m.doc_id, []).append((m.index, event_dict(m.event)))
    out = {}
    for line in gold_lines:
        doc = line["doc_id"]
        predicted = sorted(by_doc.get(doc, []), key=lambda x: x[0])
        pairs = dict(match_events(line["events"], [d for _, d in predicted]))
        for gi, g in enumerate(line["events"]):
            p = pairs.get(gi)
            out[(doc, g["id"])] = (
                where[(doc, predicted[p][0])] if p is not None else f"unplaced:{doc}:{g['id']}"
            )
    return out


def _figure_match(gold: dict[str, Any], claim: Any) -> bool:
    f = claim.figure
    if str(f.status) != gold["status"]:
        return False
    if gold["low"] is None and f.count.low is None:
        return gold.get("high") == f.count.high
    return gold["low"] == f.count.low


def ledger_scores(
    gold_lines: list[dict[str, Any]],
    fused: list[FusedEvent],
    placed: dict[tuple[str, str], str],
    clusters: dict[str, list[int]] | None,
) -> dict[str, Any]:
    by_id = {e.event_id: e for e in fused}
    found = total = flags = flags_ok = 0
    for line in gold_lines:
        if not line["events"] or not line.get("casualties"):
            continue
        event = by_id.get(placed[(line["doc_id"], line["events"][0]["id"])])
        claims = [c for c in event.claims if c.doc_id == line["doc_id"]] if event else []
        for g in line["casualties"]:
            total += 1
            hit = next((c for c in claims if _figure_match(g, c)), None)
            if hit is None:
                continue
            claims.remove(hit)
            found += 1
            if "superseded" in g:
                flags += 1
                flags_ok += hit.superseded == g["superseded"]
    out: dict[str, Any] = {
        "ledger_recall": found / total if total else None,
        "gold_figures": total,
        "supersession_accuracy": flags_ok / flags if flags else None,
    }
    if clusters:
        items: dict[str, Counter[str]] = {}
        for line in gold_lines:
            for g in line["events"]:
                items.setdefault(g["cluster"], Counter())[placed[(line["doc_id"], g["id"])]] += 1
        ok, detail = 0, {}
        for name, accepted in clusters.items():
            main = items.get(name, Counter()).most_common(1)
            event = by_id.get(main[0][0]) if main else None
            best = event.fatalities.best if event and event.fatalities else None
            good = best is not None and accepted[0] <= best <= accepted[1]
            ok += good
            detail[name] = {"best": best, "accepted": accepted, "ok": good}
        out["best_accuracy"] = ok / len(clusters)
        out["best_detail"] = detail
    return out


def score_set(
    docs: Path, gold: Path, clusters: Path | None, settings: FuseSettings, cache: Path | None
) -> dict[str, Any]:
    pairs = extract(docs, cache)
    result = fuse_pairs(pairs, settings=settings)
    gold_lines = [json.loads(line) for line in gold.read_text().splitlines() if line.strip()]
    gold_of = {(ln["doc_id"], g["id"]): g["cluster"] for ln in gold_lines for g in ln["events"]}
    strict = place_strict(gold_lines, result.events)
    mention = place_by_mention(gold_lines, result.events)
    cluster_ranges = json.loads(clusters.read_text()) if clusters else None
    return {
        "set": docs.name,
        "documents": result.documents,
        "mentions": result.mentions,
        "fused_events": len(result.events),
        "gold_items": len(gold_of),
        "gold_clusters": len(set(gold_of.values())),
        "bcubed_strict": bcubed(strict, gold_of),
        "bcubed_mention": bcubed(mention, gold_of),
        "unplaced_strict": sum(v.startswith("unplaced:") for v in strict.values()),
        "unplaced_mention": sum(v.startswith("unplaced:") for v in mention.values()),
        **ledger_scores(gold_lines, result.events, strict, cluster_ranges),
    }


def _print(report: dict[str, Any]) -> None:
    print(
        f"== {report['set']}: {report['documents']} documents, {report['mentions']} mentions, "
        f"{report['fused_events']} fused events; {report['gold_items']} gold items in "
        f"{report['gold_clusters']} clusters"
    )
    for key in ("bcubed_strict", "bcubed_mention"):
        b = report[key]
        print(f"  {key:16} P {b['precision']:.3f}  R {b['recall']:.3f}  F1 {b['f1']:.3f}")
    print(
        f"  unplaced items: strict {report['unplaced_strict']}, mention {report['unplaced_mention']}"
    )
    for key in ("ledger_recall", "supersession_accuracy", "best_accuracy"):
        if report.get(key) is not None:
            print(f"  {key:22} {report[key]:.3f}")
    for name, d in (report.get("best_detail") or {}).items():
        print(
            f"    {name:40} best {d['best']!s:>5} accepted {d['accepted']} {'ok' if d['ok'] else 'MISS'}"
        )


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--set",
        nargs="+",
        action="append",
        metavar="PATH",
        help="DOCS GOLD [CLUSTERS]; repeatable (default: the fusion set and seeds)",
    )
    ap.add_argument("--text", default="tfidf", choices=["tfidf", "none"])
    ap.add_argument("--threshold", type=float, default=FuseSettings().threshold)
    ap.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()),
        help="folder for cached extractions (default: the temp folder)",
    )
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--json", type=Path, help="write the figures as JSON here")
    args = ap.parse_args(list(argv) if argv is not None else None)
    sets = [(Path(s[0]), Path(s[1]), Path(s[2]) if len(s) > 2 else None) for s in args.set or []]
    settings = FuseSettings(text=args.text, threshold=args.threshold)
    reports = [
        score_set(d, g, c, settings, None if args.no_cache else args.cache)
        for d, g, c in sets or DEFAULT_SETS
    ]
    for r in reports:
        _print(r)
    if args.json:
        args.json.write_text(json.dumps(reports, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
