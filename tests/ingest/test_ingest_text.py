"""read_text: an Article (body, dateline, page date, publisher, reference day) or an InputError."""

from __future__ import annotations

import datetime as dt

import pytest

from summitry.errors import InputError
from summitry.ingest import read_text
from summitry.model import Article, ReferenceSource

D = dt.date

WIRE = (
    "SEOUL, Dec. 30 (Yonhap) -- The foreign minister of Ruritania will visit Seoul next week "
    "for talks with his South Korean counterpart, officials said Tuesday."
)
PAGE = (
    " date 2024-11-20 + ↺ − 16 px\n\n"
    "The foreign minister will travel to Hanoi on Friday for talks with her counterpart, "
    "the ministry said.\n\nExample.Com"
)
PLAIN = "The two leaders will meet in Geneva next month to discuss trade, officials said."


def test_wire_article():
    article = read_text(
        WIRE, "w1", dct="2026-01-02", title="Visit", url="https://x.example/1", source="Yonhap"
    )
    assert isinstance(article, Article)
    assert article.id == "w1" and article.text == WIRE
    assert article.dct == D(2026, 1, 2)
    assert article.dateline is not None and article.dateline.place == "Seoul"
    assert article.reference_day == D(2025, 12, 30)
    assert article.reference_source is ReferenceSource.DATELINE
    assert (article.title, article.url, article.source) == (
        "Visit",
        "https://x.example/1",
        "Yonhap",
    )
    assert article.body.start == 0 and article.body.end == len(WIRE)


def test_page_chrome_article():
    article = read_text(PAGE, "p1", dct=D(2024, 11, 25))
    assert article.page_date == D(2024, 11, 20)
    assert article.publisher == "Example.Com"
    assert article.reference_day == D(2024, 11, 20)
    assert article.reference_source is ReferenceSource.PAGE
    assert article.body.text.startswith("The foreign minister")
    assert article.body.text.endswith("the ministry said.")
    assert article.text[article.body.start : article.body.end] == article.body.text


@pytest.mark.parametrize(
    ("dct", "expected", "source"),
    [
        ("2024-03-01", D(2024, 3, 1), ReferenceSource.DCT),
        (None, None, ReferenceSource.NONE),
    ],
)
def test_plain_article_reference_day(dct, expected, source):
    article = read_text(PLAIN, "t1", dct=dct)
    assert (article.reference_day, article.reference_source) == (expected, source)
    assert article.dateline is None


def test_dateline_without_anchor_warns():
    article = read_text(WIRE, "w2")
    assert article.dateline is not None and article.dateline.date is None
    assert article.reference_source is ReferenceSource.NONE
    assert any("has no year" in warning for warning in article.warnings)


def test_dateline_far_from_dct_warns():
    article = read_text(WIRE, "w3", dct="2025-06-01")
    assert any("days from" in warning for warning in article.warnings)


FRENCH = (
    "Le ministre des Affaires étrangères se rendra à Séoul la semaine prochaine pour des "
    "entretiens avec son homologue sud-coréen, a annoncé mardi le ministère. Les deux "
    "responsables doivent discuter de la coopération économique et de la sécurité régionale, "
    "selon un communiqué publié à Paris."
)
KOREAN = (
    "외교부 장관은 다음 주 베트남을 방문해 상대국 외교장관과 회담할 예정이라고 외교부가 밝혔다. "
    * 3
)


@pytest.mark.parametrize(
    ("text", "dct", "reason"),
    [
        ("", None, "empty document"),
        ("   \n\t  ", None, "empty document (whitespace only)"),
        ("abc\x00def" * 10, None, "binary data"),
        ("\x01\x02\x03\x04 text" * 10, None, "binary data"),
        ("Share | Print\nA A\n", None, "only page chrome"),
        (PLAIN, "2025-02-30", "impossible dct"),
        (PLAIN, "yesterday", "not a date"),
        (FRENCH, None, "not English"),
        (KOREAN, None, "not English"),
        ("bad \ud800 surrogate", None, "unpaired surrogate"),
    ],
)
def test_refused(text, dct, reason):
    with pytest.raises(InputError) as caught:
        read_text(text, "bad-1", dct=dct)
    assert caught.value.doc_id == "bad-1"
    assert reason in caught.value.reason


def test_not_english_can_be_allowed():
    assert read_text(FRENCH, "fr", check_language=False).id == "fr"


def test_english_results_table_is_english():
    table = "Results on Saturday:\n\n" + "\n".join(
        f"Valencia {n} (Vicente {n + 10}) Athletic Bilbao {n + 1} (Etxeberria {n + 20})"
        for n in range(12)
    )
    assert read_text(table, "table").id == "table"


def test_size_limit():
    with pytest.raises(InputError, match="too large"):
        read_text(PLAIN * 10, "big", max_bytes=100)


def test_short_text_is_fine():
    assert read_text("Talks.", "short").body.text == "Talks."


def test_long_unbroken_text_is_linear():
    # One 2 MB "word": the chrome and dateline scans must not be quadratic on it.
    article = read_text("a" * 2_000_000, "long", check_language=False)
    assert article.body.end == 2_000_000
