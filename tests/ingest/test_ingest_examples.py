"""The example articles in examples/ load, with the metadata the README shows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from summitry.ingest import iter_path
from summitry.model import Article, ReferenceSource

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize(
    ("name", "reference_day", "source", "publisher", "place"),
    [
        ("wire_visit.txt", None, ReferenceSource.NONE, None, "Lisbon"),
        ("scraped_page.txt", dt.date(2026, 5, 18), ReferenceSource.PAGE, "Lakeside Ledger", None),
        (
            "summit_page.html",
            dt.date(2026, 7, 6),
            ReferenceSource.DATELINE,
            "Pacific Wire Daily",
            "Canberra",
        ),
    ],
)
def test_example_article(name, reference_day, source, publisher, place):
    [article] = iter_path(EXAMPLES / name)
    assert isinstance(article, Article)
    assert (article.reference_day, article.reference_source) == (reference_day, source)
    assert article.publisher == publisher
    assert (article.dateline.place if article.dateline else None) == place


def test_example_corpus():
    articles = list(iter_path(EXAMPLES / "corpus.jsonl"))
    assert [a.id for a in articles] == ["corpus-001", "corpus-002", "corpus-003"]
    assert all(isinstance(a, Article) for a in articles)
    assert [a.reference_source for a in articles] == [
        ReferenceSource.DATELINE,
        ReferenceSource.DATELINE,
        ReferenceSource.DCT,
    ]
