"""Wire datelines: (text, anchor day) -> (dateline text, place, date, agency)."""

from __future__ import annotations

import datetime as dt

import pytest

from summitry.ingest import find_dateline

D = dt.date

FOUND = [
    # Reuters: upper-case city, month and day, a hyphen.
    (
        "ROME, Feb 27 - Party leaders agreed to meet.",
        D(1987, 2, 26),
        "ROME, Feb 27 -",
        "Rome",
        D(1987, 2, 27),
        None,
    ),
    (
        "TOKYO, March 3 (Reuters) - The talks opened.",
        D(2025, 3, 3),
        "TOKYO, March 3 (Reuters) -",
        "Tokyo",
        D(2025, 3, 3),
        "Reuters",
    ),
    # The year is the one nearest the anchor: Dec. 30 seen from Jan. 2 is last year.
    (
        "SEOUL, Dec. 30 (Yonhap) -- The president will visit.",
        D(2026, 1, 2),
        "SEOUL, Dec. 30 (Yonhap) --",
        "Seoul",
        D(2025, 12, 30),
        "Yonhap",
    ),
    (
        "SEOUL, Jan. 2 (Yonhap) -- The adviser said.",
        D(2025, 12, 31),
        "SEOUL, Jan. 2 (Yonhap) --",
        "Seoul",
        D(2026, 1, 2),
        "Yonhap",
    ),
    # Agency only, with a region.
    (
        "WASHINGTON (AP) -- The secretary left.",
        D(1998, 8, 18),
        "WASHINGTON (AP) --",
        "Washington",
        None,
        "AP",
    ),
    (
        "NAIROBI, Kenya (AP) _\n\nThe envoy arrived.",
        D(1998, 8, 18),
        "NAIROBI, Kenya (AP) _",
        "Nairobi, Kenya",
        None,
        "AP",
    ),
    (
        "WASHINGTON, D.C. (AP) -- Talks resumed.",
        None,
        "WASHINGTON, D.C. (AP) --",
        "Washington, D.C.",
        None,
        "AP",
    ),
    # Xinhua, with and without spaces.
    (
        "BEIJING, Nov. 16 (Xinhua) -- The premier met.",
        D(2006, 11, 16),
        "BEIJING, Nov. 16 (Xinhua) --",
        "Beijing",
        D(2006, 11, 16),
        "Xinhua",
    ),
    (
        "BEIJING, Nov. 14(Xinhua)-- The premier met.",
        D(2006, 11, 14),
        "BEIJING, Nov. 14(Xinhua)--",
        "Beijing",
        D(2006, 11, 14),
        "Xinhua",
    ),
    # Multi-word places and regions; region before the date.
    (
        "BUENOS AIRES, March 16 - The president met.",
        D(1987, 3, 16),
        "BUENOS AIRES, March 16 -",
        "Buenos Aires",
        D(1987, 3, 16),
        None,
    ),
    (
        "STRASBOURG, France, March 11 - He said.",
        D(1987, 3, 11),
        "STRASBOURG, France, March 11 -",
        "Strasbourg, France",
        D(1987, 3, 11),
        None,
    ),
    (
        "LA PAZ, Jan. 3 (AP) -- The minister said.",
        D(2026, 1, 1),
        "LA PAZ, Jan. 3 (AP) --",
        "La Paz",
        D(2026, 1, 3),
        "AP",
    ),
    (
        "ZHANJIANG, GUANGDONG, Nov. 15 (Xinhua) --The ship arrived.",
        D(2006, 11, 15),
        "ZHANJIANG, GUANGDONG, Nov. 15 (Xinhua) --",
        "Zhanjiang, Guangdong",
        D(2006, 11, 15),
        "Xinhua",
    ),
    # Upper-case month, title-case place at the start of a line.
    (
        "BRASILIA, MARCH 5 - The minister will fly.",
        D(1987, 3, 5),
        "BRASILIA, MARCH 5 -",
        "Brasilia",
        D(1987, 3, 5),
        None,
    ),
    (
        "Tokyo, April 17 - The secretary opens talks.",
        D(1987, 4, 17),
        "Tokyo, April 17 -",
        "Tokyo",
        D(1987, 4, 17),
        None,
    ),
    # A bare place and an em dash at the start of the body.
    ("BEIJING — The president took a selfie.", D(2026, 1, 6), "BEIJING —", "Beijing", None, None),
    # After a Yonhap slug, headline and byline on the same line.
    (
        "(LEAD) Lee-China(LEAD) Lee to visit China (ATTN: UPDATES throughout)By Kim Eun-jung "
        "SEOUL, Dec. 30 (Yonhap) -- President Lee will make a state visit.",
        D(2025, 12, 30),
        "SEOUL, Dec. 30 (Yonhap) --",
        "Seoul",
        D(2025, 12, 30),
        "Yonhap",
    ),
    # A short upper-case word ending the headline is not part of the place.
    (
        "S Korea-China FTA Trade chiefs meet over FTA SEOUL, Dec. 30 (Yonhap) -- Trade chiefs met.",
        D(2025, 12, 30),
        "SEOUL, Dec. 30 (Yonhap) --",
        "Seoul",
        D(2025, 12, 30),
        "Yonhap",
    ),
    # Below a headline (HTML pages put the title first).
    (
        "Minister to visit Hanoi\nLISBON, March 3 (Reuters) - The minister will travel.",
        D(2026, 3, 3),
        "LISBON, March 3 (Reuters) -",
        "Lisbon",
        D(2026, 3, 3),
        "Reuters",
    ),
    # Below a headline and a byline.
    (
        "Minister to visit Hanoi\nBy Staff Reporter\nLISBON, March 3 (Reuters) - He left.",
        D(2026, 3, 3),
        "LISBON, March 3 (Reuters) -",
        "Lisbon",
        D(2026, 3, 3),
        "Reuters",
    ),
    # Several places; a lower-case agency; a title-case place with an agency.
    (
        "WASHINGTON/LONDON (Reuters) - Talks resumed.",
        None,
        "WASHINGTON/LONDON (Reuters) -",
        "Washington/London",
        None,
        "Reuters",
    ),
    (
        "BERLIN, Jan. 5 (dpa) - Talks resumed.",
        D(2026, 1, 5),
        "BERLIN, Jan. 5 (dpa) -",
        "Berlin",
        D(2026, 1, 5),
        "dpa",
    ),
    ("Paris (AFP) - The president met.", None, "Paris (AFP) -", "Paris", None, "AFP"),
    # A year in the dateline is taken as printed.
    (
        "GENEVA, June 2, 2024 (AFP) - Talks began.",
        D(2026, 1, 1),
        "GENEVA, June 2, 2024 (AFP) -",
        "Geneva",
        D(2024, 6, 2),
        "AFP",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "span_text", "place", "date", "agency"), FOUND)
