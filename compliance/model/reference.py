"""Provides the reference data a questionnaire scores with: country lists, transfer tools, grounds.

Reference data is law, and law changes: every list carries its source, the date it speaks for and a
``verified`` flag, so that a list whose membership could not be checked against the official text is
shown as such (``verified: false``) and never presented as certain. Updating a list is a data change
(the YAML files in ``questionnaires/reference/``), never a code change.

The lists are published as a reference set (:mod:`compliance.model.reference_set`) with its own
digest, which questionnaires naming a ``reference_set`` score with; the questionnaires published
before that (1.0.0) embed undated lists in their own digest, frozen in
``questionnaires/reference/embedded/`` (see ``docs/adr`` on reference sets).
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from collections.abc import Mapping, Sequence
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from compliance.model.base import ArticleRef, CountryCode, FrameworkId, Frozen, ItemId, Text
from compliance.model.country_sheet import CountrySheet

__all__ = [
    "CROSSWALK_ARTICLES",
    "LEGACY_WORDS",
    "MOROCCAN_FRAMEWORKS",
    "RELATIONSHIPS",
    "CountryList",
    "CrosswalkEntry",
    "ListCondition",
    "ListEntry",
    "OrganisationId",
    "ReferenceData",
    "Regime",
    "Relationship",
    "SccModule",
    "Subject",
    "TransferGround",
    "add_months",
    "article_number",
]

GdprRole = Literal["controller", "joint_controller", "processor", "sub_processor"]


OrganisationId = Annotated[
    str, StringConstraints(pattern=r"^org:[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)
]
"""An international organisation: ``org:`` and a slug (``org:epo``)."""

Subject = Annotated[
    str, StringConstraints(pattern=r"^(?:[A-Z]{2}|org:[a-z0-9]+(?:-[a-z0-9]+)*)$", max_length=64)
]
"""Who a list entry is about: an ISO 3166-1 alpha-2 country code, or an international
organisation as ``org:`` and a slug (``org:epo``: the European Patent Organisation)."""

ListCondition = Literal["dpf_certified", "commercial_org"]
"""A machine-checked limit of a partial listing: the flow's importer must meet it."""


