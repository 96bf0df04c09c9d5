"""The disk cache of built objects (used for the gazetteer's name index)."""

from __future__ import annotations

import os
import time

import pytest

from sitrep.extract.geo import cache


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path / "c"))
    return tmp_path / "c"


def _counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_built_once_then_read_from_disk(folder) -> None:
    build, calls = _counting({"k": [1, 2]})
    assert cache.cached("thing", "abc", build) == {"k": [1, 2]}
    assert cache.cached("thing", "abc", build) == {"k": [1, 2]}
    assert len(calls) == 1
    assert [p.name for p in folder.iterdir()] == ["thing-abc.pickle"]


def test_another_key_builds_afresh(folder) -> None:
    build, calls = _counting(1)
    cache.cached("thing", "a", build)
    cache.cached("thing", "b", build)
    assert len(calls) == 2


def test_a_corrupt_file_is_rebuilt_over(folder) -> None:
    folder.mkdir()
    (folder / "thing-abc.pickle").write_bytes(b"\x80\x05not a pickle")
    build, calls = _counting([3])
    assert cache.cached("thing", "abc", build) == [3]
    assert cache.cached("thing", "abc", build) == [3]
    assert len(calls) == 1


def test_an_unwritable_directory_only_costs_a_rebuild(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the directory should be")
    monkeypatch.setenv("SITREP_CACHE_DIR", str(blocker / "sub"))
    build, calls = _counting(7)
    assert cache.cached("thing", "abc", build) == 7
    assert cache.cached("thing", "abc", build) == 7
    assert len(calls) == 2


def test_off_turns_it_off(monkeypatch) -> None:
    monkeypatch.setenv("SITREP_CACHE_DIR", "off")
    assert cache.cache_dir() is None
    build, calls = _counting(1)
    cache.cached("thing", "abc", build)
    cache.cached("thing", "abc", build)
    assert len(calls) == 2


def test_files_of_other_builds_go_after_a_day(folder) -> None:
    folder.mkdir()
    stale, fresh = folder / "thing-old.pickle", folder / "thing-new.pickle"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"x")
    day_ago = time.time() - 2 * 86_400
    os.utime(stale, (day_ago, day_ago))
    cache.cached("thing", "abc", lambda: 1)
    assert sorted(p.name for p in folder.iterdir()) == ["thing-abc.pickle", "thing-new.pickle"]


def test_fingerprint_follows_its_inputs() -> None:
    assert cache.fingerprint(["a"]) == cache.fingerprint(["a"])
    assert cache.fingerprint(["a"]) != cache.fingerprint(["b"])


def test_gazetteer_from_the_cache_resolves_as_when_built(folder) -> None:
    from sitrep.extract.geo import Gazetteer

    built = Gazetteer.load()
    names = ["Kabul", "Spin Boldak", "Khyber Pakhtunkhwa", "Idleb", "Ecatepec"]
    first = [built.resolve(n) for n in names]
    assert len(list(folder.glob("geo-index-*.pickle"))) == 1
    loaded = Gazetteer.load()
    assert [loaded.resolve(n) for n in names] == first
