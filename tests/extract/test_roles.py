"""Who did it: the subject, the passive's agent, or the subject of the clause continued."""

from __future__ import annotations

import pytest

from sitrep.extract.lexicon import default_lexicon
from sitrep.extract.roles import doers, is_security
from sitrep.nlp import load_nlp


@pytest.mark.parametrize(
    ("text", "verb", "who"),
    [
        ("Police assaulted a family.", "assaulted", ["Police"]),
        ("A man was beaten by police officers.", "beaten", ["officers"]),
        ("Rebels advanced and retook the town.", "retook", ["Rebels"]),
        ("Police are accused of assaulting a driver.", "assaulting", ["Police"]),
        ("Shots were fired.", "fired", []),
    ],
)
def test_doers(text: str, verb: str, who: list[str]) -> None:
    doc = load_nlp()(text)
    (v,) = [t for t in doc if t.text == verb]
    assert [t.text for t in doers(v)] == who


def test_security_nouns_and_lists_naming_one() -> None:
    doc = load_nlp()("Police and NSS personnel beat villagers while rebels watched.")
    lex = default_lexicon()
    by_text = {t.text: t for t in doc}
    assert is_security(by_text["Police"], lex)
    assert not is_security(by_text["villagers"], lex)
    assert not is_security(by_text["rebels"], lex)
