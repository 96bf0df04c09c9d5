"""Rows inside one transaction: dialect-specific statements, place and actor ids, the
references a fused event makes to stored rows, loader options, fused event <-> rows."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from sitrep.models import (
    CasualtyFigure,
    Contradiction,
    Event,
    EventMention,
    FusedEvent,
    LedgerClaim,
    MergeDecision,
    Place,
)
from sitrep.store import convert
from sitrep.store.errors import StoreError, UnknownReference
from sitrep.store.schema import (
    ActorRow,
    ClaimRow,
    ContradictionRow,
    DocEventRow,
    DocumentRow,
    FusedCountryRow,
    FusedEventRow,
    FusedMemberRow,
    LedgerClaimRow,
    MemberClaimRow,
    MergeLogRow,
    PlaceRow,
)


def insert_ignoring(session: Session, model: type[Any], keys: list[str]) -> Any:
    """INSERT ... ON CONFLICT (keys) DO NOTHING, in the session's dialect."""
    name = session.get_bind().dialect.name
    if name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    elif name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    else:  # pragma: no cover - open_store refuses other backends first
        raise StoreError(f"unsupported database backend {name!r}")
    return dialect_insert(model).on_conflict_do_nothing(index_elements=keys)


def upserting(session: Session, model: type[Any], keys: list[str], update: list[str]) -> Any:
    name = session.get_bind().dialect.name
    if name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    stmt = dialect_insert(model)
    return stmt.on_conflict_do_update(
        index_elements=keys, set_={c: getattr(stmt.excluded, c) for c in update}
    )