class ListEntry(Frozen):
    """One country (or international organisation) on a list, with what limits it and when.

    Two shapes are accepted. The undated one (``country``, ``since``) is the shape embedded in the
    questionnaires published before reference sets existed (1.0.0): it is kept as it is so that
    their digests never change, and such an entry is in force at every date. The dated one
    (``subject``, ``decision``, ``adopted``, ``applies_from``, ``expires``...) is the shape of a
    reference set (``compliance.reference/v1``): the engine uses an entry only on the dates it is
    in force, from ``applies_from`` to ``expires``, both days included.
    """

    country: CountryCode | None = None
    """The country (undated shape)."""
    subject: Subject | None = None
    """The country or international organisation (dated shape)."""
    since: dt.date | None = None
    """When the listing began (undated shape; the dated shape says ``applies_from``)."""
    decision: str | None = Field(default=None, max_length=300)
    """The decision, deliberation or judgment the entry rests on, as officially cited."""
    adopted: dt.date | None = None
    applies_from: dt.date | None = None
    expires: dt.date | None = None
    """The last day the listing applies (a sunset clause or a repeal); None when open-ended."""
    condition: ListCondition | None = None
    """A partial listing: the flow must meet this for the listing to apply."""
    scope: Text | None = None
    """What the decision covers, in words (sectors, kinds of recipients, exclusions)."""
    review: Text | None = None
    """Litigation, appeals, periodic reviews: what could change the entry, as it stands."""
    source: str | None = Field(default=None, min_length=1, max_length=500)
    """Where the entry was read: a public URL or an Official Journal reference."""
    verified: bool | None = None
    """Overrides the list's own flag for this entry: true only when the decision or judgment
    itself (or an official page stating it) was read."""
    note: Text | None = None

    @model_validator(mode="after")
    def _shape(self) -> ListEntry:
        if (self.country is None) == (self.subject is None):
            raise ValueError("give exactly one of 'country' (undated lists) or 'subject'")
        start = self.starts
        if start is not None and self.expires is not None and start > self.expires:
            raise ValueError(
                f"the entry applies from {start.isoformat()}, after its expiry on "
                f"{self.expires.isoformat()}; check both dates against the decision"
            )
        return self

    @property
    def code(self) -> str:
        """The country code or organisation id the entry is about."""
        code = self.subject or self.country
        assert code is not None  # the validator guarantees one of them
        return code

    @property
    def starts(self) -> dt.date | None:
        """The first day the entry applies (None: since always, for undated entries)."""
        return self.applies_from or self.since or self.adopted

    @property
    def dated(self) -> bool:
        """Whether the entry is in the dated shape of a reference set."""
        return self.subject is not None

    def in_force(self, on: dt.date) -> bool:
        """Whether the entry applies on ``on`` (an undated entry always does)."""
        start = self.starts if self.dated else None
        if start is not None and on < start:
            return False
        return self.expires is None or on <= self.expires

    def expires_within(self, on: dt.date, months: int) -> bool:
        """Whether the entry, in force on ``on``, stops applying within ``months`` of it."""
        return self.expires is not None and self.expires < add_months(on, months)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole calendar months, clamped to the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class CountryList(Frozen):
    """A list of countries from one source (an adequacy list, the EEA)."""

    id: ItemId
    title: Text
    source: str = Field(min_length=1, max_length=500)
    as_of: dt.date
    verified: bool
    """False when the membership could not be checked against the official text."""
    note: Text | None = None
    entries: tuple[ListEntry, ...] = ()

    @model_validator(mode="after")
    def _no_overlap(self) -> CountryList:
        by_code: dict[str, list[ListEntry]] = {}
        for entry in self.entries:
            by_code.setdefault(entry.code, []).append(entry)
        for code, entries in by_code.items():
            if len(entries) < 2:
                continue
            if not all(e.dated for e in entries):
                raise ValueError(f"{code} is listed twice")
            ordered = sorted(entries, key=lambda e: e.starts or dt.date.min)
            for before, after in itertools.pairwise(ordered):
                if before.expires is None or (after.starts or dt.date.min) <= before.expires:
                    raise ValueError(
                        f"two entries for {code} apply on the same day; the earlier one needs "
                        "an 'expires' date before the later one's 'applies_from'"
                    )
        return self

    def entry(self, country: str) -> ListEntry | None:
        """The first entry for ``country``, if listed (for undated lists)."""
        for entry in self.entries:
            if entry.code == country:
                return entry
        return None

    def entry_at(self, code: str, on: dt.date) -> ListEntry | None:
        """The entry for ``code`` in force on ``on``, if any."""
        for entry in self.entries:
            if entry.code == code and entry.in_force(on):
                return entry
        return None

    def is_verified(self, entry: ListEntry) -> bool:
        """Whether ``entry`` is verified (its own flag, else the list's)."""
        return self.verified if entry.verified is None else entry.verified

    def verified_count(self) -> int:
        """How many entries are verified."""
        return sum(1 for entry in self.entries if self.is_verified(entry))


class SccModule(Frozen):
    """A module of the standard contractual clauses (Decision (EU) 2021/914)."""

    id: Literal["scc_module_1", "scc_module_2", "scc_module_3", "scc_module_4"]
    title: Text
    exporter_role: tuple[GdprRole, ...] = Field(min_length=1)
    importer_role: tuple[GdprRole, ...] = Field(min_length=1)


class TransferGround(Frozen):
    """A legal ground for a transfer (a Law 09-08 Art. 44 exception, a GDPR Art. 49 derogation)."""

    id: ItemId
    title: Text
    refs: dict[FrameworkId, tuple[ArticleRef, ...]] = Field(default_factory=dict)
    verified: bool = True


