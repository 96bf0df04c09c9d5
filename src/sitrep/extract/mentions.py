"""Event mentions in one parsed sentence: trigger, date, place, actors.

A mention is what one sentence says about one event; `events.py` merges mentions into a
document's events. Irrealis and negated triggers ("urged all parties to cease hostilities",
"no reported fighting") and triggers inside quoted commentary make no mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from spacy.tokens import Span

from sitrep.extract.lexicon import Lexicon
from sitrep.models import SUB_EVENT_PARENT, DatePrecision, Place, SubEventType
from sitrep.nlp.spans import sentence_ents

_IRREALIS = re.compile(
    r"\b(no|not|never|cease|ceasing|end|ending|stop|stopping|prevent|avoid|halt|urged?|urging|"
    r"call(ed|s)? for|calls? on|threat(en(ed|s)?)?|warn(ed|s)?|would|could|will|(?-i:may)|might|"
    r"if|should|fears? of|risk of|possible|potential|plans? to|vowed to|expected|anticipated|"
    r"looming|imminent|ahead of)\W+(\w+\W+){0,3}$",
    re.I,
)
#: a party's denial and its own account ("denied the accusation and said its fighters had
#: clashed with militias"), or the blame it lays ("Moscow blamed Ukrainian shelling"), are
#: claims about an event, not an event of their own
_DENIAL = re.compile(r"\b(?:denied|denies|deny|denying|blamed|blames|blaming)\b", re.I)
#: "where the RSF have been fighting the army since April 15": the war going on, not an event
_ONGOING = re.compile(r"\bha(?:ve|s|d) been\s+$", re.I)
_SINCE = re.compile(r"\bsince\b", re.I)
#: "the strike destroyed 25 homes": the damage done by an event told, no event of its own
_DONE_BY_EVENT = re.compile(
    r"\b(?:strikes?|airstrikes?|attacks?|blasts?|explosions?|shelling|bombing|bombardment|"
    r"raids?|missiles?|rockets?|shells?)\s+(?:also\s+)?$",
    re.I,
)
#: "a suicide bombing at a rally of a pro-Taliban party": the gathering struck, not a protest
_STRUCK_AT = re.compile(
    r"\b(?:bomb\w*|blasts?|explosions?|attacks?|shooting|gunmen|gunfire)\b[^.;]{0,30}?"
    r"\b(?:at|on|targeting|near)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
#: prepositions whose object is where something came from or was said, not where it happened
#: "three days after the suicide bombing": the trigger names another event as a time anchor
_ANCHOR = re.compile(
    r"\b(after|before|since|following|ahead of|prior to|in the wake of|in response to|"
    r"in retaliation for|anniversary of|over)\W+(?:\w+\W+){0,2}$",  # "strikes base over gas attack"
    re.I,
)
#: words before a place that make it an origin, a party or a road's end, not where it happened
_NOT_EVENT_PLACE = {"from", "to", "with", "linking", "connecting", "connects", "links"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
#: what a speaker does: "officials in Kandahar said ..." (where the speaker sits)
_SPEECH_VERBS = {
    "say",
    "tell",
    "report",
    "confirm",
    "state",
    "add",
    "allege",
    "blame",
    "accuse",
    "deny",
    "claim",
    "call",
    "warn",
    "condemn",
    "reject",
    "insist",
    "announce",
    "demand",
    "urge",
}
#: a capital or country that says, blames or fires is its government or its forces ("Kyiv
#: called the claim a lie", "Iran fired missiles at bases in Iraq"): an actor, not a place
_ACTOR_VERBS = _SPEECH_VERBS | {
    "fire",
    "launch",
    "attack",
    "strike",
    "shell",
    "bomb",
    "target",
    "deploy",
    "send",
    "retaliate",
}
_REFERRING = {"this", "the", "that", "these", "those", "such"}


@dataclass(slots=True)
class Mention:
    sentence: int
    sub_event_type: SubEventType | None  # None: figures or a place but no trigger
    weight: int
    trigger: str | None
    referring: bool  # "this confrontation", "the strikes": points back to a known event
    date: date | None = None
    date_precision: DatePrecision | None = None
    places: list[Place] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    start_char: int = 0
    end_char: int = 0
    text: str = ""


def _inside_quotes(text: str, pos: int, quoted_at_start: bool) -> bool:
    before = text[:pos]
    opened = before.count('"') % 2 == 1 or before.count("“") > before.count("”")
    return opened != quoted_at_start


def quote_states(text: str, starts: list[int]) -> list[bool]:
    """For each sentence start offset: does it open inside a quotation? Reset per paragraph."""
    out = []
    inside = False
    pos = 0
    for start in starts:
        seg = text[pos:start]
        for i, ch in enumerate(seg):
            if ch == '"':
                inside = not inside
            elif ch == "“":
                inside = True
            elif ch == "”" or (ch == "\n" and seg[i + 1 : i + 2] == "\n"):
                inside = False
        out.append(inside)
        pos = start
    return out


# "its fighters had killed 15 police and seized weapons": the spoils of an attack, not arms
# seized from a cache
_SPOILS = re.compile(
    r"\b(?:killed|killing|overran|overrunning|stormed|storming)\b[^.;]*\band\s+\Z", re.I
)
# "police fired stun grenades and tear gas": crowd control, not a grenade attack (a stun
# grenade thrown at a house by gunmen is one)
_STUN = re.compile(r"\b(?:stun|flash|concussion)[- ]?\Z", re.I)
_CROWD_CONTROL = re.compile(
    r"\b(?:tear ?gas|rubber bullets|water cannons?|batons?|crowds?)\b", re.I
)


def triggers_in(
    sent_text: str, lexicon: Lexicon, quoted_at_start: bool = False
) -> list[tuple[SubEventType, int, re.Match[str]]]:
    """Every realis trigger in a sentence, best (weight, then position) first, one per sub-type.

    Triggers inside quotations are left out: quoted speech is commentary or claims, whose
    figures are read (and attributed) elsewhere, not the reporter's account of an event.
    """
    found: dict[SubEventType, tuple[SubEventType, int, re.Match[str]]] = {}
    for trig in lexicon.triggers:
        for m in trig.pattern.finditer(sent_text):
            before = sent_text[: m.start()]
            if (
                _IRREALIS.search(before)
                or _DENIAL.search(before)
                or _inside_quotes(sent_text, m.start(), quoted_at_start)
                or (_ONGOING.search(before) and _SINCE.search(sent_text, m.end()))
                or (trig.sub_event_type is SubEventType.LOOTING and _DONE_BY_EVENT.search(before))
                or (
                    trig.sub_event_type is SubEventType.PEACEFUL_PROTEST
                    and _STRUCK_AT.search(before)
                )
                or (
                    trig.sub_event_type is SubEventType.DISRUPTED_WEAPONS_USE
                    and _SPOILS.search(before[-160:])  # the clause before, not the sentence
                )
                or (
                    trig.sub_event_type is SubEventType.GRENADE
                    and _STUN.search(before)
                    and _CROWD_CONTROL.search(sent_text)
                )
            ):
                continue
            prev = found.get(trig.sub_event_type)
            if prev is None or trig.weight > prev[1]:
                found[trig.sub_event_type] = (trig.sub_event_type, trig.weight, m)
            break
    # one trigger per event type: two explosion words in a sentence are one explosion
    # ("a drone strike hit a car said to carry a suicide bomber"): the earliest specific one
    # ("fired missiles at the base in response to a chemical attack": the missiles, not the
    # attack the sentence dates them by)
    by_type: dict[str, tuple[SubEventType, int, re.Match[str]]] = {}
    for f in sorted(
        found.values(),
        key=lambda f: (is_anchor(sent_text, f[2]), -min(f[1], 3), f[2].start()),
    ):
        by_type.setdefault(SUB_EVENT_PARENT[f[0]], f)
    return sorted(by_type.values(), key=lambda f: (-f[1], f[2].start()))


def is_anchor(sent_text: str, match: re.Match[str]) -> bool:
    """ "three days after the rocket attack": another event, used to date this sentence's."""
    return bool(_ANCHOR.search(sent_text[: match.start()]))


