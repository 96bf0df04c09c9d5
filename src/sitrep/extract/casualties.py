"""Casualty figures in one parsed sentence: a count, its victims, its status and its claimant.

A number becomes a casualty figure only when it counts people (a victim noun, a nationality,
or a casualty noun such as "fatalities") and a casualty word governs it or stands beside it.
"Two drone strikes", "six border regions" and "2,611-kilometer" never qualify.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from sitrep.extract.claims import Attribution
from sitrep.extract.events import head_noun, one_person
from sitrep.extract.lexicon import CasualtyWord, Lexicon
from sitrep.extract.numbers import find_counts
from sitrep.models import CasualtyFigure, CasualtyStatus, Count, Evidence, VictimKind
from sitrep.nlp.spans import entity_of, sentence_ents

#: words that link a casualty noun to its total: "casualties totaling 16", "toll rose to 25"
_LINKERS = {
    "totaling",
    "totalling",
    "numbering",
    "reaching",
    "to",
    "at",
    "of",
    "stood",
    "was",
    "is",
}
_OR_WORDS = {"or"}
_DEFINITE = {"the", "this", "that", "these", "those"}
_MAX_VICTIM_GAP = 5
#: quotation marks around a victim phrase or its count, skipped: '80 "American terrorists"'
_QUOTES = {'"', "“", "”"}
#: words between a count and its verb in headlines: "Three more said killed", "two feared dead"
_HEDGES = {
    "more",
    "said",
    "reported",
    "feared",
    "believed",
    "were",
    "are",
    "have",
    "had",
    "been",
    "being",
    "also",
}


#: agent nouns: "vaccinator", "campaigner", "journalist", "mastermind" is not one
_PERSON_SUFFIX = re.compile(r"(?:[a-z]{3}(?:er|or|ist|ian|man|woman|ant|ee))$")
#: things of war news whose names end like a person's ("shot down a Ukrainian airliner")
_THINGS = frozenset(
    {
        "airliner",
        "helicopter",
        "tanker",
        "container",
        "trailer",
        "freighter",
        "carrier",
        "launcher",
        "computer",
        "shelter",
        "tower",
        "center",
        "centre",
        "border",
        "order",
        "power",
        "water",
        "number",
        "corner",
        "barrier",
        "monitor",
        "reactor",
        "generator",
        "sector",
        "corridor",
        "tractor",
        "motor",
        "detector",
        "elevator",
        "plant",
        "restaurant",
        # and the materiel a force's name may qualify: "two army helicopters", "police vehicles"
        "vehicle",
        "truck",
        "car",
        "jeep",
        "jet",
        "plane",
        "aircraft",
        "drone",
        "tank",
        "boat",
        "ship",
        "vessel",
        "post",
        "checkpoint",
        "station",
        "base",
        "camp",
        "building",
        "office",
        "convoy",
        "position",
        "outpost",
        "barrack",
    }
)
_VIOLENT_VERBS = {"shoot", "gun", "beat", "stab", "hack", "burn", "bludgeon", "stone", "mow"}
_KILLED_VERB = CasualtyWord(CasualtyStatus.KILLED, "verb")
_WOUNDED_VERB = CasualtyWord(CasualtyStatus.WOUNDED, "verb")
#: words that may stand inside a victim phrase: "suspected militants", "its citizens"
_VICTIM_FILLERS = {
    "suspected",
    "alleged",
    "armed",
    "unidentified",
    "unknown",
    "its",
    "their",
    "his",
    "her",
    "our",
    "the",
    "of",
}


@dataclass(frozen=True, slots=True)
class _Victim:
    text: str | None
    kind: VictimKind
    side: str | None
    head: Token | None


class CasualtyReader:
    """Reads casualty figures sentence by sentence for one document."""

    def __init__(
        self,
        lexicon: Lexicon,
        attribution: Attribution,
        country_of: Callable[[str], str | None],
    ) -> None:
        self.lex = lexicon
        self.attr = attribution
        self.country_of = country_of

    # -- helpers over the lexicon ---------------------------------------------------------
    def _word(self, tok: Token) -> CasualtyWord | None:
        word = self.lex.casualty_words.get(tok.lower_) or self.lex.casualty_words.get(
            tok.lemma_.lower()
        )
        if word is None and tok.lemma_.lower() in _VIOLENT_VERBS:
            # "shot dead", "gunned down", "beaten to death", "shoot dead four"
            doc = tok.doc
            nxt = " ".join(t.lower_ for t in doc[tok.i + 1 : tok.i + 4])
            if nxt.startswith(("dead", "down", "to death")):
                return _KILLED_VERB
            if tok.lemma_.lower() in {"shoot", "stab"} and tok.tag_ in {"VBN", "VBD"}:
                return _WOUNDED_VERB
        return word

    def _victim_kind(self, tok: Token) -> VictimKind | None:
        kind = self.lex.victims.get(tok.lower_) or self.lex.victims.get(tok.lemma_.lower())
        if kind is None and (
            tok.ent_type_ == "NORP" or (tok.pos_ == "PROPN" and tok.tag_ == "NNPS")
        ):
            return VictimKind.UNSPECIFIED
        return kind

    def _side(self, tokens: list[Token], sent: Span) -> str | None:
        for t in tokens:
            if t.ent_type_ in {"NORP", "GPE"} or t.pos_ in {"ADJ", "PROPN"}:
                country = self.country_of(t.text)
                if country:
                    return country
        return None

    # -- the figure ------------------------------------------------------------------------
    def read(self, sent: Span, *, headline: bool = False) -> list[CasualtyFigure]:
        figures: list[CasualtyFigure] = []
        previous: _Victim | None = None
        text = sent.text
        used_heads: set[int] = set()
        last_status: CasualtyStatus | None = None
        last_end = -1
        for start, end, count in find_counts(text):
            toks = [t for t in sent if start <= t.idx - sent.start_char < end]
            if not toks or _record(toks[-1]):
                continue
            found = self._figure(sent, toks, count, previous)
            if found is None and last_status is not None and previous is not None:
                found = self._listed(sent, toks, last_status, last_end)
            if found is None:
                continue
            status, victim = found
            last_status, last_end = status, toks[-1].i
            if victim.text is None and previous is not None:
                victim = previous
            if not _sub_count(victim.head):  # "12 people, including a child, and wounding 61":
                previous = victim  # the 61 are of the people, not children
            if victim.head is not None:
                used_heads.add(victim.head.i)
            figures.append(self._make(sent, toks[-1], status, count, victim, headline))
        figures.extend(self._implicit(sent, used_heads, headline))
        return figures

    def _make(
        self,
        sent: Span,
        anchor: Token,
        status: CasualtyStatus,
        count: Count,
        victim: _Victim,
        headline: bool,
    ) -> CasualtyFigure:
        side = victim.side
        if side is None and victim.kind is VictimKind.CIVILIAN:
            side = self._location_country(sent)
        return CasualtyFigure(
            status=status,
            count=count,
            victim=victim.text,
            victim_kind=victim.kind,
            victim_side=side,
            claimant=self.attr.claimant_for(sent, anchor, headline=headline),
            evidence=Evidence(sent.start_char, sent.end_char, sent.text),
        )

    def _figure(
        self, sent: Span, toks: list[Token], count: Count, previous: _Victim | None
    ) -> tuple[CasualtyStatus, _Victim] | None:
        last = toks[-1]
        after = [t for t in sent if t.i > last.i]
        # 1. "30 wounded", "10 deaths", "dozens of fatalities", "25 dead"
        nxt = after[:2]
        if nxt and nxt[0].lower_ == "of":
            nxt = after[1:3]
        for t in nxt[:1]:
            word = self._word(t)
            if word and word.role in {"noun", "adj", "verb"} and self._victim_kind(t) is None:
                status = self._or_casualties(t, word.status)
                return status, _Victim(None, VictimKind.UNSPECIFIED, None, None)
        # 2. a victim noun phrase: "58 Pakistani soldiers", "dozens of militants", "425 others"
        victim = self._victim_after(sent, after)
        if victim is None:
            return self._bare(sent, toks, after)
        if victim.text and victim.text.lower() == "others" and previous is not None:
            victim = _Victim(previous.text, previous.kind, previous.side, victim.head)
        status = self._status_for(sent, toks, victim)
        if status is None:
            return None
        if victim.kind is VictimKind.UNSPECIFIED and _civilian_casualties(sent):
            victim = _Victim(victim.text, VictimKind.CIVILIAN, victim.side, victim.head)
        return status, victim

    def _listed(
        self, sent: Span, toks: list[Token], status: CasualtyStatus, last_end: int
    ) -> tuple[CasualtyStatus, _Victim] | None:
        """The next item of a list of victims: "kills two soldiers, four militants"."""
        between = [t.lower_ for t in sent.doc[last_end + 1 : toks[0].i]]
        if len(between) > 4 or not any(w in {",", "and"} for w in between):
            return None
        victim = self._victim_after(sent, [t for t in sent if t.i > toks[-1].i])
        gap = sent.doc[last_end + 1 : toks[0].i]
        if victim is None or any(
            t.pos_ in {"VERB", "ADP", "AUX"} and t.lower_ not in {"including", "among"} for t in gap
        ):
            return None
        return status, victim

    def _bare(
        self, sent: Span, toks: list[Token], after: list[Token]
    ) -> tuple[CasualtyStatus, _Victim] | None:
        """A count with no noun: "kills one", "killing 6,", "Three more said killed"."""
        unknown = _Victim(None, VictimKind.UNSPECIFIED, None, None)
        nxt = after[0] if after else None
        if nxt is not None and nxt.lower_ == "of":
            return None  # "shot down 40 of 52 drones": a part of something counted
        head = toks[-1].head
        if (
            toks[-1].dep_ == "nummod"
            and head.i > toks[-1].i
            and head.pos_ == "NOUN"
            and head.lemma_.lower() in _THINGS
        ):
            return None  # "shot down two Indian jets": the count is of things

        if nxt is None or nxt.pos_ not in {"NOUN", "PROPN", "NUM"}:
            prev = sent.doc[toks[0].i - 1] if toks[0].i > sent.start else None
            word = self._word(prev) if prev is not None else None
            if word is None and prev is not None and prev.lower_ in {"dead", "down"}:
                word = self._word(sent.doc[prev.i - 1])  # "shoot dead four"
            if word and word.role in {"verb", "adj"} and prev is not None:
                return self._or_casualties(prev, word.status), unknown
            toll = self._toll_before(sent, toks[0])
            if toll is not None:  # "the death toll rose to 27"
                return toll, self._counted_group(sent, toks[0]) or unknown
        for t in after[:4]:
            word = self._word(t)
            if word and word.role in {"verb", "adj"}:
                return self._or_casualties(t, word.status), unknown
            if t.lower_ not in _HEDGES:
                break
        return None

    def _counted_group(self, sent: Span, first: Token) -> _Victim | None:
        """The group "the number of soldiers killed at 10" counts."""
        for t in sent.doc[max(sent.start, first.i - 10) : first.i - 2]:
            if t.lower_ == "number" and sent.doc[t.i + 1].lower_ == "of":
                return self._victim_after(sent, list(sent.doc[t.i + 2 : first.i]))
        return None

    def _toll_before(self, sent: Span, first: Token) -> CasualtyStatus | None:
        """ "the death toll has risen to 27", "casualties totalling 16", "injured at 50"."""
        prev = sent.doc[first.i - 1] if first.i > sent.start else None
        while prev is not None and (
            prev.lower_ in {"least", "more", "than", "over", "about", "nearly", "some"}
            or (
                prev.lower_ == "at"
                and prev.i + 1 < sent.end
                and sent.doc[prev.i + 1].lower_ == "least"
            )
        ):
            prev = sent.doc[prev.i - 1] if prev.i > sent.start else None
        if prev is None or prev.lower_ not in _LINKERS:
            return None
        window = sent.doc[max(sent.start, prev.i - 8) : prev.i]
        for t in reversed(window):
            word = self._word(t)
            if word and word.role == "noun":
                return word.status
            if word and any(n.lower_ == "number" and n.i < t.i for n in window):
                return word.status  # "put the number of soldiers killed at 10", "of dead at 45"
        # the subject of "rose to" however far back: "the death toll from Monday's bombing at a
        # mosque inside a police compound in Peshawar rose to 100", "the number of people
        # killed in Sunday's strike rose to 10"
        verb = prev.head if prev.dep_ in {"prep", "agent"} else prev
        for subj in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
            for t in subj.subtree:
                word = self._word(t)
                if word and word.role in {"noun", "verb"} and t.i < first.i:
                    return word.status
        return None

    def _victim_after(self, sent: Span, after: list[Token]) -> _Victim | None:
        after = [t for t in after if not (t.is_punct and t.text in _QUOTES)]
        window = after[:_MAX_VICTIM_GAP]
        if window and window[0].lower_ == "of":
            window = after[1 : _MAX_VICTIM_GAP + 1]
        mods: list[Token] = []
        for t in window:
            kind = self._victim_kind(t)
            if kind is not None and t.pos_ in {"NOUN", "PROPN", "PRON"}:
                # "Afghan army personnel": the last noun of a compound is the head
                nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
                if nxt is not None and self._victim_kind(nxt) is not None and nxt.pos_ == "NOUN":
                    mods.append(t)
                    continue
                head = t.head
                if (
                    t.dep_ == "compound"
                    and head.i > t.i
                    and head.pos_ == "NOUN"
                    and self._victim_kind(head) is None
                    and head.lemma_.lower() in _THINGS
                ):
                    return None  # "two army helicopters", "three police vehicles": things
                words = [*mods, t]
                if kind is VictimKind.UNSPECIFIED and any(m.lower_ == "civilian" for m in mods):
                    kind = VictimKind.CIVILIAN
                if kind is VictimKind.UNSPECIFIED:
                    kind = self._kind_from_mods(mods) or self._kind_of_group(t) or kind
                text = " ".join(w.text for w in words)
                return _Victim(text, kind, self._side(mods, sent), t)
            if (
                kind is None
                and t.pos_ == "PROPN"
                and t.text.endswith("s")
                and self._casualty_follows(t)
            ):
                # "Three Kashmiris said killed": a plural people-name the lexicon lacks
                return _Victim(
                    " ".join(w.text for w in [*mods, t]), VictimKind.UNSPECIFIED, None, t
                )
            if t.lower_ in _VICTIM_FILLERS or (t.is_punct and t.text in {"-", "'", "’"}):
                mods.append(t)
                continue
            if self._people_noun(t):
                # "kill two election campaigners": a plural of people the lexicon lacks, as the
                # object or subject of a killing or wounding verb
                return _Victim(
                    " ".join(w.text for w in [*mods, t]),
                    self._kind_from_mods(mods) or VictimKind.UNSPECIFIED,
                    self._side(mods, sent),
                    t,
                )
            if t.pos_ in {"ADJ", "PROPN", "NOUN", "ADV", "NUM"} or t.ent_type_ in {"NORP", "GPE"}:
                if t.pos_ == "NOUN" and self._word(t) is None and t.ent_type_ == "":
                    # a non-person noun heads the phrase: "two drone strikes", "six regions"
                    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
                    if nxt is None or nxt.pos_ != "NOUN":
                        return None
                mods.append(t)
                continue
            break
        return None

    def _people_noun(self, t: Token) -> bool:
        if (
            t.tag_ != "NNS"
            or t.ent_type_
            or not _PERSON_SUFFIX.search(t.lower_[:-1])
            or t.lemma_.lower() in _THINGS
        ):
            return False
        verb = t.head if t.dep_ in {"dobj", "nsubjpass"} else None
        word = self._word(verb) if verb is not None else None
        return (word is not None and word.role == "verb") or self._casualty_follows(t)

    def _casualty_follows(self, tok: Token) -> bool:
        for t in tok.doc[tok.i + 1 : tok.i + 4]:
            word = self._word(t)
            if word and word.role in {"verb", "adj"}:
                return True
            if t.lower_ not in _HEDGES:
                return False
        return False

    def _kind_of_group(self, noun: Token) -> VictimKind | None:
        """ "members of the security forces": the group the members belong to says who."""
        if noun.lemma_.lower() not in {"member", "personnel"}:
            return None
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            for group in (g for g in prep.children if g.dep_ == "pobj"):
                words = [group, *(c for c in group.children if c.dep_ in {"compound", "amod"})]
                for word in words:  # "the security forces": "forces" alone is no kind
                    kind = self._victim_kind(word)
                    if kind is not None and kind is not VictimKind.UNSPECIFIED:
                        return kind
        return None

    def _kind_from_mods(self, mods: list[Token]) -> VictimKind | None:
        for m in mods:
            kind = self.lex.victims.get(m.lower_)
            if kind and kind is not VictimKind.UNSPECIFIED:
                return kind
        return None

    def _or_casualties(self, tok: Token, status: CasualtyStatus) -> CasualtyStatus:
        """ "killed or wounded" / "dead or injured" are casualties, not killed."""
        doc = tok.doc
        for j in range(tok.i + 1, min(tok.i + 3, len(doc))):
            if doc[j].lower_ in _OR_WORDS and j + 1 < len(doc):
                other = self._word(doc[j + 1])
                if other and other.status is not status:
                    return CasualtyStatus.CASUALTIES
        if (
            status is CasualtyStatus.WOUNDED
            and tok.i >= 2
            and doc[tok.i - 1].lower_ == "and"
            and (before := self._word(doc[tok.i - 2])) is not None
            and before.status is CasualtyStatus.KILLED
            and before is not _KILLED_VERB  # "shot and killed" is no pair of counts
        ):
            return CasualtyStatus.CASUALTIES  # "killing and injuring dozens": one count for both
        for j in range(max(tok.i - 2, 0), tok.i):
            if doc[j].lower_ in _OR_WORDS and j - 1 >= 0:
                other = self._word(doc[j - 1])
                if other and other.status is not status:
                    return CasualtyStatus.CASUALTIES
        return status

    def _status_for(self, sent: Span, toks: list[Token], victim: _Victim) -> CasualtyStatus | None:
        head = victim.head
        assert head is not None
        # a. the parse: the victim is subject/object of a casualty verb, or a casualty
        #    adjective/noun hangs off it ("soldiers dead", "were also casualties")
        # a participle of its own comes first: "two officers were shot dead and three others
        # injured" (the parse hangs "others" off "shot")
        own = [c for c in head.children if c.dep_ in {"acl", "amod"}]
        governors = [*own, head.head, *head.children]
        if _sub_count(head):
            # a sub-count shares its group's fate: "killing 11 people, including three
            # children, and wounding 61" (not the wounding that follows)
            group = head.head.head  # the counted noun, or the verb the parse hung it off
            for t in (group, group.head, *group.children):
                if t.i != head.head.i and (word := self._word(t)):
                    return self._or_casualties(t, word.status)
        if head.dep_ == "conj":  # "60 Afghans and 13 U.S. troops": the first conjunct's verb
            governors.append(head.head.head)
        governors.extend(_listed_verbs(head))
        for t in governors:
            if t.i == head.i:
                continue
            word = self._word(t)
            if word and t.i > toks[0].i - 4:
                return self._or_casualties(t, word.status)
        if head.dep_ == "conj":
            # "killing 35 civilians, most of them women, and seven soldiers": past an apposition
            # the parse chains the last conjunct to the verb through the others, however far
            first = _first_conjunct(head, {"conj", "appos"})
            for t in (first, first.head):
                word = self._word(t)
                if word and word.role == "verb" and t.i < head.i:
                    return self._or_casualties(t, word.status)
        # the dead said to include them: "the dead included four women and five children"
        first = _first_conjunct(head, {"conj"})
        if first.dep_ == "dobj" and first.head.lemma_.lower() == "include":
            for subj in (c for c in first.head.children if c.dep_ == "nsubj"):
                for t in subj.subtree:
                    if (word := self._word(t)) is not None:
                        return self._or_casualties(t, word.status)
        # b. after the victim, in the same clause: "were killed", "were either killed or wounded"
        for t in sent.doc[head.i + 1 : min(head.i + 9, sent.end)]:
            if t.is_punct and t.text in {";", ":"}:
                break
            if t.like_num or (t.pos_ == "NUM"):
                break
            word = self._word(t)
            if word:
                return self._or_casualties(t, word.status)
        # c. before the count: "killing 6 civilians", "killed dozens of militants"
        first = toks[0]
        for t in reversed(sent.doc[max(first.i - 3, sent.start) : first.i]):
            word = self._word(t)
            if word and word.role == "verb":
                return self._or_casualties(t, word.status)
            if word and word.role == "noun" and t.i + 2 >= first.i:  # "deaths of five"
                return word.status
        # d. a casualty noun earlier in the clause with a linker: "casualties ... totaling 16"
        prev = sent.doc[first.i - 1] if first.i > sent.start else None
        while prev is not None and prev.lower_ in {"at", "least", "more", "than", "over", "about"}:
            prev = sent.doc[prev.i - 1] if prev.i > sent.start else None
        if prev is not None and prev.lower_ in _LINKERS:
            for t in reversed(sent.doc[sent.start : prev.i]):
                word = self._word(t)
                if word and word.role == "noun":
                    return word.status
        return None

    def _implicit(self, sent: Span, used: set[int], headline: bool) -> list[CasualtyFigure]:
        """ "a soldier was killed", "Pakistani soldier killed by Indian gunfire" = 1."""
        out = []
        for tok in sent:
            if tok.i in used or not (tok.tag_ in {"NN", "NNP"} or _victim_taken_for_adjective(tok)):
                continue
            kind = self.lex.victims.get(tok.lower_)
            if kind is None and tok.ent_type_ == "NORP" and self.country_of(tok.text):
                kind = VictimKind.UNSPECIFIED  # "Pakistani killed by Indian fire"
            if (
                kind is None
                and tok.dep_ in {"dobj", "nsubjpass"}
                and _PERSON_SUFFIX.search(tok.lower_)
                and tok.lemma_.lower() not in _THINGS
            ):
                kind = VictimKind.UNSPECIFIED  # "Gunmen kill vaccinator", "planner killed"
            if (
                kind is None
                and tok.dep_ in {"nsubjpass", "dobj"}
                and _full_name(tok)
                # "Shravan Haldar, 20, a class XI student": the apposition counts him
                and not any(c.dep_ == "appos" for c in tok.children)
            ):
                kind = VictimKind.UNSPECIFIED  # a named victim: "President Jovenel Moise was shot"
            if kind is None or tok.lower_ in {"security", "army", "police", "staff", "family"}:
                continue
            dets = [c for c in tok.children if c.dep_ in {"det", "nummod", "poss", "quantmod"}]
            if any(d.lower_ in _DEFINITE or d.like_num or d.dep_ == "nummod" for d in dets):
                continue
            word = None
            verb = tok.head if tok.dep_ in {"nsubjpass", "nsubj", "dobj"} else None
            if _victim_taken_for_adjective(tok) and tok.dep_ != "appos":
                verb = tok.head
            if tok.dep_ == "npadvmod" and tok.head.pos_ == "VERB" and tok.i > tok.head.i:
                verb = tok.head  # "kills Pakistani boy, ...": the object, misread
            if tok.dep_ == "appos" and tok.head.dep_ in {"dobj", "nsubj", "nsubjpass"}:
                verb = tok.head.head  # headline list "kill security official, civilian"
            if tok.dep_ == "conj" and tok.head.dep_ in {"nsubjpass", "nsubj", "dobj"}:
                verb = tok.head.head  # "Two policemen and a civilian were wounded"
            group = tok.head.head
            if (
                tok.dep_ == "pobj"
                and tok.head.lower_ in {"including", "among"}
                and group.dep_ in {"nsubjpass", "nsubj", "dobj"}
            ):
                verb = group.head  # a sub-count: "killing 12 people, including a child"
            if verb is not None and _attempted(verb):
                continue  # "attempted to assassinate a citizen": no one was killed
            if verb is not None:
                word = self._word(verb)
                if word is None and tok.dep_ == "nsubjpass":
                    # "A passenger was hit and injured": the second verb says what befell them
                    listed = [c for c in verb.children if c.dep_ == "conj" and self._word(c)]
                    if listed:
                        word, verb = self._word(listed[0]), listed[0]
                if word is None and verb.lemma_.lower() in self.lex.reporting_verbs:
                    # "Pakistani soldier said killed by Indian firing"
                    for child in verb.children:
                        if child.dep_ in {"xcomp", "oprd", "acomp"} and self._word(child):
                            word, verb = self._word(child), child
                            break
            if word is None and tok.dep_ == "pobj" and tok.head.lower_ == "of":
                # "the killing of a journalist", "claim killing of Pakistani journalist"
                owner = tok.head.head
                if (w := self._word(owner)) is not None and owner.pos_ in {"NOUN", "VERB"}:
                    word, verb = replace(w, role="verb"), owner
            if (
                word is None
                and tok.dep_ == "poss"  # "protest over soldier's death": the death of one
                and tok.head.pos_ == "NOUN"
                and (w := self._word(tok.head)) is not None
            ):
                word, verb = replace(w, role="verb"), tok.head
            if word is None:  # "a reporter who was killed", headline "Soldier killed by ..."
                for child in [*tok.children, *_listed_verbs(tok)]:
                    if child.dep_ in {"relcl", "acl"} and (w := self._word(child)):
                        word, verb = w, child
                        break
            if word is None or verb is None or word.role != "verb":
                continue
            if verb.dep_ == "amod" or any(c.dep_ == "neg" for c in verb.children):
                continue
            if tok.dep_ == "nsubj" and any(
                c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in {"at", "on", "into"})
                for c in verb.children
            ):
                continue  # "a police officer shot at a bus driver": the shooter, not a victim
            mods = [c for c in tok.lefts if c.dep_ in {"amod", "compound"}]
            victim = _Victim(
                " ".join(t.text for t in [*mods, tok]), kind, self._side(mods, sent), tok
            )
            out.append(
                self._make(
                    sent, tok, self._or_casualties(verb, word.status), Count(1, 1), victim, headline
                )
            )
        return out

    def _location_country(self, sent: Span) -> str | None:
        for ent in sentence_ents(sent):
            if ent.label_ == "GPE" and ent.start > 0 and sent.doc[ent.start - 1].lower_ == "in":
                country = self.country_of(ent.text)
                if country:
                    return country
        return None


def _first_conjunct(tok: Token, links: set[str]) -> Token:
    """The first item of the list `tok` closes, up the parse's `links` ("conj", "appos")."""
    while tok.dep_ in links and tok.head is not tok:
        tok = tok.head
    return tok


