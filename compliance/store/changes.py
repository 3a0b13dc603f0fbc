"""Provides :class:`ChangeWatcher`: how an open screen learns that someone changed the workspace.

On PostgreSQL it listens on the audit log's notification channel (every write notifies at commit,
see :mod:`compliance.store.audit`), so a change by another person is known within milliseconds;
on SQLite it compares :func:`~compliance.store.audit.last_change` (one index lookup) every half
second. Either way :meth:`ChangeWatcher.wait` returns within its timeout, so a worker thread can
loop on it and tell the UI to re-read what it shows. It never touches the UI.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import select

from compliance.errors import WorkspaceError
from compliance.store.audit import CHANNEL, last_change
from compliance.store.guard import translated
from compliance.store.schema import audit_log
from compliance.store.workspace import Workspace

__all__ = ["POLL_SECONDS", "ChangeWatcher"]

POLL_SECONDS = 0.5
"""How often a SQLite workspace is checked for changes."""


class ChangeWatcher:
    """Waits for changes to a workspace by anyone (the watcher's own included)."""

    def __init__(self, workspace: Workspace, *, since: int | None = None) -> None:
        """Watches from now on, or from the audit entry ``since`` (0: from the start), so that a
        change made between a screen's read and the watcher's creation is not missed."""
        self.workspace = workspace
        self.seen = last_change(workspace) if since is None else since
        self._ask_first = since is not None  # the first check asks the database in any case
        self._listener: Any = None
        if workspace.dialect == "postgresql":
            with translated(workspace.where):
                pooled = workspace.engine.raw_connection()
                connection: Any = pooled.driver_connection
                pooled.detach()  # a connection of its own, never handed back to the pool
                connection.autocommit = True
                connection.execute(f"LISTEN {CHANNEL}")
            self._listener = connection

    def wait(self, timeout: float) -> bool:
        """Whether the workspace changed since the last call, waiting at most ``timeout``
        seconds for a change."""
        deadline = time.monotonic() + timeout
        if self._listener is not None:
            import psycopg

            try:
                for _ in self._listener.notifies(timeout=timeout, stop_after=1):
                    self.seen = last_change(self.workspace)
                    return True
            except psycopg.Error as error:
                raise WorkspaceError(
                    f"cannot reach the workspace {self.workspace.where}: {error}"
                ) from None
            return False
        while True:
            now = last_change(self.workspace)
            if now != self.seen:
                self.seen = now
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            time.sleep(min(POLL_SECONDS, left))

    def others_changed(self) -> bool:
        """Whether someone other than the workspace's actor changed anything since the last
        call, without waiting (a PostgreSQL watcher asks the database only when a notification
        arrived). Cheap enough for a screen to call every second."""
        if self._listener is not None:
            import psycopg

            try:
                arrived = list(self._listener.notifies(timeout=0, stop_after=1000))
            except psycopg.Error as error:
                raise WorkspaceError(
                    f"cannot reach the workspace {self.workspace.where}: {error}"
                ) from None
            if not arrived and not self._ask_first:
                return False
        self._ask_first = False
        seen = self.seen
        self.seen = last_change(self.workspace)
        if self.seen == seen:
            return False
        with self.workspace.read() as connection:
            query = (
                select(audit_log.c.id)
                .where((audit_log.c.id > seen) & (audit_log.c.actor != self.workspace.actor))
                .limit(1)
            )
            return connection.execute(query).first() is not None

    def close(self) -> None:
        """Stops listening."""
        if self._listener is not None:
            self._listener.close()
            self._listener = None