def is_referring(sent_text: str, match: re.Match[str]) -> bool:
    before = sent_text[: match.start()].split()
    return bool(before) and before[-1].lower() in _REFERRING and len(before) <= 3


class PlaceName(NamedTuple):
    offset: int
    name: str
    hints: tuple[str, ...]  # the enclosing areas named beside it, innermost first
    #: found by a pattern, not by the model: may be a common word ("the University", "Street 50")
    guessed: bool = False
    #: the model's shorter reading of a name a pattern read longer ("Martinez" of "Martinez de
    #: la Torre"), tried when the gazetteer does not know the longer one
    shorter: str | None = None
    #: document offset where the hints end (0 = no hints): names before it are those areas
    hint_end: int = 0
    #: the note's own spelling in brackets, tried first: "Inalabag [Tin Elebag]", "Kypseli
    #: [coded to Athens-Central Athens]" (ACLED's convention for the name it codes)
    alias: str | None = None
    #: an entity the model labelled a people, person or organisation ("in Omdurman"): a place
    #: only if it is a town of the article's countries
    relabelled: bool = False


def event_place_names(sent: Span, *, loose: bool = False) -> list[PlaceName]:
    """Place names that can be where the event happened: (offset, name, enclosing-area hints).

    The text often says which area a place is in: "Cuauhtemoc municipality, Chihuahua",
    "Menakuru village (Nellore, AP)", "Karama in eastern Ar-Raqqa countryside". Hints are those
    enclosing names, innermost first. Places after "from"/"to"/"with" are origins or parties.
    With `loose`, capitalised names after "in/near/at" that NER missed are candidates too
    (coder notes name villages the model has never seen).
    """
    doc = sent.doc
    ents = [e for e in sentence_ents(sent) if e.label_ in _PLACE_LABELS]
    out: list[PlaceName] = []
    covered: set[int] = set()
    at: dict[int, int] = {}  # entity start -> its PlaceName in `out`
    whose: dict[int, int] = {}  # start of an entity read as "whose" -> its head's offset
    # places read as origins or owners ("militias from Okpanam (Oshimili North LGA, Delta)",
    # "the desert of Deir-ez-Zor"): a coder's note that names no other place, or only the
    # areas they lie in, means them
    spare: list[PlaceName] = []
    origins: set[int] = set()  # token indices of the roots of places read as origins
    for ent in ents:
        covered.update(range(ent.start_char, ent.end_char))
        prev = _word_before(ent, sent)
        modifier = ent.root.dep_ in {"compound", "amod", "poss", "nmod"}
        head = ent.root.head
        if (
            ent.root.dep_ == "nsubj"
            and head.lemma_.lower() in _ACTOR_VERBS
            and not any(_AREA_WORD.fullmatch(t.lower_) for t in ent)  # "Lower Jubba Region"
        ):
            continue  # "Moscow blamed Ukrainian shelling": a government acting, not a place
        if _speakers_seat(ent):
            continue  # "Taliban officials in Kandahar said the clash began ...": who spoke
        if _owner_conjunct(ent, sent):
            continue  # "in Jammu and Kashmir's Pulwama district": part of the owner's name
        if (
            prev in _NOT_EVENT_PLACE
            and not (modifier and head.pos_ == "NOUN" and not _AREA_WORD.fullmatch(head.lemma_))
            and not _measured_from(ent, sent)
        ) or _conjunct_of(ent, origins):
            # "crossed from Afghanistan", "coming from both Al Bayda and Marib governorates",
            # "the road linking Aden to Taizz"; but "toll from Kabul airport bombing" stays
            origins.add(ent.root.i)
            spare.append(_place_name(ent, sent))
            continue
        if modifier and ent.label_ == "GPE" and _nationality(ent):
            whose[ent.start_char] = ent.root.head.idx
            continue  # "A U.S. general", "Pakistan's army": whose, not where
        # "of the Metro" as "of Afghanistan"
        owner = ent.start - (2 if prev == "the" else 1)
        if (
            owner > sent.start
            and doc[owner].lower_ == "of"
            and doc[owner - 1].lower_ not in _PLACE_HEADS
        ):
            spare.append(_place_name(ent, sent))
            continue  # "takeover of Afghanistan"; but "a residential area of Kabul" stays
        at[ent.start_char] = len(out)
        out.append(_place_name(ent, sent))
    for ent in sentence_ents(sent):
        # "Kramatorsk railway station", which the model may call a product or an organisation:
        # a name that modifies a facility noun says where, whatever its label
        if ent.label_ not in _FACILITY_OWNER_LABELS or ent.start_char in covered:
            continue
        head = ent.root.head
        if ent.root.dep_ == "compound" and head.lower_ in _FACILITY_NOUNS and head.i >= ent.end:
            covered.update(range(ent.start_char, ent.end_char))
            name = doc[ent.start : head.i + 1].text
            tail = sent.text[head.idx + len(head) - sent.start_char :]
            out.append(PlaceName(ent.start_char, name, _hints(tail)))
    if not loose:
        # "fighting continued in Omdurman": a name the model called a people, a person or an
        # organisation, the object of "in"/"near", may be a town (the reader keeps it only if
        # it is one in the article's countries)
        for ent in sentence_ents(sent):
            root = ent.root
            after_in = (
                root.dep_ == "pobj"
                and root.head.lower_ in {"in", "near"}
                and root.head.i == ent.start - 1
            )
            struck = root.dep_ == "dobj" and root.head.lemma_.lower() in _STRIKE_VERBS
            of_area = (  # "a residential area of Aleppo", "the outskirts of Homs"
                root.dep_ == "pobj"
                and root.head.lower_ == "of"
                and root.head.i == ent.start - 1
                and root.head.head.lower_ in _AREAS_OF
            )
            if (
                (ent.label_ in _MISLABELLED or _misread_date(ent))
                and ent.start_char not in covered
                and root.i == ent.end - 1
                and (after_in or struck or of_area)  # "in Omdurman"; "shelled Stepanakert"
                and not _speakers_seat(ent)
            ):
                covered.update(range(ent.start_char, ent.end_char))
                tail = sent.text[ent.end_char - sent.start_char :]
                out.append(PlaceName(ent.start_char, ent.text, _hints(tail), relabelled=True))
    # names the model missed: coder notes name villages it has never seen ("near Karama",
    # "Hauban (Salh, Taizz)", "Nacoba village"); in articles too, "the eastern Ukrainian city of
    # Kramatorsk" names a place whatever label the model gave the name (it said product)
    for pattern, whole in _NOTE_PATTERNS if loose else _ARTICLE_PATTERNS:
        for m in pattern.finditer(sent.text):
            start = sent.start_char + m.start(1)
            end = m.end() if whole else m.end(1)
            longer, after = m.group(1), sent.start_char + m.end(1)
            if start in at:  # the model cut a long name short: "San Juan" (Bautista Tuxtepec)
                mine = out[at[start]]
                if len(longer) > len(mine.name) and longer.startswith(mine.name):
                    hints = _hints(sent.text[m.end(1) :])
                    out[at[start]] = mine._replace(name=longer, hints=hints, shorter=mine.name)
                    covered.update(range(start, sent.start_char + end))
                continue
            if start < whose.get(start, -1) < after:
                # "in Martinez de la Torre": the model's "Martinez" modifies the rest of the
                # name, not a noun it would own; the whole name is the place
                whose.pop(start)
                covered.update(range(start, sent.start_char + end))
                out.append(PlaceName(start, longer, _hints(sent.text[m.end(1) :])))
                continue
            if start in covered:
                continue
            covered.update(range(start, sent.start_char + end))
            name = m.group(0) if whole else m.group(1)
            if pattern is _LOOSE_PLACE and m.group(2):
                name += m.group(2)  # "in Al Bayda governorate": the province, not its town
            out.append(PlaceName(start, name, _hints(sent.text[end:]), True))
    out = _with_hint_ends([_owned(p) for p in out], sent)
    if loose:
        spare = _with_hint_ends(spare, sent)
        # "youths of Umuahia (Umuahia North LGA, Abia)": the only other names are its areas
        out = [
            *(s for s in spare if not out or all(s.offset < p.offset < s.hint_end for p in out)),
            *out,
        ]
    return out


