"""One document from parse to DocumentExtraction: the sentence loop and the event assembly.

Knows nothing of storage, web or the runner; takes an `Article` and a parsed spaCy `Doc`,
returns plain records. The spaCy objects never leave this module's functions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import cached_property
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Span, Token

from sitrep.clean.dateline import is_dateline
from sitrep.extract.casualties import CasualtyReader, dedupe
from sitrep.extract.claims import Attribution
from sitrep.extract.conventions import coded_sub_type
from sitrep.extract.dates import names_feast_day, resolve_date
from sitrep.extract.demonstrations import merge_demonstrations
from sitrep.extract.events import (
    Draft,
    dates_agree,
    fallback_sub_type,
    more_precise,
    place_countries,
    places_agree,
    places_near,
    precision_rank,
    salience,
    to_event,
)
from sitrep.extract.geo.text import fold, strip_generic
from sitrep.extract.headings import heading_sub_type
from sitrep.extract.lexicon import Lexicon
from sitrep.extract.mentions import (
    PlaceName,
    event_place_names,
    is_anchor,
    is_referring,
    quote_states,
    triggers_in,
)
from sitrep.models import (
    SUB_EVENT_PARENT,
    Article,
    CasualtyFigure,
    ClaimantType,
    DatePrecision,
    DocumentExtraction,
    Evidence,
    Place,
    SubEventType,
)
from sitrep.nlp.spans import entity_of, sentence_ents

_T = TypeVar("_T")

_NON_VIOLENT = {
    SubEventType.AGREEMENT,
    SubEventType.ARRESTS,
    SubEventType.CHANGE_TO_GROUP,
    SubEventType.HEADQUARTERS_ESTABLISHED,
    SubEventType.NON_VIOLENT_TRANSFER,
    SubEventType.OTHER,
    SubEventType.PEACEFUL_PROTEST,
}
_SHORT_DOC_SENTENCES = 3  # coder notes, snippets and headlines describe a single event
_REPORTING_DATE_HEADS = {"say", "state", "tell", "announce", "claim", "report", "welcome", "stated"}
_FACILITY = re.compile(
    r"(?:'s)?\s+(?:international\s+)?(?:airport|air ?base|(?:railway |train |bus |police )?station|mosque|"
    r"market|bazaar|school|university|hospital|prison|jail|camp|base|checkpoint|bridge|road|highway|"
    r"square|stadium|church|temple|shrine|compound|hotel|embassy|consulate|crossing|gate|port|"
    r"harbou?r|refinery|plant|factory|mall|courthouse|cantonment)s?$",
    re.I,
)
_CURRENCIES = {
    "dollar",
    "euro",
    "pound",
    "rupee",
    "lira",
    "dinar",
    "rial",
    "riyal",
    "yuan",
    "ruble",
    "rouble",
    "peso",
    "franc",
    "shilling",
    "naira",
    "rand",
    "yen",
    "hryvnia",
    "afghani",
}
#: weapons fired from afar that a nationality modifies: whose they are, seldom where they hit
#: ("Saudi military aircraft" over Socotra, "a Russian drone strike on Odesa"). Forces and
#: soldiers are left out: most fight at home ("Pakistan troops kill 80 militants").
_REMOTE_WEAPONS = {
    "aircraft",
    "aircrafts",
    "warplane",
    "jet",
    "plane",
    "helicopter",
    "drone",
    "missile",
    "rocket",
    "strike",
    "airstrike",
    "shelling",
    "artillery",
}
_WHERE_PREPS = {"in", "inside", "across", "into", "near", "between", "along", "within", "at", "on"}
_GENERIC_EVENT_NOUNS = {"incident", "incidents", "attack", "attacks", "violence", "events"}
#: words that set a mention apart from the events told so far
_APART = re.compile(
    r"\b(?:separate(?:ly)?|meanwhile|elsewhere|in another (?:attack|incident))\b"
    # "a second bomb exploded two hours later in ...": told as another blast, hours apart
    r"|\b(?:a|the) (?:second|third) (?:\w+ )?(?:bomb|blast|explosion|attack|strike)\b"
    r"[^.;]*?\b(?:hours?|minutes?|an hour|a day) later\b",
    re.I,
)
# the town told of before, named again by its kind alone
_THE_TOWN = re.compile(r"\b(?:the|that) (?:city|town|village)\b(?! of\b)", re.I)
_SINCE_START = re.compile(
    r"\bsince the (?:start|beginning|outbreak|onset) of\b|"
    r"\bsince the (?:war|conflict|fighting|offensive|invasion) (?:began|started|erupted|broke out)\b",
    re.I,
)
_PERIOD = re.compile(
    r"\b(?:so far )?this year\b|\b(?:in|over|during) the (?:past|last) (?:\w+ )?"
    r"(?:years?|months|decades?)\b|\bin recent (?:years|months)\b",
    re.I,
)
#: a roundup's total: "At least 20 people were killed in a series of attacks across
#: Afghanistan", the sum of events the story then tells one by one
_ROUNDUP = re.compile(
    r"\bseparate (?:\w+ )?(?:attacks|incidents|clashes|bombings|explosions|blasts)\b|"
    r"\b(?:attacks|clashes|strikes|bombings|violence) (?:across|throughout)\b",
    re.I,
)
#: "the strikes hit villages near Kobani": the event told, and where, without a trigger
_STRIKES_HIT = re.compile(
    r"\bthe (?:air ?strikes?|strikes?|attacks?|raids?|shelling|bombings?|blasts?|explosions?)"
    r"\s+(?:hit|struck|targeted)\b",
    re.I,
)
_OCCURRED = ("took place", "occurred", "happened", "were carried out", "was carried out")


#: "west of Marib city" gives a bearing from Marib; "in the north of Aden" is inside Aden
_BEARING_OF = re.compile(
    r"(?<!\bthe )\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+$", re.I
)
_DISTANCE = re.compile(r"\d\s*(?:k?m|kms|kilomet\w*|miles?|met\w*)\s*$", re.I)
_BEARING_SPAN = 40  # characters before a landmark in which its bearing and its place are read


def _a_landmark(q: PlaceName, text: str, found: list[tuple[PlaceName, Place]]) -> bool:
    """Whether a place only gives the bearing of another found just before it: Marib city of
    "air raids on Majzar district west of Marib city (Marib)"."""
    window = text[max(0, q.offset - _BEARING_SPAN) : q.offset]
    bearing = _BEARING_OF.search(window)
    if bearing is None or _DISTANCE.search(window, 0, bearing.start()):
        return False  # "200m north of Jawlat al Karaa": a measured offset from a true landmark
    return any(
        p is not q and place.kind != "country" and q.offset - _BEARING_SPAN <= p.offset < q.offset
        for p, place in found
    )


def _an_area_of(q: PlaceName, area: Place, found: list[tuple[PlaceName, Place]]) -> bool:
    """Whether a name is read only as the province another found place was said to lie in:
    "Ghazni" of "Jaghuri district in Ghazni" (which the gazetteer reads as Ghazni city)."""
    key = fold(q.name)
    return any(
        p is not q
        and place.kind in ("admin2", "city")
        and place.admin1 is not None
        and place.admin1 == area.admin1
        and key in {fold(h) for h in p.hints}
        for p, place in found
    )


#: a definite mention of an act of violence refers to one the story has told
_THE_EVENT = re.compile(
    r"\b(?:the|(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday)['’]s) "
    r"(?:attack|bombing|blast|explosion|strike|assault|ambush|raid|shelling|shooting)s?\b",
    re.I,
)
#: a running count: "the death toll ... rose to 50 on Sunday" is dated when counted
_TOLL = re.compile(r"\b(?:death )?toll\b|\bnumber of (?:dead|deaths|people killed)\b", re.I)
_TOLL_VERBS = {"rise", "climb", "reach", "increase", "jump", "grow", "mount", "stand"}


class Geocoder(Protocol):
    def resolve(
        self,
        name: str,
        *,
        countries: Sequence[str] = (),
        admin1: str | None = None,
        prominent_only: bool = False,
    ) -> Place | None: ...

    def country(self, name: str) -> str | None: ...

    def province_country(self, name: str) -> str | None: ...

    def locate(
        self, names: Sequence[str], hints: Sequence[str] = (), countries: Sequence[str] = ()
    ) -> Place | None: ...

    def within(self, names: Sequence[str], areas: Sequence[str], country: str) -> Place | None: ...


class SubtypeModel(Protocol):
    def predict(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """(label, probability) per text; an empty list if there is no model to ask."""
        ...


class DocumentReader:
    """Reads one parsed article; a new instance per document (it keeps discourse memory)."""

    def __init__(
        self,
        article: Article,
        doc: Doc,
        lexicon: Lexicon,
        geocoder: Geocoder,
        classifier: SubtypeModel | None = None,
    ) -> None:
        self.article = article
        self.doc = doc
        self.text = doc.text  # once: Doc.text joins every token anew on each call
        self.lex = lexicon
        self.geo = geocoder
        self.clf = classifier
        self.attr = Attribution(lexicon)
        self.casualties = CasualtyReader(lexicon, self.attr, geocoder.country)
        self.sentences = list(doc.sents)
        self.headline_end = self._headline_end()
        # a coder's note or a headline: at most three real sentences ("1 fatality." and
        # "[size=hundreds]" trailers do not count), or an untitled note of a few lines whose
        # later sentences add background ("The attack is likely related to ...")
        real = sum(1 for s in self.sentences if len(s) >= 6)
        self.short = real <= _SHORT_DOC_SENTENCES or (
            real <= 5 and len(article.text) <= 700 and not article.title
        )
        # provinces the armed groups it names fight in, by country ("OSCE SMM": Donbas)
        self.theatre_areas: dict[str, list[str]] = {}
        # country -> the folded place names whose own reading voted for it ("" for a country,
        # people or armed group the text names)
        self._voters: dict[str, set[str]] = {}
        self.context_countries: list[str] = self._document_countries()

    # -- document context -------------------------------------------------------------------
    def _headline_end(self) -> int:
        title = self.article.title
        if title and self.article.text.startswith(title):
            return len(title)
        first = self.article.text.split("\n", 1)[0]
        return len(first) if len(first) < 160 else 0

    def _document_countries(self) -> list[str]:
        """Countries the article is about, most named first.

        Coder notes and headlines often name no country ("near Karama in eastern Ar-Raqqa"):
        there every place name is resolved on its own and the countries they agree on vote.
        """
        seen: dict[str, float] = {}
        inside: set[int] = set()  # "Saudi" of "the Saudi-led coalition" points to Yemen
        provinces: list[tuple[str, str]] = []  # (country, name) of provinces only it has
        for m in self.lex.theatre_pattern.finditer(self.article.text):
            theatre = self.lex.theatres.get(m.group(1).casefold())
            c = self.geo.country(theatre.country) if theatre else None
            if theatre is None or c is None:
                continue
            seen[c] = seen.get(c, 0) + 1
            self._voters.setdefault(c, set()).add("")
            areas = self.theatre_areas.setdefault(c, [])
            areas.extend(a for a in theatre.areas if a not in areas)
            inside.update(range(m.start(), m.end()))
        for ent in self.doc.ents:
            if ent.label_ in {"GPE", "NORP"} and ent.start_char not in inside:
                after = self.doc[ent.end].lemma_.lower() if ent.end < len(self.doc) else ""
                if after in _CURRENCIES:
                    continue  # "the high US dollar exchange rate" in a note about Lebanon
                c = self.geo.country(ent.text)
                if c:
                    seen[c] = seen.get(c, 0) + (0.5 if _fires_from_afar(ent) else 2)
                    self._voters.setdefault(c, set()).add("")
                elif not self.short and ent.label_ == "GPE":
                    # a province only one country has names that country too: "the Gaza
                    # Strip" (Palestine), "Khyber Pakhtunkhwa" (Pakistan); not "Punjab"
                    c = self.geo.province_country(ent.text)
                    if c:
                        provinces.append((c, ent.text))
        named = list(seen)  # the countries named outright
        for c, name in provinces:
            # unless it is a town of a country the story names: "the base in Uri", in a
            # story of India, is no vote for the Swiss canton
            town = self.geo.resolve(name, countries=named) if named and c not in named else None
            if town is not None and town.country in named and town.country != c:
                continue
            seen[c] = seen.get(c, 0) + 1
            self._voters.setdefault(c, set()).add(_bare(name))
        if self.short:
            for sent in self.sentences:
                for found in event_place_names(sent, loose=True):
                    for n in (found.alias or found.name, *found.hints):
                        # a pattern's guess with nothing around it may be a common word
                        strict = n is found.name and found.guessed and not found.hints
                        place = self.geo.resolve(n, prominent_only=strict)
                        if place is not None and place.country and place.kind != "country":
                            weight = 1.5 if place.kind in {"admin1", "admin2"} else 1.0
                            seen[place.country] = seen.get(place.country, 0) + weight
                            self._voters.setdefault(place.country, set()).add(_bare(n))
        return [c for c, _ in sorted(seen.items(), key=lambda kv: -kv[1])]

    # -- per sentence ----------------------------------------------------------------------
    def _dates(
        self, sent: Span, anchor: date | None
    ) -> tuple[list[tuple[int, date, DatePrecision]], bool]:
        """Dates of what the sentence reports (with their offsets), not of the reporting.

        A date on the reporting verb ("stated on Thursday") is when it was said; it anchors
        anaphora in the same sentence ("... the previous day") and is used only when the
        sentence has no other date. Anaphora otherwise count back from the last date the
        story gave (`anchor`), else from publication. "since 2021" is no event date.
        """
        published = self.article.published
        phrases = [
            e
            for e in sentence_ents(sent)
            if (e.label_ in {"DATE", "TIME"} or names_feast_day(e.text))
            and not (e.start > sent.start and sent.doc[e.start - 1].lower_ in {"since", "for"})
        ]
        reporting_date = None
        toll = _TOLL.search(sent.text) is not None

        def of_saying(ent: Span) -> bool:
            # "the death toll rose to 50 on Sunday" dates the count, as "said on Sunday" does
            lemma = _governing_verb(ent).lemma_.lower()
            return lemma in self.lex.reporting_verbs or (toll and lemma in _TOLL_VERBS)

        for ent in phrases:
            if of_saying(ent):
                res = resolve_date(_date_text(ent), published)
                if res is not None:
                    reporting_date = res[0]
        found: list[tuple[int, date, DatePrecision]] = []
        fallback: list[tuple[int, date, DatePrecision]] = []
        for ent in phrases:
            res = resolve_date(_date_text(ent), published, anchor=reporting_date or anchor)
            if res is None:
                continue
            item = (ent.start_char, res[0], res[1])
            if of_saying(ent):
                fallback.append(item)
            else:
                found.append(item)
        # the second value says the dates are only of the saying: weaker dates of the event
        return (found, False) if found else (fallback, bool(fallback))

    @staticmethod
    def _date_near(
        dates: list[tuple[int, date, DatePrecision]],
        sent: Span,
        match: object,
        matches: list[object],
    ) -> tuple[date | None, DatePrecision | None]:
        """The sentence's date; with two triggers, only a date phrase nearest to this one."""
        mine = _nearest_to(match, [(off, (d, p)) for off, d, p in dates], sent, matches)
        return mine[0] if mine else (None, None)

    def _places(self, sent: Span) -> list[tuple[int, Place]]:
        """Resolved places of the sentence with their character offsets in the document."""
        return [(offset, place) for offset, place, _ in self._placed_names(sent)]

    def _placed_names(self, sent: Span) -> list[tuple[int, Place, bool]]:
        """Resolved places with their offsets, and whether the text named areas around them.

        Once a place is found, the names of the areas it is said to lie in are no places of
        their own: in "Majzar district (Marib)" the city of Marib, finer on a map, must not
        take the district's place. A place the gazetteer lacks leaves them be: the event is
        then in its area."""
        found = []
        for p in event_place_names(sent, loose=self.short):
            place = self._resolve(p.name, p.hints, p.shorter, p.alias)
            if place is None:
                continue
            if p.relabelled and not p.hints and place.country not in self.context_countries:
                # "in Omdurman", labelled a people: a town of the story's countries, or one
                # inside the areas the text sets it in ("Khan Younis in the Gaza Strip")
                continue
            found.append((p, place))
        if all(place.kind == "country" for _, place in found):
            # "reported on Hajlah area in northwestern Yemen (Razih, Sadah)": with no other
            # place found, the areas after the country are where
            found = [
                (p, (self._areas_of(place, p.hints) if p.hints else None) or place)
                for p, place in found
            ]
        inside = [
            (p.offset + len(p.name), p.hint_end)
            for p, place in found
            # a place found only as one of its own areas, or a country, encloses nothing
            if p.hint_end > p.offset + len(p.name)
            and place.kind != "country"
            and fold(place.name) not in {fold(h) for h in p.hints}
        ]
        text = self.text
        return [
            (p.offset, place, bool(p.hints))
            for p, place in found
            if not any(a <= p.offset < b for a, b in inside)
            and not _an_area_of(p, place, found)
            and not _a_landmark(p, text, found)
        ]

    def _resolve(
        self,
        name: str,
        hints: tuple[str, ...],
        shorter: str | None = None,
        alias: str | None = None,
    ) -> Place | None:
        """ "Town, Province", "Town (District, Province)", "Town, Country": the gazetteer reads the
        enclosing names with the article's countries ("Kramatorsk railway station" is also tried
        as Kramatorsk)."""
        town = _FACILITY.sub("", name).strip()
        names = (name, town) if town and town != name else (name,)
        main = names[-1]
        if shorter:  # the model's reading, when the gazetteer does not know the longer one
            names = (*names, shorter)
        if alias:  # the note's own spelling of the name it codes
            names = (alias, *names)
        country = self.context_countries[0] if self.context_countries else None
        areas = self.theatre_areas.get(country) if country and not hints else None
        if areas and self.geo.resolve(main, prominent_only=True) is None:
            # of the namesake villages, the one where the groups the text names fight
            place = self.geo.within(names, areas, country)
            if place is not None:
                return place
            found = self.geo.locate(names, hints, self.context_countries)
            if found is not None and found.kind == "city" and found.country == country:
                # a namesake elsewhere in the country is not where these groups fight: the
                # gazetteer lacks the village they mean ("near Kruta Balka", OSCE SMM)
                theatre = [self.geo.locate([a], (), [country]) for a in areas]
                if found.admin1 not in {a.admin1 for a in theatre if a is not None}:
                    return None
            return found
        found = self.geo.locate(names, hints, self.context_countries)
        if self._unvouched(found, names, hints):
            return None
        return self._by_the_others(found, names, hints) or found or self._run_on(name, hints)

    def _unvouched(
        self, found: Place | None, names: tuple[str, ...], hints: tuple[str, ...]
    ) -> bool:
        """A province abroad that nothing but its own name points to, in an article that names
        its countries: "a second bomb exploded in the Medina district", in a story from
        Mogadishu, is a district of the city the gazetteer lacks, not Saudi Arabia's Medina
        province. Coder notes, which often name no country, are left be."""
        if self.short or found is None or hints or found.kind not in {"admin1", "admin2"}:
            return False
        named = {c for c, voters in self._voters.items() if "" in voters}
        if not named or found.country in named:
            return False
        return self._voters.get(found.country, set()) <= {_bare(n) for n in names}

    def _by_the_others(
        self, found: Place | None, names: tuple[str, ...], hints: tuple[str, ...]
    ) -> Place | None:
        """A namesake in the country the rest of the text points to, when the town found is in
        a country only the name itself voted for: "protesters ... from Beirut, Jal el Dib and
        Aarsal gathered ... in Tripoli" is Lebanon's Tripoli, though Libya's is larger."""
        ctx = self.context_countries
        if found is None or found.kind != "city" or hints or not ctx or found.country == ctx[0]:
            return None
        keys = {_bare(n) for n in names}
        if not self._voters.get(found.country, set()) <= keys:
            return None  # other words of the text point there too
        other = self.geo.resolve(names[-1], countries=ctx[:1])
        if other is None or other.kind != "city" or other.country != ctx[0]:
            return None
        return other if _bare(other.name) in keys else None

    def _areas_of(self, country: Place, hints: tuple[str, ...]) -> Place | None:
        """ "reported in northwestern Yemen (Razih, Sadah)": the areas after a country are where,
        inside it (at "near" precision: a district, or its seat)."""
        inner = self.geo.locate([hints[0]], hints[1:], [country.name])
        if inner is None or inner.country != country.name or inner.latitude is None:
            return None
        return replace(inner, geo_precision=max(inner.geo_precision, 2))

    def _run_on(self, name: str, hints: tuple[str, ...]) -> Place | None:
        """ "in Tijuana Baja California", "Mojolo Sinaloa": a town and its province run on with no
        comma; read as "Town, Province" when the last words name a province."""
        words = name.split()
        if not all(w[:1].isupper() for w in words):
            return None  # "Tirah region"
        for cut in (2, 1):
            if len(words) <= cut:
                continue
            head, tail = " ".join(words[:-cut]), " ".join(words[-cut:])
            if self.geo.country(head):
                return None  # "Pakistani Kashmir": whose, not a town
            area = self.geo.resolve(tail, countries=self.context_countries)
            if area is None or area.kind != "admin1":
                continue
            # a province of the article's countries, if it has any: "Persian Gulf", in a story
            # about Bahrain, is no town in Gulf province, Papua New Guinea
            if not self.context_countries or area.country in self.context_countries:
                return self.geo.locate([head], (tail, *hints), self.context_countries)
            # a province abroad only when the town lies in it: "Tijuana Baja California" in a
            # note whose "California" had voted for the United States
            if (town := self.geo.within([head], [tail], area.country)) is not None:
                return town
        return None

    @staticmethod
    def _place_near(
        sent: Span, places: list[tuple[int, Place]], match: object, matches: list[object]
    ) -> Place | None:
        """The most precise place of the sentence; with two triggers, of those nearest to this one."""
        best: Place | None = None
        for p in _nearest_to(match, places, sent, matches):
            best = more_precise(best, p)
        return best

    def _actors(self, sent: Span) -> list[str]:
        out = []
        for m in self.lex.actor_pattern.finditer(sent.text):
            actor = self.lex.actor(m.group(1), self.article.published)
            # monitors and medics report on events; they are not parties to them
            if actor and actor.claimant_type not in {ClaimantType.MONITOR, ClaimantType.MEDICAL}:
                out.append(actor.name)
        return out

    # -- the whole document ----------------------------------------------------------------
    def read(self) -> DocumentExtraction:
        figures: list[CasualtyFigure] = []
        figure_sentence: list[int] = []
        drafts: list[Draft] = []
        last_date: date | None = None
        short = self.short
        quoted = quote_states(self.article.text, [s.start_char for s in self.sentences])
        last_touched: Draft | None = None
        last_harmful: Draft | None = None  # the last event told that can kill or wound
        last_town: Place | None = None  # the town an event was last placed in
        headline_seen = False

        for si, sent in enumerate(self.sentences):
            self.attr.note_entities(sent)
            in_headline = sent.start_char < self.headline_end
            sent_figures = self.casualties.read(sent, headline=in_headline)
            for f in sent_figures:
                figures.append(f)
                figure_sentence.append(si)
            dates, said = self._dates(sent, last_date)
            d, precision = (dates[0][1], dates[0][2]) if dates else (None, None)
            evidence = Evidence(sent.start_char, sent.end_char, sent.text)
            triggers = triggers_in(sent.text, self.lex, quoted[si])
            # every cue competes for the sentence's dates and places, even one too weak to
            # make an event: "the truce, welcomed on Thursday, ... clashes" dates the truce
            cues = [m for _, _, m in triggers[:2]]
            if not short:  # a weak cue ("an explosion") makes an event only with figures
                triggers = [
                    t for t in triggers if t[1] >= 2 or (sent_figures and t[0] not in _NON_VIOLENT)
                ]
            # a running toll ("hundreds killed this year", "11,000 since Oct. 7") is no event
            # a roundup's total counts no one event, even beside a cue ("as fighting intensified")
            roundup = bool(sent_figures) and _ROUNDUP.search(sent.text) is not None
            running = roundup or (bool(sent_figures) and self._cumulative(sent))
            fb = fallback_sub_type(sent_figures) if not triggers and not running else None
            apart = not short and _APART.search(sent.text) is not None
            here: list[tuple[int, Place]] | None = None  # the sentence's places, once looked up
            new_day = fb is not None and d is not None and self._new_date(drafts, fb, d)
            # people harmed with no word of how ("the governor said on Saturday that 109 people
            # had been wounded", after a Friday missile strike), and figures dated only by their
            # telling ("the president said on Wednesday that all five attackers had been
            # killed"), are the harm of the event of that day, whatever its kind, unless told
            # of another place; soldiers killed on a day of their own name a clash of their own
            weak = (fb is SubEventType.ATTACK or said) and new_day and not (short or apart)
            kin = self._kin(drafts, d) if weak else []
            if kin:
                here = self._places(sent)
                new_day = self._elsewhere(kin, None, here)
            if fb is not None and d is not None and drafts and not (short or apart or new_day):
                here = here if here is not None else self._places(sent)
            if fb is not None and (
                short
                or not drafts
                or apart
                or new_day
                or (here is not None and self._elsewhere(drafts, fb, here))
            ):
                # figures with no trigger: an event of their own only when the story has none
                # of that kind yet, or the sentence dates them apart from each one of them
                triggers = [(fb, 0, None)]  # type: ignore[list-item]
            undated = [dr for dr in drafts if dr.sub_event_type is fb and dr.date is None]
            joins = None
            # figures dated weeks from the story ("130 killed in the area in November", in a
            # March story) tell of another time: they join no event told so far
            elsewhen = d is not None and not self._recent(d)
            if fb is not None and not triggers and undated and not elsewhen:
                # "Gunmen kill 20 villagers" (headline, no day), then "... attacked a village on
                # Sunday, killing at least 20": the lead tells the headline's event; its day
                # and place are that event's
                triggers = [(fb, 0, None)]  # type: ignore[list-item]
                joins = undated[-1]
            seen = [dr for dr in drafts if dr.sub_event_type not in _NON_VIOLENT]
            told = _THE_EVENT.search(sent.text) if fb is not None and joins is None else None
            if told is not None and seen:
                # "100 people were wounded in the attack ... on Saturday": figures of the
                # event told already, whatever sub-type they alone would suggest ("Monday's
                # attack" gives that event its own day)
                triggers = [(fb, 0, told)]
                joins = seen[-1]
            elif fb is not None and joins is None and seen and _TOLL.search(sent.text):
                # "the death toll among Afghans had risen to 90": the count of an event told
                triggers = [(fb, 0, None)]  # type: ignore[list-item]
                joins = seen[-1]
            touched: list[Draft] = []
            chosen = triggers[:2]
            occurred = (
                not triggers
                and bool(drafts)
                and not quoted[si]
                and (
                    any(w in sent.text.lower() for w in _OCCURRED) or _STRIKES_HIT.search(sent.text)
                )
            )
            # place look-ups are the dearest step of reading a sentence: only where a place is
            # used, by an event mention or by "these incidents occurred in ..."
            if here is None:
                here = self._places(sent) if chosen or occurred else []
            places = here
            place = None
            for _, p in places:
                place = more_precise(place, p)
            for sub_type, weight, match in chosen:
                referring = match is not None and is_referring(sent.text, match)
                near = cues if match in cues else [m for _, _, m in chosen]
                place = self._place_near(sent, places, match, near)
                if place is None and last_town is not None and _THE_TOWN.search(sent.text):
                    place = last_town  # "a missile attack on the city": the town last named
                # "crowds protesting against last month's coup": a date owned by another noun
                # dates that noun, not this event
                free = [x for x in dates if not _owned_by_other(sent, x[0], match)]
                d, precision = self._date_near(free, sent, match, near)
                own = _possessive_date(sent, match, dates)
                if own is not None:  # "Saturday's missile strike": that day, whatever else
                    d, precision = own
                anchored = match is not None and is_anchor(sent.text, match)
                if anchored:
                    # "two days after the attack": counted back from the sentence's own date
                    base = dates[0][1] if dates else last_date or self.article.published
                    d, precision = _counted_back(sent.text[: match.start()], base)
                if joins is not None:
                    draft: Draft | None = joins
                elif apart and not referring:  # "a separate strike", "Meanwhile, in the West Bank"
                    draft = None
                else:
                    draft = self._merge_target(
                        drafts,
                        sub_type,
                        d,
                        place,
                        referring or (anchored and d is None),
                        strict=weight == 0,
                    )
                if draft is None and anchored and not short and not sent_figures:
                    continue  # "came three days after the bombing": another event, named in passing
                if draft is None:
                    draft = Draft(sub_type, si, context_date=last_date)
                    drafts.append(draft)
                    if in_headline and not headline_seen:
                        draft.headline_first = True
                        headline_seen = True
                elif draft.sub_event_type is not sub_type and weight > draft.weight:
                    draft.sub_event_type = (
                        sub_type  # "bombing" told more precisely: "suicide bombing"
                    )
                self._update(
                    draft,
                    si,
                    d,
                    precision,
                    place,
                    sent,
                    evidence,
                    in_headline,
                    weight,
                    referring,
                    said=said and own is None and not anchored,
                )
                if d is not None and (own is not None or anchored):
                    draft.date_bound = "own" if own is not None else "counted"
                if match is not None:
                    draft.trigger_words.update(match.group(0).lower().split())
                touched.append(draft)
            headline_seen = headline_seen or (in_headline and bool(triggers))
            target = self._occurred_target(drafts, sent) if occurred else None
            if target is not None and place is not None:  # "These incidents occurred in Mohmand"
                if target.place is None or target.place.kind == "country":
                    target.place = place
                elif places_agree(target.place, place):
                    target.place = more_precise(target.place, place)
            # "The strike hit the village on Monday" dates the strike, not only its report
            # ("..., residents said on Tuesday")
            if (
                target is not None
                and d
                and (target.date is None or (target.date_said and not said))
            ):
                target.date, target.date_precision, target.date_said = d, precision, said
            # figures attach to this sentence's violent event, else to the last one talked about
            violent = [dr for dr in touched if dr.sub_event_type not in _NON_VIOLENT]
            # nor are a running toll ("11,000 killed since Oct. 7") or figures of another day
            later = last_touched is not None and (
                elsewhen
                or (
                    d is not None
                    and last_touched.date is not None
                    and not dates_agree(last_touched.date, d)
                )
            )
            told_last = last_touched
            if told_last is not None and told_last.sub_event_type is SubEventType.LOOTING:
                # "22 people were killed in Hlaingthaya alone", after "factories were set on
                # fire": the dead are the shooting's, not the arson's
                told_last = last_harmful or told_last
            target = (
                None
                if roundup
                else (violent or touched or [None if running or later else told_last])[0]
            )
            for k in range(len(figures) - len(sent_figures), len(figures)):
                if target is not None:
                    target.figures.append(k)
            if touched:
                last_touched = violent[0] if violent else touched[0]
                harmful = [  # a protest with its dead counted is one too ("kill 38 protesters")
                    dr
                    for dr in touched
                    if dr.sub_event_type is not SubEventType.LOOTING
                    and (dr.sub_event_type not in _NON_VIOLENT or dr.figures)
                ]
                last_harmful = harmful[0] if harmful else last_harmful
            # the town of the event told last, else the sentence's last
            towns = [p for _, p in here] + [dr.place for dr in touched if dr.place is not None]
            towns = [p for p in towns if p.kind == "city" and p.latitude is not None]
            last_town = towns[-1] if towns else last_town
            days = [d for d in dates if d[2] is DatePrecision.DAY]
            if days:  # "the previous day" counts from a day, never from "last year"
                last_date = days[0][1]

        if short:
            drafts = self._single_event(drafts, figures)
            if drafts:  # every figure of a single-event text belongs to that event
                drafts[0].figures = list(range(len(figures)))
        else:
            drafts = merge_demonstrations(_absorb_headline_toll(drafts))
        self._fill_dates(drafts)
        ordered = sorted(drafts, key=lambda dr: salience(dr, figures))
        index_of = {id(dr): i for i, dr in enumerate(ordered)}
        figure_event: dict[int, int] = {}
        for dr in ordered:
            for k in dr.figures:
                figure_event.setdefault(k, index_of[id(dr)])
        # where the story's placed events are: in a war story "Russian" is named as often as
        # "Ukrainian", but the places it names say which country it is about
        placed = Counter(dr.place.country for dr in ordered if dr.place and dr.place.country)
        about = [placed.most_common(1)[0][0]] if placed else self.context_countries[:1]
        for dr in ordered:
            self._agreement_parties(dr)
            if (
                _unlocated(dr.place)
                and dr.sub_event_type not in _NON_VIOLENT
                and not short
                # a border is where ("across the Line of Control"), however far the one town
                # the story names ("a spokesman in Srinagar")
                and (dr.place is None or dr.place.kind != "border")
            ):
                home = self.home_place
                if home and (dr.place is None or home.country in place_countries(dr.place)):
                    dr.place = home  # "the suicide attack outside the airport", in a Kabul story
            if dr.place is None and not dr.countries:  # the country the article is about
                dr.countries = about
        events = tuple(to_event(dr, figures) for dr in ordered)
        attached = [_with_event(f, figure_event.get(k)) for k, f in enumerate(figures)]
        return DocumentExtraction(
            doc_id=self.article.doc_id,
            events=events,
            casualties=tuple(dedupe(attached)),
            published=self.article.published,
        )

    @cached_property
    def _dateline_spans(self) -> list[tuple[int, int]]:
        """Character spans of the lines that are wire datelines ("SRINAGAR, India -"), which
        the parser may cut into sentences of their own."""
        spans, start = [], 0
        for line in self.text.splitlines(keepends=True):
            if line.strip() and is_dateline(line):
                spans.append((start, start + len(line)))
            start += len(line)
        return spans

    @cached_property
    def home_place(self) -> Place | None:
        """The one town an article is about, if it names a single town (by any number of
        mentions) and no other: where an event it does not place took place, near enough."""
        named = [p for s in self.sentences for _, p in self._places(s)]
        towns = {p.name: p for p in named if p.kind == "city" and p.latitude is not None}
        if not towns and (town := self._dateline_town()) is not None:
            towns[town.name] = town
        if len(towns) != 1:
            return None
        (town,) = towns.values()
        return replace(town, geo_precision=max(town.geo_precision, 2))

    def _dateline_town(self) -> Place | None:
        """The town of a dateline the model did not tag ("PORT-AU-PRINCE (Reuters) -"), when it
        is in the country the article is most about (a story filed from Dubai about Saudi
        Arabia is not set in Dubai)."""
        for a, b in self._dateline_spans:
            head = re.split(r"[,(/]|\s[-–—:]", self.text[a:b], maxsplit=1)[0].strip()
            town = self._resolve(head.title(), ()) if head else None
            if (
                town is not None
                and town.kind == "city"
                and town.latitude is not None
                and town.country in self.context_countries[:1]
            ):
                return town
        return None

    def _agreement_parties(self, draft: Draft) -> None:
        """An agreement is located with its parties, not with the mediators the text names
        ("paused at the request of Qatar and Saudi Arabia"): the sides of the actors in its
        sentences, else the two countries the article is most about."""
        if draft.sub_event_type is not SubEventType.AGREEMENT:
            return
        if draft.place is not None and draft.place.kind not in {"country"}:
            return
        sides = []
        for name in draft.actors:
            for a in self.lex.actors:
                if a.name == name and a.side and a.side not in sides:
                    sides.append(a.side)
        draft.place = None
        draft.countries = sides if len(sides) >= 2 else self.context_countries[:2]

    def _recent(self, d: date) -> bool:
        """Within a week of publication (always, for a story with no publication date)."""
        published = self.article.published
        return published is None or abs((published - d).days) <= 7

    @staticmethod
    def _cumulative(sent: Span) -> bool:
        """A toll counted over a period: "since Oct. 7", "since the war began", "this year"."""
        if _SINCE_START.search(sent.text) or _PERIOD.search(sent.text):
            return True
        return any(
            e.label_ == "DATE" and e.start > sent.start and sent.doc[e.start - 1].lower_ == "since"
            for e in sentence_ents(sent)
        )

    @staticmethod
    def _elsewhere(
        drafts: list[Draft], sub_type: SubEventType | None, here: list[tuple[int, Place]]
    ) -> bool:
        """Dated figures told of a place none of the events of their kind (of any kind, for
        None) is at: "Five Taliban fighters were killed ... in Helmand province on Saturday", in
        a story of a Sunday attack in Kunduz (a day apart is within the dates' tolerance, the
        places are not)."""
        same = [dr for dr in drafts if sub_type is None or dr.sub_event_type is sub_type]
        if not same or any(_unlocated(dr.place) for dr in same):
            return False
        places = [p for _, p in here if not _unlocated(p)]
        return bool(places) and all(
            not places_agree(dr.place, p) and not places_near(dr.place, p)
            for dr in same
            for p in places
        )

    @staticmethod
    def _kin(drafts: list[Draft], d: date | None) -> list[Draft]:
        """The violent events told so far on a day that agrees with `d`."""
        if d is None:
            return []
        return [
            dr
            for dr in drafts
            if dr.sub_event_type not in _NON_VIOLENT
            and dr.date is not None
            and dates_agree(dr.date, d)
        ]

    @staticmethod
    def _new_date(drafts: list[Draft], sub_type: SubEventType, d: date | None) -> bool:
        same = [dr for dr in drafts if dr.sub_event_type is sub_type]
        if not same:
            return True
        return d is not None and all(
            dr.date is not None and not dates_agree(dr.date, d) for dr in same
        )

    def _occurred_target(self, drafts: list[Draft], sent: Span) -> Draft | None:
        """ "the strikes took place in Kabul": the latest violent event whose trigger shares a
        word with the subject, else the latest violent event for a generic "these incidents"."""
        subjects = [t for t in sent if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ == "NOUN"]
        if not subjects or '"' in sent.text or "“" in sent.text:
            return None
        violent = [dr for dr in drafts if dr.sub_event_type not in _NON_VIOLENT]
        words = {t.lower_ for t in subjects}
        for dr in reversed(violent):
            if words & dr.trigger_words:
                return dr
        if words & _GENERIC_EVENT_NOUNS and violent:
            return violent[-1]
        return None

    def _merge_target(
        self,
        drafts: list[Draft],
        sub_type: SubEventType,
        d: date | None,
        place: Place | None,
        referring: bool,
        strict: bool = False,
    ) -> Draft | None:
        same = [dr for dr in drafts if _compatible(dr.sub_event_type, sub_type)]
        if not same:
            return None
        if referring:
            return same[-1]
        for dr in reversed(same):
            if dates_agree(dr.date, d) and places_agree(dr.place, place):
                return dr
            # the headline's event, told again in the lead with a finer place nearby
            headline_only = dr.in_headline and len(dr.sentences) == 1 and dr.date is None
            if headline_only and places_near(dr.place, place):
                return dr
            # neither names a specific place: one cross-border episode told over several days
            # (a mention with no trigger of its own, only figures, never stretches an episode)
            if (
                not strict
                and _unlocated(dr.place)
                and _unlocated(place)
                and (dr.date is None or d is None or abs((dr.date - d).days) <= 7)
            ):
                return dr
        return None

    def _update(
        self,
        draft: Draft,
        si: int,
        d: date | None,
        precision: DatePrecision | None,
        place: Place | None,
        sent: Span,
        evidence: Evidence,
        in_headline: bool,
        weight: int,
        referring: bool,
        said: bool = False,
    ) -> None:
        draft.sentences.append(si)
        draft.evidence.append(evidence)
        draft.in_headline = draft.in_headline or in_headline
        draft.weight = max(draft.weight, weight)
        # "the toll rose to 52, the governor said on Saturday" dates the report; "the strike on
        # Friday", later, dates the strike
        replaces_said = draft.date_said and not said
        if d is not None and (
            draft.date is None or _finer(precision, draft.date_precision) or replaces_said
        ):
            draft.date, draft.date_precision, draft.date_said = d, precision, said
        # a referring mention ("this confrontation ... in Delhi") never moves a placed event
        fresh = not (referring and draft.place is not None)
        if (
            place is not None
            and fresh
            and (draft.place is None or places_agree(draft.place, place))
        ):
            draft.place = more_precise(draft.place, place)
        for ent in sentence_ents(sent):
            if ent.label_ != "GPE" or ent.start == sent.start:
                continue
            prep = sent.doc[ent.start - 1].lower_
            between = (
                prep == "and" and "between" in sent.text[: ent.start_char - sent.start_char].lower()
            )
            if prep in _WHERE_PREPS or between:  # "in Afghanistan", "between Pakistan and ..."
                c = self.geo.country(ent.text)
                if c and c not in draft.countries:
                    draft.countries.append(c)
        draft.actors.extend(self._actors(sent))

    def _single_event(self, drafts: list[Draft], figures: list[CasualtyFigure]) -> list[Draft]:
        """A coder note or headline describes one event: merge drafts, let the model type it.

        Its date is the first date the text gives and its place the most precise place the
        text names (of equals, one set in its areas, then the first): coder notes lead with
        "On <date>, in <place>, ...".
        """
        label = None
        predicted = self.clf.predict([self.article.text]) if self.clf is not None else []
        if predicted:
            label, _ = predicted[0]
        if (heading := heading_sub_type(self.article.text)) is not None:
            label = heading.value  # the coder's own category: "Security measures: On ..."
        if label == "none":
            return []
        if not drafts:
            if label is None:
                return []
            whole = Evidence(0, len(self.article.text), self.article.text)
            drafts = [Draft(SubEventType(label), 0, [0], evidence=[whole])]
        main = max(drafts, key=lambda dr: (dr.weight, -dr.first_sentence))
        for dr in drafts:
            if dr is main:
                continue
            main.figures.extend(dr.figures)
            main.evidence.extend(dr.evidence)
            main.countries.extend(c for c in dr.countries if c not in main.countries)
        # a date the event's own words give stands; one counted from another event's only when
        # the note tells of nothing else ("... two days after riots" dates the riots)
        bound = main.date_bound == "own" or (main.date_bound == "counted" and len(drafts) == 1)
        for s in self.sentences if not bound else ():
            found, _ = self._dates(s, None)
            if found:
                main.date, main.date_precision = found[0][1], found[0][2]
                break
        # of equally precise places, one the note sets in its areas ("in Ludhiana (Punjab)",
        # not "the Jalandhar bypass"), then the note's first ("On <date>, in <place>, ...");
        # a wire brief's dateline says where it was filed from, so its town comes last
        lines = self._dateline_spans
        found = [
            (any(a <= f[0] < b for a, b in lines), *f)
            for s in self.sentences
            for f in self._placed_names(s)
        ]
        if found:
            *_, place, _ = min(found, key=lambda f: (f[0], precision_rank(f[2]), not f[3], f[1]))
            main.place = place
        if label is not None:
            # the model hears "recaptured"; the parse says who recaptured (conventions.py)
            main.sub_event_type = coded_sub_type(
                SubEventType(label), self.sentences, figures, self.lex
            )
        return [main]

    def _fill_dates(self, drafts: list[Draft]) -> None:
        """An undated event takes the date the story had reached when it was first mentioned,
        else the publication day (with no precision: a guess, not a reading)."""
        for dr in drafts:
            if dr.date is not None:
                continue
            if dr.context_date is not None:
                dr.date, dr.date_precision = dr.context_date, DatePrecision.DAY
            elif self.article.published is not None:
                dr.date, dr.date_precision = self.article.published, None


