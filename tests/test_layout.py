"""The test tree runs from any set of folders (`pytest tests/api tests/store tests/export`).

Such a run loads every named folder's conftest before any test module, and pytest's default
import mode puts each folder on sys.path: a bare `from conftest import X` then gets whichever
folder's conftest came last, and two helper modules of the same name shadow each other. So
shared values are fixtures, and every module name in the tree is unique.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent
IMPORTS_CONFTEST = re.compile(r"^\s*(from\s+conftest\s+import|import\s+conftest)\b", re.M)


def _modules() -> list[Path]:
    return [p for p in TESTS.rglob("*.py") if "__pycache__" not in p.parts]


def test_no_module_imports_a_conftest() -> None:
    offenders = [
        str(p.relative_to(TESTS)) for p in _modules() if IMPORTS_CONFTEST.search(p.read_text())
    ]
    assert offenders == []


def test_module_names_are_unique_across_folders() -> None:
    names = Counter(p.name for p in _modules() if p.name != "conftest.py")
    assert [name for name, n in names.items() if n > 1] == []