class Regime(Frozen):
    """A data-protection regime the exporter's processing can be subject to."""

    id: Literal["eu_gdpr", "uk_gdpr", "ch_fadp", "ma_0908", "other"]
    title: Text
    countries: tuple[CountryCode, ...] = ()
    note: Text | None = None


Relationship = Literal[
    "equal",
    "subset of",
    "superset of",
    "intersects with",
    "not related to",
    "subset",
    "superset",
    "intersect",
    "no_relationship",
]
"""The relationship words a crosswalk entry may use (a closed set): NIST OLIR's, and the older
spellings of the lists frozen into the questionnaires published before (:data:`LEGACY_WORDS`)."""

RELATIONSHIPS: tuple[str, ...] = (
    "equal",
    "subset of",
    "superset of",
    "intersects with",
    "not related to",
)
"""NIST OLIR's relationship words, the only ones a reference set may use."""

LEGACY_WORDS: dict[str, str] = {
    "subset": "subset of",
    "superset": "superset of",
    "intersect": "intersects with",
    "no_relationship": "not related to",
}
"""The spellings of the embedded lists of the 1.0.0 questionnaires, with the OLIR word each
stands for. They load unchanged, so that those questionnaires keep their published digests."""

MOROCCAN_FRAMEWORKS: tuple[str, ...] = ("law-09-08", "decree-2-09-165")
"""The Moroccan texts a crosswalk entry may cite on its Moroccan side."""

CROSSWALK_ARTICLES: dict[str, int] = {"law-09-08": 67, "decree-2-09-165": 51, "gdpr": 99}
"""The highest article number of each text the crosswalk cites: a citation above it is an error."""

_ARTICLE_NUMBER = re.compile(r"^([0-9]{1,3})")


def article_number(ref: str) -> int:
    """The article number a citation starts with: ``28(3)(a)`` → 28, ``24 §1`` → 24."""
    match = _ARTICLE_NUMBER.match(ref)
    return int(match.group(1)) if match else 0


class CrosswalkEntry(Frozen):
    """How a Moroccan provision relates to GDPR articles, in the OLIR / OSCAL relationship words.

    The Moroccan side (Law 09-08 and Decree 2-09-165 articles) is the source and the GDPR side the
    target, and the word describes the source's scope against the target's:

    - ``equal``: both provisions require the same thing;
    - ``subset of``: the Moroccan provision's scope is contained in the GDPR one (meeting the GDPR
      provision meets the Moroccan one; the GDPR asks for more);
    - ``superset of``: the GDPR provision's scope is contained in the Moroccan one (the Moroccan
      text asks for more, e.g. a CNDP formality or a shorter deadline);
    - ``intersects with``: they overlap, and each asks for something the other does not;
    - ``not related to``: one side has no counterpart; that side is left empty (the DPO and
      breach notification of the GDPR, the CNDP declaration of Law 09-08).

    The lists embedded in the 1.0.0 questionnaires spell them ``subset``, ``superset``,
    ``intersect`` and ``no_relationship`` (:data:`LEGACY_WORDS`).

    ``verified`` is true when the articles of both sides were read and the relationship reviewed
    against them; it is false when the mapping rests on an interpretation the legal reference marks
    as unconfirmed, and is then shown as such.
    """

    id: ItemId
    topic: Text
    moroccan: dict[FrameworkId, tuple[ArticleRef, ...]] = Field(default_factory=dict)
    """Citations per Moroccan text (``law-09-08``, ``decree-2-09-165``); empty for GDPR-only."""
    gdpr: tuple[ArticleRef, ...] = ()
    """GDPR citations; empty for Moroccan-only duties."""
    relationship: Relationship
    note: Text
    """Why the relationship holds: what each side asks that the other does not."""
    verified: bool

    @model_validator(mode="after")
    def _consistent(self) -> CrosswalkEntry:
        for framework in self.moroccan:
            if framework not in MOROCCAN_FRAMEWORKS:
                allowed = ", ".join(MOROCCAN_FRAMEWORKS)
                raise ValueError(
                    f"{framework!r} is not a Moroccan text of the crosswalk ({allowed})"
                )
        cited = [(f, a) for f, articles in self.moroccan.items() for a in articles]
        cited += [("gdpr", a) for a in self.gdpr]
        for framework, article in cited:
            number, top = article_number(article), CROSSWALK_ARTICLES[framework]
            if not 1 <= number <= top:
                raise ValueError(f"article {article!r} does not exist in {framework} (1-{top})")
        has_moroccan = any(self.moroccan.values())
        has_gdpr = bool(self.gdpr)
        if self.olir_word == "not related to":
            if has_moroccan == has_gdpr:
                raise ValueError(
                    f"a {self.relationship!r} entry cites exactly one side (Moroccan or GDPR), "
                    "the other being the one without a counterpart"
                )
        elif not (has_moroccan and has_gdpr):
            raise ValueError(f"a {self.relationship!r} entry needs articles on both sides")
        return self

    @property
    def olir_word(self) -> str:
        """The NIST OLIR word of the relationship (an older spelling read as its OLIR word)."""
        return LEGACY_WORDS.get(self.relationship, self.relationship)

    def cited(self) -> dict[str, tuple[int, ...]]:
        """The article numbers cited, per framework (``gdpr`` included)."""
        numbers = {f: tuple(article_number(a) for a in arts) for f, arts in self.moroccan.items()}
        if self.gdpr:
            numbers["gdpr"] = tuple(article_number(a) for a in self.gdpr)
        return numbers


