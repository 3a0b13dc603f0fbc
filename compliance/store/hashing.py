"""Provides the SHA-256 of files offered as evidence or recorded as reports, read in chunks."""

from __future__ import annotations

import hashlib
from pathlib import Path

from compliance.errors import WorkspaceError

__all__ = ["MAX_STORED_BYTES", "hash_file", "read_for_storage"]

MAX_STORED_BYTES = 50 * 1024 * 1024
"""The largest file copied into the workspace (hashing alone has no limit)."""


def hash_file(path: Path) -> str:
    """The SHA-256 of a file as 64 hex digits; raises :class:`WorkspaceError` if unreadable."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1024 * 1024):
                digest.update(chunk)
    except OSError as error:
        raise WorkspaceError(f"cannot read {path}: {error.strerror or error}") from None
    return digest.hexdigest()


def read_for_storage(path: Path) -> bytes:
    """The bytes of a file to copy into the workspace, refused above :data:`MAX_STORED_BYTES`."""
    try:
        size = path.stat().st_size
        if size > MAX_STORED_BYTES:
            raise WorkspaceError(
                f"{path} is {size // (1024 * 1024)} MiB, more than the "
                f"{MAX_STORED_BYTES // (1024 * 1024)} MiB a workspace stores; "
                "attach it without copying"
            )
        return path.read_bytes()
    except OSError as error:
        raise WorkspaceError(f"cannot read {path}: {error.strerror or error}") from None
