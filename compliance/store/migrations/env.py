"""Provides the Alembic environment: migrations run on the connection ``migrate.upgrade`` passes.

The workspace is never migrated from an ``alembic.ini``; :func:`compliance.store.migrate.upgrade`
builds the configuration and hands over a connection already inside its transaction.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("workspace migrations run through compliance.store.migrate.upgrade only")

context.configure(connection=connection, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