def _sub_count(head: Token | None) -> bool:
    """A victim noun introduced as a part of a larger count: "including three children"."""
    return head is not None and head.dep_ == "pobj" and head.head.lower_ in {"including", "among"}


def _victim_taken_for_adjective(tok: Token) -> bool:
    """Headline "Indian firing kills civilian": without its article the parser reads the victim
    as an adjective complement of the verb."""
    if tok.tag_ != "JJ":
        return False
    if tok.dep_ == "appos":  # "kill security official, civilian"
        return tok.head.pos_ in {"NOUN", "PROPN"}
    if tok.dep_ == "dep":  # "..., killing civilian" before a byline line: an unlabelled object
        return tok.head.pos_ == "VERB" and tok.i > tok.head.i
    return tok.dep_ in {"acomp", "oprd", "dobj"} and tok.head.pos_ == "VERB"


def _listed_verbs(noun: Token) -> list[Token]:
    """Headline lists "14 militants, 4 soldiers killed", "Woman, child killed": the parser
    hangs the second noun off the first as an apposition and the verb off the second only, yet
    it says what happened to both. Only a clause on the apposition itself counts ("Ahmed, a
    soldier, was killed" has none: there the apposition is the same person)."""
    return [
        verb
        for appos in noun.children
        if appos.dep_ == "appos"
        for verb in appos.children
        if verb.dep_ == "acl" and verb.i > appos.i
    ]


