"""Who asserts a figure: reporting verbs, "according to", appositions, pronouns, headlines.

Works on one parsed sentence plus a small per-document memory of who has been named so far,
so "Mujahid" expands to "Zabihullah Mujahid", "he" to the last person quoted and "the mission"
to the organisation named earlier whose name contains "mission".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from sitrep.extract.lexicon import Lexicon
from sitrep.models import Claimant, ClaimantType
from sitrep.nlp.spans import entity_of, sentence_ents

_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_NOBODY = {"nobody", "none", "no-one"}  # subjects that deny a speaker
#: what a speaker issues: "the statement said" is the last speaker's
_DOCUMENTS = {"statement", "statements", "communique", "communiqué", "release"}
_ACCORDING = re.compile(r"\b(according to|as per|citing|quoting|cited by|reported by)\s", re.I)
#: "…: military", "… - police", "…-Pakistan": the source a headline ends with
_HEADLINE_SOURCE = re.compile(
    r"(?::\s*|\s[-–—]\s*|(?<=[a-z])-(?=[A-Z]))([A-Za-z][A-Za-z .'’]{1,40}?)\s*\.?$"
)
#: "…, Yemen officials say", "…, witnesses say", "…, army says": the source a headline ends with
_HEADLINE_SAYS = re.compile(
    r",\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Za-z][\w'’.-]*)\s+(?:says?|said|reports?|claims?)\s*\.?$"
)
_HEADLINE_VERB = re.compile(
    r"^(?P<who>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,5})\s+(?:claims?|says?|said|reports?|confirms?)\b"
    # "Three Kashmiris said killed": the victims, reported dead, are not the source
    r"(?!\s+(?:to\s+(?:be|have)\s+)?(?:been\s+)?(?:killed|dead|wounded|injured|hurt|missing)\b)"
)
_CLAIMS_THE_ACT = re.compile(
    r"\s+claims?\s+(?:(?:responsibility|credit)\b|(?:(?:an?|the|deadly|twin|suicide)\s+)*"
    r"(?:attacks?|bombings?|strikes?|blasts?|raids?|assaults?|killings?)\b)",
    re.I,
)
_ANONYMOUS = re.compile(
    r"\b(anonymity|anonymous|sources?|unnamed|not authori[sz]ed|declined to be named)\b", re.I
)
_MEDICAL = re.compile(
    r"\b(hospitals?|doctors?|medics?|medical|health|rescuers?|rescue|paramedics?|morgue|ambulance)\b",
    re.I,
)
_MONITOR = re.compile(
    r"\b(UN|U\.N\.|United Nations|UNAMA|OCHA|UNHCR|UNICEF|monitors?|observatory|human rights|"
    r"amnesty|watchdog|NGO|commission|mission)\b",
    re.I,
)
_GOVERNMENT = re.compile(
    r"\b(ministry|minister|government|governor|administration|officials?|authorities|"
    r"spokes(man|woman|person) for the government|president|prime minister|deputy commissioner)\b",
    re.I,
)
_PARTY = re.compile(
    r"\b(army|military|forces|air force|navy|troops|police|militants?|insurgents?|rebels?|group|spokes(man|woman|person)|"
    r"commander|taliban|ISPR)\b",
    re.I,
)
#: "Houthi-run", "rebel-held", "Saudi-led": who runs the office that speaks
_RUN_BY = re.compile(r"\b([\w'’.]+)[- ](?:run|controlled|held|led)\b", re.I)
_TRIM = re.compile(r"^(the|a|an)\s+", re.I)
#: "The UN Assistance Mission in Afghanistan (UNAMA)": a name and the short form it is known by
_ACRONYM = re.compile(
    r"((?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|of|for|in|on|the|and|de|al))*)\s+\(([A-Z][A-Za-z]{1,9})\)"
)


@dataclass
class Attribution:
    """Per-document memory of the claimants named so far (most recent last)."""

    lexicon: Lexicon
    people: list[str] = field(default_factory=list)
    organisations: list[tuple[str, str]] = field(default_factory=list)  # (name, short form)
    last: Claimant | None = None

    def note_entities(self, sent: Span) -> None:
        for ent in sentence_ents(sent):
            name = _TRIM.sub("", ent.text.strip()).removesuffix("'s").strip()
            if ent.label_ == "PERSON" and len(name) > 2:
                self.people.append(name)
            elif ent.label_ in {"ORG", "NORP", "GPE"}:
                self.organisations.append((name, name))
        for m in _ACRONYM.finditer(sent.text):
            self.organisations.append((_TRIM.sub("", m.group(1)), m.group(2)))

    # -- resolution of a subject phrase to a named claimant -------------------------------
    def _expand(self, name: str) -> str:
        """A surname or short form to the fullest name seen in this document."""
        low = name.casefold()
        for full in reversed(self.people):
            parts = full.casefold().split()
            if len(parts) > 1 and low in parts and low != full.casefold():
                return full
        return name

    def _definite(self, head: str) -> str | None:
        """'the mission' -> the last organisation whose name contains 'mission'."""
        low = head.casefold()
        for name, short in reversed(self.organisations):
            if low in name.casefold().split():
                return short
        return None

    def resolve_phrase(self, tokens: list[Token]) -> str | None:
        if not tokens:
            return None
        span = tokens[0].doc[tokens[0].i : tokens[-1].i + 1]
        root = span.root
        if root.lower_ in _NOBODY or any(
            c.dep_ == "det" and c.lower_ == "no" for c in root.children
        ):
            return None  # "No group claimed responsibility": no one asserts anything
        for tok in tokens:  # a named person inside the phrase is the most specific
            # ... but not a word the model took for a name that modifies a common noun:
            # "Azerbaijani officials" are officials
            if tok.ent_type_ == "PERSON" and not (
                tok.dep_ in {"compound", "amod"} and tok.head.pos_ == "NOUN"
            ):
                return self._expand(_entity_text(tok).strip())
        for tok in tokens:  # apposition: "Afghanistan's spokesperson, Zabihullah Mujahid"
            for child in tok.children:
                if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                    return self._expand(_entity_text(child))
        head = span.root
        if head.lower_ in _PRONOUNS:
            if head.lower_ in {"he", "she"} and self.people:
                # the last person named: "Police spokesman Mohammed Shehu said officers had been
                # deployed. He put the death toll at 12."
                return self.people[-1]
            if self.last and self.last.name:
                return self.last.name
            return None
        if head.lower_ in _DOCUMENTS and len(tokens) <= 2 and self.last and self.last.name:
            return self.last.name  # "the statement said": the statement of the last speaker
        if head.pos_ == "PROPN" and head.ent_type_ == "PERSON":
            return self._expand(_entity_text(head))
        text = _TRIM.sub("", span.text.strip())
        text = re.sub(r"'s$|’s$", "", text).strip(" ,")
        first = tokens[0]
        if first.lower_ == "the" and len(tokens) <= 3 and head.ent_type_ == "":
            resolved = self._definite(head.lemma_) or self._definite(head.text)
            if resolved:
                return resolved
        if len(text) > 80:
            text = _TRIM.sub("", _subject_core(head))
        return text or None

    def claimant_type(self, name: str | None, context: str) -> ClaimantType:
        if name is None:
            return ClaimantType.MEDIA
        actor = self.lexicon.actor(name)
        if actor:
            return actor.claimant_type
        m = self.lexicon.actor_pattern.search(name)
        if m and (found := self.lexicon.actor(m.group(1))):
            if _ANONYMOUS.search(context) and found.claimant_type is ClaimantType.PARTY:
                return ClaimantType.ANONYMOUS
            return found.claimant_type
        if _ANONYMOUS.search(name) or _ANONYMOUS.search(context):
            return ClaimantType.ANONYMOUS
        run = _RUN_BY.search(name)
        if run and run.group(1).lower() in {"state", "government"}:
            return ClaimantType.GOVERNMENT  # "state-run TV": the government's voice
        if run and not _MONITOR.fullmatch(run.group(1)):
            # "Houthi-run health authorities", "Hamas-run health ministry": a party's office
            return ClaimantType.PARTY
        for pattern, kind in (
            (_MEDICAL, ClaimantType.MEDICAL),
            (_MONITOR, ClaimantType.MONITOR),
            (_PARTY, ClaimantType.PARTY),
            (_GOVERNMENT, ClaimantType.GOVERNMENT),
        ):
            if pattern.search(name):
                return kind
        # a person: their title beside the name says who they speak for
        # ("regional governor Oleh Syniehubov", "Tareq Arian, a spokesman for the interior ministry")
        at = context.find(name)
        if at >= 0:
            window = context[max(0, at - 40) : at + len(name) + 60]
            for pattern, kind in (
                (_MEDICAL, ClaimantType.MEDICAL),
                (_MONITOR, ClaimantType.MONITOR),
                (_GOVERNMENT, ClaimantType.GOVERNMENT),
                (_PARTY, ClaimantType.PARTY),
            ):
                if pattern.search(window):
                    return kind
        return ClaimantType.OTHER

    # -- the entry point --------------------------------------------------------------------
    def claimant_for(self, sent: Span, token: Token, *, headline: bool = False) -> Claimant:
        """Who asserts the figure whose number is `token` in `sent` (None = own voice)."""
        # a headline's trailing source ("..., Yemen officials say") before the parse, which may
        # take the whole clause before it for the subject of "say"
        name = self._headline_tail(sent.text) if headline else None
        name = name or self._from_reporting_verb(token) or self._from_according(sent)
        if name is None and headline:
            name = self._from_headline(sent.text)
        if name is None:
            name = self._from_sentence_root(sent, token)
        if name is None:
            return Claimant(None, ClaimantType.MEDIA)
        claimant = Claimant(name, self.claimant_type(name, sent.text))
        self.last = claimant
        return claimant

    def _from_reporting_verb(self, token: Token) -> str | None:
        for anc in token.ancestors:
            if anc.pos_ in {"VERB", "AUX"} and anc.lemma_.lower() in self.lexicon.reporting_verbs:
                subj = [c for c in anc.children if c.dep_ in {"nsubj", "nsubjpass"}]
                agent = [c for c in anc.children if c.dep_ == "agent"]
                if subj and subj[0].dep_ == "nsubj":
                    if token in subj[0].subtree:
                        # "killed 20 people, including five children, residents said": the
                        # parser took the victims for the speaker, who follows the last comma
                        words = _after_last_comma(token, anc)
                        return self.resolve_phrase(words) if words else None
                    return self.resolve_phrase(_phrase(subj[0]))
                if agent:
                    objs = [g for g in agent[0].children if g.dep_ == "pobj"]
                    if objs:
                        return self.resolve_phrase(_phrase(objs[0]))
        return None

    def _from_according(self, sent: Span) -> str | None:
        m = _ACCORDING.search(sent.text)
        if not m:
            return None
        start = sent.start_char + m.end()
        toks = [t for t in sent if t.idx >= start]
        if not toks:
            return None
        head = toks[0]
        # the noun phrase that follows: walk to its root inside the prepositional object
        while head.head.idx >= start and head.head != head and head.dep_ not in {"pobj"}:
            head = head.head
        phrase = _phrase(head)
        after = phrase[-1].i + 1
        doc = phrase[-1].doc
        if after + 1 < sent.end and doc[after].text == "," and doc[after + 1].ent_type_ == "PERSON":
            # "as per Afghanistan's spokesperson, Zabihullah Mujahid, ..." however it parsed
            return self._expand(_entity_text(doc[after + 1]))
        named = any(t.ent_type_ == "PERSON" for t in phrase) or any(
            c.dep_ == "appos" and c.ent_type_ == "PERSON" for t in phrase for c in t.children
        )
        if named:  # "as per Afghanistan's spokesperson, Zabihullah Mujahid"
            return self.resolve_phrase(phrase)
        # "UNAMA's documentation" -> the possessor is the claimant
        for t in phrase:
            if t.dep_ == "poss" and t.pos_ in {"PROPN", "NOUN"}:
                return self.resolve_phrase(_phrase(t))
        return self.resolve_phrase(phrase)

    @staticmethod
    def _headline_tail(text: str) -> str | None:
        m = _HEADLINE_SAYS.search(text.strip())
        return m.group(1).strip() if m else None

    def _from_headline(self, text: str) -> str | None:
        m = _HEADLINE_SOURCE.search(text.strip())
        if m and len(m.group(1).split()) <= 4:
            return m.group(1).strip()
        m = _HEADLINE_VERB.match(text)
        if m and _CLAIMS_THE_ACT.match(text, m.start("who") + len(m.group("who"))):
            return None  # "Al Shabaab claims attack on hotel; 14 killed": the attack, not the toll
        if m:
            who = m.group("who")
            if self.lexicon.actor_pattern.fullmatch(who) or len(who.split()) <= 3:
                return who
        return None

    def _from_sentence_root(self, sent: Span, token: Token) -> str | None:
        """ "..., police said." when the parser hung the figure off another clause."""
        root = sent.root
        if root.lemma_.lower() in self.lexicon.reporting_verbs and token not in root.subtree:
            subj = [c for c in root.children if c.dep_ == "nsubj"]
            if subj:
                return self.resolve_phrase(_phrase(subj[0]))
        # a trailing attribution the parser left dangling: "..., regional governor X said."
        for verb in sent:
            if (
                verb.i > token.i
                and verb.pos_ == "VERB"
                and verb.lemma_.lower() in self.lexicon.reporting_verbs
                and verb.dep_ in {"parataxis", "conj", "advcl", "ccomp", "ROOT"}
                # "conj": the parser may take the speaker for one more item of a list; the
                # subject may end in its own prepositional phrase ("the Committee of the Red
                # Cross said")
                and (
                    sent.doc[verb.i - 1].dep_ in {"nsubj", "appos", "compound", "conj"}
                    or any(
                        c.dep_ == "nsubj" and sent.doc[verb.i - 1] in c.subtree
                        for c in verb.children
                    )
                )
                and any(t.text == "," for t in sent.doc[token.i : verb.i])
            ):
                subj = [c for c in verb.children if c.dep_ == "nsubj"]
                if subj:
                    return self.resolve_phrase(_phrase(subj[0]))
                words = _after_last_comma(token, verb)  # ", regional governor X said"
                if words:
                    return self.resolve_phrase(words)
        return None


def _after_last_comma(token: Token, verb: Token) -> list[Token]:
    """The speaker's words between the last comma after the figure and the reporting verb
    (at most eight, else none)."""
    doc = token.doc
    commas = [t.i for t in doc[token.i : verb.i] if t.text == ","]
    words = list(doc[commas[-1] + 1 : verb.i]) if commas else []
    return words if 0 < len(words) <= 8 else []


def _entity_text(token: Token) -> str:
    """The name a token is part of; a person's name the model cut in two ("Oleksandr" |
    "Prokudin") is read whole."""
    ent = entity_of(token)
    if ent is None:
        return token.text
    doc, start, end = token.doc, ent.start, ent.end
    if token.ent_type_ == "PERSON":
        while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start - 1].is_title:
            start -= 1
        while (
            end < len(doc)
            and doc[end].is_title
            and (
                doc[end].ent_type_ == "PERSON"
                # "Roch Marc" | "Christian Kabore": the rest of a name the model cut, which the
                # parse still compounds into its last word
                or (
                    doc[end].pos_ == "PROPN"
                    and not doc[end].ent_type_
                    and doc[end - 1].head.i >= end
                )
            )
        ):
            end += 1
    return doc[start:end].text


def _phrase(head: Token) -> list[Token]:
    """The noun phrase of `head` without relative clauses or trailing participles."""
    drop = {"relcl", "acl", "punct", "advcl", "cc", "conj", "appos"}
    keep = [head]
    for child in head.children:
        if child.dep_ in drop:
            continue
        keep.extend(child.subtree)
    keep.sort(key=lambda t: t.i)
    # a contiguous span only
    start = keep[0].i
    out = []
    for t in keep:
        if t.i != start + len(out):
            break
        out.append(t)
    return out


def _subject_core(head: Token) -> str:
    left = [t for t in head.lefts if t.dep_ in {"compound", "amod", "det", "poss"}]
    toks = sorted([*left, head], key=lambda t: t.i)
    return " ".join(t.text for t in toks)
