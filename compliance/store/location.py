"""Provides where a workspace is: a SQLite file path or a database URL, and the default place."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from compliance.errors import WorkspaceError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

__all__ = ["DEFAULT_NAME", "ENV", "default_location", "describe", "resolve", "sqlite_path"]

ENV = "COMPLIANCE_WORKSPACE"
DEFAULT_NAME = "workspace.sqlite"


def default_location() -> str:
    """``COMPLIANCE_WORKSPACE`` when set, else ``workspace.sqlite`` in the user data folder."""
    override = os.environ.get(ENV)
    if override:
        return override
    from compliance.paths import data_dir

    return str(data_dir() / DEFAULT_NAME)


def sqlite_path(location: str | Path | None) -> Path | None:
    """The file of a SQLite workspace given as a path (None for a URL); SQLAlchemy-free."""
    text = default_location() if location is None else str(location)
    return None if "://" in text else Path(text).expanduser()


def resolve(location: str | Path | None) -> URL:
    """The SQLAlchemy URL of a workspace given as a path, a URL, or None for the default.

    A plain path is a SQLite file, created (mode 0600, folder 0700) when missing. A
    ``postgresql://`` URL uses the psycopg 3 driver.
    """
    from sqlalchemy.engine import URL, make_url

    text = default_location() if location is None else str(location)
    if "://" not in text:
        path = Path(text).expanduser()
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not path.exists():
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        except OSError as error:
            raise WorkspaceError(
                f"cannot create the workspace file {path}: {error.strerror}; "
                "check the folder exists and is writable, or pass --workspace"
            ) from None
        if path.is_dir():
            raise WorkspaceError(f"the workspace {path} is a folder; give a file path")
        return URL.create("sqlite", database=str(path))
    try:
        url = make_url(text)
    except Exception:
        raise WorkspaceError(f"cannot read the workspace URL {text!r}") from None
    backend = url.get_backend_name()
    if backend == "postgresql":
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return url
    raise WorkspaceError(f"a workspace is a SQLite file or a postgresql:// URL, not {backend!r}")


def describe(url: URL) -> str:
    """The workspace for messages: the file path, or the URL without its password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)
