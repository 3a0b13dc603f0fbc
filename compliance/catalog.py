"""Provides the catalogue of questionnaires: the bundled ones and the user's own.

A bundled questionnaire is a folder of ``questionnaires/`` holding ``questionnaire.yaml``, or, when
several versions are installed side by side, one subfolder per version
(``questionnaires/ma-offshoring/1.0.0/questionnaire.yaml``, ``.../1.1.0/questionnaire.yaml``), each
with its own ``fixtures/``. A published version stays installed so that assessments answering it
keep loading and bundles signed with it keep verifying. A user questionnaire is any ``*.yaml`` file
(or folder laid out as above) in the user questionnaires folder (``COMPLIANCE_QUESTIONNAIRES``
overrides where that is).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
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
from compliance.loader.reference_sets import ReferenceSetError, bind_for
from compliance.model.assessment import Assessment
from compliance.model.questionnaire import Questionnaire
from compliance.safeyaml import read_bytes

__all__ = [
    "MAIN_QUESTIONNAIRE",
    "CatalogEntry",
    "assessment_from_bytes",
    "discover",
    "entries",
    "find",
    "load_assessment",
    "main_first",
    "newest_first",
    "version_key",
]

Source = Literal["bundled", "user"]

MAIN_QUESTIONNAIRE = "ma-offshoring"
"""The questionnaire an offshoring firm answers: offered first when an assessment is started."""
WORKED_EXAMPLES = frozenset({"example"})
"""Questionnaires that show the format, not the law: offered last."""


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


def version_key(version: str) -> tuple[int, ...]:
    """The sort key of a semantic version such as ``1.10.0`` (numeric, so 1.10 follows 1.9)."""
    return tuple(int(part) if part.isdigit() else -1 for part in version.split("."))


def _in_folder(folder: Path) -> list[Path]:
    """The questionnaire files of one questionnaire's folder: its own, or one per version folder."""
    own = folder / "questionnaire.yaml"
    if own.is_file():
        return [own]
    versions = [p for p in folder.iterdir() if p.is_dir() and (p / "questionnaire.yaml").is_file()]
    return [p / "questionnaire.yaml" for p in sorted(versions, key=lambda p: version_key(p.name))]


def _files_in(folder: Path, *, loose_files: bool) -> list[Path]:
    if not folder.is_dir():
        return []
    found = [f for p in sorted(folder.iterdir()) if p.is_dir() for f in _in_folder(p)]
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


def newest_first(found: list[CatalogEntry]) -> list[CatalogEntry]:
    """The entries grouped by questionnaire (in the order the ids first appear), each group's
    newest version first: the order a "start an assessment" chooser offers them in."""
    order = {entry.questionnaire.id: i for i, entry in reversed(list(enumerate(found)))}
    return sorted(
        found,
        key=lambda e: (
            order[e.questionnaire.id],
            [-n for n in version_key(e.questionnaire.version)],
        ),
    )


def main_first(found: list[CatalogEntry]) -> list[CatalogEntry]:
    """:func:`newest_first`, with :data:`MAIN_QUESTIONNAIRE` first and the worked examples last:
    the order the "start an assessment" chooser offers them in (its newest version preselected)."""

    def rank(entry: CatalogEntry) -> int:
        identifier = entry.questionnaire.id
        return 0 if identifier == MAIN_QUESTIONNAIRE else 2 if identifier in WORKED_EXAMPLES else 1

    return sorted(newest_first(found), key=rank)  # a stable sort keeps the rest as it was


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


_INDEX_FILE = "catalog-index.json"
_index: dict[str, list[str]] | None = None


def _index_path() -> Path:
    from compliance.paths import cache_dir

    return cache_dir() / _INDEX_FILE


def _load_index() -> dict[str, list[str]]:
    global _index  # noqa: PLW0603  (a per-process memo of a file in the cache folder)
    if _index is None:
        try:
            raw = json.loads(_index_path().read_bytes())
            ok = isinstance(raw, dict) and all(
                isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v)
                for v in raw.values()
            )
            _index = raw if ok else {}
        except (OSError, ValueError):
            _index = {}
    return _index


def _remember(sha: str, questionnaire: Questionnaire) -> None:
    index = _load_index()
    index[sha] = [questionnaire.id, questionnaire.version]
    path = _index_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
        partial.write_text(json.dumps(index, sort_keys=True), encoding="utf-8")
        partial.replace(path)
    except OSError:
        return  # the index only saves time


def _identity(path: Path) -> tuple[str, str] | None:
    """The id and version of a questionnaire file, from the index when its bytes are known.

    Loads the file only when they are not (and records them); None when it does not load.
    """
    try:
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
    known = _load_index().get(sha)
    if known is not None:
        return known[0], known[1]
    try:
        questionnaire = load_questionnaire(path)
    except LoadError:
        return None
    _remember(sha, questionnaire)
    return questionnaire.id, questionnaire.version


def find(questionnaire_id: str, version: str | None = None) -> CatalogEntry:
    """The questionnaire with this id (and version; the newest when no version is given).

    Only the matching file is loaded: the others are recognised by an index of file digests to
    ids and versions kept in the cache folder.
    """
    candidates: list[tuple[Path, Source, str]] = []
    known_ids: set[str] = set()
    for path, source in discover():
        identity = _identity(path)
        if identity is None:
            continue
        known_ids.add(identity[0])
        if identity[0] == questionnaire_id:
            candidates.append((path, source, identity[1]))
    if not candidates:
        known = ", ".join(sorted(known_ids)) or "none"
        raise ComplianceError(
            f"no questionnaire {questionnaire_id!r} is installed (installed: {known}); "
            "add it to the user questionnaires folder or check the id"
        )
    if version is not None:
        exact = [c for c in candidates if c[2] == version]
        if not exact:
            versions = ", ".join(sorted(c[2] for c in candidates))
            raise ComplianceError(
                f"questionnaire {questionnaire_id!r} has no version {version} "
                f"(installed: {versions})"
            )
        chosen = exact[0]
    else:
        chosen = max(candidates, key=lambda c: version_key(c[2]))
    path, source, _ = chosen
    questionnaire = load_questionnaire(path)
    if (questionnaire.id, questionnaire.version) != (questionnaire_id, chosen[2]):
        raise ComplianceError(f"{path} changed while it was being read; try again")
    return CatalogEntry(path, source, questionnaire, questionnaire.digest)


def assessment_from_bytes(
    data: bytes,
    name: str,
    *,
    default_as_of: dt.date | None = None,
    questionnaire: Questionnaire | None = None,
) -> tuple[Assessment, Questionnaire]:
    """Parses assessment bytes and checks them against the questionnaire they name.

    The questionnaire is looked up in the catalogue by id and version unless given; a digest in the
    file must match it. A questionnaire naming a reference set is bound to the set the file records
    (else the newest installed). Raises :class:`LoadError` naming the line of every problem found.
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
    try:
        questionnaire = bind_for(questionnaire, assessment)
    except ReferenceSetError as error:
        raise LoadError([document.problem(("reference",), str(error))]) from None
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