_CALENDAR = re.compile(
    r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
    r"today|tonight|yesterday|tomorrow|ramadan|eid|christmas|easter|new year)"
)


def _misread_date(ent: Span) -> bool:
    """ "in Manchester on Monday night": a capitalised word the model called a date, with no
    digit and no calendar word in it, may be a town (the reader keeps it only if it is one)."""
    return (
        ent.label_ == "DATE"
        and len(ent) == 1
        and ent.text[:1].isupper()
        and not any(ch.isdigit() for ch in ent.text)
        and not _CALENDAR.match(ent.text)
    )


def _owner_conjunct(ent: Span, sent: Span) -> bool:
    """The first half of a possessor's name: "Jammu" of "Jammu and Kashmir's Pulwama district"."""
    doc, i = ent.doc, ent.end
    if i + 2 >= sent.end or doc[i].lower_ != "and" or doc[i + 1].ent_type_ not in _PLACE_LABELS:
        return False
    j = i + 2
    while j < sent.end and doc[j].ent_iob_ == "I":
        j += 1
    return j < sent.end and doc[j].lower_ in {"'s", "’s"}


def _speakers_seat(ent: Span) -> bool:
    """A place that says where the speaker sits: "officials in Kandahar said ..."."""
    prep = ent.root.head
    if ent.root.dep_ != "pobj" or prep.lower_ not in {"in", "from"}:
        return False
    speaker = prep.head
    return (
        speaker.dep_ == "nsubj"
        and speaker.pos_ in {"NOUN", "PROPN"}
        and speaker.head.lemma_.lower() in _SPEECH_VERBS
    )


