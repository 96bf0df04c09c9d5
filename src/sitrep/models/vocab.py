"""Controlled vocabularies: ACLED's event taxonomy and the casualty fields of FORMAT.md §2."""

from __future__ import annotations

from enum import StrEnum


class EventType(StrEnum):
    BATTLES = "Battles"
    EXPLOSIONS = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class SubEventType(StrEnum):
    ARMED_CLASH = "Armed clash"
    GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_ACTOR_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION = "Abduction/forced disappearance"
    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE = "Excessive force against protesters"
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    HEADQUARTERS_ESTABLISHED = "Headquarters or base established"
    LOOTING = "Looting/property destruction"
    NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
    OTHER = "Other"


_S = SubEventType
_T = EventType

#: ACLED's 25 sub-types, each under exactly one of its 6 types.
SUB_EVENT_PARENT: dict[SubEventType, EventType] = {
    _S.ARMED_CLASH: _T.BATTLES,
    _S.GOVERNMENT_REGAINS_TERRITORY: _T.BATTLES,
    _S.NON_STATE_ACTOR_OVERTAKES_TERRITORY: _T.BATTLES,
    _S.CHEMICAL_WEAPON: _T.EXPLOSIONS,
    _S.AIR_DRONE_STRIKE: _T.EXPLOSIONS,
    _S.SUICIDE_BOMB: _T.EXPLOSIONS,
    _S.SHELLING: _T.EXPLOSIONS,
    _S.REMOTE_EXPLOSIVE: _T.EXPLOSIONS,
    _S.GRENADE: _T.EXPLOSIONS,
    _S.SEXUAL_VIOLENCE: _T.VIOLENCE_AGAINST_CIVILIANS,
    _S.ATTACK: _T.VIOLENCE_AGAINST_CIVILIANS,
    _S.ABDUCTION: _T.VIOLENCE_AGAINST_CIVILIANS,
    _S.PEACEFUL_PROTEST: _T.PROTESTS,
    _S.PROTEST_WITH_INTERVENTION: _T.PROTESTS,
    _S.EXCESSIVE_FORCE: _T.PROTESTS,
    _S.VIOLENT_DEMONSTRATION: _T.RIOTS,
    _S.MOB_VIOLENCE: _T.RIOTS,
    _S.AGREEMENT: _T.STRATEGIC_DEVELOPMENTS,
    _S.ARRESTS: _T.STRATEGIC_DEVELOPMENTS,
    _S.CHANGE_TO_GROUP: _T.STRATEGIC_DEVELOPMENTS,
    _S.DISRUPTED_WEAPONS_USE: _T.STRATEGIC_DEVELOPMENTS,
    _S.HEADQUARTERS_ESTABLISHED: _T.STRATEGIC_DEVELOPMENTS,
    _S.LOOTING: _T.STRATEGIC_DEVELOPMENTS,
    _S.NON_VIOLENT_TRANSFER: _T.STRATEGIC_DEVELOPMENTS,
    _S.OTHER: _T.STRATEGIC_DEVELOPMENTS,
}


class CasualtyStatus(StrEnum):
    KILLED = "killed"
    WOUNDED = "wounded"
    CASUALTIES = "casualties"  # killed or wounded, not split
    ABDUCTED = "abducted"
    ARRESTED = "arrested"


class VictimKind(StrEnum):
    CIVILIAN = "civilian"
    SECURITY_FORCES = "security_forces"
    MILITANTS = "militants"
    UNSPECIFIED = "unspecified"


class ClaimantType(StrEnum):
    """Who stands behind a figure; drives reconciliation (FORMAT.md §6)."""

    PARTY = "party"  # a party to the conflict (armed group, military, their spokespeople)
    GOVERNMENT = "government"  # a government body that is not itself fighting
    MONITOR = "monitor"  # UN, NGO, independent monitor
    MEDICAL = "medical"  # hospitals, health officials, rescuers
    MEDIA = "media"  # the article's own voice
    ANONYMOUS = "anonymous"  # "security sources", "officials speaking on condition of anonymity"
    OTHER = "other"


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
