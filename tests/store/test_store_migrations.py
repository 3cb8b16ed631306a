"""The Alembic migrations build exactly the schema the code uses; SQLite runs in WAL mode."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from summitry.store import Store
from summitry.store.migrate import current_revision, head_revision
from summitry.store.schema import metadata


def test_migrated_schema_matches_the_tables(store: Store) -> None:
    with store._engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_store_is_at_head(store: Store) -> None:
    assert current_revision(store._engine) == head_revision()


def test_sqlite_uses_wal_and_foreign_keys(store: Store) -> None:
    if store.dialect != "sqlite":
        return
    with store._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
