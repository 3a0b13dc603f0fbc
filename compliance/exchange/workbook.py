"""Provides :func:`open_workbook`: an XLSX file from a user, opened only once it looks harmless.

A workbook is a zip of XML parts. Before openpyxl sees it, the file's size is checked (on disk,
then while reading, so a file that grows is caught too), then the zip's directory: macros
(``vbaProject.bin``, a macro-enabled content type), external links and data connections are
refused, as are more parts or more unpacked bytes than a workbook of ours could need. openpyxl then
reads it in read-only mode with formulas kept as formulas (never evaluated), and with defusedxml
guarding its XML parser when installed (the ``xlsx`` extra installs it).
"""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from compliance.errors import ExchangeError

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

__all__ = ["MAX_WORKBOOK_BYTES", "open_workbook", "require_openpyxl"]

MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
"""The largest workbook read: an answer pack of a thousand questions is well under 1 MB."""
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_PARTS = 2_000
_MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlsb", ".xlam")


def require_openpyxl() -> None:
    """Raises a clear error when the ``xlsx`` extra is not installed."""
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        raise ExchangeError(
            "reading and writing XLSX workbooks needs openpyxl; install the 'xlsx' extra "
            "(pip install 'compliance-ma[xlsx]')"
        ) from None


def _read_bounded(path: Path) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ExchangeError(f"{path} does not exist; give the path of the workbook") from None
    except OSError as error:
        raise ExchangeError(f"cannot read {path}: {error.strerror or error}") from None
    if not stat.S_ISREG(info.st_mode):
        raise ExchangeError(f"{path} is not a regular file; give the path of the workbook")
    if info.st_size > MAX_WORKBOOK_BYTES:
        raise ExchangeError(
            f"{path} is {info.st_size / 1_048_576:.1f} MB, over the "
            f"{MAX_WORKBOOK_BYTES // 1_048_576} MB a workbook may have; nothing was read"
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_WORKBOOK_BYTES + 1)
    except OSError as error:
        raise ExchangeError(f"cannot read {path}: {error.strerror or error}") from None
    if len(data) > MAX_WORKBOOK_BYTES:
        raise ExchangeError(
            f"{path} grew past {MAX_WORKBOOK_BYTES // 1_048_576} MB while it was read; "
            "nothing was read"
        )
    return data


def _check_parts(path: Path, data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise ExchangeError(
            f"{path} is not an XLSX workbook (it is not a zip file); save it as .xlsx and retry"
        ) from None
    with archive:
        parts = archive.infolist()
        if len(parts) > MAX_PARTS:
            raise ExchangeError(f"{path} has {len(parts)} parts, more than a workbook needs")
        if sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
            raise ExchangeError(
                f"{path} unpacks to more than {MAX_UNPACKED_BYTES // 1_048_576} MB; "
                "it is not a workbook this tool reads"
            )
        names = [part.filename.lower() for part in parts]
        if any("vbaproject" in name or name.endswith(".bin") for name in names):
            raise ExchangeError(
                f"{path} contains macros (a VBA project); save it as a plain .xlsx workbook "
                "without macros and retry"
            )
        if any(name.startswith("xl/externallinks/") for name in names):
            raise ExchangeError(
                f"{path} has links to other workbooks (external links); remove them "
                "(Data > Edit Links > Break Link) and retry"
            )
        if "xl/connections.xml" in names:
            raise ExchangeError(
                f"{path} has data connections to outside sources; remove them and retry"
            )
        if "[content_types].xml" not in names:
            raise ExchangeError(f"{path} is not an XLSX workbook (no [Content_Types].xml)")
        types = archive.read("[Content_Types].xml")
        if b"macroEnabled" in types or b"vbaProject" in types:
            raise ExchangeError(
                f"{path} is a macro-enabled workbook; save it as a plain .xlsx workbook and retry"
            )


def open_workbook(path: Path) -> Workbook:
    """Opens a user's workbook read-only, values and formulas as written (nothing evaluated).

    Raises :class:`ExchangeError` with one sentence for a file that is too large, not a workbook,
    macro-enabled, or linked to other files.
    """
    require_openpyxl()
    if path.suffix.lower() in _MACRO_SUFFIXES:
        raise ExchangeError(
            f"{path} is a macro-enabled or binary workbook ({path.suffix}); save it as .xlsx "
            "without macros and retry"
        )
    data = _read_bounded(path)
    _check_parts(path, data)
    import openpyxl

    try:
        return openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=False, keep_vba=False, keep_links=False
        )
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise ExchangeError(
            f"{path} is not a workbook that can be read ({type(error).__name__}: {error}); "
            "open it in a spreadsheet program, save it as .xlsx and retry"
        ) from None
