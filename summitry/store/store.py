"""The event store: documents, mentions and the merged calendar, in SQL.

    Document --ingest--> documents + mentions --merge--> events + participants

One SQLite file by default (WAL mode, no server), or PostgreSQL through
psycopg 3 for teams. The schema is created and upgraded by Alembic when the
store is opened.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from types import TracebackType
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from summitry.errors import StoreError
from summitry.merge import mentions_of, merge_mentions
from summitry.merge.actors import block_key
from summitry.merge.compatible import (
    LINK_REACH,
    MentionFacts,
    link_strength,
    mention_reach,
    shift_day,
)
from summitry.merge.records import CalendarEvent, Mention
from summitry.model import ActorKind, Document, Event, ReferenceSource
from summitry.store import codec, listing
from summitry.store import migrate as _migrate
from summitry.store.engine import create_store_engine
from summitry.store.query import EventQuery
from summitry.store.records import (
    ActorSummary,
    DocumentSummary,
    ErrorRecord,
    EventPage,
    IngestOutcome,
    IngestResult,
    ListingPage,
    StoredDocument,
)
from summitry.store.schema import (
    actor_names,
    documents,
    errors,
    events,
    mentions,
    participants,
    store_version,
)
from summitry.store.version import VersionReader

DEFAULT_DB = "summitry.db"
DB_ENV_VAR = "SUMMITRY_DB"

_WRITE_LOCK_ID = 0x5375_6D6D  # "Summ": the PostgreSQL advisory lock writers hold
_CHUNK = 500  # bound parameters per IN (...) list; SQLite allows 32766, keep plans small
_CACHED_VALUES = 1024  # totals a Store remembers (oldest forgotten first)
_COMPUTING_LOCKS = 64  # values computed at once at most; the same value never twice at once
_T = TypeVar("_T")


def resolve_db_url(db: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL of the store to open.

    1. `db` if given (the CLI's `--db`), else
    2. the `SUMMITRY_DB` environment variable, else
    3. `summitry.db` in the working directory.

    A path becomes `sqlite:///path`; `postgresql://` and `postgres://` URLs use
    the psycopg 3 driver; other SQLAlchemy URLs pass through.
    """
    value = os.fspath(db) if db is not None else (os.environ.get(DB_ENV_VAR) or DEFAULT_DB)
    if "://" not in value:
        return f"sqlite:///{value}"
    for scheme in ("postgresql://", "postgres://"):
        if value.startswith(scheme):
            return "postgresql+psycopg://" + value[len(scheme) :]
    return value


