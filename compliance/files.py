"""Provides :func:`write_atomically`: how every file the user asked for is written.

The data goes to a temporary file in the same folder, is flushed to disk, then renamed over the
target, so a crash leaves either the old file or the new one, never half of one. A target that
exists but is not a regular file (a folder, a device such as ``/dev/null``, a pipe) is refused:
renaming over it would replace the device itself.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from compliance.errors import OutputError

__all__ = ["write_atomically"]


def write_atomically(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Writes ``data`` to ``path`` atomically (``mode``: the new file's permissions).

    Raises :class:`OutputError` with one sentence saying what is wrong.
    """
    try:
        info = path.lstat()
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise OutputError(f"{path} is not a regular file; give the path of a file to write")
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: the folder {folder} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".partial")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            if mode is not None:
                os.chmod(temporary, mode)
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
