"""Events: `listing`, the JSON a list of events shows (`summitry.store.listing`).

Existing rows are filled here from their records, so every page is read
from the column; a row still without one is listed from its record.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from summitry.merge.records import CalendarEvent
from summitry.store.listing import listing_json

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_BATCH = 1000


def upgrade() -> None:
    op.add_column("events", sa.Column("listing", sa.Text, nullable=True))
    events = sa.table("events", sa.column("id"), sa.column("record"), sa.column("listing"))
    connection = op.get_bind()
    after = ""
    while True:  # by id, a batch at a time: memory stays flat on a large calendar
        rows = connection.execute(
            sa.select(events.c.id, events.c.record)
            .where(events.c.id > after)
            .order_by(events.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            return
        connection.execute(
            sa.update(events)
            .where(events.c.id == sa.bindparam("event_id"))
            .values(listing=sa.bindparam("event_listing")),
            [{"event_id": row.id, "event_listing": _listing(row.record)} for row in rows],
        )
        after = rows[-1].id


def _listing(record: str) -> str | None:
    """The listing of a stored record; None for one this code cannot read (it stays as it was)."""
    try:
        return listing_json(CalendarEvent.from_dict(json.loads(record)))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("listing")
