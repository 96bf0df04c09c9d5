"""The pipeline's own components: where sentences start."""

from __future__ import annotations

from sitrep.nlp import load_nlp


def _sentences(text: str) -> list[str]:
    return [s.text for s in load_nlp()(text).sents]


def test_a_line_break_ends_a_sentence() -> None:
    text = "Blast kills five in Quetta\nA bomb went off near a market on Monday, police said."
    assert _sentences(text)[0].strip() == "Blast kills five in Quetta"


def test_brackets_after_a_name_continue_its_sentence() -> None:
    # the parser alone starts a sentence at "[": the areas would be cut from their place
    text = (
        "On 2 March 2019, unidentified gunmen killed a farmer in the area of Tarkint "
        "[Tarkinte] (Bourem, Gao)."
    )
    assert _sentences(text) == [text]


def test_a_bracket_after_a_full_stop_may_start_a_sentence() -> None:
    text = "Two civilians were killed in the attack. [Fatalities coded as 2.]"
    assert len(_sentences(text)) == 2
