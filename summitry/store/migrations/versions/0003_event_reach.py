"""Events: reach_start, reach_end, the days their mentions are about (merge look-ups by time).

Existing rows get NULL (unbounded: always a candidate) until `Store.remerge()`
or the next change to them rewrites them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("reach_start", sa.Date, nullable=True))
        batch.add_column(sa.Column("reach_end", sa.Date, nullable=True))
        batch.create_index("ix_events_reach_start", ["reach_start"])
        batch.create_index("ix_events_reach_end", ["reach_end"])


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_reach_end")
        batch.drop_index("ix_events_reach_start")
        batch.drop_column("reach_end")
        batch.drop_column("reach_start")
