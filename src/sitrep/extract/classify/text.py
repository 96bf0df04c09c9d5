"""Text normalisation and keyword cues shared by training and prediction.

ACLED coders' notes are formulaic ("On 9 May 2020, ... [size=no report]", "1 fatality.").
A classifier trained on them verbatim learns the formula, not the event. ``normalise_text``
removes that boilerplate so that training notes look like the news sentences the classifier
sees at prediction time; it is applied identically on both sides.
"""

from __future__ import annotations

import re

import numpy as np

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"\b(?:{_DAY}\s+{_MONTHS},?\s+\d{{4}}|{_MONTHS}\s+{_DAY},?\s+\d{{4}}"
    rf"|{_DAY}\s*(?:-|and|to)\s*{_DAY}\s+{_MONTHS},?\s+\d{{4}})\b",
    re.IGNORECASE,
)
_DATE_LEAD = re.compile(
    r"\b(?:on or around|on or about|as reported on|reported on|around|between|"
    r"on|by|since|during the week of|in the week of|the week of)\s+(?:DATEX\s*(?:and|-|to)\s*)?DATEX",
    re.IGNORECASE,
)
_CODER_PARENS = re.compile(
    r"\((?:as reported|midweek|week of|or around|or about|approximately|reported)\)",
    re.IGNORECASE,
)
_CODER_TAG = re.compile(
    r"^\s*(?:Property destruction|Movement of forces|Security measures|Non-violent activity|"
    r"Looting|Arrests?|Headquarters or base established|Weapons seizure|Detonation|Interception|"
    r"Other|Land seizure|Defusal|Agreement|Change to group/activity|Non-violent transfer of territory|"
    r"Disrupted weapons use)\s*:\s+",
    re.IGNORECASE,
)
_BRACKETS = re.compile(r"\[(?:size=[^\]]*|[^\]]*fatalit[^\]]*|[^\]]*split[^\]]*)\]", re.IGNORECASE)
# Sentences that only record ACLED's coding of the death toll.
_FATALITY_NOTE = re.compile(
    r"(?:(?<=^)|(?<=[.!?;]\s))"
    r"(?:(?:at least\s+)?\d+\s+fatalit(?:y|ies)(?:\s+and\s+\d+\s+injur(?:ed|ies))?\s*\."
    r"|[^.]{0,80}\bfatalit(?:y|ies|es)\b[^.]{0,60}\b(?:coded|split|spread|divided)\b[^.]*(?:\.|$)"
    r"|total fatalities [^.]*\.)",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_LEADING_PUNCT = re.compile(r"^[\s,;:.\-]+")


def normalise_text(text: str) -> str:
    """Strip ACLED coder boilerplate (dates, tags, size and fatality notes) and tidy spaces.

    Ordinary news sentences pass through almost unchanged (only full dates are removed).
    """
    if not text:
        return ""
    t = _CODER_TAG.sub("", text)
    t = _BRACKETS.sub(" ", t)
    t = _CODER_PARENS.sub(" ", t)
    t = _DATE.sub("DATEX", t)
    t = _DATE_LEAD.sub(" ", t)
    t = t.replace("DATEX", " ")
    t = _SPACES.sub(" ", t).strip()
    t = _FATALITY_NOTE.sub(" ", t)
    t = _SPACES.sub(" ", t).strip()
    t = re.sub(r"\s+([,.;:])", r"\1", t)
    t = _LEADING_PUNCT.sub("", t)
    # "On 9 May 2020, in X, ..." -> "in X, ..."; capitalise the first letter again.
    return t[:1].upper() + t[1:] if t else ""


# Strong lexical cues for ACLED sub-types (data, not code: each cue is one regex).
# They are a handful of dense indicator features added to the learned features, so that
# a rare sub-type with an unmistakable word ("grenade", "chlorine") is not drowned out.
CUES: tuple[tuple[str, str], ...] = (
    (
        "air",
        r"\b(?:air ?strikes?|air ?raids?|warplanes?|jets?|drones?|uavs?|helicopter gunships?|"
        r"aircraft|air force|bombard(?:ed|ment) from the air|airstrikes?)\b",
    ),
    (
        "ied",
        r"\b(?:ieds?|improvised explosive|landmines?|land mines?|roadside bombs?|car bombs?|"
        r"vbied|explosive devices?|mines?|bomb (?:planted|exploded|went off)|remote(?:ly)? detonated|"
        r"magnetic bombs?|sticky bombs?)\b",
    ),
    (
        "suicide",
        r"\b(?:suicide (?:bomb(?:er|ing|s)?|attack(?:er)?s?|vest|car)|blew (?:himself|herself|themselves) up)\b",
    ),
    ("grenade", r"\bgrenades?\b"),
    (
        "chemical",
        r"\b(?:chemical (?:weapons?|attack|agents?)|chlorine|sarin|mustard gas|nerve agent|toxic gas)\b",
    ),
    (
        "shelling",
        r"\b(?:shell(?:s|ed|ing)|mortars?|artillery|rockets?|missiles?|howitzers?|"
        r"grad|katyusha|projectiles?|bombard(?:ed|ment|ing))\b",
    ),
    (
        "protest",
        r"\b(?:protest(?:s|ed|ers?|ing)?|demonstrat(?:ion|ions|ors?|ed|ing)|rall(?:y|ies|ied)|"
        r"march(?:ed|es)?|sit-?in|picket(?:ed|ing)?|strike(?:rs)?|vigil)\b",
    ),
    (
        "riot",
        r"\b(?:riot(?:s|ers|ing|ed)?|stones?|stone-pelting|pelted|hurled stones|burn(?:ed|t) tyres|"
        r"tires|clashed with police|vandali[sz]ed)\b",
    ),
    (
        "intervene",
        r"\b(?:tear ?gas|dispersed|water cannons?|rubber bullets|baton|lathi|broke up)\b",
    ),
    ("mob", r"\b(?:mob|lynch(?:ed|ing)?|vigilantes?|angry (?:crowd|residents|villagers))\b"),
    (
        "abduct",
        r"\b(?:abduct(?:ed|ion|s|ing)?|kidnap(?:ped|ping|s)?|hostages?|forced disappearance|"
        r"taken captive|seized \d+ (?:people|civilians))\b",
    ),
    (
        "sexual",
        r"\b(?:rap(?:e|ed|es|ing)|sexual(?:ly)? (?:assault|violence|abuse)|sexually assaulted)\b",
    ),
    (
        "arrest",
        r"\b(?:arrest(?:ed|s|ing)?|detain(?:ed|s)?|detention|custody|apprehended|rounded up)\b",
    ),
    (
        "loot",
        r"\b(?:loot(?:ed|ing|ers)?|torch(?:ed)?|set (?:on )?fire|set ablaze|burn(?:ed|t) down|"
        r"vandali[sz](?:ed|m)|destroyed (?:houses|homes|property)|demolish(?:ed)?|ransack(?:ed)?)\b",
    ),
    (
        "agreement",
        r"\b(?:ceasefire|cease-fire|truce|agreement|accord|peace (?:deal|talks|treaty)|"
        r"signed|deal|negotiat(?:ed|ions)|prisoner (?:swap|exchange)|released prisoners)\b",
    ),
    (
        "territory",
        r"\b(?:recaptur(?:ed|e)|retook|regain(?:ed)?|seized (?:control|the town|the city|the village)|"
        r"captured|took control|overran|liberat(?:ed|ion)|control of|fell to)\b",
    ),
    (
        "withdraw",
        r"\b(?:withdr[ae]w|handed over|handover|pulled out|evacuated|transfer(?:red)? (?:control|of))\b",
    ),
    (
        "base",
        r"\b(?:established|set up|new (?:base|headquarters|outpost|camp)|headquarters|bases?|"
        r"outposts?|military posts?|checkpoints?)\b",
    ),
    (
        "weapons_disrupt",
        r"\b(?:defus(?:ed|al)|seized (?:weapons|arms|ammunition|explosives)|weapons cache|"
        r"arms cache|intercepted|shot down|dismantled|cleared .{0,20}mines|seizure|"
        r"confiscated|bomb disposal)\b",
    ),
    (
        "clash",
        r"\b(?:clash(?:es|ed)?|fighting|fought|gun ?battle|exchange of fire|exchanged fire|"
        r"firefight|ambush(?:ed)?|offensive|battle)\b",
    ),
    (
        "attack_civ",
        r"\b(?:shot dead|gunmen|killed (?:a|two|three|\d+) civilians?|stabbed|hacked|"
        r"beheaded|assassinat(?:ed|ion)|murder(?:ed)?|body (?:was )?found)\b",
    ),
    (
        "group_change",
        r"\b(?:defect(?:ed|ion|s)?|join(?:ed)? the|merg(?:ed|er)|curfew|deploy(?:ed|ment)|"
        r"reinforcements?|convoy|recruit(?:ed|ment)|training|announced|state of emergency)\b",
    ),
    (
        "none_disaster",
        r"\b(?:floods?|flooding|earthquake|landslides?|cyclone|hurricane|storm|drought|"
        r"wildfire|covid|coronavirus cases|pandemic cases|accident|crash(?:ed)?|collapsed)\b",
    ),
    (
        "none_diplomacy",
        r"\b(?:sanctions|summit|met with|visit(?:ed)?|talks with|urged|condemned|"
        r"election|voted|parliament|trade)\b",
    ),
)
_CUE_RES = tuple(re.compile(p, re.IGNORECASE) for _, p in CUES)
CUE_NAMES = tuple(n for n, _ in CUES)


def cue_features(texts: list[str]) -> np.ndarray:
    """Binary indicators (n_texts x n_cues), float32, for the ``CUES`` above."""
    out = np.zeros((len(texts), len(_CUE_RES)), dtype=np.float32)
    for i, t in enumerate(texts):
        for j, rx in enumerate(_CUE_RES):
            if rx.search(t):
                out[i, j] = 1.0
    return out
