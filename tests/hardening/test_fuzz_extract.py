"""Fuzzing the extractor: arbitrary text and reference days, a fixed budget.

Whatever the text, `extract` returns a `Document` whose events point into
that text, or raises the `InputError` of an unreadable document; an
`ExtractionError` (the extractor itself failed) is a bug. The inputs mix
arbitrary unicode with pieces of wire copy, so that the extractor's rules
actually fire. How many inputs were tried is printed in the session summary.
"""

from __future__ import annotations

import datetime as dt
import os

from hardening.figures import count
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from timex.test_properties import VALUE

from summitry import Document, InputError, extract
from summitry.errors import ExtractionError
from summitry.model import Span

BUDGET = int(os.environ.get("SUMMITRY_FUZZ_BUDGET", "200"))
"""Inputs per run: 200 in CI; set SUMMITRY_FUZZ_BUDGET for a longer run."""

WIRE = st.sampled_from(
    [
        "SEOUL, Dec. 30 (Yonhap) -- ",
        "WASHINGTON (AP) — ",
        "President Yoon Suk Yeol ",
        "Foreign Minister Elena Varga ",
        "Chinese President Xi Jinping ",
        "the European Union ",
        " will visit Japan next week",
        " met his counterpart in Beijing on Monday",
        " held a phone call with ",
        " is expected to attend the G20 summit in Rio de Janeiro",
        " postponed the trip",
        ", the ministry said.",
        " talks on 12 March 2025.",
        " in the second half of the year",
        "<p>",
        "</p>",
        "<script>alert(1)</script>",
        "\n\n",
        "\u200b",
        "\ufeff",
        "Mr. ",
        "and",
        ".",
    ]
)
TEXT = st.one_of(
    st.lists(st.one_of(WIRE, st.text(max_size=30)), max_size=25).map("".join),
    st.text(max_size=400),
)
DCT = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


def in_text(text: str, span: Span | None) -> None:
    if span is not None:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text


@settings(
    max_examples=BUDGET,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(text=TEXT, dct=DCT)
def test_extract_returns_a_document_or_an_input_error(text: str, dct: dt.date | None) -> None:
    count("extractor fuzz inputs")
    try:
        document = extract(text, dct, doc_id="fuzz")
    except ExtractionError as error:
        raise AssertionError(f"the extractor failed: {error.reason}") from error
    except InputError as error:
        assert error.reason and error.doc_id == "fuzz"
        return
    assert isinstance(document, Document) and document.text == text
    for event in document.events:
        assert event.actors or event.recipients
        in_text(text, event.trigger)
        for span in event.evidence:
            in_text(text, span)
        if event.time is not None:
            in_text(text, event.time.span)
            assert event.time.value is None or VALUE.fullmatch(event.time.value), event.time
        assert type(event).from_dict(event.to_dict()) == event
