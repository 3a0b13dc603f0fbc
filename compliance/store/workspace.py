"""Provides the open workspace: its engine, who is acting, and one transaction per change.

``open_workspace`` resolves the location (``--workspace``, ``COMPLIANCE_WORKSPACE``, or the user
data folder), connects, and brings the schema up to date. Repository functions take the
:class:`Workspace` and use :meth:`Workspace.write` (one transaction, committed durably when the
block ends) or :meth:`Workspace.read`; database failures come out as workspace errors.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from sqlalchemy import Connection, Engine
from sqlalchemy.engine import URL

from compliance.store.engine import WRITE, make_engine
from compliance.store.guard import translated
from compliance.store.location import describe, resolve
from compliance.store.migrate import ensure_current

__all__ = ["Workspace", "open_workspace"]


def _default_actor() -> str:
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
    def write(self) -> Iterator[Connection]:
        """One write transaction: committed when the block ends, rolled back whole on error."""
        with (
            translated(self.where),
            self.engine.connect().execution_options(**{WRITE: True}) as connection,
            connection.begin(),
        ):
            yield connection

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
    ``COMPLIANCE_WORKSPACE``, else ``workspace.sqlite`` in the user data folder. ``actor`` is
    recorded in the audit log (default: the operating-system user).
    """
    url = resolve(location)
    engine = make_engine(url, busy_timeout=busy_timeout)
    where = describe(url)
    try:
        with translated(where):
            ensure_current(engine, where)
    except BaseException:
        engine.dispose()
        raise
    return Workspace(engine, url, actor=actor or _default_actor())
