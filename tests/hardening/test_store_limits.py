"""What a hostile article can make the store hold, on SQLite and on PostgreSQL alike.

SQLite ignores column widths; PostgreSQL refuses a value over VARCHAR(n).
So a long name, id, url or publisher must be bounded or refused before the
store, or one article would fail on PostgreSQL while passing every test on
SQLite (and stop a whole batch run).
"""

from __future__ import annotations

import pytest
from hardening.conftest import LONG_NAME, hostile_documents

from summitry.errors import InputError
from summitry.ingest import read_html, read_text
from summitry.merge import mentions_of, merge_mentions
from summitry.store import EventQuery, Store


def test_hostile_documents_are_stored_on_every_backend(store: Store) -> None:
    documents = hostile_documents()
    for document in documents:
        store.ingest(document)
    stored = list(store.iter_events())
    assert stored == merge_mentions(m for d in documents for m in mentions_of(d))
    keys = [p.key for e in stored for p in e.participants]
    assert all(len(k) <= 255 for k in keys)
    found = store.list_events(EventQuery(actor=LONG_NAME[:50])).events
    assert found and any(p.name == LONG_NAME for e in found for p in e.participants)
    assert store.list_events(EventQuery(actor=found[0].participants[0].key)).total >= 1


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"doc_id": "x" * 300}, "id is over 255"),
        ({"url": "https://e.example/" + "a" * 3000}, "url"),
    ],
)
def test_ids_and_urls_the_store_cannot_hold_are_input_errors(
    store: Store, kwargs: dict[str, str], reason: str
) -> None:
    options = {"doc_id": "long-url", **kwargs}
    with pytest.raises(InputError) as raised:
        read_text("The minister will visit Seoul next week.", options.pop("doc_id"), **options)
    assert reason in raised.value.reason
    store.record_error(raised.value.doc_id, raised.value.reason)  # recordable as it is
    assert store.list_errors()[0].reason == raised.value.reason


def test_a_long_site_name_is_cut(store: Store) -> None:
    page = (
        f'<html><head><meta property="og:site_name" content="{"Wire" * 200}"><title>T</title>'
        "</head><body><article><p>The foreign minister will visit Seoul next week for talks"
        " with his counterpart, officials said on Monday.</p></article></body></html>"
    )
    article = read_html(page, "long-site-name")
    assert article.publisher is None or len(article.publisher) <= 255
