"""Provides the reference data (adequacy lists, SCC modules, country names): every ``*.yaml``
file of a folder read, validated and merged into one :class:`ReferenceData`."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from compliance.errors import LoadError, Problem
from compliance.loader.validation import validate_document
from compliance.model.reference import ReferenceData
from compliance.safeyaml import parse_yaml, read_bytes

__all__ = [
    "MAX_REFERENCE_BYTES",
    "default_reference_dir",
    "load_reference",
    "reference_fingerprint",
]

MAX_REFERENCE_BYTES = 2 * 1024 * 1024
"""The largest reference-data file accepted."""


def default_reference_dir() -> Path:
    """The bundled reference-data folder."""
    from compliance.paths import questionnaires_dir

    return questionnaires_dir() / "reference"


def _reference_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.yaml") if p.is_file())


def load_reference(directory: Path | None = None) -> ReferenceData:
    """Loads and merges every ``*.yaml`` file of a reference-data folder.

    Each file holds some of the fields of :class:`ReferenceData`; a field given in two files is
    an error.
    """
    if directory is None:
        directory = default_reference_dir()
    merged: dict[str, Any] = {}
    owner: dict[str, str] = {}
    problems: list[Problem] = []
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
            merged[key] = getattr(part, key)
            owner[key] = path.name
    if problems:
        raise LoadError(problems)
    return ReferenceData(**merged)


def reference_fingerprint(directory: Path) -> bytes:
    """The SHA-256 of a reference-data folder's file names and bytes (part of the cache key)."""
    digest = hashlib.sha256()
    for path in _reference_files(directory):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(read_bytes(path, max_bytes=MAX_REFERENCE_BYTES, what="reference file"))
        digest.update(b"\0")
    return digest.digest()
