"""RSS and Atom feeds: poll them politely, fetch the articles they announce.

In: feed URLs. Out, per poll round, the `Article`s of the entries not seen
before (and an `InputError` for each page that cannot be fetched or read).

    watch(urls, interval=300)  ->  one list per round: [Article | InputError, ...]

1. each feed is fetched with a conditional GET: the ETag and Last-Modified of
   the last answer go back as If-None-Match / If-Modified-Since, and a 304
   costs nothing;
2. the feed is parsed with feedparser; an entry is new if its link was not
   seen before in this run and `known(link)` (e.g. "already in the store") is
   false;
3. each new entry's page is fetched and read (`read_bytes`: HTML or text,
   charset from the Content-Type header); its id and url are the entry link,
   its dct the entry's published (or updated) day, its title the entry title;
4. a feed that cannot be fetched (network error, timeout, HTTP error, not a
   feed) is reported to `on_problem(feed_url, reason)` and polled again next
   round: watching never stops at a network error.

feedparser is an optional extra (``pip install summitry[feeds]``). Fetching
uses the standard library (urllib), with a timeout per request.
"""

from __future__ import annotations

import datetime as dt
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from summitry.errors import InputError, SummitryError
from summitry.ingest.decode import DEFAULT_MAX_BYTES
from summitry.ingest.sources import read_bytes
from summitry.model import Article

DEFAULT_INTERVAL = 300.0
DEFAULT_TIMEOUT = 30.0
USER_AGENT = "summitry-watch/0.1"


class FeedError(SummitryError):
    """A feed could not be fetched or parsed this round."""

    def __init__(self, feed_url: str, reason: str) -> None:
        self.feed_url = feed_url
        self.reason = reason
        super().__init__(f"{feed_url}: {reason}")


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: where its article is, and what the feed says of it."""

    feed_url: str
    link: str
    title: str | None = None
    published: dt.date | None = None


@dataclass
class FeedState:
    """What is remembered of one feed between polls."""

    etag: str | None = None
    modified: str | None = None
    seen: set[str] = field(default_factory=set)


def _get(
    url: str, headers: dict[str, str], timeout: float, max_bytes: int
) -> tuple[int, dict, bytes]:
    """(status, headers, body) of a GET; 304 is a status, not an error."""
    if not url.lower().startswith(("http://", "https://")):
        raise ValueError(f"not an http(s) URL: {url!r}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **headers})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(max_bytes + 1)
            return response.status, dict(response.headers.items()), body
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return 304, dict(error.headers.items()), b""
        raise


def poll(
    feed_url: str,
    state: FeedState,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[FeedEntry]:
    """The entries of `feed_url` not in `state.seen`; [] when it has not changed (304).

    Updates `state` (validators, seen links). Raises `FeedError`.
    """
    try:
        import feedparser
    except ImportError:
        reason = "watching feeds needs feedparser: pip install 'summitry[feeds]'"
        raise FeedError(feed_url, reason) from None
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.modified:
        headers["If-Modified-Since"] = state.modified
    try:
        status, answer, body = _get(feed_url, headers, timeout, max_bytes)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise FeedError(feed_url, f"cannot fetch: {_reason(exc)}") from None
    if status == 304:
        return []
    if len(body) > max_bytes:
        raise FeedError(feed_url, f"feed is too large (over {max_bytes} bytes)")
    parsed = feedparser.parse(body, response_headers={k.lower(): v for k, v in answer.items()})
    if parsed.get("bozo") and not parsed.entries:
        raise FeedError(feed_url, f"not a feed: {parsed.get('bozo_exception')}")
    state.etag = _header(answer, "ETag") or state.etag
    state.modified = _header(answer, "Last-Modified") or state.modified
    entries = []
    for item in parsed.entries:
        link = item.get("link") or item.get("id")
        if not link or link in state.seen:
            continue
        state.seen.add(link)
        entries.append(FeedEntry(feed_url, link, item.get("title"), _entry_day(item)))
    return entries


def fetch_article(
    entry: FeedEntry,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    check_language: bool = True,
) -> Article | InputError:
    """The article an entry links to, read like any page; an `InputError` if it cannot be."""
    try:
        status, answer, body = _get(entry.link, {}, timeout, max_bytes)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return InputError(entry.link, f"cannot fetch: {_reason(exc)}")
    if len(body) > max_bytes:
        return InputError(entry.link, f"page is too large (over {max_bytes} bytes)")
    content_type = _header(answer, "Content-Type") or ""
    try:
        return read_bytes(
            body,
            entry.link,
            dct=entry.published,
            title=entry.title,
            url=entry.link,
            source=entry.feed_url,
            html=True if "html" in content_type.lower() else None,
            declared_charset=_charset(content_type),
            max_bytes=max_bytes,
            check_language=check_language,
        )
    except InputError as error:
        return error


def watch(
    feed_urls: Iterable[str],
    *,
    interval: float = DEFAULT_INTERVAL,
    rounds: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    known: Callable[[str], bool] | None = None,
    on_problem: Callable[[str, str], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    max_bytes: int = DEFAULT_MAX_BYTES,
    check_language: bool = True,
) -> Iterator[list[Article | InputError]]:
    """Poll every feed each `interval` seconds (forever, or `rounds` times); one list per round.

    `known(link)` says an article is already stored (it is then not fetched);
    `on_problem(feed_url, reason)` hears of feeds that failed this round.
    """
    states = {url: FeedState() for url in feed_urls}
    done = 0
    while rounds is None or done < rounds:
        started = time.monotonic()
        found: list[Article | InputError] = []
        for url, state in states.items():
            try:
                entries = poll(url, state, timeout=timeout, max_bytes=max_bytes)
            except FeedError as error:
                if on_problem:
                    on_problem(error.feed_url, error.reason)
                continue
            for entry in entries:
                if known is not None and known(entry.link):
                    continue
                found.append(
                    fetch_article(
                        entry, timeout=timeout, max_bytes=max_bytes, check_language=check_language
                    )
                )
        yield found
        done += 1
        if rounds is None or done < rounds:
            sleep(max(0.0, interval - (time.monotonic() - started)))


def _entry_day(item: dict) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed"):
        value = item.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (AttributeError, ValueError):
                continue
    return None


def _header(headers: dict, name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return None


def _charset(content_type: str) -> str | None:
    for parameter in content_type.split(";")[1:]:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    if isinstance(exc, urllib.error.URLError):
        return str(exc.reason)
    return f"{type(exc).__name__}: {exc}"
