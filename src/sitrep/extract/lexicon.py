"""Editable word lists (extract/resources/*.tsv) loaded and validated once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

from sitrep.models import CasualtyStatus, ClaimantType, SubEventType, VictimKind


class ResourceError(ValueError):
    """A resource file has a malformed line; the message names file and line."""


@dataclass(frozen=True, slots=True)
class CasualtyWord:
    status: CasualtyStatus
    role: str  # verb, noun, adj


@dataclass(frozen=True, slots=True)
class Trigger:
    pattern: re.Pattern[str]
    sub_event_type: SubEventType
    weight: int


@dataclass(frozen=True, slots=True)
class ActorAlias:
    alias: str
    name: str
    side: str | None
    claimant_type: ClaimantType
    valid_from: date | None
    valid_to: date | None


@dataclass(frozen=True, slots=True)
class Theatre:
    """A group that fights in one country (theatres.tsv): where a text naming it is set."""

    alias: str
    country: str
    areas: tuple[str, ...]  # provinces it fights in, if confined to some


@dataclass(frozen=True, slots=True)
class Lexicon:
    casualty_words: dict[str, CasualtyWord]
    victims: dict[str, VictimKind]
    reporting_verbs: frozenset[str]
    triggers: tuple[Trigger, ...]
    actors: tuple[ActorAlias, ...]
    actor_pattern: re.Pattern[str]  # one alternation over every alias, longest first
    theatres: dict[str, Theatre]  # by casefolded alias
    theatre_pattern: re.Pattern[str]

    def actor(self, alias: str, on: date | None = None) -> ActorAlias | None:
        key = alias.casefold()
        for a in self.actors:
            if a.alias.casefold() != key:
                continue
            if on and ((a.valid_from and on < a.valid_from) or (a.valid_to and on > a.valid_to)):
                continue
            return a
        return None


def _rows(path: Path, width: int) -> list[tuple[int, list[str]]]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < width:
            raise ResourceError(f"{path.name}:{n}: expected {width} tab-separated fields")
        out.append((n, [c.strip() for c in cells]))
    return out


def _iso(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def load_lexicon(folder: Path | None = None) -> Lexicon:
    """Read every resource file from `folder` (default: the packaged resources)."""
    base = Path(folder) if folder else Path(str(resources.files("sitrep.extract") / "resources"))
    try:
        words = {
            w.lower(): CasualtyWord(CasualtyStatus(s), role)
            for _, (w, s, role) in _rows(base / "casualty_words.tsv", 3)
        }
        victims = {w.lower(): VictimKind(k) for _, (w, k) in _rows(base / "victims.tsv", 2)}
        triggers = tuple(
            Trigger(re.compile(p, re.IGNORECASE), SubEventType(t), int(w))
            for _, (p, t, w) in _rows(base / "triggers.tsv", 3)
        )
        actors = tuple(
            ActorAlias(c[0], c[1], c[2] or None, ClaimantType(c[3]), _iso(c[4]), _iso(c[5]))
            for _, c in _rows(base / "actors.tsv", 6)
        )
        theatres = {
            c[0].casefold(): Theatre(c[0], c[1], tuple(a.strip() for a in c[2].split(";") if a))
            for _, c in _rows(base / "theatres.tsv", 2)
            for c in [c + [""] * (3 - len(c))]
        }
    except (ValueError, re.error) as exc:
        raise ResourceError(str(exc)) from exc
    verbs = frozenset(
        line.strip()
        for line in (base / "reporting_verbs.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    aliases = sorted({a.alias for a in actors}, key=len, reverse=True)
    actor_pattern = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(a) for a in aliases) + r")(?![\w-])", re.IGNORECASE
    )
    return Lexicon(
        words, victims, verbs, triggers, actors, actor_pattern, theatres, _theatre_pattern(theatres)
    )


def _theatre_pattern(theatres: dict[str, Theatre]) -> re.Pattern[str]:
    """Whole words, "pro-Houthi" included; an acronym only in capitals ("STC", not "stc")."""
    aliases = sorted((t.alias for t in theatres.values()), key=len, reverse=True)
    parts = [re.escape(a) if a.isupper() else f"(?i:{re.escape(a)})" for a in aliases]
    if not parts:  # an emptied file: a pattern that never matches, not one of empty strings
        return re.compile(r"(?!)")
    return re.compile(r"(?<!\w)(" + "|".join(parts) + r")(?!\w)")


@cache
def default_lexicon() -> Lexicon:
    """The packaged lexicon, read once per process."""
    return load_lexicon()