def test_dateline_found(text, anchor, span_text, place, date, agency):
    dateline = find_dateline(text, 0, anchor)
    assert dateline is not None
    assert dateline.span.text == span_text
    assert text[dateline.span.start : dateline.span.end] == span_text
    assert (dateline.place, dateline.date, dateline.agency) == (place, date, agency)


NOT_FOUND = [
    "US Defense Secretary William Cohen won assurances from his counterpart.",
    "U.S.-China talks resume in Geneva next week.",
    "NATO SUMMIT: leaders gather in Vilnius.",
    "Monday, April 17 - a day of talks.",
    "The index fell.\n\nSEOUL -- The benchmark index dropped.",  # a roundup's second section
    "Headline\nByline\nAnother line\nROME, Feb 27 - Too far down.",
    "President Lee Jae Myung (right) receives Chinese President Xi Jinping.",
    "ATTN: EDITORS - a correction follows.",
    "",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_no_dateline(text):
    assert find_dateline(text, 0, dt.date(2025, 1, 1)) is None


def test_no_anchor_leaves_the_date_out():
    dateline = find_dateline("ROME, Feb 27 - Leaders met.", 0, None)
    assert dateline is not None and dateline.date is None and dateline.place == "Rome"


def test_dateline_after_body_start():
    text = "Share | Print\nROME, Feb 27 - Leaders met."
    dateline = find_dateline(text, text.index("ROME"), dt.date(1987, 2, 26))
    assert dateline is not None and dateline.span.start == text.index("ROME")


def test_far_dateline_is_ignored():
    text = "Headline\n" + "x " * 400 + "SEOUL, Dec. 30 (Yonhap) -- text"
    assert find_dateline(text, 0, dt.date(2025, 12, 30)) is None
