"""From an HTML page to a `model.Article`, with trafilatura.

In: the HTML of one page (text, or bytes in a declared or detectable
charset) and its id. Out: an `Article` whose text is trafilatura's extraction
of the main content (menus, comments and footers removed), titled, dated and
attributed from the page metadata; or an `InputError` for a page with no
article in it.

Metadata fills what the caller did not give: the title, the url, the page
date (from `<meta>`, JSON-LD, the URL... as htmldate finds it) and the
publisher (the site name). Page chrome that survives extraction is still
recognised in the text (`summitry.ingest.chrome`).
"""

from __future__ import annotations

import datetime as dt
import re

from summitry.errors import InputError
from summitry.ingest.decode import DEFAULT_MAX_BYTES, decode_bytes, too_large
from summitry.ingest.reference import parse_dct
from summitry.ingest.text import build_article
from summitry.model import Article

_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(r"<(?:html|body|p|div|article|br)\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True if `text` is an HTML page or fragment rather than plain text.

    It is HTML if it opens with a doctype or an HTML element, or if its first
    4,000 characters carry at least three structural tags (<p>, <div>, <br>...).
    """
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 3


def read_html(
    html: str | bytes,
    doc_id: str,
    *,
    dct: dt.date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    declared_charset: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    check_language: bool = True,
) -> Article:
    """Load one HTML page: extract its main text and metadata with trafilatura.

    `html` may be bytes: they are decoded with `declared_charset` (e.g. from
    an HTTP header), the page's own `<meta charset>`, or detection. The
    caller's `title` and `url` win over the page's. Raises
    `InputError(doc_id, reason)` for a page that cannot be decoded or has no
    article text, and for everything `read_text` refuses.
    """
    doc_id = str(doc_id) if doc_id is not None else "<unknown>"
    parse_dct(dct, doc_id)  # an impossible dct is reported before the page is parsed
    if isinstance(html, bytes):
        html = decode_bytes(html, doc_id, declared=declared_charset, max_bytes=max_bytes)
    if len(html) > max_bytes:
        raise too_large(doc_id, max_bytes)
    if not html.strip():
        raise InputError(doc_id, "empty document")
    extracted = _extract(html, doc_id, url)
    text = (extracted.get("text") or "") if extracted else ""
    if not text.strip():
        raise InputError(doc_id, "HTML page with no article text")
    return build_article(
        text,
        doc_id,
        dct=dct,
        title=title or extracted.get("title"),
        url=url or extracted.get("url"),
        source=source,
        page_date=_page_date(extracted.get("date")),
        publisher=extracted.get("sitename"),
        max_bytes=max_bytes,
        check_language=check_language,
    )


def _extract(html: str, doc_id: str, url: str | None) -> dict[str, str | None]:
    """trafilatura's main text and metadata of the page, as plain strings."""
    # Imported here: trafilatura pulls in lxml and its dependencies; text input never needs them.
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
        )
    except Exception as exc:  # noqa: BLE001 - a third-party parser's failure is the page's problem
        detail = " ".join(str(exc).split())[:200]
        reason = f"HTML could not be parsed ({type(exc).__name__}: {detail})"
        raise InputError(doc_id, reason) from None
    if result is None:
        return {}
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    return {
        key: (str(data[key]) if data.get(key) is not None else None)
        for key in ("text", "title", "url", "date", "sitename")
    }


def _page_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
