"""Alembic migrations of the store; `summitry.store.migrate.upgrade` runs them."""
