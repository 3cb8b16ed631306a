"""From bytes to text: BOMs, UTF-8, declared charsets, detection; binary and size refused."""

from __future__ import annotations

import codecs

import pytest

from summitry.errors import InputError
from summitry.ingest import decode_bytes, looks_binary

TEXT = "Le ministre s'est rendu à Séoul — et a rencontré son homologue. Müller, Łódź."


@pytest.mark.parametrize(
    ("data", "declared"),
    [
        (TEXT.encode("utf-8"), None),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), None),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), None),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), None),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), None),
        ("Caf\u00e9 talks in Z\u00fcrich, the minister said.".encode("cp1252"), "cp1252"),
    ],
)
def test_decodes(data, declared):
    text = decode_bytes(data, "doc", declared=declared)
    assert not text.startswith("\ufeff")
    assert text.encode("utf-8").decode("utf-8") == text
    if declared is None:
        assert text == TEXT


def test_meta_charset_is_used():
    html = (
        '<html><head><meta charset="windows-1252"></head>'
        "<body><p>Caf\xe9 Z\xfcrich</p></body></html>"
    )
    assert "Café Zürich" in decode_bytes(html.encode("cp1252"), "doc")


def test_detection_of_undeclared_legacy_encoding():
    text = "Der Außenminister traf seinen Amtskollegen in Zürich zu Gesprächen über Handel. " * 5
    decoded = decode_bytes(text.encode("latin-1"), "doc")
    assert "Zürich" in decoded


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary data"),
        (b"PK\x03\x04" + bytes(range(256)), "binary data"),
        (bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 20 + b"text", "binary data"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfa", "undecodable bytes"),
    ],
)
def test_refused(data, reason):
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "doc-1")
    assert caught.value.doc_id == "doc-1"
    assert reason in caught.value.reason


def test_size_limit():
    with pytest.raises(InputError, match="too large"):
        decode_bytes(b"a" * 101, "doc", max_bytes=100)
    assert decode_bytes(b"a" * 100, "doc", max_bytes=100) == "a" * 100


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", False),
        (b"plain text\n", False),
        (b"a\x00b", True),
        (b"\x01\x02\x03\x04", True),
        (b"tab\tand\r\n", False),
    ],
)
def test_looks_binary(data, expected):
    assert looks_binary(data) is expected
