"""Provides the reference data (adequacy lists, SCC modules, country names): every ``*.yaml``
file of a folder read, validated and merged into one :class:`ReferenceData`, and a folder with a
``set.yaml`` read as a reference set (:class:`ReferenceSet`).

Two folders are bundled: ``questionnaires/reference/`` is the source of the current reference set
(published on its own, see :mod:`compliance.loader.reference_sets`), and
``questionnaires/reference/embedded/`` holds the frozen lists that questionnaires naming no
``reference_set`` (the 1.0.0 versions) embed, exactly as when they were published.

The country sheets of a set (legal bases for public-authority access, for transfer impact
assessments) are one file per country in the folder's ``sheets/`` subfolder, named after the
country code (``sheets/ma.yaml``), each a single :class:`CountrySheet`."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from compliance.errors import LoadError, Problem
from compliance.loader.validation import validate_document
from compliance.loader.wording import message
from compliance.model.country_sheet import CountrySheet
from compliance.model.reference import RELATIONSHIPS, ReferenceData
from compliance.model.reference_set import ReferenceSet, undated_entries
from compliance.safeyaml import Document, parse_yaml, read_bytes

__all__ = [
    "MAX_REFERENCE_BYTES",
    "SET_FILE",
    "SHEETS_DIR",
    "default_reference_dir",
    "embedded_reference_dir",
    "load_reference",
    "load_reference_set",
    "reference_fingerprint",
]

MAX_REFERENCE_BYTES = 2 * 1024 * 1024
"""The largest reference-data file accepted."""


SET_FILE = "set.yaml"
"""The file of a reference-set folder giving the set's id, version, date and sources."""


SHEETS_DIR = "sheets"
"""The subfolder of a reference-set folder holding one country sheet per file (``ma.yaml``)."""

MAX_SHEETS = 250
"""The most country sheets a folder may hold."""


def default_reference_dir() -> Path:
    """The bundled source folder of the current reference set."""
    from compliance.paths import questionnaires_dir

    return questionnaires_dir() / "reference"


def embedded_reference_dir() -> Path:
    """The bundled frozen lists embedded in questionnaires that name no ``reference_set``."""
    return default_reference_dir() / "embedded"


def _reference_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.yaml") if p.is_file() and p.name != SET_FILE)


def _sheet_files(directory: Path) -> list[Path]:
    folder = directory / SHEETS_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.yaml") if p.is_file())


def load_reference(directory: Path | None = None) -> ReferenceData:
    """Loads and merges every ``*.yaml`` file of a reference-data folder (``set.yaml`` aside).

    Each file holds some of the fields of :class:`ReferenceData`; a field given in two files is
    an error.
    """
    return _load_lists(directory or default_reference_dir())[0]


def _load_lists(
    directory: Path,
) -> tuple[ReferenceData, dict[str, Document], tuple[Document, ...]]:
    """The merged lists of a folder, with the document each list (and sheet) was read from."""
    merged: dict[str, Any] = {}
    owner: dict[str, str] = {}
    documents: dict[str, Document] = {}
    problems: list[Problem] = []
    sheets, sheet_documents = _load_sheets(directory, problems)
    for path in _reference_files(directory):
        try:
            document = parse_yaml(read_bytes(path, max_bytes=MAX_REFERENCE_BYTES), str(path))
            if not isinstance(document.data, dict):
                raise LoadError([document.problem((), "expected a mapping of reference lists")])
            part = validate_document(document, ReferenceData)
        except LoadError as error:
            problems.extend(error.problems)
            continue
        for key in part.model_fields_set:
            if key in merged:
                problems.append(
                    document.problem((key,), f"'{key}' is already given in {owner[key]}")
                )
            if key == "country_sheets":
                problems.append(
                    document.problem(
                        (key,),
                        f"country sheets go one per file in the {SHEETS_DIR}/ folder "
                        f"({SHEETS_DIR}/ma.yaml for Morocco)",
                    )
                )
            merged[key] = getattr(part, key)
            owner[key] = path.name
            documents[key] = document
    if problems:
        raise LoadError(problems)
    if sheets:
        merged["country_sheets"] = sheets
    return ReferenceData(**merged), documents, sheet_documents


