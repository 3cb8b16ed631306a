"""Alembic environment: runs on the connection `summitry.store.migrate` hands over.

Run from the command line as well: `alembic -c summitry/store/alembic.ini upgrade head`
with `-x db=URL` (default: the `summitry.db` resolution of the CLI).
"""

from __future__ import annotations

from alembic import context

from summitry.store.schema import metadata

config = context.config


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # the alembic command line: open the store's URL ourselves
        from summitry.store.engine import create_store_engine
        from summitry.store.store import resolve_db_url

        engine = create_store_engine(
            resolve_db_url(context.get_x_argument(as_dictionary=True).get("db"))
        )
        with engine.begin() as connection:
            context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
            with context.begin_transaction():
                context.run_migrations()
        engine.dispose()
        return
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("summitry migrations run online only: pass -x db=URL")
run_online()