def _word_before(ent: Span, sent: Span) -> str | None:
    """The word before a name, past a "both"/"either" ("from both Al Bayda and Marib")."""
    i = ent.start - 1
    if i > sent.start and sent.doc[i].lower_ in {"both", "either"}:
        i -= 1
    return sent.doc[i].lower_ if i >= sent.start else None


_MEASURE = re.compile(r"(?:\d[\d.,]*)?(?:km|kms|kilomet(?:er|re)s?|miles?|metres|meters)", re.I)


def _measured_from(ent: Span, sent: Span) -> bool:
    """ "30Km from Baidoa town": a landmark the place is measured from, not an origin."""
    i = ent.start - 1
    return (
        i - 1 >= sent.start
        and sent.doc[i].lower_ == "from"
        and bool(_MEASURE.fullmatch(sent.doc[i - 1].text))
    )


def _conjunct_of(ent: Span, origins: set[int]) -> bool:
    """Is the name a conjunct of a place read as an origin: "from Idlib and Hama", "coming
    from both Al Bayda and Marib governorates"?"""
    tok = ent.root
    if tok.dep_ != "conj":
        return False
    for _ in range(8):  # bounded walks: up the conjunct chain, then to the noun it names
        if tok.dep_ != "conj" or tok.head is tok:
            break
        tok = tok.head
        if tok.i in origins:
            return True
    for _ in range(3):
        if tok.dep_ not in {"nmod", "compound", "amod"} or tok.head is tok:
            break
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in _NOT_EVENT_PLACE