class ReferenceData(Frozen):
    """Everything the scoring rules look up instead of hard-coding."""

    countries: dict[CountryCode, Text] = Field(default_factory=dict)
    organisations: dict[OrganisationId, Text] | None = None
    """Names of the international organisations a list names (``org:epo``); reference sets only."""
    eea: CountryList | None = None
    eu_adequacy: CountryList | None = None
    cndp_adequate: CountryList | None = None
    scc_modules: tuple[SccModule, ...] = ()
    ma_grounds: tuple[TransferGround, ...] = ()
    gdpr_derogations: tuple[TransferGround, ...] = ()
    regimes: tuple[Regime, ...] = ()
    crosswalk: tuple[CrosswalkEntry, ...] = ()
    """Law 09-08 / Decree 2-09-165 ↔ GDPR mappings, shown beside the questions citing them."""
    country_sheets: tuple[CountrySheet, ...] | None = None
    """The legal bases for public-authority access per destination country, read against the
    European Essential Guarantees (transfer impact assessments, EDPB step 3); reference sets
    only, one sheet per country (basis ids start with the country code, so they are unique across
    sheets), ordered by country code. Absent (not empty) elsewhere, so that
    the lists published before them keep their digests."""

    @model_validator(mode="after")
    def _unique_ids(self) -> ReferenceData:
        ids = [entry.id for entry in self.crosswalk]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate crosswalk ids: {', '.join(duplicates)}")
        countries = [sheet.country for sheet in self.country_sheets or ()]
        twice = sorted({c for c in countries if countries.count(c) > 1})
        if twice:
            raise ValueError(f"more than one country sheet for {', '.join(twice)}")
        return self

    def sheet(self, country: str) -> CountrySheet | None:
        """The country sheet of ``country`` (an ISO code), if the set has one."""
        return next((s for s in self.country_sheets or () if s.country == country), None)

    def crosswalk_for(self, refs: Mapping[str, Sequence[str]]) -> tuple[CrosswalkEntry, ...]:
        """The crosswalk entries citing an article that ``refs`` cites too, in file order.

        Articles are compared by number (``28(3)(a)`` matches an entry citing ``28``), so that a
        control or question shows every mapping that bears on the articles behind it.
        """
        wanted = {
            (framework, article_number(article))
            for framework, articles in refs.items()
            for article in articles
        }
        return tuple(
            entry
            for entry in self.crosswalk
            if any((f, n) in wanted for f, numbers in entry.cited().items() for n in numbers)
        )
