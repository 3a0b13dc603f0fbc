"""Provides the open workspace: its engine, who is acting, and one transaction per change.

``open_workspace`` resolves the location (``--workspace``, ``COMPLIANCE_WORKSPACE``, or the user
data folder), connects, and brings the schema up to date. Repository functions take the
:class:`Workspace` and use :meth:`Workspace.write` (one transaction, committed durably when the
block ends) or :meth:`Workspace.read`; database failures come out as workspace errors.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import URL

from compliance.store.engine import WRITE, make_engine
from compliance.store.guard import translated
from compliance.store.location import describe, resolve
from compliance.store.migrate import ensure_current
from compliance.store.roles import Role, current_role, require

__all__ = ["USER_ENV", "Workspace", "open_workspace"]

USER_ENV = "COMPLIANCE_USER"
"""The user name recorded on a SQLite workspace when none is given (else the OS login)."""


def _default_actor() -> str:
    configured = os.environ.get(USER_ENV, "").strip()
    if configured:
        return configured[:300]
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


class Workspace:
    """An open workspace store."""

    def __init__(self, engine: Engine, url: URL, *, actor: str) -> None:
        self.engine = engine
        self.url = url
        self.actor = actor
        self.where = describe(url)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @contextmanager
    def write(self, needs: Role = "editor") -> Iterator[Connection]:
        """One write transaction: committed when the block ends, rolled back whole on error.

        The acting user's role is checked first, inside the transaction: it must include
        ``needs`` (see :mod:`compliance.store.roles`), else :class:`WorkspaceDenied`.
        """
        with (
            translated(self.where),
            self.engine.connect().execution_options(**{WRITE: True}) as connection,
            connection.begin(),
        ):
            require(connection, self.actor, needs, self.where)
            yield connection

    def role(self) -> Role:
        """The acting user's role now."""
        with self.read() as connection:
            return current_role(connection, self.actor)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """One read transaction (a consistent snapshot)."""
        with translated(self.where), self.engine.connect() as connection, connection.begin():
            yield connection

    def close(self) -> None:
        """Closes every connection of the workspace."""
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def open_workspace(
    location: str | Path | None = None, *, actor: str | None = None, busy_timeout: float = 5.0
) -> Workspace:
    """Opens (creating or migrating when needed) the workspace at ``location``.

    ``location`` is a SQLite file path or a ``postgresql://`` URL; None means
    ``COMPLIANCE_WORKSPACE``, else ``workspace.sqlite`` in the user data folder.

    Who is acting (recorded in the audit log, checked against the roles): on PostgreSQL always
    the database login, so nobody can act under another's name; on SQLite ``actor``, else
    ``COMPLIANCE_USER``, else the operating-system user.
    """
    url = resolve(location)
    engine = make_engine(url, busy_timeout=busy_timeout)
    where = describe(url)
    try:
        with translated(where):
            ensure_current(engine, where)
            if engine.dialect.name == "postgresql":
                with engine.connect() as connection:
                    actor = str(connection.execute(text("SELECT session_user")).scalar_one())
                    connection.rollback()
    except BaseException:
        engine.dispose()
        raise
    return Workspace(engine, url, actor=actor or _default_actor())
