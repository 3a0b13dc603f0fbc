"""Provides how every file a user names is read (:func:`read_limited`) and written
(:func:`write_atomically`).

Reading: only a regular file is read. A FIFO would block for ever, a device such as ``/dev/zero``
never ends, a folder is a mistake: each is refused at once with one sentence. The file is opened
without blocking (so that opening a FIFO returns at once), checked with ``fstat`` on the open
descriptor (so that it cannot be swapped between check and read), and read with a cap of one byte
past the limit for its kind (:data:`LIMITS`), so that no file can make a command read without end.

Writing:

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

from compliance.errors import InputError, OutputError

__all__ = ["LIMITS", "hash_regular_file", "open_regular", "read_limited", "write_atomically"]

MiB = 1024 * 1024
LIMITS: dict[str, int] = {
    "assessment": 8 * MiB,
    "encrypted assessment": 16 * MiB,
    "questionnaire": 8 * MiB,
    "bundle": 50 * MiB,
    "key file": 64 * 1024,
    "public key": 64 * 1024,
    "passphrase file": 4 * 1024,
    "trust store": 4 * MiB,
    "evidence": 50 * MiB,
}
"""The most bytes read for each kind of file a user names (``read_limited`` may be given less)."""

_KINDS = {
    stat.S_IFIFO: "a pipe (FIFO)",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


def _what_it_is(mode: int) -> str:
    return _KINDS.get(stat.S_IFMT(mode), "something else")


def _fail(path: Path, problem: str) -> InputError:
    return InputError(f"{path} {problem}", problem=problem)


def open_regular(path: Path, what: str) -> tuple[int, os.stat_result]:
    """An open descriptor on ``path`` (read-only) and its status, or :class:`InputError`.

    Refuses at once anything but a regular file; the caller closes the descriptor.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise _fail(path, "does not exist (no such file); check the path") from None
    except PermissionError:
        raise _fail(path, "cannot be read: permission denied") from None
    except (OSError, ValueError) as error:
        why = getattr(error, "strerror", None) or str(error)
        raise _fail(path, f"cannot be read: {why}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _fail(path, f"is a folder, not {_article(what)}; give the path of the file")
        if not stat.S_ISREG(info.st_mode):
            raise _fail(
                path,
                f"is not a regular file but {_what_it_is(info.st_mode)}; give the path of "
                f"{_article(what)}",
            )
    except BaseException:
        os.close(fd)
        raise
    return fd, info


def _article(what: str) -> str:
    return f"an {what}" if what[:1] in "aeiou" else f"a {what}"


def read_limited(path: Path, what: str, *, max_bytes: int | None = None) -> bytes:
    """The bytes of the regular file ``path``, a ``what`` (a key of :data:`LIMITS`).

    Raises :class:`InputError` with one sentence for a missing file, a folder, a FIFO, a device,
    or a file over the limit (``max_bytes``, else the kind's).
    """
    limit = max_bytes if max_bytes is not None else LIMITS[what]
    fd, info = open_regular(path, what)
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > limit:
            raise _fail(
                path,
                f"is {info.st_size:,} bytes, over the {limit:,}-byte limit for {_article(what)}",
            )
        try:
            data = handle.read(limit + 1)
        except OSError as error:
            raise _fail(path, f"cannot be read: {error.strerror or error}") from None
    if len(data) > limit:
        raise _fail(path, f"is over the {limit:,}-byte limit for {_article(what)}")
    return data


def hash_regular_file(path: Path, what: str = "evidence") -> str:
    """The SHA-256 of the regular file ``path``, read in chunks (no size limit)."""
    import hashlib

    fd, _ = open_regular(path, what)
    digest = hashlib.sha256()
    with os.fdopen(fd, "rb") as handle:
        try:
            while chunk := handle.read(1024 * 1024):
                digest.update(chunk)
        except OSError as error:
            raise _fail(path, f"cannot be read: {error.strerror or error}") from None
    return digest.hexdigest()


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
