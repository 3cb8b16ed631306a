"""Paging the calendar: an index that serves its sort, and a version bumped on every change.

- `ix_events_start_day_id` (start_day, id): `Store.list_events` reads a page
  of ids in calendar order from it (dated events, then undated ones by id)
  instead of sorting every match.
- `store_version`: one row whose `version` a trigger on `events` bumps on every
  insert, update and delete (in any process, through any code path), so a
  reader can cache what it computed from the calendar, e.g. the total of a
  filter, for as long as the version stays the same.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_BUMP = "UPDATE store_version SET version = version + 1 WHERE id = 1"


def upgrade() -> None:
    op.create_index("ix_events_start_day_id", "events", ["start_day", "id"])
    op.create_table(
        "store_version",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("version", sa.BigInteger, nullable=False),
    )
    op.execute("INSERT INTO store_version (id, version) VALUES (1, 0)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION summitry_bump_store_version() RETURNS trigger AS $$ "
            f"BEGIN {_BUMP}; RETURN NULL; END; $$ LANGUAGE plpgsql"
        )
        # one bump per statement: a bulk insert costs one update, not one per row
        op.execute(
            "CREATE TRIGGER events_bump_store_version "
            "AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON events "
            "FOR EACH STATEMENT EXECUTE FUNCTION summitry_bump_store_version()"
        )
    else:  # SQLite has row triggers only
        for action in ("INSERT", "UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER events_bump_store_version_{action.lower()} "
                f"AFTER {action} ON events BEGIN {_BUMP}; END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER events_bump_store_version ON events")
        op.execute("DROP FUNCTION summitry_bump_store_version()")
    else:
        for action in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER events_bump_store_version_{action}")
    op.drop_table("store_version")
    op.drop_index("ix_events_start_day_id", "events")