def _owned(p: PlaceName) -> PlaceName:
    """ "Tel Aviv's Holon", "Beirut's Riad al Solh": the owner is the area the place lies in."""
    m = _POSSESSIVE.search(p.name)
    if m is None:
        return p
    head, tail = p.name[: m.start()], p.name[m.end() :]
    return p._replace(offset=p.offset + m.end(), name=tail, hints=(head, *p.hints))


_POSSESSIVE = re.compile(r"['’]s\s+(?=[A-Z])")


def _place_name(ent: Span, sent: Span) -> PlaceName:
    """An entity as a place name, with the areas named after it."""
    name = ent.text
    end_char = ent.end_char
    if "(" in name and ")" not in name:  # the model's "Bamako (Bamako": the area is a hint
        end_char = ent.start_char + len(name[: name.index("(")].rstrip())
        name = name[: end_char - ent.start_char]
    elif ent.end < sent.end and sent.doc[ent.end].lower_ in _ADMIN_WORDS:  # "Mohmand district"
        name = sent.doc[ent.start : ent.end + 1].text
    elif joined := _JOINED.match(sent.text, end_char - sent.start_char):
        # the model's "Issele" of "Issele-Azagba (Aniocha South LGA, Delta)": the whole name
        name += joined.group(0)
        end_char += len(joined.group(0))
    return PlaceName(ent.start_char, name, _hints(sent.text[end_char - sent.start_char :]))


#: the rest of a hyphenated name the model cut at its hyphen (no space on either side)
_JOINED = re.compile(r"(?:-[A-Z][\w'’]+)+(?![\w'’-])")


def _nationality(ent: Span) -> bool:
    """A country name used as a modifier ("U.S. general", "U.S. drone strike", "Pakistan army"):
    whose, not where. A city modifying a place noun ("Kabul airport") still says where."""
    head = ent.root.head
    if head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if any(t.is_punct for t in ent.doc[ent.end : head.i]):
        # "in Acapulco, Guerrero, around 100 merchants", "Mogadishu-Wadajir district": not whose
        return False
    return head.lower_ not in _PLACE_HEADS or ent.text.replace(".", "").upper() in _COUNTRY_SHORT


