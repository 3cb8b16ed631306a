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


def test_0002_backfills_block_keys(tmp_path) -> None:
    from summitry.store.engine import create_store_engine
    from summitry.store.migrate import upgrade

    engine = create_store_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO events (id, type, mode, status, title, search_text, mention_count, "
            "record) VALUES ('ev-1', 'CONSULT', 'visit', 'planned', 't', 't', 1, '{}')"
        )
        conn.exec_driver_sql(
            "INSERT INTO participants (event_id, actor_key, mode, name, kind, role, aliases) "
            "VALUES "
            "('ev-1', 'person:HUN:varga', 'visit', 'Elena Varga', 'person', 'actor', ''),"
            "('ev-1', 'country:JPN', 'visit', 'Japan', 'country', 'recipient', '')"
        )
    upgrade(engine)
    with engine.connect() as conn:
        rows = dict(conn.exec_driver_sql("SELECT actor_key, block_key FROM participants").all())
    assert rows == {"person:HUN:varga": "person:varga", "country:JPN": "country:JPN"}
    assert current_revision(engine) == head_revision()
    engine.dispose()
