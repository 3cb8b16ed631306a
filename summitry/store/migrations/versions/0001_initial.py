"""Initial schema: documents, mentions, events, participants, errors.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(255), primary_key=True),
        sa.Column("url", sa.String(2048), nullable=True),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("publisher", sa.String(255), nullable=True),
        sa.Column("source", sa.Text, nullable=True),
        sa.Column("dct", sa.Date, nullable=True),
        sa.Column("reference_day", sa.Date, nullable=True),
        sa.Column("reference_source", sa.String(16), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("record_hash", sa.String(64), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("extra", sa.Text, nullable=False),
    )
    op.create_index("ix_documents_url", "documents", ["url"])
    op.create_index("ix_documents_reference_day", "documents", ["reference_day"])
    op.create_index("ix_documents_content_hash", "documents", ["content_hash"])

    op.create_table(
        "mentions",
        sa.Column(
            "document_id",
            sa.String(255),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("event_index", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("event_id", sa.String(32), nullable=True),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reference_day", sa.Date, nullable=True),
        sa.Column("time_text", sa.Text, nullable=True),
        sa.Column("time_value", sa.String(32), nullable=True),
        sa.Column("time_end", sa.String(32), nullable=True),
        sa.Column("evidence_start", sa.Integer, nullable=True),
        sa.Column("evidence_end", sa.Integer, nullable=True),
        sa.Column("evidence_text", sa.Text, nullable=True),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_index("ix_mentions_event_id", "mentions", ["event_id"])

    op.create_table(
        "events",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("start_day", sa.Date, nullable=True),
        sa.Column("end_day", sa.Date, nullable=True),
        sa.Column("time_value", sa.String(32), nullable=True),
        sa.Column("location_name", sa.Text, nullable=True),
        sa.Column("location_country", sa.String(8), nullable=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("first_reported", sa.Date, nullable=True),
        sa.Column("last_reported", sa.Date, nullable=True),
        sa.Column("mention_count", sa.Integer, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_index("ix_events_mode", "events", ["mode"])
    op.create_index("ix_events_status", "events", ["status"])
    op.create_index("ix_events_start_day", "events", ["start_day"])
    op.create_index("ix_events_end_day", "events", ["end_day"])
    op.create_index("ix_events_location_country", "events", ["location_country"])

    op.create_table(
        "participants",
        sa.Column(
            "event_id",
            sa.String(32),
            sa.ForeignKey("events.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("actor_key", sa.String(255), primary_key=True),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("country", sa.String(8), nullable=True),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("aliases", sa.Text, nullable=False),
    )
    op.create_index("ix_participants_country", "participants", ["country"])
    op.create_index("ix_participants_mode_actor_key", "participants", ["mode", "actor_key"])
    op.create_index("ix_participants_actor_key", "participants", ["actor_key"])

    op.create_table(
        "errors",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.String(255), nullable=False),
        sa.Column("source", sa.Text, nullable=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_errors_document_id", "errors", ["document_id"])


def downgrade() -> None:
    op.drop_table("errors")
    op.drop_table("participants")
    op.drop_table("events")
    op.drop_table("mentions")
    op.drop_table("documents")
