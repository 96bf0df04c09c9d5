"""Wire datelines set apart from the lead they open."""

from __future__ import annotations

import pytest

from sitrep.clean import clean
from sitrep.clean.dateline import split_dateline
from sitrep.models import RawDocument


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        (
            "PESHAWAR, Pakistan (AP) — A suicide bomber rammed into a police checkpoint on Thursday.",
            "PESHAWAR, Pakistan (AP) —",
        ),
        (
            "RAFAH, Gaza Strip, Nov 14 (Reuters) - Israeli air strikes on the city killed at least 18 people.",
            "RAFAH, Gaza Strip, Nov 14 (Reuters) -",
        ),
        (
            "GOMA, Democratic Republic of Congo, March 3 (Reuters) - M23 rebels killed at least "
            "12 civilians in the village, the army said.",
            "GOMA, Democratic Republic of Congo, March 3 (Reuters) -",
        ),
        (
            "ISLAMABAD: Pakistan's army said on Monday that its troops had killed five militants.",
            "ISLAMABAD:",
        ),
        (
            "NEW DELHI, Oct 12 (Reuters) - Indian troops killed three militants in Kashmir, the army said.",
            "NEW DELHI, Oct 12 (Reuters) -",
        ),
        (
            "KABUL/ISLAMABAD (Reuters) - Troops on both sides of the border exchanged fire on "
            "Sunday, officials said.",
            "KABUL/ISLAMABAD (Reuters) -",
        ),
    ],
)
def test_a_dateline_is_split_from_its_lead(line: str, dateline: str) -> None:
    head, lead = split_dateline(line)
    assert head == dateline and line.endswith(lead) and lead[0].isupper()


@pytest.mark.parametrize(
    "line",
    [
        "UPDATE 1-Four die in Kashmir shelling-Pakistan.",  # a headline, no dateline
        "TWO SOLDIERS KILLED IN KASHMIR",
        "UN — The Security Council met on Friday to discuss the fighting in the north.",
        "Kabul, Afghanistan: Afghanistan's Taliban said their forces had killed 58 soldiers.",
        "KABUL — Two killed.",  # too short to be a lead
    ],
)
def test_other_lines_are_left_alone(line: str) -> None:
    assert split_dateline(line) == [line]


def test_clean_puts_the_dateline_on_a_line_of_its_own() -> None:
    raw = RawDocument(
        "d",
        "Suicide bomber kills 9 in Pakistan\n\n"
        "PESHAWAR, Pakistan (AP) — A suicide bomber rammed into a police checkpoint on "
        "Thursday, killing nine officers, police said.",
    )
    text = clean(raw).text
    assert "PESHAWAR, Pakistan (AP) —\nA suicide bomber" in text


def test_the_lead_figures_are_the_polices_not_the_datelines(extractor) -> None:  # type: ignore[no-untyped-def]
    raw = RawDocument(
        "d",
        "PESHAWAR, Pakistan (AP) — A suicide bomber on a motorcycle rammed into a police "
        "checkpoint in northwestern Pakistan on Thursday, killing nine officers and wounding 15 "
        "others, police said.\n\nThe attack happened in the Dera Ismail Khan district of "
        "Khyber Pakhtunkhwa province, local police chief Nasir Mehmood said. He said the "
        "attacker detonated his explosives as officers were checking vehicles.",
    )
    figures = extractor.extract(clean(raw)).casualties
    assert figures and {f.claimant.name for f in figures} == {"police"}
