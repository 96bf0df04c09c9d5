"""Short human phrases for figures and claims, shared by the CSV notes and the reports."""

from __future__ import annotations

from sitrep.models import CasualtyFigure, Count, FatalityRange


def figure_text(count: Count) -> str:
    """A figure as a reader says it: '58', '20-30', 'at least 425', 'up to 30', 'about 60'."""
    low, high = count.low, count.high
    if low is not None and high is not None:
        text = str(low) if low == high else f"{low}-{high}"
    elif low is not None:
        text = f"at least {low}"
    elif high is not None:
        text = f"up to {high}"
    else:
        text = "an unstated number"
    if not count.approx:
        return text
    # "dozens" is low 24, approximate and open-ended: "24+ (approx.)", not "about at least 24"
    return f"{low}+ (approx.)" if low is not None and high is None else f"about {text}"


def victim_text(figure: CasualtyFigure) -> str:
    """'Pakistani soldiers', else the victim kind ('security forces'), with the side if known."""
    if figure.victim:
        return figure.victim
    kind = str(figure.victim_kind).replace("_", " ")
    return f"{kind} ({figure.victim_side})" if figure.victim_side else kind


def claimant_text(figure: CasualtyFigure) -> str:
    return figure.claimant.name or "the article (own voice)"


def range_text(f: FatalityRange | None) -> str:
    """'23-23-58' (low-best-high), '?' for a missing bound, '' when there is no figure at all."""
    if f is None or (f.low, f.best, f.high) == (None, None, None):
        return ""
    return "–".join("?" if v is None else str(v) for v in (f.low, f.best, f.high))
