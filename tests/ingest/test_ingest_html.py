"""read_html: trafilatura's main text, with title, date, site name and url from the page."""

from __future__ import annotations

import datetime as dt

import pytest

from summitry.errors import InputError
from summitry.ingest import looks_like_html, read_html
from summitry.model import ReferenceSource

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Minister to visit Hanoi | Daily Sentinel</title>
<meta property="og:site_name" content="Daily Sentinel">
<meta property="og:title" content="Minister to visit Hanoi">
<meta property="article:published_time" content="2024-11-20T08:00:00Z">
<link rel="canonical" href="https://sentinel.example/2024/11/20/hanoi">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Minister to visit Hanoi</h1>
<p>LISBON, Nov. 20 (Reuters) - The Portuguese foreign minister will travel to Hanoi next week
for talks with her Vietnamese counterpart on trade and maritime cooperation, the ministry said.</p>
<p>The two ministers are expected to sign an agreement on education exchanges during the visit,
which will be the first of its kind in more than a decade, a spokesman told reporters.</p>
</article>
<footer>&copy; 2024 Daily Sentinel</footer>
</body></html>"""


def test_read_html_metadata():
    article = read_html(PAGE, "h1")
    assert article.title == "Minister to visit Hanoi"
    assert article.publisher == "Daily Sentinel"
    assert article.url == "https://sentinel.example/2024/11/20/hanoi"
    assert article.page_date == dt.date(2024, 11, 20)
    assert "Portuguese foreign minister" in article.text
    assert "Home" not in article.text
    assert article.dateline is not None and article.dateline.place == "Lisbon"
    assert article.reference_day == dt.date(2024, 11, 20)
    assert article.reference_source is ReferenceSource.DATELINE


def test_caller_metadata_wins():
    article = read_html(PAGE, "h2", title="Given", url="https://given.example/")
    assert (article.title, article.url) == ("Given", "https://given.example/")


def test_read_html_bytes_with_declared_charset():
    page = PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace(
        "Hanoi next", "Hanoi — café next"
    )
    article = read_html(page.replace("—", "-").encode("iso-8859-1"), "h3")
    assert "café" in article.text


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("", "empty document"),
        ("<html><body><nav>Home | Share</nav></body></html>", "no article text"),
        ("<html><body></body></html>", "no article text"),
        (b"\x00\x01\x02<html>", "binary data"),
    ],
)
def test_refused(html, reason):
    with pytest.raises(InputError) as caught:
        read_html(html, "bad")
    assert reason in caught.value.reason


def test_impossible_dct_is_reported_first():
    with pytest.raises(InputError, match="impossible dct"):
        read_html(PAGE, "h4", dct="2025-02-30")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", True),
        ("  <html lang='en'>", True),
        ("<!-- saved page --><html>", True),
        ("<p>One</p><p>Two</p><br>", True),
        ("The minister said <b>no</b>.", False),
        ("Plain text about 3 < 4 and > 2.", False),
    ],
)
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected
