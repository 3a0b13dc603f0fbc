"""Provides the reference set: the reference lists published as one artefact with its own digest.

A reference set (schema ``compliance.reference/v1``) has an id, a version in calendar form
(``2026.12.0``: year, month, then a serial within the month), the date it speaks for, and every
list the scoring rules look up (:class:`~compliance.model.reference.ReferenceData`): countries, the
EEA, the EU adequacy decisions, the CNDP list, SCC modules, transfer grounds, regimes, crosswalk.
Its digest is the SHA-256 of its canonical JSON, like a questionnaire's. Published sets sit in the
signing registry beside the questionnaires; a published set never changes, and a change to any
list is a new version.

A questionnaire that names a ``reference_set`` does not embed the lists: an assessment records the
set it was scored with (:class:`ReferenceStamp`), or, when it names none, is scored with the newest
installed set, and the result says which (:class:`ReferenceUsed`).

In a reference set every adequacy entry (EU list and CNDP list) is dated: it names its subject,
the decision it rests on, its dates, its source and whether that source was read (``verified``).
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from compliance.model.base import Frozen, Slug, Text
from compliance.model.reference import CountryList, ReferenceData

__all__ = [
    "ADEQUACY_LISTS",
    "REFERENCE_SCHEMA",
    "CalVer",
    "ListSource",
    "ListSummary",
    "ReferenceSet",
    "ReferenceStamp",
    "ReferenceUsed",
    "Sha256",
    "undated_entries",
    "version_key",
]

REFERENCE_SCHEMA = "compliance.reference/v1"

CalVer = Annotated[
    str, StringConstraints(pattern=r"^[0-9]{4}\.(?:[1-9]|1[0-2])\.(?:0|[1-9][0-9]{0,3})$")
]
"""A reference-set version: year, month (1-12) and a serial within the month (``2026.12.0``)."""

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]

ADEQUACY_LISTS: tuple[str, ...] = ("eu_adequacy", "cndp_adequate")
"""The lists whose entries must be dated in a reference set."""

_COUNTRY_LISTS: tuple[str, ...] = ("eea", "eu_adequacy", "cndp_adequate", "country_sheets")
"""The lists that carry their own sources (country sheets: one per legal basis)."""


def undated_entries(lists: ReferenceData) -> list[tuple[str, int, str]]:
    """The adequacy entries lacking what a reference set requires: (list, index, what is missing).

    Every entry of the EU and CNDP lists names its subject, decision, first day of application,
    source and ``verified`` flag."""
    found = []
    for name in ADEQUACY_LISTS:
        listing: CountryList | None = getattr(lists, name)
        for index, entry in enumerate(listing.entries if listing else ()):
            missing = [
                field
                for field in ("subject", "decision", "source", "verified")
                if getattr(entry, field) is None
            ]
            if entry.starts is None:
                missing.append("applies_from")
            if missing:
                found.append(
                    (
                        name,
                        index,
                        f"entry {entry.code} needs {', '.join(missing)} "
                        "(a reference set dates every adequacy entry)",
                    )
                )
    return found


def version_key(version: str) -> tuple[int, ...]:
    """The sort key of a reference-set version (numeric: ``2026.12.0`` after ``2026.9.3``)."""
    return tuple(int(part) for part in version.split("."))


class ListSource(Frozen):
    """Where a list without a source of its own was read (countries, SCC modules, grounds...)."""

    source: str = Field(min_length=1, max_length=500)
    verified: bool
    """True only when the list was checked against the official text it cites."""
    note: Text | None = None


class ListSummary(Frozen):
    """One list of a set, as ``compliance reference`` shows it."""

    name: str
    entries: int
    verified: int
    source: str


class ReferenceStamp(Frozen):
    """Which reference set an assessment is scored with (the digest, when given, must match)."""

    id: Slug
    version: CalVer
    digest: Sha256 | None = None


class ReferenceUsed(Frozen):
    """Which reference set a result was computed with, and how it was chosen."""

    id: Slug
    version: CalVer
    digest: Sha256
    chosen: Literal["assessment", "newest"]
    """``assessment``: the set the assessment records; ``newest``: it records none, so the newest
    installed set at scoring time was used."""


class ReferenceSet(Frozen):
    """A published reference set: an id, a version, a date, and every reference list."""

    schema_id: Literal["compliance.reference/v1"] = Field(alias="schema")
    id: Slug
    version: CalVer
    date: dt.date
    """The date the lists speak for: what was read was in force on that day."""
    title: Text
    description: Text | None = None
    sources: dict[str, ListSource] = Field(default_factory=dict)
    """The source of each list that has none of its own (country lists carry theirs)."""
    lists: ReferenceData

    @model_validator(mode="after")
    def _complete(self) -> ReferenceSet:
        names = set(ReferenceData.model_fields)
        for name in self.sources:
            if name not in names:
                raise ValueError(f"'sources' names {name!r}, which is not a reference list")
            if name in _COUNTRY_LISTS:
                raise ValueError(f"{name!r} carries its own source; remove it from 'sources'")
        for name in sorted(names - set(_COUNTRY_LISTS)):
            if getattr(self.lists, name) and name not in self.sources:
                raise ValueError(f"the list {name!r} needs a source in 'sources'")
        for name, _, message in undated_entries(self.lists):
            raise ValueError(f"{name} {message}")
        return self

    @cached_property
    def digest(self) -> str:
        """The SHA-256 of the canonical JSON, computed once."""
        from compliance.canonical import digest

        return digest(self)

    def stamp(self) -> ReferenceStamp:
        """The id, version and digest of this set."""
        return ReferenceStamp(id=self.id, version=self.version, digest=self.digest)

    def used(self, chosen: Literal["assessment", "newest"]) -> ReferenceUsed:
        """How a result records this set."""
        return ReferenceUsed(id=self.id, version=self.version, digest=self.digest, chosen=chosen)

    def summaries(self) -> tuple[ListSummary, ...]:
        """Each list given: how many entries, how many verified, and its source."""
        rows: list[ListSummary] = []
        lists = self.lists
        for name in ReferenceData.model_fields:
            value = getattr(lists, name)
            if not value:
                continue
            if isinstance(value, CountryList):
                rows.append(
                    ListSummary(
                        name=name,
                        entries=len(value.entries),
                        verified=value.verified_count(),
                        source=value.source,
                    )
                )
                continue
            if name == "country_sheets":
                rows.append(
                    ListSummary(
                        name=name,
                        entries=sum(len(sheet.bases) for sheet in lists.country_sheets or ()),
                        verified=sum(s.verified_count() for s in lists.country_sheets or ()),
                        source="legal bases of "
                        + ", ".join(sheet.country for sheet in lists.country_sheets or ())
                        + " (a source per basis)",
                    )
                )
                continue
            items = list(value.values() if isinstance(value, dict) else value or ())
            meta = self.sources[name]
            flags = [getattr(item, "verified", True) for item in items]
            verified = sum(1 for flag in flags if flag) if meta.verified else 0
            rows.append(
                ListSummary(name=name, entries=len(items), verified=verified, source=meta.source)
            )
        return tuple(rows)