_COUNTRY_SHORT = {"US", "UK", "USA", "UAE", "EU", "UN"}
_FACILITY_OWNER_LABELS = {"ORG", "PRODUCT", "WORK_OF_ART", "EVENT"}
#: verbs whose object is where the blow fell: "Azeri forces had shelled Stepanakert"
_STRIKE_VERBS = {"shell", "bomb", "strike", "hit", "attack", "raid", "storm", "pound", "target"}
#: labels the model gives town names it does not know ("in Omdurman" as NORP, "Merowe" PERSON)
#: "a residential area of Aleppo": nouns whose "of" names the town they are part of
_AREAS_OF = {
    "area",
    "areas",
    "outskirts",
    "suburb",
    "suburbs",
    "part",
    "parts",
    "centre",
    "center",
    "heart",
    "streets",
    "city",
    "town",
    "village",
    "district",
    "province",
    "region",
    "neighbourhood",
    "neighborhood",
    "countryside",
}
_MISLABELLED = {"NORP", "PERSON", "ORG", "LANGUAGE"}
_FACILITY_NOUNS = {
    "station",
    "airport",
    "mosque",
    "market",
    "bazaar",
    "hospital",
    "prison",
    "jail",
    "base",
    "airbase",
    "camp",
    "bridge",
    "checkpoint",
    "crossing",
    "port",
    "square",
    "stadium",
    "refinery",
}


#: nouns a place name can modify and still say where: "Kabul airport", "Peshawar mosque"
_PLACE_HEADS = {
    "airport",
    "station",
    "mosque",
    "market",
    "school",
    "university",
    "hospital",
    "prison",
    "city",
    "province",
    "district",
    "border",
    "region",
    "area",
    "areas",
    "neighbourhood",
    "neighborhood",
    "quarter",
    "countryside",
    "districts",
    "provinces",
    "villages",
    "town",
    "village",
    "bazaar",
    "road",
    "highway",
    "camp",
    "base",
    "compound",
    "bombing",
    "attack",
    "blast",
    "strike",
    "strikes",
    "explosion",
    "clashes",
    "clash",
    "shelling",
    "raid",
    "offensive",
    "valley",
    "outskirts",
    "part",
    "parts",
    "suburb",
    "suburbs",
    "centre",
    "center",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "heart",
    "edge",
    "vicinity",
    "streets",
    "street",
    "square",
    "port",
    "capital",
    # administrative units: "in Celaya municipality, Guanajuato" is where, not whose
    "municipality",
    "governorate",
    "county",
    "township",
    "commune",
    "subdivision",
    "tehsil",
    "oblast",
    "prefecture",
    "locality",
    "community",
}


def _hints(tail: str) -> tuple[str, ...]:
    """Enclosing areas named right after a place, innermost first: ", Chihuahua",
    " (Nellore, AP)", " in Idleb", and chains of them: " village, Kolofata subdivision
    (Mayo-Sava, Extreme-Nord)" gives Kolofata, Mayo-Sava, Extreme-Nord."""
    return _read_hints(tail)[0]


def _read_hints(tail: str) -> tuple[tuple[str, ...], int]:
    """The hints, and how many characters of `tail` the parenthesised or comma-set ones take
    (" (Marib)", ", Kabul"; not " in the Bati woreda", which may name a place of its own)."""
    out: list[str] = []
    alias = _ALIAS.match(tail)
    pos = set_off = alias.end() if alias else 0
    listed: tuple[list[str], int] | None = None  # the hints before a run of comma-set names
    for _ in range(_MAX_HINT_LINKS):
        m = _HINTS.match(tail, pos)
        if not m:
            break
        if m.group("c") and listed is None:
            listed = (list(out), set_off)
        elif not m.group("c"):
            listed = None
        inside = m.group("i") or m.group("o")  # " in Idleb": may name a place of its own
        text = m.group("p") or m.group("c") or inside or ""
        names = [_ADMIN_SUFFIX.sub("", n.strip()).strip() for n in text.split(",")]
        out.extend(n for n in names if n and n[0].isupper() and n not in out)
        pos = m.end()
        if inside is None and set_off == pos - (m.end() - m.start()):
            set_off = pos
    end = _LIST_END.match(tail, pos) if listed is not None else None
    if listed is not None and end and (end.group(1) or len(out) - len(listed[0]) >= 2):
        # "in Kabul, Ghor, Laghman, and Balkh provinces": a list of places, not a chain of
        # areas; "Maiduguri, Borno and Yola" may still be a town in its state
        out, set_off = listed
    return tuple(out), set_off


