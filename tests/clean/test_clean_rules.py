"""The rules clean/ applies line by line: debris, broken-line joining, normalisation."""

from __future__ import annotations

import pytest

from sitrep.clean.debris import debris_rule, strip_inline_credits
from sitrep.clean.lines import join_broken_lines
from sitrep.clean.normalize import normalize_text


@pytest.mark.parametrize(
    "line",
    [
        "Read Also: India's stance on Pak-Afghan Tensions",
        "ALSO READ | Pakistan army chief visits border posts",
        "Read more: Taliban name new envoy",
        "You might also like",
        "Related Articles",
        "Trending Now",
        "Most Read",
        "Source: aajtak",
        "Photo: Reuters",
        "(Photo - ITG)",
        "(AP Photo/Rahmat Gul)",
        "File photo",
        "Advertisement",
        "ADVERTISEMENT - SCROLL TO CONTINUE",
        "Story continues below advertisement",
        "Click here to read the full statement",
        "Share this article",
        "Facebook Twitter WhatsApp",
        "Follow us on Google News",
        "Subscribe to our newsletter for daily updates",
        "Join our WhatsApp channel",
        "(With inputs from agencies)",
        "Updated: Oct 12, 2025, 10:43 AM IST",
        "© 2025 Example Media",
        "* * *",
    ],
)
def test_debris_lines_are_recognised(line: str) -> None:
    assert debris_rule(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Source: A senior official said the attack killed 12 people in the market.",
        "Published on Monday, the UN report found 37 civilians were killed.",
        "Pakistan will share intelligence with Kabul, officials said.",
        "Sources said the convoy was hit near the border crossing.",
        "Read the full statement below, the ministry said in a post on X.",
        "Photographs shared online showed smoke rising over the market after the strike.",
        "Indian Former Diplomat Comments on PAK-Afghan Tensions",
        "Advertisements for the rally were torn down before 200 people were arrested.",
        "Related to the clashes, 30 people were detained in Peshawar.",
    ],
)
def test_body_lines_are_not_debris(line: str) -> None:
    assert debris_rule(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Tensions escalated on Saturday night. (Photo - ITG)",
            "Tensions escalated on Saturday night.",
        ),
        ("Rescuers at the site in Kabul. (AP Photo/Rahmat Gul)", "Rescuers at the site in Kabul."),
        (
            "Officials (Photo: the ministry) said 12 died.",
            "Officials (Photo: the ministry) said 12 died.",
        ),
        ("Twelve were killed (police said)", "Twelve were killed (police said)"),
    ],
)
def test_inline_photo_credits_are_stripped_at_line_end_only(line: str, expected: str) -> None:
    assert strip_inline_credits(line) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Kabul,", "Afghanistan:", "Twelve were killed."], ["Kabul, Afghanistan: Twelve were killed."]),
        (["clashes between", "Afghanistan and Pakistan."], ["clashes between Afghanistan and Pakistan."]),
        (["Twelve people were", "killed."], ["Twelve people were killed."]),
        (["A long line that is clearly a broken sentence because it runs on and on and on", "Kabul."],
         ["A long line that is clearly a broken sentence because it runs on and on and on Kabul."]),
        (["Afghan Defense Ministry Issues Warning", "The ministry said 12 died."],
         ["Afghan Defense Ministry Issues Warning", "The ministry said 12 died."]),
        (["Twelve were killed.", "Police said so."], ["Twelve were killed.", "Police said so."]),
        (["The victims were:", "- 12 civilians", "- 3 police officers"],
         ["The victims were:", "- 12 civilians", "- 3 police officers"]),
        (["a cease-", "fire was agreed."], ["a cease-fire was agreed."]),
        (['He said "we will respond."', "Officials agreed."], ['He said "we will respond."', "Officials agreed."]),
    ],
)  # fmt: skip
def test_broken_lines_are_joined_and_real_breaks_kept(
    lines: list[str], expected: list[str]
) -> None:
    assert join_broken_lines(lines) == expected


def test_normalisation() -> None:
    raw = "Cafe\u0301\u00a0in\u2009Kabul\u200b\r\nline\u2028two\u2029para\t\tend  \x07"
    assert normalize_text(raw) == "Café in Kabul\nline\ntwo\n\npara end"


def test_zero_width_non_joiner_is_kept_for_persian() -> None:
    persian = "می\u200cخواهم"
    assert normalize_text(persian) == persian


def test_entities_are_unescaped_only_when_asked() -> None:
    assert normalize_text("AT&amp;T &#8217;s", unescape_entities=True) == "AT&T ’s"
    assert normalize_text("AT&amp;T") == "AT&amp;T"