def _fires_from_afar(ent: Span) -> bool:
    """A nationality or country that modifies weapons fired from afar: who fired, which says
    less of where than a place does."""
    if ent.label_ != "NORP" and ent.root.dep_ not in {"compound", "amod", "nmod", "poss"}:
        return False
    head = ent.root.head
    for _ in range(3):  # "Saudi military aircraft", "Russian drone strike": up the compounds
        if head.lemma_.lower() in _REMOTE_WEAPONS or head.lower_ in _REMOTE_WEAPONS:
            return True
        if head.dep_ not in {"compound", "amod"} or head.head is head:
            break
        head = head.head
    return False


def _nearest_to(
    match: object, items: list[tuple[int, _T]], sent: Span, matches: list[object]
) -> list[_T]:
    """Items (with document offsets) whose nearest trigger in the sentence is `match`."""
    spans = [m for m in matches if isinstance(m, re.Match)]
    if not isinstance(match, re.Match) or len(spans) < 2:
        return [item for _, item in items]

    def gap(offset: int, m: re.Match[str]) -> int:
        rel = offset - sent.start_char
        return min(abs(rel - m.start()), abs(rel - m.end()))

    return [item for off, item in items if min(spans, key=lambda m: gap(off, m)) is match]


def _absorb_headline_toll(drafts: list[Draft]) -> list[Draft]:
    """A headline that gives only a toll ("Kramatorsk station attack toll rises to 52") tells of
    the event the body names with a trigger ("the missile attack on the railway station"): its
    figures join that event instead of making one of their own."""
    out = list(drafts)
    for dr in drafts:
        if dr.weight > 0 or not dr.in_headline:
            continue
        told = [
            o
            for o in out
            if o is not dr
            and o.weight > 0
            and o.sub_event_type not in _NON_VIOLENT
            and dates_agree(o.date, dr.date)
            and places_agree(o.place, dr.place)
        ]
        if not told:
            continue
        target = min(told, key=lambda o: o.first_sentence)
        target.figures.extend(k for k in dr.figures if k not in target.figures)
        target.evidence.extend(dr.evidence)
        target.in_headline = True
        target.headline_first = target.headline_first or dr.headline_first
        target.place = more_precise(target.place, dr.place)
        out.remove(dr)
    return out