class Names:
    """Place and actor ids within one write transaction: looked up, else inserted, then cached."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._places: dict[str, int] = {}
        self._actors: dict[str, int] = {}

    def place_id(self, place: Place | None) -> int | None:
        if place is None:
            return None
        values = convert.place_values(place)
        key = values["key"]
        if key not in self._places:
            s = self._session
            found = s.scalar(select(PlaceRow.id).where(PlaceRow.key == key))
            if found is None:
                s.execute(insert_ignoring(s, PlaceRow, ["key"]), [values])
                found = s.scalar(select(PlaceRow.id).where(PlaceRow.key == key))
            assert found is not None
            self._places[key] = found
        return self._places[key]

    def actor_id(self, name: str | None) -> int | None:
        if name is None:
            return None
        if name not in self._actors:
            s = self._session
            found = s.scalar(select(ActorRow.id).where(ActorRow.name == name))
            if found is None:
                s.execute(insert_ignoring(s, ActorRow, ["name"]), [{"name": name}])
                found = s.scalar(select(ActorRow.id).where(ActorRow.name == name))
            assert found is not None
            self._actors[name] = found
        return self._actors[name]

    def event_ids(self, event: Event) -> dict[str, int | None]:
        return {
            "place_id": self.place_id(event.place),
            "actor1_id": self.actor_id(event.actor1),
            "actor2_id": self.actor_id(event.actor2),
        }


@dataclass(slots=True)
class _StoredDocument:
    events: dict[int, tuple[int, Event]]  # event_index -> (doc_events.id, event)
    claims: dict[CasualtyFigure, int]  # figure -> claims.id (the first, if repeated)


class References:
    """Resolves what a fused event names (document events, figures) to stored row ids."""

    def __init__(self, session: Session, cache_size: int = 256) -> None:
        self._session = session
        self._cache: OrderedDict[str, _StoredDocument | None] = OrderedDict()
        self._cache_size = cache_size

    def _document(self, doc_id: str) -> _StoredDocument:
        if doc_id in self._cache:
            self._cache.move_to_end(doc_id)
            stored = self._cache[doc_id]
        else:
            row = self._session.scalar(
                select(DocumentRow).where(DocumentRow.doc_id == doc_id).options(*EXTRACTION)
            )
            stored = None
            if row is not None:
                stored = _StoredDocument(
                    events={
                        e.event_index: (e.id, convert.doc_event_from_row(e)) for e in row.events
                    },
                    claims={},
                )
                for claim in row.claims:
                    stored.claims.setdefault(convert.figure_from_row(claim), claim.id)
            self._cache[doc_id] = stored
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        if stored is None:
            raise UnknownReference(f"document {doc_id!r} is not in the store")
        return stored

    def doc_event_id(self, mention: EventMention) -> int:
        stored = self._document(mention.doc_id).events.get(mention.index)
        if stored is None:
            raise UnknownReference(f"document {mention.doc_id!r} has no event {mention.index}")
        row_id, event = stored
        if event != mention.event:
            raise UnknownReference(
                f"event {mention.index} of {mention.doc_id!r} differs from the stored one"
            )
        return row_id

    def claim_id(self, doc_id: str, figure: CasualtyFigure) -> int:
        found = self._document(doc_id).claims.get(figure)
        if found is None:
            raise UnknownReference(f"document {doc_id!r} holds no such figure: {figure}")
        return found


# Loader options: what to fetch with a document, and with a fused event.
EXTRACTION = (
    selectinload(DocumentRow.events).options(
        joinedload(DocEventRow.place),
        joinedload(DocEventRow.actor1),
        joinedload(DocEventRow.actor2),
    ),
    selectinload(DocumentRow.claims),
)
_CLAIM = joinedload(ClaimRow.document).load_only(DocumentRow.doc_id)
FUSED = (
    joinedload(FusedEventRow.place),
    joinedload(FusedEventRow.actor1),
    joinedload(FusedEventRow.actor2),
    selectinload(FusedEventRow.members).options(
        joinedload(FusedMemberRow.doc_event).options(
            joinedload(DocEventRow.document).load_only(DocumentRow.doc_id),
            joinedload(DocEventRow.place),
            joinedload(DocEventRow.actor1),
            joinedload(DocEventRow.actor2),
        ),
        selectinload(FusedMemberRow.claim_links).joinedload(MemberClaimRow.claim).options(_CLAIM),
    ),
    selectinload(FusedEventRow.ledger).joinedload(LedgerClaimRow.claim).options(_CLAIM),
    selectinload(FusedEventRow.contradictions),
)


def fused_from_row(row: FusedEventRow) -> FusedEvent:
    mentions = tuple(
        EventMention(
            doc_id=m.doc_event.document.doc_id,
            index=m.doc_event.event_index,
            event=convert.doc_event_from_row(m.doc_event),
            published=m.published,
            casualties=tuple(convert.figure_from_row(link.claim) for link in m.claim_links),
        )
        for m in row.members
    )
    claims = tuple(
        LedgerClaim(
            doc_id=entry.claim.document.doc_id,
            figure=convert.figure_from_row(entry.claim),
            published=entry.published,
            superseded=entry.superseded,
        )
        for entry in row.ledger
    )
    return FusedEvent(
        event_id=row.event_id,
        event=convert.event_from_row(row, convert.fatalities_from_row(row, "event_fatalities")),
        mentions=mentions,
        claims=claims,
        fatalities=convert.fatalities_from_row(row),
        contradictions=tuple(
            Contradiction(kind=c.kind, between=tuple(c.between), detail=c.detail)
            for c in row.contradictions
        ),
    )


def fused_to_row(
    fused: FusedEvent,
    names: Names,
    refs: References,
    decided: Mapping[tuple[str, str, int], MergeDecision],
    now: dt.datetime,
) -> FusedEventRow:
    event = fused.event
    members = []
    for position, mention in enumerate(fused.mentions):
        decision = decided.get((fused.event_id, mention.doc_id, mention.index))
        members.append(
            FusedMemberRow(
                position=position,
                doc_event_id=refs.doc_event_id(mention),
                published=mention.published,
                score=None if decision is None else decision.score,
                reason=None if decision is None else decision.reason,
                claim_links=[
                    MemberClaimRow(position=i, claim_id=refs.claim_id(mention.doc_id, f))
                    for i, f in enumerate(mention.casualties)
                ],
            )
        )
    return FusedEventRow(
        event_id=fused.event_id,
        **convert.event_values(event),
        **names.event_ids(event),
        **convert.fatalities_values(event.fatalities, "event_fatalities"),
        **convert.fatalities_values(fused.fatalities),
        updated_at=now,
        country_rows=[
            FusedCountryRow(position=i, country=c, country_folded=c.strip().casefold())
            for i, c in enumerate(event.countries)
        ],
        members=members,
        ledger=[
            LedgerClaimRow(
                position=i,
                claim_id=refs.claim_id(claim.doc_id, claim.figure),
                published=claim.published,
                superseded=claim.superseded,
            )
            for i, claim in enumerate(fused.claims)
        ],
        contradictions=[
            ContradictionRow(position=i, kind=c.kind, between=list(c.between), detail=c.detail)
            for i, c in enumerate(fused.contradictions)
        ],
    )


def log_row(decision: MergeDecision, *, manual: bool, at: dt.datetime) -> MergeLogRow:
    return MergeLogRow(
        event_id=decision.event_id,
        doc_id=decision.doc_id,
        event_index=decision.index,
        score=decision.score,
        reason=decision.reason,
        manual=manual,
        decided_at=at,
    )
