"""Page chrome: which lines are furniture, the page date above the body, the publisher below."""

from __future__ import annotations

import datetime as dt

import pytest

from summitry.ingest import find_chrome, is_chrome_line

CHROME_LINES = [
    " date 2024-11-20 + ↺ − 16 px",
    "Share | Print | A A",
    "A+ A- Reset",
    "Updated: Nov. 20, 2024 10:32 KST",
    "Posted on 20.11.2024",
    "Tuesday, March 3, 2026",
    "Facebook Twitter WhatsApp Email",
    "5 min read",
    "| • |",
    "Home > World > Asia",
    "News › Politics › Diplomacy",
    "Advertisement",
    "Back to top",
    "Home | News | World",
    "Listen to this article",
    "By Jane Doe | March 4, 2025 | 3 min read",
]

TEXT_LINES = [
    "Share prices rose on Monday.",
    "Blinken to visit Seoul",
    "SEOUL, Dec. 30 (Yonhap) -- The president will visit China.",
    "The minister will arrive on Nov. 20.",
    "Print media in the region",
    "Seoul > Tokyo > Beijing is the route.",
    "Kim said the talks were 'good' > expected > hoped",
    "Seoul | Tokyo | Beijing talks set for May",
    "By March 4, 2025, the troops will withdraw from the border.",
    "By Jane Doe",
    "",
]


@pytest.mark.parametrize("line", CHROME_LINES)
def test_chrome_line(line):
    assert is_chrome_line(line)


@pytest.mark.parametrize("line", TEXT_LINES)
def test_text_line(line):
    assert not is_chrome_line(line)


ARTICLE = (
    "The foreign minister will visit Hanoi next week, officials said.\n\nTalks are set for Tuesday."
)

CASES = [
    # (text, body, page date, publisher)
    (ARTICLE, ARTICLE, None, None),
    (
        " date 2024-11-20 + ↺ − 16 px\n\n" + ARTICLE + "\n\nExample.Com",
        ARTICLE,
        dt.date(2024, 11, 20),
        "Example.Com",
    ),
    ("Share | Print\nUpdated 2025-03-04\n\n" + ARTICLE, ARTICLE, dt.date(2025, 3, 4), None),
    (ARTICLE + "\n\nDaily Sentinel\n", ARTICLE, None, "Daily Sentinel"),
    (
        ARTICLE + "\n\nShare | Print\n© 2024 Daily Sentinel. All rights reserved.",
        ARTICLE,
        None,
        "Daily Sentinel",
    ),
    (ARTICLE + " abc@example.co.kr(END)", ARTICLE, None, None),
    (ARTICLE + "\n\nabc@example.co.kr(END)", ARTICLE, None, None),
    (
        "Home > World > Asia\n" + ARTICLE + "\n\nTags: diplomacy, Vietnam\nRelated articles: Hanoi",
        ARTICLE,
        None,
        None,
    ),
    (
        "Home | News | World\nPublished: 2025-03-04 09:12 | Updated: 2025-03-04 10:30\nA- A A+\n\n"
        + ARTICLE
        + "\n\nShare this article\nFacebook Twitter\n\n"
        + "Copyright © 2025 The Example Times. All rights reserved.",
        ARTICLE,
        dt.date(2025, 3, 4),
        "The Example Times",
    ),
    ("By Jane Doe | March 4, 2025 | 3 min read\n\n" + ARTICLE, ARTICLE, dt.date(2025, 3, 4), None),
    # A title-case line that is not standalone, or has punctuation, stays in the body.
    (ARTICLE + "\nDaily Sentinel", ARTICLE + "\nDaily Sentinel", None, None),
    (ARTICLE + "\n\nHe left.", ARTICLE + "\n\nHe left.", None, None),
    # A slug with lower-case parts is not a site name.
    (ARTICLE + "\n\nBritain-vote-Downing", ARTICLE + "\n\nBritain-vote-Downing", None, None),
]


@pytest.mark.parametrize(("text", "body", "page_date", "publisher"), CASES)
def test_find_chrome(text, body, page_date, publisher):
    chrome = find_chrome(text)
    assert text[chrome.body_start : chrome.body_end] == body
    assert chrome.page_date == page_date
    assert chrome.publisher == publisher


def test_only_chrome_leaves_an_empty_body():
    chrome = find_chrome("Share | Print\nA A\n")
    assert chrome.body_end <= chrome.body_start


def test_single_line_is_never_all_chrome_at_the_bottom():
    chrome = find_chrome("Daily Sentinel")
    assert (chrome.body_start, chrome.body_end) == (0, 14)
