"""From bytes to text: size limit, byte-order marks, declared charsets, detection.

In: the raw bytes of one document (a file, stdin, an HTTP body) and the
charset its container declared, if any. Out: a `str`, or an `InputError`
naming the document and why it cannot be read (too large, binary,
undecodable).

Decoding tries, in order:

1. a byte-order mark (UTF-8, UTF-16, UTF-32): it is authoritative;
2. strict UTF-8, which almost never succeeds by accident on other encodings;
3. the declared charset: the caller's, then an HTML ``<meta charset>`` or an
   XML ``encoding=`` found near the start;
4. detection with charset-normalizer (already installed with trafilatura).

Binary data is rejected before any of this: NUL bytes (outside UTF-16/32) or a
large share of control bytes mean it is not text.
"""

from __future__ import annotations

import codecs
import re

from summitry.errors import InputError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""Documents larger than this (50 MB) are refused: no news article is that long."""

_BOMS = (
    # Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">,
# <?xml version="1.0" encoding="x"?>
_DECLARED_CHARSET = re.compile(
    rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{2,40})""", re.IGNORECASE
)

# Control bytes that never occur in text (tab, newline, form feed, carriage
# return and escape are allowed: some old wire feeds carry them).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"

_MAX_CONTROL_SHARE = 0.05
_MAX_REPLACEMENT_SHARE = 0.01


def check_size(size: int, doc_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Raise `InputError` if a document of `size` bytes is over the limit."""
    if size > max_bytes:
        raise too_large(doc_id, max_bytes, size)


def too_large(doc_id: str, max_bytes: int, size: int | None = None) -> InputError:
    """The error for a document over `max_bytes` (of `size` bytes, if known)."""
    if size is None:
        return InputError(doc_id, f"document is too large (over {_megabytes(max_bytes)})")
    return InputError(
        doc_id, f"document is too large ({_megabytes(size)}; the limit is {_megabytes(max_bytes)})"
    )


def decode_bytes(
    data: bytes,
    doc_id: str,
    *,
    declared: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> str:
    """Decode one document's bytes to text (the chain is in the module docstring).

    `declared` is the charset the container named (an HTTP header, a feed).
    Raises `InputError` for data over `max_bytes`, binary data, and bytes no
    encoding reads as text. The text is returned as decoded: no BOM, line
    endings untouched.
    """
    check_size(len(data), doc_id, max_bytes)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                reason = f"undecodable bytes: invalid {encoding} after its byte-order mark"
                raise InputError(doc_id, f"{reason} ({exc.reason})") from None
    _reject_binary(data, doc_id)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in _declared_encodings(data, declared):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return _detect(data, doc_id)


def looks_binary(data: bytes) -> bool:
    """True if `data` is not text: NUL bytes, or many control bytes."""
    sample = data[:65536]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > _MAX_CONTROL_SHARE


def _reject_binary(data: bytes, doc_id: str) -> None:
    if looks_binary(data):
        raise InputError(doc_id, "binary data, not text")


def _declared_encodings(data: bytes, declared: str | None) -> list[str]:
    found = [declared] if declared else []
    match = _DECLARED_CHARSET.search(data[:4096])
    if match:
        found.append(match.group(1).decode("ascii"))
    return [name for name in found if _known_encoding(name)]


def _known_encoding(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _detect(data: bytes, doc_id: str) -> str:
    # Imported here: only documents that are neither UTF-8 nor declared need it.
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise InputError(doc_id, "undecodable bytes: not UTF-8 and no encoding fits")
    text = data.decode(best.encoding, errors="replace")
    if text.count("\ufffd") > _MAX_REPLACEMENT_SHARE * max(len(text), 1):
        raise InputError(doc_id, f"undecodable bytes: not valid {best.encoding}")
    return text


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
