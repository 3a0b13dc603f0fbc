"""Provides the SHA-256 of files offered as evidence or recorded as reports, read in chunks."""

from __future__ import annotations

import os
from pathlib import Path

from compliance.errors import InputError, WorkspaceError

__all__ = ["MAX_STORED_BYTES", "hash_file", "read_for_storage"]

MAX_STORED_BYTES = 50 * 1024 * 1024
"""The largest file copied into the workspace (hashing alone has no limit)."""


def hash_file(path: Path) -> str:
    """The SHA-256 of a file as 64 hex digits; raises :class:`WorkspaceError` if unreadable."""
    from compliance.files import hash_regular_file

    try:
        return hash_regular_file(path)
    except InputError as error:
        raise WorkspaceError(f"cannot read the evidence file: {error}") from None


def read_for_storage(path: Path) -> bytes:
    """The bytes of a file to copy into the workspace, refused above :data:`MAX_STORED_BYTES`."""
    from compliance.files import open_regular

    try:
        fd, info = open_regular(path, "evidence")
    except InputError as error:
        raise WorkspaceError(f"cannot read the evidence file: {error}") from None
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > MAX_STORED_BYTES:
            raise WorkspaceError(
                f"{path} is {info.st_size // (1024 * 1024)} MiB, more than the "
                f"{MAX_STORED_BYTES // (1024 * 1024)} MiB a workspace stores; "
                "attach it without copying"
            )
        try:
            data = handle.read(MAX_STORED_BYTES + 1)
        except OSError as error:
            raise WorkspaceError(f"cannot read {path}: {error.strerror or error}") from None
    if len(data) > MAX_STORED_BYTES:
        raise WorkspaceError(f"{path} grew past {MAX_STORED_BYTES // (1024 * 1024)} MiB; refused")
    return data
