"""Whom the violence struck: ACLED codes an attack on armed forces as a clash.

"Violence against civilians" is violence against people who cannot fight back; when gunmen
shoot police officers, soldiers or a gendarmerie post, ACLED codes the event as a Battles /
Armed clash, however one-sided ("armed men shot and injured an off-duty police officer"). A
model reading "attacked" and "shot" says Attack; the victims the note counts say who was hit.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.models import CasualtyFigure, CasualtyStatus, SubEventType, VictimKind

_HARMED = {CasualtyStatus.KILLED, CasualtyStatus.WOUNDED, CasualtyStatus.CASUALTIES}


def with_targets(label: SubEventType, figures: Sequence[CasualtyFigure]) -> SubEventType:
    """An Attack whose counted victims are all security forces is an Armed clash. Guards do not
    count: a security guard is a civilian to ACLED, and "prison guards" may be the attackers."""
    if label is not SubEventType.ATTACK:
        return label
    harmed = [f for f in figures if f.status in _HARMED]
    if harmed and all(
        f.victim_kind is VictimKind.SECURITY_FORCES and "guard" not in (f.victim or "").lower()
        for f in harmed
    ):
        return SubEventType.ARMED_CLASH
    return label