def _civilian_casualties(sent: Span) -> bool:
    """ "civilian casualties ... totaling 16 individuals": the noun phrase names the victims."""
    return any(
        t.lower_ in {"civilian", "civilians"}
        and t.dep_ == "amod"
        and t.head.lower_ in _CASUALTY_NOUNS
        for t in sent
    )


_CASUALTY_NOUNS = {"casualties", "deaths", "fatalities", "injuries", "victims", "toll"}


def dedupe(figures: list[CasualtyFigure]) -> list[CasualtyFigure]:
    """Each distinct claim once per document: same status, bounds and victim kind.

    Of the repeats, keep the one whose claimant is named (headlines and leads often drop it),
    preferring a person's name over an organisation's.
    """

    def rank(f: CasualtyFigure) -> tuple[int, int]:
        name = f.claimant.name
        return (0 if name is None else 1, len(name.split()) if name else 0)

    def base(f: CasualtyFigure) -> tuple[object, ...]:
        # "Woman, child killed": one victim each, named differently, is two claims
        return (f.status, f.count.low, f.count.high, f.count.approx, f.victim_kind, one_person(f))

    # "including three women and three children": one sentence, one number, two groups
    nouns: dict[tuple[object, ...], set[str]] = {}
    for f in figures:
        nouns.setdefault((*base(f), f.evidence.start), set()).add(head_noun(f))
    best: dict[tuple[object, ...], CasualtyFigure] = {}
    order: list[tuple[object, ...]] = []
    for f in figures:
        key = base(f)
        if len(nouns[(*key, f.evidence.start)]) > 1:
            key = (*key, head_noun(f))
        if key not in best:
            best[key] = f
            order.append(key)
        elif rank(f) > rank(best[key]):
            best[key] = f
    kept = [best[k] for k in order]
    # "Bomb kills 12" in the headline, "killing 12 worshippers, police said" in the body: one
    # claim told twice, once without saying who the dead were
    specific = {
        (f.status, f.count.low, f.count.high, f.count.approx, f.event_index): f
        for f in kept
        if f.victim_kind is not VictimKind.UNSPECIFIED
    }

    def restated(f: CasualtyFigure) -> bool:
        twin = specific.get((f.status, f.count.low, f.count.high, f.count.approx, f.event_index))
        return (
            twin is not None
            and f.event_index is not None
            and f.victim_kind is VictimKind.UNSPECIFIED
            and f.claimant.name in {None, twin.claimant.name}
            # "kill security official, civilian": two people, each named
            and not (one_person(f) and one_person(twin) and one_person(f) != one_person(twin))
        )

    return [f for f in kept if not restated(f)]


