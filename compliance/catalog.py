"""Provides the catalogue of questionnaires: the bundled ones and the user's own.

A bundled questionnaire is a folder of ``questionnaires/`` holding ``questionnaire.yaml``; a user
questionnaire is any ``*.yaml`` file (or folder with ``questionnaire.yaml``) in the user
questionnaires folder (``COMPLIANCE_QUESTIONNAIRES`` overrides where that is).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from compliance.canonical import digest
from compliance.errors import ComplianceError, LoadError
from compliance.loader import (
    MAX_ASSESSMENT_BYTES,
    check_against,
    load_questionnaire,
    parse_assessment,
)
from compliance.model.assessment import Assessment
from compliance.model.questionnaire import Questionnaire
from compliance.safeyaml import read_bytes

__all__ = [
    "CatalogEntry",
    "assessment_from_bytes",
    "discover",
    "entries",
    "find",
    "load_assessment",
]

Source = Literal["bundled", "user"]


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """A questionnaire found in the catalogue, loaded, with its digest."""

    path: Path
    source: Source
    questionnaire: Questionnaire
    digest: str

    def summary(self) -> dict[str, object]:
        """The listing fields of ``compliance questionnaires --json``."""
        q = self.questionnaire
        return {
            "id": q.id,
            "version": q.version,
            "title": q.title.model_dump(exclude_none=True),
            "languages": list(q.languages),
            "domains": len(q.domains),
            "controls": q.control_count,
            "questions": q.question_count,
            "digest": self.digest,
            "path": str(self.path),
            "source": self.source,
        }


def _files_in(folder: Path, *, loose_files: bool) -> list[Path]:
    if not folder.is_dir():
        return []
    found = [p / "questionnaire.yaml" for p in sorted(folder.iterdir()) if p.is_dir()]
    found = [p for p in found if p.is_file()]
    if loose_files:
        found += sorted(p for p in folder.glob("*.yaml") if p.is_file())
    return found


def discover() -> list[tuple[Path, Source]]:
    """The questionnaire files of the catalogue, bundled first."""
    from compliance.paths import questionnaires_dir, user_questionnaires_dir

    bundled: list[tuple[Path, Source]] = [
        (path, "bundled") for path in _files_in(questionnaires_dir(), loose_files=False)
    ]
    user: list[tuple[Path, Source]] = [
        (path, "user") for path in _files_in(user_questionnaires_dir(), loose_files=True)
    ]
    return bundled + user


def entries() -> tuple[list[CatalogEntry], list[LoadError]]:
    """Every questionnaire of the catalogue that loads, and the errors of those that do not."""
    loaded: list[CatalogEntry] = []
    errors: list[LoadError] = []
    for path, source in discover():
        try:
            questionnaire = load_questionnaire(path)
        except LoadError as error:
            errors.append(error)
            continue
        loaded.append(CatalogEntry(path, source, questionnaire, digest(questionnaire)))
    return loaded, errors


def find(questionnaire_id: str, version: str | None = None) -> CatalogEntry:
    """The questionnaire with this id (and version; the newest when no version is given)."""
    loaded, _ = entries()
    matches = [e for e in loaded if e.questionnaire.id == questionnaire_id]
    if not matches:
        known = ", ".join(sorted({e.questionnaire.id for e in loaded})) or "none"
        raise ComplianceError(
            f"no questionnaire {questionnaire_id!r} is installed (installed: {known}); "
            "add it to the user questionnaires folder or check the id"
        )
    if version is not None:
        exact = [e for e in matches if e.questionnaire.version == version]
        if not exact:
            versions = ", ".join(sorted(e.questionnaire.version for e in matches))
            raise ComplianceError(
                f"questionnaire {questionnaire_id!r} has no version {version} "
                f"(installed: {versions})"
            )
        return exact[0]

    def key(entry: CatalogEntry) -> tuple[int, ...]:
        return tuple(int(part) for part in entry.questionnaire.version.split("."))

    return max(matches, key=key)


def assessment_from_bytes(
    data: bytes,
    name: str,
    *,
    default_as_of: dt.date | None = None,
    questionnaire: Questionnaire | None = None,
) -> tuple[Assessment, Questionnaire]:
    """Parses assessment bytes and checks them against the questionnaire they name.

    The questionnaire is looked up in the catalogue by id and version unless given; a digest in the
    file must match it. Raises :class:`LoadError` naming the line of every problem found.
    """
    assessment, document = parse_assessment(data, name, default_as_of=default_as_of)
    if questionnaire is None:
        ref = assessment.questionnaire
        try:
            questionnaire = find(ref.id, ref.version).questionnaire
        except LoadError:
            raise
        except ComplianceError as error:
            raise LoadError([document.problem(("questionnaire",), str(error))]) from None
    check_against(assessment, questionnaire, document)
    return assessment, questionnaire


def load_assessment(
    path: Path | str, *, questionnaire: Questionnaire | None = None
) -> tuple[Assessment, Questionnaire]:
    """Loads an assessment file and the questionnaire it answers (see
    :func:`assessment_from_bytes`); ``as_of`` defaults to the file's modification date."""
    path = Path(path)
    data = read_bytes(path, max_bytes=MAX_ASSESSMENT_BYTES, what="assessment")
    modified = dt.date.fromtimestamp(path.stat().st_mtime)
    return assessment_from_bytes(
        data, str(path), default_as_of=modified, questionnaire=questionnaire
    )
