"""A note headed by its category keeps the coder's category."""

from __future__ import annotations

import pytest

from sitrep.extract.headings import heading_sub_type
from sitrep.models import SubEventType


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Security measures: On 3 June 2021, HTS set up checkpoints.", "Change to group/activity"),
        ("Movement of forces: On 3 June 2021, a convoy entered.", "Change to group/activity"),
        ("Interception: On 3 June 2021, a drone was shot down.", "Disrupted weapons use"),
        ("Property destruction: On 3 June 2021, a shop burnt.", "Looting/property destruction"),
        ("On 3 June 2021, police arrested two men.", None),
        ("Kabul: two people were killed in a blast.", None),  # a dateline, not a category
        ("", None),
    ],
)
def test_a_heading_names_the_sub_type(text: str, sub_type: str | None) -> None:
    found = heading_sub_type(text)
    assert (found.value if found else None) == sub_type
    assert found is None or isinstance(found, SubEventType)
