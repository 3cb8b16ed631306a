"""Participants: block_key, the actor key without a person's country, for merge look-ups.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _block_key(key: str) -> str:
    # frozen copy of summitry.merge.actors.block_key as of this revision
    if key.startswith("person:"):
        return "person:" + key.split(":", 2)[2]
    return key


def upgrade() -> None:
    with op.batch_alter_table("participants") as batch:
        batch.add_column(sa.Column("block_key", sa.String(255), nullable=True))
    participants = sa.table(
        "participants",
        sa.column("event_id", sa.String),
        sa.column("actor_key", sa.String),
        sa.column("block_key", sa.String),
    )
    connection = op.get_bind()
    keys = {row.actor_key for row in connection.execute(sa.select(participants.c.actor_key))}
    for key in sorted(keys):
        connection.execute(
            participants.update()
            .where(participants.c.actor_key == key)
            .values(block_key=_block_key(key))
        )
    with op.batch_alter_table("participants") as batch:
        batch.alter_column("block_key", existing_type=sa.String(255), nullable=False)
        batch.create_index("ix_participants_mode_block_key", ["mode", "block_key"])


def downgrade() -> None:
    with op.batch_alter_table("participants") as batch:
        batch.drop_index("ix_participants_mode_block_key")
        batch.drop_column("block_key")
