"""The tables (SQLAlchemy Core). Alembic migrations in `migrations/` create them.

    documents     one row per stored article: metadata, text, hashes
    mentions      one row per event per article: the event as that article
                  reported it (status, time, evidence) and its calendar event
    events        one row per calendar event (a merge cluster of mentions):
                  the resolved fields for filtering, and the full record as JSON
    participants  the canonical actors of each calendar event
    actor_names   every name and alias seen for each actor key (a trigger keeps it)
    store_version one row, bumped by a trigger on every change to events: what
                  readers key their caches on
    errors        documents that could not be ingested, and why

Events and participants are derived: `Store.remerge()` rebuilds them from
documents and mentions. A change here needs a new migration (a test compares
the two).
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(255), primary_key=True),
    sa.Column("url", sa.String(2048), nullable=True, index=True),
    sa.Column("title", sa.Text, nullable=True),
    sa.Column("publisher", sa.String(255), nullable=True),
    sa.Column("source", sa.Text, nullable=True),
    sa.Column("dct", sa.Date, nullable=True),
    sa.Column("reference_day", sa.Date, nullable=True, index=True),
    sa.Column("reference_source", sa.String(16), nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False, index=True),
    sa.Column("record_hash", sa.String(64), nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("extra", sa.Text, nullable=False),  # JSON: dateline, body, warnings
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column(
        "document_id",
        sa.String(255),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("event_index", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("event_id", sa.String(32), nullable=True, index=True),
    sa.Column("mode", sa.String(16), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("reference_day", sa.Date, nullable=True),
    sa.Column("time_text", sa.Text, nullable=True),
    sa.Column("time_value", sa.String(32), nullable=True),
    sa.Column("time_end", sa.String(32), nullable=True),
    sa.Column("evidence_start", sa.Integer, nullable=True),
    sa.Column("evidence_end", sa.Integer, nullable=True),
    sa.Column("evidence_text", sa.Text, nullable=True),
    sa.Column("record", sa.Text, nullable=False),  # JSON: Event.to_dict()
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("mode", sa.String(16), nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False, index=True),
    sa.Column("start_day", sa.Date, nullable=True, index=True),
    sa.Column("end_day", sa.Date, nullable=True, index=True),
    sa.Column("time_value", sa.String(32), nullable=True),
    sa.Column("location_name", sa.Text, nullable=True),
    sa.Column("location_country", sa.String(8), nullable=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("search_text", sa.Text, nullable=False),  # lowercased title, names, place, evidence
    # the hull of the mentions' reaches (merge.compatible.mention_reach); NULL: unbounded
    sa.Column("reach_start", sa.Date, nullable=True, index=True),
    sa.Column("reach_end", sa.Date, nullable=True, index=True),
    sa.Column("first_reported", sa.Date, nullable=True),
    sa.Column("last_reported", sa.Date, nullable=True),
    # end_day - start_day, in days: its largest value bounds how far a `from` filter
    # reaches back along ix_events_start_day_id (Store._longest_span reads it off the index)
    sa.Column("span_days", sa.Integer, nullable=True, index=True),
    sa.Column("mention_count", sa.Integer, nullable=False),
    sa.Column("record", sa.Text, nullable=False),  # JSON: CalendarEvent.to_dict()
    sa.Column("listing", sa.Text, nullable=True),  # JSON: what a list shows (store/listing.py)
    # serves the calendar order: dated events by (start_day, id), then undated by id
    sa.Index("ix_events_start_day_id", "start_day", "id"),
    # a mode and status filter counts and pages along this one, in calendar order
    sa.Index("ix_events_mode_status_start_day_id", "mode", "status", "start_day", "id"),
    # covering: a country's count reads ids from the indexes alone
    sa.Index("ix_events_location_country_id", "location_country", "id"),
)

participants = sa.Table(
    "participants",
    metadata,
    sa.Column(
        "event_id",
        sa.String(32),
        sa.ForeignKey("events.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("actor_key", sa.String(255), primary_key=True),
    sa.Column("block_key", sa.String(255), nullable=False),  # merge.actors.block_key(actor_key)
    sa.Column("mode", sa.String(16), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("country", sa.String(8), nullable=True),
    sa.Column("title", sa.Text, nullable=True),
    sa.Column("aliases", sa.Text, nullable=False),  # newline-separated
    sa.Index("ix_participants_country_event_id", "country", "event_id"),
    sa.Index("ix_participants_mode_actor_key", "mode", "actor_key"),
    sa.Index("ix_participants_actor_key", "actor_key"),
    sa.Index("ix_participants_mode_block_key", "mode", "block_key"),
)

actor_names = sa.Table(
    "actor_names",
    metadata,
    sa.Column("actor_key", sa.String(255), primary_key=True),
    # every lowercased name and alias a participant row with this key ever had, one per
    # line; kept by a trigger on `participants` (migration 0005), never pruned: a name
    # filter looks here first for the few keys whose participant rows it must check
    sa.Column("names", sa.Text, nullable=False),
)

store_version = sa.Table(
    "store_version",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),  # the one row: 1
    # bumped by a trigger on `events` (migration 0004) at every insert, update, delete
    sa.Column("version", sa.BigInteger, nullable=False),
)

errors = sa.Table(
    "errors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("document_id", sa.String(255), nullable=False, index=True),
    sa.Column("source", sa.Text, nullable=True),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
)
