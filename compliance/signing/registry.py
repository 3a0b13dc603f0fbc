"""Provides the registry of published questionnaire versions and reference sets, shipped inside
the package.

``published/index.json`` lists each published questionnaire (id, version, SHA-256 digest, file)
and ``published/<id>@<version>.json`` holds its exact canonical bytes, so a verifier scores with
its own copy and needs nothing from the user's folders or from the bundle. Reference sets
(``compliance.reference/v1``) are published beside them, under ``references`` in the index and in
``published/reference-<id>@<version>.json`` (read through
:mod:`compliance.loader.reference_sets`). A version, once published, never changes: an edited
questionnaire or reference list needs a new version. Regenerate after adding or bumping a bundled
questionnaire or the reference set with::

    python -m compliance.signing.registry            # add new versions, refuse changed ones
    python -m compliance.signing.registry --replace  # overwrite changed ones (before release only)
"""

from __future__ import annotations

import functools
import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from compliance.signing.jsonstrict import loads

if TYPE_CHECKING:
    from compliance.model.questionnaire import Questionnaire

__all__ = [
    "REGISTRY_DIR",
    "Published",
    "bundled_problems",
    "find_published",
    "load_published",
    "main",
    "published",
]

REGISTRY_DIR = Path(__file__).resolve().parent / "published"
_INDEX = "index.json"
_REPORT_TEMPLATES = "report-templates.json"
_SCHEMA = "compliance.registry/v1"


@dataclass(frozen=True, slots=True)
class Published:
    """A published questionnaire version."""

    id: str
    version: str
    digest: str
    file: str

    def read(self) -> bytes:
        """The published bytes, checked against the digest (read once per process)."""
        return _read(self.file, self.digest)


@functools.lru_cache(maxsize=16)
def _read(file: str, digest: str) -> bytes:
    data = (REGISTRY_DIR / file).read_bytes()
    if hashlib.sha256(data).hexdigest() != digest:
        raise RuntimeError(f"the installed registry copy {file} is damaged; reinstall")
    return data


@functools.cache
def published() -> tuple[Published, ...]:
    """Every published questionnaire version."""
    document = loads((REGISTRY_DIR / _INDEX).read_bytes())
    return tuple(Published(**item) for item in document["questionnaires"])


@functools.cache
def published_report_templates() -> dict[str, str]:
    """The report-templates digests of published releases, each with its release date.

    A bundle whose report one of these rendered is checked by its report's signed digest (the
    verifier's own templates differ); see ``verify.earlier_release``.
    """
    document = loads((REGISTRY_DIR / _REPORT_TEMPLATES).read_bytes())
    return {item["digest"]: item["release"] for item in document["releases"]}


def find_published(questionnaire_id: str, version: str) -> Published | None:
    """The published version ``questionnaire_id`` ``version``, if there is one."""
    for entry in published():
        if entry.id == questionnaire_id and entry.version == version:
            return entry
    return None


@functools.lru_cache(maxsize=16)
def _load(file: str, digest: str) -> Questionnaire:
    from compliance.model.questionnaire import Questionnaire

    entry = Published(id="", version="", digest=digest, file=file)
    return Questionnaire.model_validate_json(entry.read())


def load_published(entry: Published) -> Questionnaire:
    """The questionnaire of a published entry (parsed once per process)."""
    return _load(entry.file, entry.digest)


def _bundled() -> list[tuple[str, str, str, bytes]]:
    from compliance.canonical import canonical_bytes, digest
    from compliance.catalog import discover
    from compliance.loader import load_questionnaire

    found = []
    for path, source in discover():
        if source != "bundled":
            continue
        questionnaire = load_questionnaire(path, use_cache=False)
        found.append(
            (
                questionnaire.id,
                questionnaire.version,
                digest(questionnaire),
                canonical_bytes(questionnaire),
            )
        )
    return found


def _bundled_set() -> tuple[str, str, str, str, bytes]:
    from compliance.canonical import canonical_bytes
    from compliance.loader.reference import load_reference_set

    reference_set, _ = load_reference_set()
    return (
        reference_set.id,
        reference_set.version,
        reference_set.digest,
        reference_set.date.isoformat(),
        canonical_bytes(reference_set),
    )


def bundled_problems() -> list[str]:
    """Why the registry does not match the bundled questionnaires and reference set (empty when
    it does)."""
    from compliance.errors import LoadError
    from compliance.loader.reference_sets import check_source, find_set

    problems: list[str] = []
    try:
        source = check_source()
    except LoadError as error:
        problems.extend(str(problem) for problem in error.problems)
    else:
        if find_set(source.id, source.version) is None:
            problems.append(f"reference set {source.id} {source.version} is not in the registry")
    for q_id, version, digest, _ in _bundled():
        entry = find_published(q_id, version)
        if entry is None:
            problems.append(f"{q_id} {version} is not in the registry")
        elif entry.digest != digest:
            problems.append(f"{q_id} {version} changed after it was published: bump its version")
        elif entry.read() == b"":
            problems.append(f"{q_id} {version} has an empty registry copy")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """Adds the bundled questionnaires to the registry (``--replace`` to overwrite changed ones)."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m compliance.signing.registry",
        description=(
            "Publish every bundled questionnaire and reference set not yet in the registry."
        ),
    )
    parser.add_argument(
        "--replace", action="store_true", help="overwrite a published version that changed"
    )
    replace = parser.parse_args(list(sys.argv[1:] if argv is None else argv)).replace
    index_path = REGISTRY_DIR / _INDEX
    entries = {(e.id, e.version): e for e in published()} if index_path.exists() else {}
    for q_id, version, digest, data in _bundled():
        known = entries.get((q_id, version))
        if known is not None and known.digest == digest:
            continue
        if known is not None and not replace:
            print(f"refused: {q_id} {version} changed after publication; bump its version")
            return 1
        file = f"{q_id}@{version}.json"
        (REGISTRY_DIR / file).write_bytes(data)
        entries[(q_id, version)] = Published(q_id, version, digest, file)
        print(f"published {q_id} {version} {digest}")
    references = _publish_set(index_path, replace)
    if references is None:
        return 1
    document = {
        "schema": _SCHEMA,
        "questionnaires": [
            {"id": e.id, "version": e.version, "digest": e.digest, "file": e.file}
            for e in sorted(entries.values(), key=lambda e: (e.id, e.version))
        ],
        "references": references,
    }
    index_path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    published.cache_clear()
    from compliance.loader.reference_sets import installed_sets

    installed_sets.cache_clear()
    return 0


def _publish_set(index_path: Path, replace: bool) -> list[dict[str, str]] | None:
    """The index's reference sets with the bundled one added (None when it is refused)."""
    known: list[dict[str, str]] = []
    if index_path.exists():
        known = list(loads(index_path.read_bytes()).get("references", []))
    set_id, version, digest, date, data = _bundled_set()
    same = [r for r in known if (r["id"], r["version"]) == (set_id, version)]
    if same and same[0]["digest"] == digest:
        return known
    if same and not replace:
        print(f"refused: reference set {set_id} {version} changed after publication; bump it")
        return None
    file = f"reference-{set_id}@{version}.json"
    (REGISTRY_DIR / file).write_bytes(data)
    print(f"published reference set {set_id} {version} {digest}")
    entry = {"id": set_id, "version": version, "digest": digest, "date": date, "file": file}
    others = [r for r in known if (r["id"], r["version"]) != (set_id, version)]
    return sorted([*others, entry], key=lambda r: (r["id"], r["version"]))


if __name__ == "__main__":
    raise SystemExit(main())