def _possessive_date(
    sent: Span, match: object, dates: list[tuple[int, date, DatePrecision]]
) -> tuple[date, DatePrecision] | None:
    """The date a trigger noun carries as its possessor: "Saturday's missile strike"."""
    if not isinstance(match, re.Match):
        return None
    end = sent.start_char + match.end()
    tokens = [t for t in sent if t.idx < end <= t.idx + len(t) + 1]
    if not tokens:
        return None
    noun = tokens[-1]
    while noun.dep_ == "compound" and noun.head.i > noun.i:  # "missile" of "missile strike"
        noun = noun.head
    owners = [c for c in noun.children if c.dep_ == "poss" and c.ent_type_ == "DATE"]
    if not owners:
        return None
    ent = entity_of(owners[0])
    start = ent.start_char if ent is not None else owners[0].idx
    for offset, d, precision in dates:
        if offset == start:
            return d, precision
    return None


def _owned_by_other(sent: Span, offset: int, match: object) -> bool:
    """Is the date at `offset` the possessor of a noun ("last month's coup") that is not the
    trigger's own noun?"""
    ent = next((e for e in sentence_ents(sent) if e.start_char == offset), None)
    if ent is None or ent.root.dep_ != "poss":
        return False
    noun = ent.root.head
    if isinstance(match, re.Match):
        start, end = sent.start_char + match.start(), sent.start_char + match.end()
        if start <= noun.idx < end:
            return False  # "Saturday's missile strike": the trigger's own date
    return True


