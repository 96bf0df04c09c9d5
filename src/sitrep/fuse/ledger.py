"""The claim ledger of a fused event: every figure of every member document, with supersession.

Claimants are keyed by who they are, not how a text names them: a name the actor lexicon
knows becomes its canonical actor ("Zabihullah Mujahid" and "Taliban" are one claimant);
figures stated in an article's own voice (no claimant) form one claimant across outlets,
the press, whose running toll a later report updates.

Supersession: within one claimant, status, victim kind and victim side, figures published
on an earlier day than the latest figure of that group are superseded by it, whether the
later figure is higher (a rising toll) or lower (a revision). Figures of the same day, or
undated, are never superseded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from sitrep.extract.lexicon import Lexicon, default_lexicon
from sitrep.models import CasualtyFigure, EventMention, LedgerClaim

#: Claimant key of figures in an article's own voice.
OWN_VOICE = "(own voice)"

# Countries recognised in a claimant's name when the lexicon has no side for it.
_DEMONYMS = {
    "afghan": "Afghanistan",
    "pakistan": "Pakistan",
    "islamabad": "Pakistan",
    "ukrain": "Ukraine",
    "kyiv": "Ukraine",
    "russia": "Russia",
    "moscow": "Russia",
    "kremlin": "Russia",
    "armenia": "Armenia",
    "yerevan": "Armenia",
    "azerbaijan": "Azerbaijan",
    "baku": "Azerbaijan",
    "israel": "Israel",
    "palestin": "Palestine",
    "syria": "Syria",
    "iraq": "Iraq",
    "iran": "Iran",
    "india": "India",
    "pentagon": "United States",
    "u.s.": "United States",
    "american": "United States",
}


def _lexicon(lexicon: Lexicon | None) -> Lexicon:
    return lexicon if lexicon is not None else default_lexicon()


def claimant_key(figure: CasualtyFigure, lexicon: Lexicon | None = None) -> str:
    name = figure.claimant.name
    if not name:
        return OWN_VOICE
    known = _lexicon(lexicon).actor(name)
    return (known.name if known else " ".join(name.split())).casefold()


def claimant_label(figure: CasualtyFigure, doc_id: str) -> str:
    return figure.claimant.name or f"{doc_id} (own voice)"


def claimant_side(figure: CasualtyFigure, lexicon: Lexicon | None = None) -> str | None:
    """The country a claimant speaks for: from the lexicon, else a country word in its name."""
    name = figure.claimant.name
    if not name:
        return None
    known = _lexicon(lexicon).actor(name)
    if known is not None and known.side:
        return known.side
    folded = name.casefold()
    for word, country in _DEMONYMS.items():
        if re.search(r"(?<![\w])" + re.escape(word), folded):
            return country
    return None


def group_key(figure: CasualtyFigure, lexicon: Lexicon | None = None) -> tuple[str, ...]:
    side = (figure.victim_side or "").casefold()
    return (claimant_key(figure, lexicon), str(figure.status), str(figure.victim_kind), side)


def build_ledger(
    mentions: Iterable[EventMention], lexicon: Lexicon | None = None
) -> tuple[LedgerClaim, ...]:
    """Every figure of every mention, in mention order, each flagged superseded or current."""
    claims = [
        LedgerClaim(doc_id=m.doc_id, figure=f, published=m.published)
        for m in mentions
        for f in m.casualties
    ]
    latest: dict[tuple[str, ...], object] = {}
    for c in claims:
        if c.published is None:
            continue
        key = group_key(c.figure, lexicon)
        if key not in latest or c.published > latest[key]:  # type: ignore[operator]
            latest[key] = c.published
    out = []
    for c in claims:
        newest = latest.get(group_key(c.figure, lexicon))
        superseded = c.published is not None and newest is not None and c.published < newest
        out.append(replace(c, superseded=superseded))
    return tuple(out)