def _with_hint_ends(found: list[PlaceName], sent: Span) -> list[PlaceName]:
    """Mark where each place's hints end: the names inside that stretch ("Marib" of "Majzar
    district (Marib)") are the areas it lies in, which the reader drops once the place itself is
    found (`DocumentReader`)."""
    # the sentence's own text, offsets shifted: Doc.text joins every token anew on each call
    text, base = sent.text, sent.start_char
    out = []
    for p in found:
        start = p.offset + len(p.name)
        if p.hints:
            _, used = _read_hints(text[start - base :])
            p = p._replace(hint_end=start + used)
        if alias := _ALIAS.match(text, start - base):
            p = p._replace(alias=alias.group(1).strip())
        out.append(p)
    return out


_MAX_HINT_LINKS = 4
_LIST_END = re.compile(r"(,)?\s+(?:and|or|&)\s+[A-Z]")
#: "Kypseli [Kipseli]", "Syntagma square [coded to Athens-Central Athens]"
_ALIAS = re.compile(r"(?:\s+[a-z]+)?\s*\[(?:coded (?:to|as)\s+)?([A-Z][^\[\]]{1,60})\]")
_GENERIC = (
    r"district|sub-?district|municipality|province|village|town|city|region|county|governorate|"
    r"area|LGA|subdivision|sub-?division|chieftaincy|township|commune|locality|neighbou?rhood|"
    r"community|department|state|countryside|suburb|quarter|division|zone|woreda|tehsil|ward|"
    r"sector|parish|camp|upazila|taluka|mandal|tambon|amphoe|block|police station|boma|payam|"
    r"kebele|front|frontline"
)
#: lower-case words inside a place's name: "Martinez de la Torre", "Khabb wa ash Shaaf"
_NAME_LINKS = r"de|del|da|do|dos|das|los|las|la|el|al|ar|as|ash|ad|az|wa"
_LINKS = rf"{_NAME_LINKS}|i|e"  # "Qala i Naw": also inside the areas "X area of Y" names
_OF_UNITS = r"neighborhood|neighbourhood|quarter|area|village|suburb|district|town"
_HINTS = re.compile(
    # "Hodeidah Red Sea port city (Al Hali, Al Hudaydah)": a port's areas follow it too
    # "Balakote sector area", "Bani Siyah residential villages", "Hodeidah port city"
    rf"(?:\s+(?:[a-z]+\s+)?(?:{_GENERIC})s?(?:\s+(?:{_GENERIC})s?)?)?"
    r"(?:\s*\((?P<p>[^()]{2,80})\)"
    rf"|,\s*(?P<c>[A-Z][\w'’/-]*(?:[ -](?:(?:{_NAME_LINKS})\s+){{0,2}}[A-Z][\w'’/-]*){{0,4}})"
    r"(?=\s*[,.;:)(]|\s+[a-z]|$)"
    r"|\s+in\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|rural)\s+)?"
    r"(?:(?:countryside|outskirts|suburbs|province|governorate|district|region|area)\s+of\s+)?"
    r"(?P<i>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    # "Yenimahalle neighborhood of Merkezefendi", "Kerji area of Farah city"
    rf"|\s+(?:{_OF_UNITS})\s+of\s+(?P<o>[A-Z][\w'’-]*(?:\s+(?:(?:{_LINKS})\s+)?[A-Z][\w'’-]*){{0,3}}))"
)
_CITY_OF = re.compile(
    r"\b(?:city|town|village|district|province|region) of\s+"
    rf"([A-Z][\w'’-]+(?:\s+(?:(?:{_NAME_LINKS})\s+){{0,2}}[A-Z][\w'’-]*){{0,3}})"
)
#: coder notes' "Hauban (Salh, Taizz)": a name followed by the areas it lies in
_PAREN_PLACE = re.compile(
    rf"(?<![\w'’-])([A-Z][\w'’-]+(?:\s+(?:(?:{_NAME_LINKS})\s+){{0,2}}[A-Z][\w'’-]*){{0,3}})"
    # not an organisation's acronym: "Home-Based Women Workers Federation (HBWWF)"
    # "Ihie (Ohaji/Egbema LGA, Imo)": a joint district's name has a slash
    r"(?=\s*\((?![A-Z]{2,}\))[A-Z][\w'’ /-]{2,30}(?:,\s*[A-Z][\w'’ /-]{2,30}){0,2}\))"
)
#: "Surat city", "Nacoba village", "Kolofata subdivision": a name the generic word makes a place
#: ("This town", "Their village": a determiner, not a name)
_NAMED_PLACE = re.compile(
    r"(?<![\w'’-])(?!(?:This|That|These|Those|The|Its|Their|His|Her|Our|Each|Every|Another)\s)"
    rf"([A-Z][\w'’-]+(?:\s+(?:(?:{_NAME_LINKS})\s+){{0,2}}[A-Z][\w'’-]*){{0,3}})"
    r"\s+(?:city|town|village|district|sub-?district|subdivision|municipality|province|"
    r"governorate|county|township|commune|neighbou?rhood|front|frontline|region)\b"
)
#: the generic word after an area's name; a capital "City" is part of it ("Quezon City")
_ADMIN_SUFFIX = re.compile(rf"\s+(?!City$)(?i:{_GENERIC})$")


