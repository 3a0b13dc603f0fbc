"""Provides the safe reading of a bundle zip: in memory, with limits, and the exact file set.

Nothing is extracted. Before any content is inflated the archive must have at most 32 entries,
names from the fixed bundle layout only (so no absolute paths, ``..``, backslashes or duplicates),
regular files only (no links, no directories), no encryption, stored or deflated entries, at most
20 MiB per entry and 50 MiB in all, and a compression ratio of at most 100. Each entry is read
with a bound one byte past its declared size, so a lying header cannot inflate more. Every
violation is a :class:`VerifyError` with reason ``bundle-structure``.
"""

from __future__ import annotations

import io
import stat
import zipfile
import zlib

from compliance.errors import VerifyError
from compliance.signing.bundle import PDF, REFERENCE, REQUIRED_FILES

__all__ = ["MAX_BUNDLE_BYTES", "MAX_ENTRIES", "read_bundle"]

MAX_BUNDLE_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 32
MAX_ENTRY_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 50 * 1024 * 1024
MAX_RATIO = 100
_RATIO_FLOOR = 64 * 1024
"""Entries smaller than this are not held to the ratio (tiny files compress oddly)."""
ALLOWED_FILES = REQUIRED_FILES | {PDF, REFERENCE}
_CENTRAL_HEADER = b"PK\x01\x02"
_READ_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    OSError,
    UnicodeDecodeError,
)


def _fail(message: str) -> VerifyError:
    return VerifyError("bundle-structure", f"the bundle is not a well-formed report: {message}")


def _check_entry(info: zipfile.ZipInfo, seen: set[str]) -> None:
    name = info.orig_filename
    shown = repr(name[:80])
    if name != info.filename or name not in ALLOWED_FILES:
        raise _fail(f"unexpected entry {shown} (a bundle holds only the files of its layout)")
    if name in seen:
        raise _fail(f"the entry {shown} appears twice")
    seen.add(name)
    mode = info.external_attr >> 16
    if info.is_dir() or (mode and not stat.S_ISREG(mode)):
        raise _fail(f"the entry {shown} is not a regular file (a link or a folder)")
    if info.flag_bits & 0x1:
        raise _fail(f"the entry {shown} is encrypted")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise _fail(f"the entry {shown} uses an unsupported compression")
    if info.file_size > MAX_ENTRY_BYTES:
        raise _fail(f"the entry {shown} is larger than {MAX_ENTRY_BYTES // 2**20} MiB")
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > _RATIO_FLOOR and ratio > MAX_RATIO:
        raise _fail(f"the entry {shown} is compressed {ratio:.0f} to 1 (a zip bomb?)")


def read_bundle(data: bytes) -> dict[str, bytes]:
    """The files of a bundle, read in memory within the limits."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise _fail(f"it is larger than {MAX_BUNDLE_BYTES // 2**20} MiB")
    if data.count(_CENTRAL_HEADER) > 4 * MAX_ENTRIES:
        raise _fail(f"it has more than {MAX_ENTRIES} entries")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _READ_ERRORS:
        raise _fail("it is not a zip archive") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise _fail(f"it has {len(infos)} entries, more than {MAX_ENTRIES}")
        seen: set[str] = set()
        for info in infos:
            _check_entry(info, seen)
        if sum(info.file_size for info in infos) > MAX_TOTAL_BYTES:
            raise _fail(f"its content is larger than {MAX_TOTAL_BYTES // 2**20} MiB")
        missing = sorted(REQUIRED_FILES - seen)
        if missing:
            raise _fail(f"it lacks {', '.join(missing)}")
        files: dict[str, bytes] = {}
        for info in infos:
            try:
                with archive.open(info) as handle:
                    content = handle.read(info.file_size + 1)
            except _READ_ERRORS:
                raise _fail(f"the entry {info.filename!r} is damaged") from None
            if len(content) != info.file_size:
                raise _fail(f"the entry {info.filename!r} is not the size it declares")
            files[info.filename] = content
    return files