#: nouns of one event: "the attack, which has killed 20" tells this event's toll
_EVENT_NOUNS = {
    "attack",
    "blast",
    "explosion",
    "bombing",
    "strike",
    "airstrike",
    "shelling",
    "raid",
    "ambush",
    "assault",
    "clash",
    "fighting",
    "shooting",
    "massacre",
    "violence",
}


def _record(number: Token) -> bool:
    """A group's or a war's record, not an event's toll: "Boko Haram, which has killed
    thousands", "the insurgency, which has killed more than 40,000 people"."""
    verb = number
    for _ in range(4):  # up to the clause the number is counted in
        if verb.pos_ in {"VERB", "AUX"} or verb.head is verb:
            break
        verb = verb.head
    return (
        verb.dep_ == "relcl"
        and any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in verb.children)
        and verb.head.lemma_.lower() not in _EVENT_NOUNS
    )


def _full_name(tok: Token) -> bool:
    """The last word of a person's name of two words or more ("Jovenel Moise"): one word the
    model calls a person may be a town ("Khartoum")."""
    span = entity_of(tok) if tok.ent_type_ == "PERSON" else None
    return span is not None and span.end - 1 == tok.i and len(span) >= 2


#: verbs that make the act they govern a try, not a deed: "attempted to assassinate"
_TRIES = {"attempt", "try", "plot", "plan", "seek", "threaten", "vow", "aim"}


def _attempted(verb: Token) -> bool:
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _TRIES