def open_store(db: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> Store:
    """Open (creating and migrating if needed) the store at `db` (see `resolve_db_url`).

    With `migrate=False` the database must already be at the newest revision.
    Raises `StoreError` if the database cannot be reached or migrated, or the
    PostgreSQL driver (extra `summitry[postgres]`) is missing.
    """
    url = resolve_db_url(db)
    engine = create_store_engine(url)
    shown = make_url(url).render_as_string(hide_password=True)
    try:
        if migrate:
            if _migrate.current_revision(engine) != _migrate.head_revision():
                _migrate.upgrade(engine)
        elif _migrate.current_revision(engine) != _migrate.head_revision():
            raise StoreError(
                f"{shown}: schema is not at revision {_migrate.head_revision()}; "
                "open it with migrate=True"
            )
    except sa.exc.SQLAlchemyError as error:
        engine.dispose()
        raise StoreError(
            f"cannot open store {shown}: {error.__class__.__name__}: {error}"
        ) from error
    except StoreError:
        engine.dispose()
        raise
    return Store(engine, shown)


def _chunks(items: Iterable[_T], size: int = _CHUNK) -> Iterator[list[_T]]:
    batch: list[_T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _buckets(fact: MentionFacts) -> set[tuple[str, str]]:
    """(mode, block key) of each participant: where compatible mentions are found."""
    mode = fact.mention.event.mode.value
    return {(mode, block_key(key)) for key in fact.keys}


_Window = tuple[dt.date, dt.date] | None  # None: every day
_EMPTY: _Window = (dt.date.max, dt.date.min)  # no day (an empty search)


def _link_window(facts: Iterable[MentionFacts]) -> _Window:
    """The days a mention compatible with one of `facts` must reach into."""
    starts, ends = [], []
    for fact in facts:
        reach = mention_reach(fact.mention)
        if reach is None:
            return None
        starts.append(shift_day(reach[0], -LINK_REACH))
        ends.append(shift_day(reach[1], LINK_REACH))
    return (min(starts), max(ends)) if starts else _EMPTY


def _covers(done: _Window, wanted: _Window) -> bool:
    if done is None:
        return True
    if wanted is None:
        return False
    return wanted[0] > wanted[1] or (done[0] <= wanted[0] and wanted[1] <= done[1])


def _hull(one: _Window, other: _Window) -> _Window:
    if one is None or other is None:
        return None
    return min(one[0], other[0]), max(one[1], other[1])


def _wrap_errors(method: Callable[..., _T]) -> Callable[..., _T]:
    """Turn database failures into `StoreError`s naming the operation."""

    def wrapper(self: Store, *args: Any, **kwargs: Any) -> _T:
        try:
            return method(self, *args, **kwargs)
        except sa.exc.SQLAlchemyError as error:
            raise StoreError(f"{method.__name__} failed on {self.url}: {error}") from error

    wrapper.__name__ = method.__name__
    wrapper.__qualname__ = method.__qualname__
    wrapper.__doc__ = method.__doc__
    return wrapper


_MENTION_SOURCE = sa.select(
    mentions.c.document_id,
    mentions.c.event_index,
    mentions.c.reference_day,
    mentions.c.record,
    documents.c.url,
    documents.c.title,
    documents.c.publisher,
).join_from(mentions, documents, mentions.c.document_id == documents.c.id)


class Store:
    """A calendar of diplomatic engagements kept in one database.

    Use `open_store()`; a `Store` is a context manager that closes its engine.
    Every write is one transaction. Methods raise `StoreError` on database
    failures. A store may be shared between threads (SQLAlchemy pools the
    connections); on SQLite, writers queue on a lock.
    """

    def __init__(self, engine: sa.Engine, url: str) -> None:
        self._engine = engine
        self.url = url  # with any password hidden
        # what a reader computed (a filter's total), with the store version; see `_remembered`
        self._cache: dict[Any, tuple[int, Any]] = {}
        self._cache_lock = threading.Lock()
        self._pinned = threading.local()  # `version`: read once per listing (see `_page`)
        # reentrant: a computation never waits for a value it is itself computing
        self._computing = tuple(threading.RLock() for _ in range(_COMPUTING_LOCKS))
        database = engine.url.database
        in_memory = engine.dialect.name == "sqlite" and database in (None, "", ":memory:")
        self._versions = None if in_memory else VersionReader(engine)

    @property
    def dialect(self) -> str:
        """ "sqlite" or "postgresql"."""
        return self._engine.dialect.name

    def close(self) -> None:
        """Release the database connections."""
        if self._versions is not None:
            self._versions.close()
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    def _write(self) -> Any:
        connection = self._engine.connect().execution_options(sqlite_immediate=True)
        return _Transaction(connection)

    # -- writing -------------------------------------------------------------

    @_wrap_errors
    def ingest(self, document: Document) -> IngestResult:
        """Store `document` and its events, and merge them into the calendar.

        The same document again (same text and events) changes nothing. A new
        version (same id or same URL, other text or events) replaces the old
        document and its mentions. The calendar events the change can touch
        are recomputed with `merge_mentions`, so the calendar equals merging
        all stored mentions at once, whatever the ingest order. Recorded errors
        of the document's id are cleared in the same transaction.
        """
        row = codec.document_row(document, dt.datetime.now(dt.UTC))
        with self._write() as conn:
            # a document now stored is no longer a failure: `--retry-errors` or a later
            # run got it, and `summitry errors` must not list it again
            conn.execute(sa.delete(errors).where(errors.c.document_id == document.id))
            same = documents.c.id == document.id
            if document.url:
                same = sa.or_(same, documents.c.url == document.url)
            existing = conn.execute(
                sa.select(documents.c.id, documents.c.content_hash, documents.c.record_hash)
                .where(same)
                .order_by(documents.c.id)
            ).all()
            if (
                len(existing) == 1
                and existing[0].content_hash == row["content_hash"]
                and existing[0].record_hash == row["record_hash"]
            ):
                stored = existing[0].id
                return IngestResult(
                    stored, IngestOutcome.UNCHANGED, self._event_ids_of(conn, stored)
                )
            replaced = tuple(r.id for r in existing)
            touched: set[str] = set()
            if replaced:
                touched = {
                    event_id
                    for event_id in conn.scalars(
                        sa.select(mentions.c.event_id).where(mentions.c.document_id.in_(replaced))
                    )
                    if event_id
                }
                conn.execute(sa.delete(mentions).where(mentions.c.document_id.in_(replaced)))
                conn.execute(sa.delete(documents).where(documents.c.id.in_(replaced)))
            conn.execute(sa.insert(documents), [row])
            new_mentions = mentions_of(document)
            if new_mentions:
                conn.execute(sa.insert(mentions), [codec.mention_row(m) for m in new_mentions])
            self._recluster(conn, new_mentions, touched)
            outcome = IngestOutcome.UPDATED if replaced else IngestOutcome.ADDED
            return IngestResult(
                document.id, outcome, self._event_ids_of(conn, document.id), replaced
            )

    @_wrap_errors
    def record_error(
        self, document_id: str | None, reason: str, *, source: str | None = None
    ) -> None:
        """Remember that a document could not be read or extracted, and why."""
        with self._write() as conn:
            conn.execute(
                sa.insert(errors).values(
                    document_id=document_id or "<unknown>",
                    reason=reason,
                    source=source,
                    recorded_at=dt.datetime.now(dt.UTC),
                )
            )

    @_wrap_errors
    def remerge(self) -> int:
        """Recompute the whole calendar from the stored mentions; returns the event count."""
        with self._write() as conn:
            pool = [codec.row_to_mention(r) for r in conn.execute(_MENTION_SOURCE)]
            merged = merge_mentions(pool)
            conn.execute(sa.delete(participants))
            conn.execute(sa.delete(events))
            self._write_events(conn, merged)
            return len(merged)

    def _recluster(
        self, conn: sa.Connection, seed: Sequence[Mention], seed_events: set[str]
    ) -> None:
        """Re-merge the part of the calendar a change can touch, and replace its events.

        1. The seed: the new mentions, and the remaining mentions of events
           that lost some (they may split).
        2. Growing: an event joins when one of its mentions can report the same
           engagement as a mention already in (`link_strength`); the whole event
           joins. Candidates are the events sharing a mode and a block key.
        3. What joined is closed under compatibility, so merging it alone
           gives what merging the whole store would give there.
        """
        pool: dict[str, MentionFacts] = {}
        joined: set[str] = set(seed_events)
        frontier = [MentionFacts.of(m) for m in seed]
        for facts in self._load_event_mentions(conn, seed_events).values():
            frontier.extend(facts)
        searched: dict[tuple[str, str], _Window] = {}
        pending: dict[str, list[MentionFacts]] = {}  # candidate events not (yet) linked
        while frontier:
            for fact in frontier:
                pool[fact.mention.key] = fact
            by_bucket: dict[tuple[str, str], list[MentionFacts]] = defaultdict(list)
            for fact in frontier:
                for bucket in _buckets(fact):
                    by_bucket[bucket].append(fact)
            # what each bucket must still be searched for: the days its frontier
            # mentions reach, widened by LINK_REACH (None: any day)
            wanted: dict[str, tuple[list[str], _Window]] = {}
            for bucket, members in sorted(by_bucket.items()):
                window = _link_window(members)
                done = searched.get(bucket, _EMPTY)
                if _covers(done, window):
                    continue
                searched[bucket] = _hull(done, window)
                mode, key = bucket
                keys, mode_window = wanted.get(mode, ([], _EMPTY))
                wanted[mode] = ([*keys, key], _hull(mode_window, searched[bucket]))
            found: set[str] = set()
            for mode, (keys, window) in wanted.items():
                for chunk in _chunks(keys):
                    statement = (
                        sa.select(participants.c.event_id)
                        .join(events, events.c.id == participants.c.event_id)
                        .where(participants.c.mode == mode, participants.c.block_key.in_(chunk))
                        .distinct()
                    )
                    if window is not None:
                        statement = statement.where(
                            sa.or_(
                                events.c.reach_start.is_(None),
                                sa.and_(
                                    events.c.reach_start <= window[1],
                                    events.c.reach_end >= window[0],
                                ),
                            )
                        )
                    found.update(conn.scalars(statement))
            pending.update(self._load_event_mentions(conn, found - joined - set(pending)))
            frontier = []
            for event_id in sorted(pending):
                facts = pending[event_id]
                if any(
                    link_strength(fact, other) is not None
                    for fact in facts
                    for bucket in _buckets(fact)
                    for other in by_bucket.get(bucket, ())
                ):
                    del pending[event_id]
                    joined.add(event_id)
                    frontier.extend(f for f in facts if f.mention.key not in pool)
        merged = merge_mentions(f.mention for f in pool.values())
        for chunk in _chunks(sorted(joined)):
            conn.execute(sa.delete(participants).where(participants.c.event_id.in_(chunk)))
            conn.execute(sa.delete(events).where(events.c.id.in_(chunk)))
        self._write_events(conn, merged)

    @staticmethod
    def _load_event_mentions(
        conn: sa.Connection, event_ids: Iterable[str]
    ) -> dict[str, list[MentionFacts]]:
        loaded: dict[str, list[MentionFacts]] = defaultdict(list)
        for chunk in _chunks(sorted(event_ids)):
            statement = _MENTION_SOURCE.add_columns(mentions.c.event_id).where(
                mentions.c.event_id.in_(chunk)
            )
            for row in conn.execute(statement):
                loaded[row.event_id].append(MentionFacts.of(codec.row_to_mention(row)))
        return loaded

    def _write_events(self, conn: sa.Connection, merged: Sequence[CalendarEvent]) -> None:
        if not merged:
            return
        conn.execute(sa.insert(events), [codec.event_row(e) for e in merged])
        rows = [row for e in merged for row in codec.participant_rows(e)]
        if rows:
            conn.execute(sa.insert(participants), rows)
        conn.execute(
            sa.update(mentions)
            .where(
                mentions.c.document_id == sa.bindparam("mention_document"),
                mentions.c.event_index == sa.bindparam("mention_index"),
            )
            .values(event_id=sa.bindparam("new_event_id")),
            [
                {
                    "mention_document": m.document_id,
                    "mention_index": m.event_index,
                    "new_event_id": e.id,
                }
                for e in merged
                for m in e.mentions
            ],
        )

    @staticmethod
    def _event_ids_of(conn: sa.Connection, document_id: str) -> tuple[str, ...]:
        rows = conn.execute(
            sa.select(mentions.c.event_id)
            .where(mentions.c.document_id == document_id)
            .order_by(mentions.c.event_index)
        )
        return tuple(r.event_id or "" for r in rows)

    # -- reading -------------------------------------------------------------

    def _conditions(
        self, query: EventQuery, *, per_event: bool = False
    ) -> list[sa.ColumnElement[bool]]:
        """The WHERE clauses of `query`.

        The participant filters (country, actor) are `id IN (all matching
        participants)` by default: one pass over participants, best when every
        match is visited (a count). With `per_event`, they are correlated
        `EXISTS` look-ups of one event's participants by primary key, best when
        a walk along the calendar order stops after a page.
        """
        conditions: list[sa.ColumnElement[bool]] = []

        def participant_match(*where: sa.ColumnElement[bool]) -> sa.ColumnElement[bool]:
            if per_event and self.dialect == "postgresql":
                # PostgreSQL turns an EXISTS into a join over every match (then sorts them
                # all); a scalar subquery stays a look-up per visited event
                own = sa.select(sa.func.count()).select_from(participants)
                own = own.where(participants.c.event_id == events.c.id, *where)
                return own.scalar_subquery() > 0
            if per_event:
                return sa.exists().where(participants.c.event_id == events.c.id, *where)
            return events.c.id.in_(sa.select(participants.c.event_id).where(*where))

        if query.date_from:
            conditions.append(events.c.end_day >= query.date_from)
        if query.date_to:
            conditions.append(events.c.start_day <= query.date_to)
        if query.country:
            code = query.country.strip().upper()
            conditions.append(
                sa.or_(
                    events.c.location_country == code,
                    participant_match(participants.c.country == code),
                )
            )
        if query.actor:
            conditions.append(participant_match(self._actor_rows(query.actor)))
        if query.mode:
            conditions.append(events.c.mode == str(getattr(query.mode, "value", query.mode)))
        if query.status:
            conditions.append(events.c.status == str(getattr(query.status, "value", query.status)))
        if query.text:
            conditions.append(
                events.c.search_text.contains(query.text.strip().lower(), autoescape=True)
            )
        return conditions

    def _actor_rows(self, actor: str) -> sa.ColumnElement[bool]:
        """The participant rows an `actor` filter matches: by key, or part of a name or alias."""
        wanted = actor.strip()
        lowered = wanted.lower()
        named = sa.or_(
            participants.c.actor_key == wanted,
            sa.func.lower(participants.c.name).contains(lowered, autoescape=True),
            sa.func.lower(participants.c.aliases).contains(lowered, autoescape=True),
        )
        # Only keys that ever had a matching name can match (`actor_names` holds every
        # name a key had): their rows are found by index, not by testing every row.
        known = sa.or_(
            actor_names.c.actor_key == wanted,
            actor_names.c.names.contains(lowered, autoescape=True),
        )
        if self.dialect == "postgresql":
            # as one array the planner takes the keys' index instead of scanning every
            # participant (from `IN (SELECT ...)` it cannot tell that the keys are few)
            keys = sa.select(sa.func.array_agg(actor_names.c.actor_key)).where(known)
            array = sa.cast(keys.scalar_subquery(), sa.ARRAY(actor_names.c.actor_key.type))
            return sa.and_(participants.c.actor_key == sa.any_(array), named)
        candidates = sa.select(actor_names.c.actor_key).where(known)
        return sa.and_(participants.c.actor_key.in_(candidates), named)

    @staticmethod
    def _ordered(conditions: list[sa.ColumnElement[bool]]) -> sa.Select[Any]:
        return (
            sa.select(events.c.record)
            .where(*conditions)
            .order_by(events.c.start_day.is_(None), events.c.start_day, events.c.id)
        )

    def _remembered(self, conn: sa.Connection, key: Any, compute: Callable[[], _T]) -> _T:
        """`compute()`, cached under `key` until the store's version changes.

        The version is read before computing: a write in between leaves the
        value under the old version, where no later reader looks, so a cached
        value is never older than the version it is kept under.
        """
        version = getattr(self._pinned, "version", None)
        if version is None:
            version = conn.scalar(sa.select(store_version.c.version))
        # Requests for the same value wait for the first to compute it, rather than
        # all counting at once (as a burst of requests for a new filter would).
        with self._computing[hash(key) % len(self._computing)]:
            with self._cache_lock:
                cached = self._cache.get(key)
            if version is not None and cached is not None and cached[0] == version:
                return cached[1]  # type: ignore[no-any-return]
            value = compute()
            if version is not None:
                with self._cache_lock:
                    if len(self._cache) >= _CACHED_VALUES:
                        self._cache.pop(next(iter(self._cache)), None)
                    self._cache[key] = (version, value)
            return value

    def _total(self, conn: sa.Connection, query: EventQuery) -> int:
        """How many events match `query` (cached per query and store version)."""
        key = ("total", replace(query, limit=None, offset=0))
        statement = self._count_statement(conn, query)  # before: it may read cached values
        return self._remembered(conn, key, lambda: conn.scalar(statement) or 0)

    def _count_statement(self, conn: sa.Connection, query: EventQuery) -> sa.Select[Any]:
        """What counts `query`'s events; one participant filter alone is counted on indexes.

        A country alone is the union of the events held there and the events of
        the country's participants; an actor alone, the distinct events of the
        matching participant rows (every participant row has its event). Both
        read indexes only, where the general count visits each matching event.
        """
        alone = replace(query, country=None, actor=None, limit=None, offset=0)
        if alone != EventQuery(limit=None) or (query.country and query.actor):
            statement = sa.select(sa.func.count()).select_from(events)
            statement = statement.where(*self._where(conn, query))
        elif query.actor:
            events_of = sa.func.count(sa.distinct(participants.c.event_id))
            statement = sa.select(events_of).where(self._actor_rows(query.actor))
        elif query.country:
            code = query.country.strip().upper()
            held = sa.select(events.c.id).where(events.c.location_country == code)
            joined = sa.select(participants.c.event_id).where(participants.c.country == code)
            union = sa.union(held, joined).subquery()
            statement = sa.select(sa.func.count()).select_from(union)
        else:
            statement = sa.select(sa.func.count()).select_from(events)
        return statement

    def _count(self, conn: sa.Connection, conditions: list[sa.ColumnElement[bool]]) -> int:
        """How many events match `conditions` (cached per filter and store version)."""
        statement = sa.select(sa.func.count()).select_from(events).where(*conditions)
        return self._counted(conn, statement)

    def _counted(self, conn: sa.Connection, statement: sa.Select[Any]) -> int:
        """The count `statement` selects, cached per statement and store version."""
        compiled = statement.compile(self._engine)
        key = (str(compiled), tuple(sorted((k, repr(v)) for k, v in compiled.params.items())))
        return self._remembered(conn, key, lambda: conn.scalar(statement) or 0)

    def _event_count_estimate(self, conn: sa.Connection) -> int:
        """About how many events there are: only for choosing a plan, so PostgreSQL's
        own estimate (kept by ANALYZE and autovacuum) does, instead of counting every row."""

        def compute() -> int:
            if self.dialect == "postgresql":
                estimate = conn.scalar(
                    sa.text("SELECT reltuples FROM pg_class WHERE oid = to_regclass('events')")
                )
                if estimate is not None and estimate >= 0:  # -1: never analysed
                    return int(estimate)
            return conn.scalar(sa.select(sa.func.count()).select_from(events)) or 0

        return self._remembered(conn, "event count", compute)

    def _longest_span(self, conn: sa.Connection) -> int | None:
        """The most days any event's end_day lies after its start_day (None: no dated event)."""
        statement = sa.select(sa.func.max(events.c.span_days))  # the last entry of its index
        return self._remembered(conn, "longest span", lambda: conn.scalar(statement))

    def _where(
        self, conn: sa.Connection, query: EventQuery, *, per_event: bool = False
    ) -> list[sa.ColumnElement[bool]]:
        """`_conditions(query)`, with a `date_from` also bounding start_day from below.

        An event ends at most the longest span of any event after it starts,
        so one reaching `date_from` starts on or after `date_from` minus that
        span: the (start_day, id) index then serves the window. A window with
        both bounds holds few events, so participant filters are looked up
        per event (`per_event`) there too.
        """
        bounded = query.date_from is not None and query.date_to is not None
        conditions = self._conditions(query, per_event=per_event or bounded)
        if query.date_from:
            span = self._longest_span(conn)
            if span is not None:
                conditions.append(
                    events.c.start_day >= query.date_from - dt.timedelta(days=max(span, 0))
                )
        return conditions

    def _page_ids(
        self, conn: sa.Connection, query: EventQuery, offset: int, limit: int | None, total: int
    ) -> list[str]:
        """The ids of one page in calendar order, read from `ix_events_start_day_id`.

        1. Dated events by (start_day, id). When matches are common enough
           that walking the index in order meets the page sooner than sorting
           every match would end, the walk is taken (SQLite is told so:
           it cannot guess how many events a participant filter keeps), and
           participant filters look up each visited event's own participants.
           A `date_from` also bounds start_day from below (see `_where`).
        2. If the page is not full, undated events by id follow (none when a
           date bound is set, as `end_day >= ...` is never true for them).
        """

        def page(statement: sa.Select[Any], skip: int, size: int | None) -> list[str]:
            statement = statement.offset(skip)
            if size is not None:
                statement = statement.limit(size)
            return list(conn.scalars(statement))

        event_count = self._event_count_estimate(conn)
        walk = limit is not None and (offset + limit) * event_count <= total * total
        conditions = self._where(conn, query, per_event=walk)
        dated = (
            sa.select(events.c.id)
            .where(events.c.start_day.is_not(None), *conditions)
            .order_by(events.c.start_day, events.c.id)
        )
        if walk:
            dated = dated.with_hint(events, "INDEXED BY ix_events_start_day_id", "sqlite")
        ids = page(dated, offset, limit)
        if (limit is not None and len(ids) == limit) or query.date_from or query.date_to:
            return ids
        conditions = self._conditions(query)
        skip = 0
        if not ids and offset:
            dated_total = self._count(conn, [events.c.start_day.is_not(None), *conditions])
            skip = max(offset - dated_total, 0)
        undated = (
            sa.select(events.c.id)
            .where(events.c.start_day.is_(None), *conditions)
            .order_by(events.c.id)
        )
        return ids + page(undated, skip, None if limit is None else limit - len(ids))

    @_wrap_errors
    def list_events(self, query: EventQuery | None = None) -> EventPage:
        """The events matching `query` (default `EventQuery()`), sorted by start day then id.

        The page's ids come first (see `_page_ids`), then only those records;
        the total is cached per filter until the next write (see `_remembered`).
        """
        query = query or EventQuery()
        with self._engine.connect() as conn:
            total, ids = self._page(conn, query)
            rows = self._rows_by_id(conn, ids, events.c.record)
        return EventPage(tuple(codec.row_to_event(rows[i]) for i in ids), total, query)

    @_wrap_errors
    def list_event_listings(self, query: EventQuery | None = None) -> ListingPage:
        """`list_events`, each event as its listing JSON (`summitry.store.listing`), undecoded."""
        query = query or EventQuery()
        with self._engine.connect() as conn:
            total, ids = self._page(conn, query)
            listings = {
                i: row.listing for i, row in self._rows_by_id(conn, ids, events.c.listing).items()
            }
            unlisted = [i for i in ids if listings[i] is None]  # written before migration 0006
            for i, row in self._rows_by_id(conn, unlisted, events.c.record).items():
                listings[i] = listing.listing_json(codec.row_to_event(row))
        return ListingPage(ids, tuple(listings[i] for i in ids), total, query)

    def _page(self, conn: sa.Connection, query: EventQuery) -> tuple[int, tuple[str, ...]]:
        """The total of `query` and the ids of its page, in calendar order.

        The version the cached values of this call belong to is read once, on the
        dedicated connection (no pool round trip), before `conn` reads anything:
        what `conn` then sees is at least that version, never older.
        """
        limit = None if query.limit is None else max(query.limit, 0)
        offset = max(query.offset, 0)
        self._pinned.version = self.version() if self._versions is not None else None
        try:
            total = self._total(conn, query)
            ids = self._page_ids(conn, query, offset, limit, total) if limit != 0 else []
        finally:
            self._pinned.version = None
        return total, tuple(ids)

    @staticmethod
    def _rows_by_id(
        conn: sa.Connection, ids: Sequence[str], *columns: sa.ColumnElement[Any]
    ) -> dict[str, Any]:
        rows: dict[str, Any] = {}
        for chunk in _chunks(ids):
            statement = sa.select(events.c.id, *columns).where(events.c.id.in_(chunk))
            rows.update((row.id, row) for row in conn.execute(statement))
        return rows

    def iter_events(self, query: EventQuery | None = None) -> Iterator[CalendarEvent]:
        """Every event matching `query`, ignoring its limit and offset (for exports)."""
        statement = self._ordered(self._conditions(query or EventQuery()))
        try:
            with self._engine.connect() as conn:
                for row in conn.execution_options(yield_per=500).execute(statement):
                    yield codec.row_to_event(row)
        except sa.exc.SQLAlchemyError as error:
            raise StoreError(f"iter_events failed on {self.url}: {error}") from error

    def version(self) -> int | None:
        """A number that changes whenever an event is written (a cache key), or None."""
        if self._versions is None:  # an in-memory SQLite database lives in its pool
            with self._engine.connect() as conn:
                return conn.scalar(sa.select(store_version.c.version))
        try:
            return self._versions.read()
        except self._engine.dialect.loaded_dbapi.Error as error:
            raise StoreError(f"version failed on {self.url}: {error}") from error

    @_wrap_errors
    def get_event(self, event_id: str) -> CalendarEvent | None:
        """One event with its participants, history and every mention, or None."""
        with self._engine.connect() as conn:
            row = conn.execute(sa.select(events.c.record).where(events.c.id == event_id)).first()
        return codec.row_to_event(row) if row else None

    @_wrap_errors
    def list_actors(
        self,
        *,
        text: str | None = None,
        country: str | None = None,
        limit: int | None = 100,
        offset: int = 0,
    ) -> list[ActorSummary]:
        """Canonical actors, most events first, then key; filtered by name part or country."""
        statement = sa.select(
            participants.c.actor_key,
            participants.c.event_id,
            participants.c.name,
            participants.c.kind,
            participants.c.country,
            participants.c.title,
        )
        if text:
            lowered = text.strip().lower()
            statement = statement.where(
                sa.or_(
                    sa.func.lower(participants.c.name).contains(lowered, autoescape=True),
                    sa.func.lower(participants.c.aliases).contains(lowered, autoescape=True),
                    participants.c.actor_key.contains(lowered, autoescape=True),
                )
            )
        if country:
            statement = statement.where(participants.c.country == country.strip().upper())
        grouped: dict[str, list[Any]] = defaultdict(list)
        with self._engine.connect() as conn:
            for row in conn.execute(statement):
                grouped[row.actor_key].append(row)
        actors = []
        for key, rows in grouped.items():
            titles = sorted(r.title for r in rows if r.title)
            countries = sorted(r.country for r in rows if r.country)
            actors.append(
                ActorSummary(
                    key=key,
                    name=sorted((r.name for r in rows), key=lambda n: (-len(n), n))[0],
                    kind=ActorKind(rows[0].kind),
                    country=countries[0] if countries else None,
                    title=max(set(titles), key=lambda t: (titles.count(t), t)) if titles else None,
                    event_count=len({r.event_id for r in rows}),
                )
            )
        actors.sort(key=lambda a: (-a.event_count, a.key))
        end = None if limit is None else offset + limit
        return actors[offset:end]

    @_wrap_errors
    def get_document(self, document_id: str) -> StoredDocument | None:
        """A stored document with its text and events, or None."""
        with self._engine.connect() as conn:
            row = conn.execute(sa.select(documents).where(documents.c.id == document_id)).first()
            if row is None:
                return None
            rows = conn.execute(
                sa.select(mentions.c.record, mentions.c.event_id)
                .where(mentions.c.document_id == document_id)
                .order_by(mentions.c.event_index)
            ).all()
        found = tuple(Event.from_dict(codec.json.loads(r.record)) for r in rows)
        return StoredDocument(
            document=codec.row_to_document(row, found),
            content_hash=row.content_hash,
            ingested_at=codec.utc(row.ingested_at),
            event_ids=tuple(r.event_id or "" for r in rows),
        )

    @_wrap_errors
    def list_documents(self, *, limit: int | None = 100, offset: int = 0) -> list[DocumentSummary]:
        """Stored documents, newest reference day first, then id."""
        counts = (
            sa.select(mentions.c.document_id, sa.func.count().label("mention_count"))
            .group_by(mentions.c.document_id)
            .subquery()
        )
        statement = (
            sa.select(
                documents.c.id,
                documents.c.url,
                documents.c.title,
                documents.c.publisher,
                documents.c.dct,
                documents.c.reference_day,
                documents.c.reference_source,
                documents.c.content_hash,
                documents.c.ingested_at,
                sa.func.coalesce(counts.c.mention_count, 0).label("mention_count"),
            )
            .join_from(documents, counts, counts.c.document_id == documents.c.id, isouter=True)
            .order_by(
                documents.c.reference_day.is_(None),
                documents.c.reference_day.desc(),
                documents.c.id,
            )
            .offset(max(offset, 0))
        )
        if limit is not None:
            statement = statement.limit(max(limit, 0))
        with self._engine.connect() as conn:
            return [
                DocumentSummary(
                    id=r.id,
                    url=r.url,
                    title=r.title,
                    publisher=r.publisher,
                    dct=r.dct,
                    reference_day=r.reference_day,
                    reference_source=ReferenceSource(r.reference_source),
                    content_hash=r.content_hash,
                    ingested_at=codec.utc(r.ingested_at),
                    mention_count=int(r.mention_count),
                )
                for r in conn.execute(statement)
            ]

    @_wrap_errors
    def list_errors(self, *, limit: int | None = 100, offset: int = 0) -> list[ErrorRecord]:
        """Recorded ingest failures, newest first."""
        statement = sa.select(errors).order_by(errors.c.id.desc()).offset(max(offset, 0))
        if limit is not None:
            statement = statement.limit(max(limit, 0))
        with self._engine.connect() as conn:
            return [
                ErrorRecord(
                    id=r.id,
                    document_id=r.document_id,
                    reason=r.reason,
                    source=r.source,
                    recorded_at=codec.utc(r.recorded_at),
                )
                for r in conn.execute(statement)
            ]


class _Transaction:
    """A connection in one write transaction, closed on exit (committed unless it raised)."""

    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def __enter__(self) -> sa.Connection:
        self._transaction = self._connection.begin()
        if self._connection.dialect.name == "postgresql":
            # Writers take turns, as on SQLite: a merge reads the part of the calendar
            # it rewrites, and two at once could both rewrite the same events.
            self._connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_WRITE_LOCK_ID})")
        return self._connection

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        try:
            if exc_type is None:
                self._transaction.commit()
            else:
                self._transaction.rollback()
        finally:
            self._connection.close()
