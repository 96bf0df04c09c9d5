"""The README's main job end to end on the real seed articles, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sitrep.cli import app


def test_run_export_and_report_on_the_seeds(shared_dir: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'sitrep.db'}"
    runner = CliRunner()
    html = tmp_path / "report.html"
    result = runner.invoke(
        app,
        ["run", str(shared_dir / "corpus" / "seeds.jsonl"), "--db", db, "--report-html", str(html)],
    )
    assert result.exit_code == 0, result.output
    out = result.output
    # the two claims the issue names, each with its claimant and source
    assert "Zabihullah Mujahid" in out and "58" in out and "30" in out
    assert "UNAMA" in out and "37" in out and "425" in out
    assert html.exists() and "<script" not in html.read_text(encoding="utf-8").lower()

    # re-running the same articles is a no-op
    again = runner.invoke(app, ["ingest", str(shared_dir / "corpus" / "seeds.jsonl"), "--db", db])
    assert again.exit_code == 0 and "already stored" in again.output

    export = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["export", "--format", "jsonl", "--db", db, "-o", str(export)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in export.read_text(encoding="utf-8").splitlines()]
    assert lines and all(
        {"event_id", "documents", "claims", "fatalities", "contradictions"} <= set(x) for x in lines
    )
    kabul = [
        x for x in lines if x["sub_event_type"] == "Air/drone strike" and x["location"] == "Kabul"
    ]
    assert {x["date"] for x in kabul} >= {"2025-10-15"}
    assert len(kabul) >= 2  # the strike of 15 October and the earlier one stay apart


def test_extract_keeps_order_and_reports_bad_lines(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "a", "text": "Two soldiers were killed in a clash.", "published": "2020-01-02"}\n'
        "{not json\n"
        '{"id": "c", "text": ""}\n'
        '{"id": "d", "text": "Police arrested five protesters in the capital."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 4
    assert rows[0]["doc_id"] == "a" and rows[0]["casualties"][0]["low"] == 2
    assert "error" in rows[1] and "error" in rows[2]
    assert rows[3]["doc_id"] == "d" and "error" not in rows[3]


def test_eval_on_the_seed_gold(shared_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.json"
    result = CliRunner().invoke(
        app,
        [
            "eval",
            str(shared_dir / "eval" / "dev.jsonl"),
            "--docs",
            str(shared_dir / "corpus" / "seeds.jsonl"),
            "--json",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads(out.read_text(encoding="utf-8"))
    assert metrics["casualty_f1"] >= 0.8 and metrics["event_f1"] >= 0.6


def test_merge_and_split_by_hand(shared_dir: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'm.db'}"
    runner = CliRunner()
    assert (
        runner.invoke(
            app, ["ingest", str(shared_dir / "corpus" / "seeds.jsonl"), "--db", db]
        ).exit_code
        == 0
    )
    assert runner.invoke(app, ["fuse", "--db", db]).exit_code == 0
    from sitrep.store import open_store

    with open_store(db) as store:
        kabul = [e for e in store.iter_fused() if e.event.sub_event_type == "Air/drone strike"]
    assert len(kabul) == 2
    a, b = kabul
    result = runner.invoke(app, ["merge", a.event_id, b.event_id, "--db", db])
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        merged = [e for e in store.iter_fused() if e.event.sub_event_type == "Air/drone strike"]
        assert len(merged) == 1 and len(merged[0].mentions) == 2
        m = merged[0].mentions[1]
    result = runner.invoke(app, ["split", merged[0].event_id, m.doc_id, str(m.index), "--db", db])
    assert result.exit_code == 0, result.output
    # the manual decisions survive a full re-fusion
    assert runner.invoke(app, ["fuse", "--db", db]).exit_code == 0
    with open_store(db) as store:
        again = [e for e in store.iter_fused() if e.event.sub_event_type == "Air/drone strike"]
    assert len(again) == 2
    assert runner.invoke(app, ["merge", "ev-nope", a.event_id, "--db", db]).exit_code != 0


def test_ingest_order_does_not_change_events_or_ids(shared_dir: Path, tmp_path: Path) -> None:
    seeds = (shared_dir / "corpus" / "seeds.jsonl").read_text(encoding="utf-8").splitlines()
    forward, backward = tmp_path / "f.jsonl", tmp_path / "b.jsonl"
    forward.write_text("\n".join(seeds) + "\n", encoding="utf-8")
    backward.write_text("\n".join(reversed(seeds)) + "\n", encoding="utf-8")
    runner = CliRunner()
    exported = []
    for src in (forward, backward):
        db = f"sqlite:///{tmp_path / (src.stem + '.db')}"
        out = tmp_path / (src.stem + ".out.jsonl")
        assert runner.invoke(app, ["run", str(src), "--db", db]).exit_code == 0
        assert runner.invoke(app, ["export", "--db", db, "-o", str(out)]).exit_code == 0
        rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
        exported.append(
            sorted((r["event_id"], r["sub_event_type"], tuple(r["documents"])) for r in rows)
        )
    assert exported[0] == exported[1]


def test_eval_reports_bad_gold_files_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"\x00\x01binary\n")
    result = CliRunner().invoke(app, ["eval", str(bad), "--pred", str(bad)])
    assert result.exit_code == 2 and "bad.jsonl:1" in result.output
    assert not isinstance(result.exception, ValueError)
    missing = CliRunner().invoke(app, ["eval", str(tmp_path / "nope.jsonl"), "--pred", str(bad)])
    assert missing.exit_code == 2 and "nope.jsonl" in missing.output
