"""Provides the translation of database failures into the toolkit's workspace errors.

SQLite and PostgreSQL report "busy", "read-only" and "full" differently; users get one sentence
each, naming the workspace and what to do, and the write that failed is rolled back whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc

from compliance.errors import (
    WorkspaceBusy,
    WorkspaceDenied,
    WorkspaceError,
    WorkspaceFull,
    WorkspaceReadOnly,
)

__all__ = ["translated", "translation"]


def _first_line(orig: object) -> str:
    lines = str(orig).strip().splitlines()
    return lines[0] if lines else type(orig).__name__


def translation(error: exc.DBAPIError, where: str) -> WorkspaceError:
    """The workspace error a database failure means."""
    orig = error.orig
    name = str(getattr(orig, "sqlite_errorname", "") or "")
    state = str(getattr(orig, "sqlstate", "") or "")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or state in ("55P03", "40P01", "40001"):
        return WorkspaceBusy(
            f"the workspace {where} is busy: another program is writing to it; "
            "try again in a moment"
        )
    if state == "57014":
        return WorkspaceBusy(
            f"the workspace {where} did not answer in time, so the change was not saved; "
            "try again in a moment (everything saved before is intact)"
        )
    if state == "42501" or name == "SQLITE_CONSTRAINT_TRIGGER":
        return WorkspaceDenied(
            f"the workspace {where} refused the change: {_first_line(orig)} (nothing was changed)"
        )
    if name.startswith("SQLITE_READONLY") or state == "25006":
        return WorkspaceReadOnly(
            f"the workspace {where} is read-only, so nothing was changed; "
            "open a writable copy to make changes (everything saved before is intact)"
        )
    if name == "SQLITE_FULL" or state == "53100":
        return WorkspaceFull(
            f"the workspace {where} is full (no space left), so the last change was not saved; "
            "free some space and try again (everything saved before is intact)"
        )
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        return WorkspaceError(f"{where} is not a workspace, or it is damaged")
    if name == "SQLITE_CANTOPEN":
        return WorkspaceError(f"cannot open the workspace {where}; check the path")
    if isinstance(error, exc.IntegrityError):
        return WorkspaceError(
            f"the change conflicts with what the workspace {where} already holds; "
            "reload and try again"
        )
    if state.startswith("08") or (isinstance(error, exc.OperationalError) and not name):
        return WorkspaceError(f"cannot reach the workspace {where}: {_first_line(orig)}")
    return WorkspaceError(f"the workspace {where} refused the operation: {_first_line(orig)}")


@contextmanager
def translated(where: str) -> Iterator[None]:
    """Raises database failures inside the block as workspace errors."""
    try:
        yield
    except exc.DBAPIError as error:
        raise translation(error, where) from None
