"""Provides the schema check on open, and the Alembic upgrade when a workspace is behind.

Opening a workspace that is up to date costs one small query on the ``alembic_version`` table and
never imports Alembic (the terminal UI's start-up budget). Only a workspace that is new or behind
loads Alembic and runs the scripts of ``migrations/versions``, inside one write transaction (and, on
PostgreSQL, an advisory lock) so that two programs opening it at once do not both migrate.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, text

from compliance.errors import WorkspaceError
from compliance.store.engine import WRITE
from compliance.store.schema import HEAD_REVISION, REVISIONS

__all__ = ["MIGRATIONS", "current_revision", "ensure_current", "upgrade"]

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_LOCK_KEY = 90_080_908
"""The PostgreSQL advisory lock taken while migrating (Law 09-08)."""


def current_revision(connection: Connection) -> str | None:
    """The workspace's schema revision; None for an empty database."""
    if not connection.dialect.has_table(connection, "alembic_version"):
        return None
    value = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return None if value is None else str(value)


def upgrade(engine: Engine, target: str = "head") -> None:
    """Runs the migrations up to ``target`` in one transaction (imports Alembic)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    writer = engine.connect().execution_options(**{WRITE: True})
    with writer as connection, connection.begin():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
        config.attributes["connection"] = connection
        command.upgrade(config, target)


def ensure_current(engine: Engine, where: str) -> None:
    """Brings the workspace's schema to :data:`HEAD_REVISION`, migrating only when behind."""
    with engine.connect() as connection:
        revision = current_revision(connection)
        connection.rollback()
    if revision == HEAD_REVISION:
        return
    if revision is not None and revision not in REVISIONS:
        raise WorkspaceError(
            f"the workspace {where} was written by a newer version of compliance "
            f"(schema {revision}); upgrade compliance to open it"
        )
    upgrade(engine)
