from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.eval import EvalInputError, evaluate, format_table, load_jsonl


def test_load_jsonl_skips_blank_lines_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('\ufeff{"doc_id": "a"}\n\n  \n{"doc_id": "b"}\n', encoding="utf-8")
    assert [r["doc_id"] for r in load_jsonl(path)] == ["a", "b"]


def test_load_jsonl_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('{"doc_id": "a"}\n{oops\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(EvalInputError, match=r"p\.jsonl:2"):
        list(load_jsonl(path))
    records = list(load_jsonl(path, strict=False))
    assert records[0] == {"doc_id": "a"}
    assert [r["doc_id"] for r in records[1:]] == [None, None]
    assert "p.jsonl:3" in records[2]["error"]
    assert evaluate([{"doc_id": "a", "casualties": []}], records)["error_lines"] == 2


def test_format_table_leaves_out_unsupported_figures() -> None:
    metrics = evaluate([{"doc_id": "a", "primary_sub_event_type": "none"}], [])
    table = format_table(metrics)
    assert "Primary sub-event type" in table
    assert "accuracy" in table and "1.000" in table
    assert "Casualty figures" not in table and "Events" not in table
    assert format_table({}) == "(no metrics)"


def test_importing_eval_loads_no_heavy_dependencies() -> None:
    code = (
        "import sys, sitrep.eval; "
        "heavy = {'spacy', 'sklearn', 'numpy', 'sqlalchemy', 'rich'} & set(sys.modules); "
        "print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
