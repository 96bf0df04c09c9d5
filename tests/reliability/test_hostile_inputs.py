"""Broken and hostile input through `sitrep ingest`, end to end into a store: the run never
crashes, every bad input is rejected with a reason or stored, and nothing good is lost."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from hostile_corpus import BAD_JSON_LINES, REJECTED_FILES, write_hostile_corpus
from reliability_tools import child_env, sitrep

from sitrep.store import open_store


@pytest.mark.slow
def test_hostile_corpus_end_to_end(tmp_path: Path) -> None:
    folder = tmp_path / "inputs"
    must_store = write_hostile_corpus(folder)
    url = f"sqlite:///{tmp_path / 'hostile.db'}"
    env = child_env() | {"COLUMNS": "2000"}  # one failure per line in the summary
    done = subprocess.run(
        sitrep("ingest", str(folder), "--db", url),
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-3000:]
    assert "Traceback" not in output

    failures = dict(re.findall(r"^failed (.+?): (.+)$", output, flags=re.MULTILINE))
    for name, reason in REJECTED_FILES.items():
        hits = [why for who, why in failures.items() if name.split(".")[0] in who]
        assert hits and any(reason in why for why in hits), (name, hits)
    for lineno, (_, doc_id, reason) in enumerate(BAD_JSON_LINES, start=1):
        who = doc_id or f"{folder / 'bad.jsonl'}:{lineno}"
        assert reason in failures.get(who, ""), (who, failures.get(who))
    assert all(why.strip() for why in failures.values()), "every rejection says why"

    with open_store(url) as store:
        texts = [a.text for a, _ in store.iter_extractions()]
    joined = "\n".join(texts)
    lost = [phrase for phrase in must_store if phrase not in joined]
    assert not lost, f"good documents lost: {lost}"
    assert "\x00" not in joined
    assert "alert(" not in joined and "<script" not in joined and "javascript:" not in joined
    assert "root:" not in joined, "an external entity was resolved"
    assert "lollollol" not in joined, "an entity bomb was expanded"
    assert "Ignore previous instructions" in joined  # text, stored as text: nothing obeys it
    print(
        f"\nhostile corpus: {len(list(folder.iterdir()))} files, {len(texts)} documents "
        f"stored, {len(failures)} rejected with a reason, 0 crashes"
    )