_COUNT_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_COUNTED_BACK = re.compile(
    r"\b(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<unit>days?|weeks?)\s+(?P<dir>after|before)\s+(?:\w+\W+){0,3}$",
    re.I,
)


def _counted_back(before: str, base: date | None) -> tuple[date | None, DatePrecision | None]:
    """ "came two days after the suicide attack": the attack's date, from the sentence's date;
    unknown when the text gives no distance."""
    m = _COUNTED_BACK.search(before)
    if m is None or base is None:
        return None, None
    n = m["n"].lower()
    days = (int(n) if n.isdigit() else _COUNT_WORDS[n]) * (
        7 if m["unit"].lower().startswith("week") else 1
    )
    sign = -1 if m["dir"].lower() == "after" else 1
    return base + timedelta(days=sign * days), DatePrecision.DAY


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _date_text(ent: Span) -> str:
    """NER often leaves the day out of "8 May 2020" (tagging only "May 2020"): put it back."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].like_num and ent.text[:3].lower() in _MONTHS:
        return doc[ent.start - 1 : ent.end].text
    return ent.text


def _governing_verb(ent: Span) -> Token:
    """The verb a date phrase hangs off: "stated on Thursday" -> stated."""
    tok = ent.root.head
    for _ in range(4):
        if tok.pos_ in {"VERB", "AUX"} or tok.head is tok:
            break
        tok = tok.head
    return tok


def _compatible(a: SubEventType, b: SubEventType) -> bool:
    """Same sub-type, or a generic explosion ("bombing", "blast") and a specific one."""
    if a is b:
        return True
    generic = SubEventType.REMOTE_EXPLOSIVE
    return (a is generic or b is generic) and SUB_EVENT_PARENT[a] is SUB_EVENT_PARENT[b]


def _unlocated(p: Place | None) -> bool:
    return p is None or p.kind in {"country", "border"}


def _finer(a: DatePrecision | None, b: DatePrecision | None) -> bool:
    order = {
        DatePrecision.DAY: 0,
        DatePrecision.WEEK: 1,
        DatePrecision.MONTH: 2,
        DatePrecision.YEAR: 3,
    }
    return order.get(a, 9) < order.get(b, 9) if a else False  # type: ignore[arg-type]


def _with_event(f: CasualtyFigure, index: int | None) -> CasualtyFigure:
    return replace(f, event_index=index)


def _bare(name: str) -> str:
    """A name's matching key without its generic word: "Tripoli City" and "Tripoli" are one."""
    return strip_generic(fold(name))[0]
