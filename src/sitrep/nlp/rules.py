"""The model's attribute ruler and lemmatizer, memoised: the same annotations in far less time.

Profiling `nlp.pipe` on the benchmark's articles showed en_core_web_sm's two rule components
costing about a quarter of spaCy's time (more than the parser): the attribute ruler runs a
`Matcher` of 179 patterns over every token, and the lemmatizer re-derives the lemma of every
token in Python. Both are pure functions of a few token attributes, so:

- `MemoAttributeRuler` compiles the ruler's own patterns (one or two tokens testing TAG, LOWER,
  DEP or IS_SPACE, as en_core_web_sm's are) and remembers, per distinct (tag, lower, dep,
  is_space), which of them match; the attributes are then set with spaCy's own
  `set_token_attrs`, in the ruler's order (a later pattern overrides an earlier one). A ruler
  with any pattern it cannot compile is run as it is.
- `MemoLemmatizer` remembers the rule lemmatizer's answer per (orth, pos, morph), the key of
  spaCy's own lemma cache, and skips tokens that already have a lemma, as spaCy does.

`tests/nlp/test_rules.py` checks on real articles that every token's annotations are those of
the unmodified pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

MEMO_ATTRIBUTE_RULER = "sitrep_attribute_ruler"
MEMO_LEMMATIZER = "sitrep_lemmatizer"
#: memo entries kept before a memo is emptied (memory stays flat on any corpus)
MAX_MEMO = 200_000

_FEATURES = ("TAG", "LOWER", "DEP", "IS_SPACE")
_Features = tuple[str, str | None, str, bool]  # tag, lower (None: untested), dep, is_space
_Key = tuple[int, int, int, bool]  # the same as string hashes (lower 0: untested)
_Test = Callable[[_Features], bool]


class UnsupportedPattern(ValueError):
    """An attribute ruler pattern outside what `MemoAttributeRuler` compiles."""


def _value_test(slot: int, spec: Any) -> _Test:
    if not isinstance(spec, dict):
        return lambda f: f[slot] == spec
    if len(spec) != 1:
        raise UnsupportedPattern(f"more than one operator: {spec!r}")
    ((op, arg),) = spec.items()
    if op == "IN":
        allowed = frozenset(arg)
        return lambda f: f[slot] in allowed
    if op == "NOT_IN":
        banned = frozenset(arg)
        return lambda f: f[slot] not in banned
    if op == "REGEX":
        pattern = re.compile(arg)
        return lambda f: bool(pattern.search(f[slot]))
    raise UnsupportedPattern(f"operator {op!r}")


class _Compiled:
    """Token tests, and every LOWER value or regex they look at."""

    def __init__(self) -> None:
        self.lowers: set[str] = set()
        self.lower_regexes: list[re.Pattern[str]] = []

    def token_test(self, spec: dict[str, Any]) -> _Test:
        """A Matcher token pattern as a test over (tag, lower, dep, is_space).

        A lower of None stands for any word that no LOWER test mentions: every LOWER test fails.
        """
        tests = []
        for key, value in spec.items():
            if key not in _FEATURES:
                raise UnsupportedPattern(f"token attribute {key!r}")
            if key == "IS_SPACE" and not isinstance(value, bool):
                raise UnsupportedPattern(f"IS_SPACE {value!r}")
            test = _value_test(_FEATURES.index(key), value)
            if key == "LOWER":
                op, arg = next(iter(value.items())) if isinstance(value, dict) else ("=", value)
                if op == "=":
                    self.lowers.add(arg)
                elif op == "IN":
                    self.lowers.update(arg)
                elif op == "REGEX":
                    self.lower_regexes.append(re.compile(arg))
                else:  # NOT_IN would make every word one to look at
                    raise UnsupportedPattern(f"LOWER {value!r}")
                test = _known_lower(test)
            tests.append(test)
        return lambda f: all(t(f) for t in tests)


def _known_lower(test: _Test) -> _Test:
    return lambda f: f[1] is not None and test(f)


class MemoAttributeRuler:
    """`AttributeRuler` with per-token-type memoised matching (see the module docstring)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.strings = ruler.vocab.strings
        # (rule number, per-token tests, index of the token that takes the attributes)
        self.single: list[tuple[int, _Test]] = []
        self.double: list[tuple[int, _Test, _Test, int]] = []
        compiled = _Compiled()
        try:
            for number, entry in enumerate(ruler.patterns):
                index = entry.get("index", 0)
                for pattern in entry["patterns"]:
                    tests = [compiled.token_test(spec) for spec in pattern]
                    if len(tests) == 1 and index in {0, -1}:
                        self.single.append((number, tests[0]))
                    elif len(tests) == 2 and index in {0, 1, -1, -2}:
                        self.double.append((number, tests[0], tests[1], index % 2))
                    else:
                        raise UnsupportedPattern(f"pattern of {len(tests)} tokens, index {index}")
            self.supported = True
        except UnsupportedPattern:
            self.supported = False
        self.lowers = frozenset(compiled.lowers)
        self.lower_regexes = tuple(compiled.lower_regexes)
        #: lower hash -> itself when some pattern tests that word, else 0 (a smaller memo key)
        self._lower: dict[int, int] = {}
        self._memo: dict[_Key, tuple[tuple[int, ...], tuple[int, ...]]] = {}

    def _lower_key(self, lower: int) -> int:
        found = self._lower.get(lower)
        if found is None:
            if len(self._lower) > MAX_MEMO:
                self._lower.clear()
            word = self.strings[lower] if lower else ""
            tested = word in self.lowers or any(r.search(word) for r in self.lower_regexes)
            found = self._lower[lower] = lower if tested else 0
        return found

    def _features(self, key: _Key) -> _Features:
        tag, lower, dep, is_space = key
        s = self.strings
        return (s[tag] if tag else "", s[lower] if lower else None, s[dep] if dep else "", is_space)

    def _matching(self, key: _Key) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Rules whose one-token pattern matches, and two-token patterns whose first token does."""
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) > MAX_MEMO:
                self._memo.clear()
            f = self._features(key)
            found = (
                tuple(dict.fromkeys(n for n, test in self.single if test(f))),
                tuple(k for k, (_, t, _, _) in enumerate(self.double) if t(f)),
            )
            self._memo[key] = found
        return found

    def __call__(self, doc: Doc) -> Doc:
        if not self.supported:
            return self.ruler(doc)
        lower_key = self._lower_key
        keys = [(t.tag, lower_key(t.lower), t.dep, t.is_space) for t in doc]
        rules: list[tuple[int, ...]] = []
        pairs: dict[int, set[int]] = {}  # token -> rules of two-token patterns that set it
        for i, key in enumerate(keys):
            single, first = self._matching(key)
            rules.append(single)
            if first and i + 1 < len(keys):
                second = self._features(keys[i + 1])
                for k in first:
                    number, _, test, index = self.double[k]
                    if test(second):
                        pairs.setdefault(i + index, set()).add(number)
        for i, numbers in pairs.items():
            rules[i] = tuple(sorted({*rules[i], *numbers}))
        attrs = self.ruler.attrs
        for token, numbers in zip(doc, rules, strict=True):
            for n in numbers:  # in rule order: a later rule overrides an earlier one
                set_token_attrs(token, attrs[n])
        return doc


class MemoLemmatizer:
    """The rule lemmatizer with its answer memoised per (orth, pos, morph)."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.supported = lemmatizer.mode == "rule" and not lemmatizer.overwrite
        self._memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not self.supported:
            return self.lemmatizer(doc)
        memo = self._memo
        if len(memo) > MAX_MEMO:
            memo.clear()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma:
                continue  # set by the attribute ruler ("was" -> "be"): spaCy keeps it too
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                found = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                memo[key] = found
            doc[i].lemma = found
        return doc


def _memo_attribute_ruler(nlp: Language, name: str) -> MemoAttributeRuler:
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return MemoAttributeRuler(ruler)


def _memo_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    return MemoLemmatizer(lemmatizer)


def register_memo_components() -> None:
    if MEMO_ATTRIBUTE_RULER not in Language.factories:
        Language.factory(
            MEMO_ATTRIBUTE_RULER,
            requires=["token.tag"],
            assigns=["token.pos", "token.morph", "token.lemma", "token.tag"],
        )(_memo_attribute_ruler)
    if MEMO_LEMMATIZER not in Language.factories:
        Language.factory(MEMO_LEMMATIZER, requires=["token.pos"], assigns=["token.lemma"])(
            _memo_lemmatizer
        )


def use_memo_rules(nlp: Language) -> None:
    """Put the memoised attribute ruler and lemmatizer in place of the model's own."""
    register_memo_components()
    if "attribute_ruler" in nlp.pipe_names:
        nlp.add_pipe(MEMO_ATTRIBUTE_RULER, after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(MEMO_LEMMATIZER, after="lemmatizer")
        nlp.remove_pipe("lemmatizer")
