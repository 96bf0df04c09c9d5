"""fuse/ stays free of database, web, scale-out and NLP libraries."""

from __future__ import annotations

import subprocess
import sys

FORBIDDEN = ("sqlalchemy", "fastapi", "dask", "spacy")


def test_fuse_imports_no_heavy_library() -> None:
    code = (
        "import sys, sitrep.fuse, sitrep.fuse.orchestrate\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}]\n"
        "print(','.join(sorted(bad)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