def _load_sheets(
    directory: Path, problems: list[Problem]
) -> tuple[tuple[CountrySheet, ...], tuple[Document, ...]]:
    """The country sheets of a folder's ``sheets/``, ordered by country, each checked to be named
    after its country; problems are added to ``problems``."""
    files = _sheet_files(directory)
    if len(files) > MAX_SHEETS:
        raise LoadError.single(
            str(directory / SHEETS_DIR),
            f"{len(files)} country sheets is more than the {MAX_SHEETS} accepted",
        )
    found: list[tuple[CountrySheet, Document]] = []
    for path in files:
        try:
            document = parse_yaml(read_bytes(path, max_bytes=MAX_REFERENCE_BYTES), str(path))
            if not isinstance(document.data, dict):
                raise LoadError([document.problem((), "expected a country sheet (a mapping)")])
            sheet = validate_document(document, CountrySheet)
        except LoadError as error:
            problems.extend(error.problems)
            continue
        if path.stem != sheet.country.lower():
            problems.append(
                document.problem(
                    ("country",),
                    f"the sheet for {sheet.country} must be named {sheet.country.lower()}.yaml",
                )
            )
            continue
        found.append((sheet, document))
    found.sort(key=lambda pair: pair[0].country)
    return tuple(s for s, _ in found), tuple(d for _, d in found)


def load_reference_set(directory: Path | None = None) -> tuple[ReferenceSet, SetDocuments]:
    """Loads a reference-set folder: ``set.yaml`` and the lists of the other ``*.yaml`` files.

    Returns the set and where each part was read (to place later problems). Raises
    :class:`LoadError` listing every problem, each at its file, line and column.
    """
    directory = directory or default_reference_dir()
    path = directory / SET_FILE
    header = parse_yaml(read_bytes(path, max_bytes=MAX_REFERENCE_BYTES), str(path))
    if not isinstance(header.data, dict):
        raise LoadError([header.problem((), "expected a mapping: schema, id, version, date...")])
    if "lists" in header.data:
        raise LoadError(
            [header.problem(("lists",), "the lists go in the other files of the folder")]
        )
    lists, documents, sheets = _load_lists(directory)
    where = SetDocuments(header, documents, sheets)
    undated = [
        where.problem(("lists", name, "entries", index), text)
        for name, index, text in undated_entries(lists)
    ]
    undated += [
        where.problem(
            ("lists", "crosswalk", index, "relationship"),
            f"{entry.relationship!r} is an older spelling; a reference set uses NIST OLIR's "
            f"words ({', '.join(RELATIONSHIPS)})",
        )
        for index, entry in enumerate(lists.crosswalk)
        if entry.relationship not in RELATIONSHIPS
    ]
    if undated:
        raise LoadError(undated)
    try:
        return ReferenceSet.model_validate({**header.data, "lists": lists}), where
    except ValidationError as exc:
        problems = [where.problem(tuple(e["loc"]), message(e)) for e in exc.errors()]
        raise LoadError(problems) from None


class SetDocuments:
    """The documents a reference set was read from: its header, the file of each list and the
    file of each country sheet (in the set's order)."""

    def __init__(
        self,
        header: Document,
        lists: dict[str, Document],
        sheets: tuple[Document, ...] = (),
    ) -> None:
        self.header = header
        self.lists = lists
        self.sheets = sheets

    def problem(self, loc: tuple[int | str, ...], text: str) -> Problem:
        """A problem placed in the file it concerns (a list's or a sheet's, else ``set.yaml``)."""
        if len(loc) >= 3 and loc[:2] == ("lists", "country_sheets"):
            index = loc[2]
            if isinstance(index, int) and 0 <= index < len(self.sheets):
                return self.sheets[index].problem(loc[3:], text)
        if len(loc) >= 2 and loc[0] == "lists" and str(loc[1]) in self.lists:
            return self.lists[str(loc[1])].problem(loc[1:], text)
        return self.header.problem(loc, text)


def reference_fingerprint(directory: Path) -> bytes:
    """The SHA-256 of a reference-data folder's file names and bytes, country sheets included
    (part of the cache key)."""
    digest = hashlib.sha256()
    for path in _reference_files(directory) + _sheet_files(directory):
        digest.update(path.relative_to(directory).as_posix().encode())
        digest.update(b"\0")
        digest.update(read_bytes(path, max_bytes=MAX_REFERENCE_BYTES, what="reference file"))
        digest.update(b"\0")
    return digest.digest()
