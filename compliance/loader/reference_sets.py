"""Provides the installed reference sets and their binding to questionnaires.

The installed reference sets are the published ones: the signing registry
(``compliance/signing/published/index.json``, key ``references``) lists each set's id, version,
date, digest and file, and the file holds the set's exact canonical bytes. A set is read from
there (checked against its digest, parsed once per process), never from the editable source
folder, so what scores an assessment is exactly what a verifier has.

A questionnaire naming a ``reference_set`` is bound to one set of that id: the one an assessment
records (``reference {id, version, digest}``), else the newest installed. Unknown ids or versions,
and a recorded digest that differs from the installed set's, are errors with one clear sentence.

The source folder (``questionnaires/reference/``) must match its published copy: a list edited
after publication is reported at its file, line and column (:func:`check_source`).
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from compliance.errors import ComplianceError, LoadError
from compliance.model.reference import CountryList
from compliance.model.reference_set import ReferenceSet, ReferenceStamp, version_key

if TYPE_CHECKING:
    from compliance.model.assessment import Assessment
    from compliance.model.questionnaire import Questionnaire

__all__ = [
    "InstalledSet",
    "ReferenceSetError",
    "bind",
    "bind_for",
    "check_source",
    "choose_set",
    "find_set",
    "installed_sets",
    "load_set",
    "newest_set",
]

_INDEX = "index.json"


class ReferenceSetError(ComplianceError):
    """A reference set that is not installed, or not the one recorded."""


@dataclass(frozen=True, slots=True)
class InstalledSet:
    """A published reference set, as the registry lists it."""

    id: str
    version: str
    digest: str
    date: str
    file: str

    def read(self) -> bytes:
        """The published bytes, checked against the digest (read once per process)."""
        return _read(self.file, self.digest)

    def load(self) -> ReferenceSet:
        """The set, parsed once per process."""
        return load_set(self)

    def label(self) -> str:
        """``id version`` for messages."""
        return f"{self.id} {self.version}"


def _registry() -> Path:
    from compliance.paths import published_dir

    return published_dir()


@functools.lru_cache(maxsize=8)
def _read(file: str, digest: str) -> bytes:
    data = (_registry() / file).read_bytes()
    if hashlib.sha256(data).hexdigest() != digest:
        raise ReferenceSetError(
            f"the installed reference set {file} does not match its published digest; reinstall"
        )
    return data


@functools.cache
def installed_sets() -> tuple[InstalledSet, ...]:
    """Every published reference set, oldest first within an id."""
    index = json.loads((_registry() / _INDEX).read_bytes())
    found = tuple(InstalledSet(**item) for item in index.get("references", ()))
    return tuple(sorted(found, key=lambda s: (s.id, version_key(s.version))))


def find_set(set_id: str, version: str) -> InstalledSet | None:
    """The installed set ``set_id`` ``version``, if there is one."""
    for entry in installed_sets():
        if entry.id == set_id and entry.version == version:
            return entry
    return None


def newest_set(set_id: str) -> InstalledSet | None:
    """The newest installed set of ``set_id``, if any."""
    versions = [entry for entry in installed_sets() if entry.id == set_id]
    return versions[-1] if versions else None


@functools.lru_cache(maxsize=8)
def _load(file: str, digest: str) -> ReferenceSet:
    return ReferenceSet.model_validate_json(_read(file, digest))


def load_set(entry: InstalledSet) -> ReferenceSet:
    """The reference set of an installed entry (parsed once per process)."""
    return _load(entry.file, entry.digest)


def _installed_text(set_id: str | None = None) -> str:
    found = [e.label() for e in installed_sets() if set_id is None or e.id == set_id]
    return ", ".join(found) or "none"


def choose_set(set_id: str, stamp: ReferenceStamp | None = None) -> InstalledSet:
    """The set a questionnaire naming ``set_id`` scores with: the one ``stamp`` records, else the
    newest installed. Raises :class:`ReferenceSetError` with one sentence."""
    if stamp is None:
        newest = newest_set(set_id)
        if newest is None:
            raise ReferenceSetError(
                f"no reference set {set_id!r} is installed (installed: {_installed_text()}); "
                "reinstall the toolkit or check the questionnaire's reference_set"
            )
        return newest
    if stamp.id != set_id:
        raise ReferenceSetError(
            f"the assessment records reference set {stamp.id!r}, but its questionnaire scores "
            f"with {set_id!r} sets; record one of: {_installed_text(set_id)}"
        )
    entry = find_set(stamp.id, stamp.version)
    if entry is None:
        raise ReferenceSetError(
            f"reference set {stamp.id} {stamp.version} is not installed (installed: "
            f"{_installed_text(set_id)}); record an installed version or update the toolkit"
        )
    if stamp.digest is not None and stamp.digest != entry.digest:
        raise ReferenceSetError(
            f"the recorded digest {stamp.digest[:12]}... of reference set {entry.label()} "
            f"differs from the published one ({entry.digest[:12]}...); the set was altered"
        )
    return entry


def bind(questionnaire: Questionnaire, stamp: ReferenceStamp | None = None) -> Questionnaire:
    """``questionnaire`` with the lists of its reference set bound (unchanged if it names none,
    or if that set is bound already)."""
    set_id = questionnaire.reference_set
    if set_id is None:
        return questionnaire
    entry = choose_set(set_id, stamp)
    bound = questionnaire.reference_stamp
    if bound is not None and (bound.id, bound.version) == (entry.id, entry.version):
        return questionnaire
    reference_set = entry.load()
    return questionnaire.with_reference(reference_set.lists, reference_set.stamp())


def bind_for(questionnaire: Questionnaire, assessment: Assessment) -> Questionnaire:
    """``questionnaire`` bound to the set ``assessment`` records (else the newest installed).

    An assessment of a questionnaire that embeds its lists may not record a set."""
    if questionnaire.reference_set is None:
        if assessment.reference is not None:
            raise ReferenceSetError(
                f"{questionnaire.id} {questionnaire.version} embeds its reference lists, so the "
                "assessment may not record a reference set; remove its 'reference'"
            )
        return questionnaire
    return bind(questionnaire, assessment.reference)


def check_source(directory: Path | None = None) -> ReferenceSet:
    """Loads the source folder of the current set and checks it against its published copy.

    A list that differs from the published set of the same id and version was edited after
    publication: each such list is reported where its file gives it. A version not yet
    published is returned as it is (publish it with ``python -m compliance.signing.registry``).
    """
    from compliance.loader.reference import load_reference_set

    source, where = load_reference_set(directory)
    published = find_set(source.id, source.version)
    if published is None or published.digest == source.digest:
        return source
    copy = published.load()
    problems = []
    for name in type(source.lists).model_fields:
        mine, theirs = getattr(source.lists, name), getattr(copy.lists, name)
        if mine != theirs:
            problems.append(
                where.problem(
                    ("lists", name, *_first_difference(mine, theirs)),
                    f"'{name}' differs from the published reference set {published.label()} "
                    f"(digest {published.digest[:12]}...); a published set never changes: give "
                    "the set a new version in set.yaml and publish it",
                )
            )
    if not problems:
        problems.append(
            where.problem(
                ("version",),
                f"set.yaml differs from the published reference set {published.label()}; "
                "give the set a new version and publish it",
            )
        )
    raise LoadError(problems)


def _first_difference(mine: object, theirs: object) -> tuple[int | str, ...]:
    """Where two versions of a list first differ: an entry's index, else nothing more precise."""
    prefix: tuple[str, ...] = ()
    if isinstance(mine, CountryList) and isinstance(theirs, CountryList):
        if mine.model_copy(update={"entries": ()}) != theirs.model_copy(update={"entries": ()}):
            return ()
        prefix, mine, theirs = ("entries",), mine.entries, theirs.entries
    if isinstance(mine, tuple) and isinstance(theirs, tuple):
        for index, (one, other) in enumerate(zip(mine, theirs, strict=False)):
            if one != other:
                return (*prefix, index)
        return (*prefix, min(len(mine), len(theirs))) if len(mine) > len(theirs) else prefix
    return ()