_ADMIN_WORDS = {"district", "province", "municipality", "governorate", "region", "county", "state"}
_LOOSE_PLACE = re.compile(
    r"\b(?:in|into|near|at|outside|around|(?:parts|outskirts|area|areas|suburbs|centre|center|"
    r"countryside|village|town|city|district)\s+of)\s+(?:the\s+)?"
    r"(?:(?:central|northern|southern|eastern|western|downtown|rural)\s+)?"
    rf"([A-Z][\w'’-]+(?:\s+(?:(?:{_NAME_LINKS})\s+){{0,2}}[A-Z][\w'’-]*){{0,3}})"
    r"(\s+(?:district|municipality|province|governorate|state|village|town|city|region|county)\b)?"
    r"(?:,\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}))?"
)

#: "a drone strike on Odesa", "Israeli strikes on Rafah": the model often calls the target a
#: person or an organisation; the gazetteer decides whether it is a place
_STRUCK = re.compile(
    r"\b(?:strikes?|airstrikes?|air raids?|attacks?|raids?|shelling|bombing|bombardment|"
    r"assault|offensive)\s+(?:on|against)\s+"
    rf"([A-Z][\w'’-]+(?:\s+(?:(?:{_NAME_LINKS})\s+){{0,2}}[A-Z][\w'’-]*){{0,2}})"
    r"(?![\w'’-])"
)

#: a generic word for an area, as a lemma: "Kirkuk" of "from Kirkuk and Diyala provinces"
_AREA_WORD = re.compile(rf"(?:{_GENERIC})", re.I)

#: "shelled Menbij in Aleppo": a name set in a named area is a place, whatever the model says
_IN_AREA = re.compile(
    # inside a clause, not after "the": "Police in Pakistan", "the Army in Kashmir" are no places;
    # a whole name after a lower-case word: not "Court" of "the Constitutional Court in X"; and
    # not an origin or a road's end: "the road linking Aden to Taizz in At Turbah area"
    rf"(?<![\w'’-])(?!(?:the|{'|'.join(sorted(_NOT_EVENT_PLACE))}),? )[a-z][\w'’-]*,? "
    rf"([A-Z][\w'’-]+(?:\s+(?:(?:{_NAME_LINKS})\s+){{0,2}}[A-Z][\w'’-]*){{0,2}})"
    r"(?=\s+in\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central)\s+)?[A-Z])"
)

#: "blocked the Halba highway", "the Kahnuj-Ghale Ganj road": the road takes its town's name
_ROAD = re.compile(
    r"\bthe\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+"
    r"(?:highway|road|motorway|bridge|roundabout|junction|intersection)\b"
)

#: a note's fronted "On 28 April 2020, Carora, Lara state, drivers protested": a name set in a
#: named state or province, as a clause of its own
_SET_IN_AREA = re.compile(
    rf"(?:^|(?<=, ))([A-Z][\w'’-]+(?:\s+(?:(?:{_NAME_LINKS})\s+){{0,2}}[A-Z][\w'’-]*){{0,3}})"
    r"(?=,\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\s+"
    r"(?:state|province|department|region|governorate|oblast)\b)"
)

#: (pattern, whether the whole match is the name or only its first group)
_NOTE_PATTERNS = (
    (_CITY_OF, False),  # first: the loose pattern reads "in the Syrian city" of "... of Azaz"
    (_LOOSE_PLACE, False),
    (_PAREN_PLACE, False),
    (_NAMED_PLACE, True),
    (_STRUCK, False),
    (_IN_AREA, False),
    (_ROAD, False),
    (_SET_IN_AREA, False),
)
_ARTICLE_PATTERNS = ((_CITY_OF, False), (_NAMED_PLACE, True), (_STRUCK, False))
