"""Alembic environment: run by ``onestop.db.migrate`` with a connection, or by the alembic CLI."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from onestop.db.schema import metadata

config = context.config
target_metadata = metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # the alembic command line (developers: `alembic revision --autogenerate`)
        url = config.get_main_option("sqlalchemy.url") or "sqlite:///dev-migrations.db"
        with create_engine(url).connect() as conn:
            _run(conn)
            conn.commit()
    else:
        _run(connection)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables
        compare_type=True,
        # The FTS5 index (SQLite) is made by hand in the migrations, not from the models.
        include_name=lambda name, type_, _parent: (
            not (type_ == "table" and (name or "").startswith("dossiers_fts"))
        ),
    )
    with context.begin_transaction():
        context.run_migrations()


run()
