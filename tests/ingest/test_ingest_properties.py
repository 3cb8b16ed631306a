"""Whatever goes into the loaders, an Article or an InputError comes out: nothing else."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from summitry.errors import InputError
from summitry.ingest import find_chrome, find_dateline, read_bytes, read_html, read_text
from summitry.ingest.sources import iter_path
from summitry.model import Article

# Text that looks a little like news: datelines, chrome glyphs, markup, wide characters.
news_like = st.lists(
    st.one_of(
        st.text(),
        st.sampled_from(
            [
                "SEOUL, Dec. 30 (Yonhap) -- ",
                "ROME, Feb 27 - ",
                " date 2024-11-20 + ↺ − 16 px\n",
                "\n\nExample.Com",
                "Share | Print\n",
                "<p>",
                "</p>",
                "<html><body>",
                "ejkim@yna.co.kr(END)",
                "the minister said",
                "\n",
                "\x00",
                "\ufeff",
            ]
        ),
    ),
    max_size=12,
).map("".join)

dcts = st.one_of(
    st.none(), st.sampled_from(["2024-11-20", "2025-02-30", "yesterday", ""]), st.text(max_size=12)
)


def loaded(call):
    try:
        result = call()
    except InputError as error:
        assert error.reason and "\n" not in error.reason
        return error
    assert isinstance(result, Article)
    body = result.body
    assert 0 <= body.start <= body.end <= len(result.text)
    assert result.text[body.start : body.end] == body.text
    if result.dateline is not None:
        span = result.dateline.span
        assert result.text[span.start : span.end] == span.text
    return result


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=2000))
def test_read_bytes_never_raises_anything_else(data):
    loaded(lambda: read_bytes(data, "prop"))


@settings(max_examples=300, deadline=None)
@given(text=news_like, dct=dcts)
def test_read_text_never_raises_anything_else(text, dct):
    loaded(lambda: read_text(text, "prop", dct=dct))


@settings(max_examples=100, deadline=None)
@given(text=news_like)
def test_read_html_never_raises_anything_else(text):
    loaded(lambda: read_html(text, "prop"))


@settings(max_examples=300, deadline=None)
@given(text=news_like)
def test_chrome_and_dateline_spans_are_in_range(text):
    chrome = find_chrome(text)
    assert 0 <= chrome.body_start <= len(text) and 0 <= chrome.body_end <= len(text)
    dateline = find_dateline(text, chrome.body_start, None, body_end=chrome.body_end)
    if dateline is not None:
        assert text[dateline.span.start : dateline.span.end] == dateline.span.text


@settings(max_examples=50, deadline=None)
@given(
    lines=st.lists(
        st.one_of(
            st.binary(max_size=200),
            st.builds(
                lambda i, t, d: json.dumps({"id": i, "text": t, "dct": d}).encode(),
                st.one_of(st.none(), st.text(max_size=8), st.integers()),
                st.one_of(news_like, st.integers(), st.none()),
                dcts,
            ),
        ),
        max_size=6,
    )
)
def test_jsonl_yields_only_articles_and_errors(lines):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "corpus.jsonl"
        path.write_bytes(b"\n".join(line.replace(b"\n", b" ") for line in lines))
        for result in iter_path(path):
            assert isinstance(result, Article | InputError)
