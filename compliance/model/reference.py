"""Provides the reference data a questionnaire scores with: country lists, transfer tools, grounds.

Reference data is law, and law changes: every list carries its source, the date it speaks for and a
``verified`` flag, so that a list whose membership could not be checked against the official text is
shown as such (``verified: false``) and never presented as certain. Updating a list is a data change
(the YAML files in ``questionnaires/reference/``), never a code change; it changes the digest of
every questionnaire that embeds it, which is right, since scores may change with it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Literal

from pydantic import Field, model_validator

from compliance.model.base import ArticleRef, CountryCode, FrameworkId, Frozen, ItemId, Text

__all__ = [
    "CROSSWALK_ARTICLES",
    "MOROCCAN_FRAMEWORKS",
    "RELATIONSHIPS",
    "CountryList",
    "CrosswalkEntry",
    "ListEntry",
    "ReferenceData",
    "Regime",
    "Relationship",
    "SccModule",
    "TransferGround",
    "article_number",
]

GdprRole = Literal["controller", "joint_controller", "processor", "sub_processor"]


class ListEntry(Frozen):
    """One country on a list, with what limits it."""

    country: CountryCode
    since: dt.date | None = None
    decision: str | None = Field(default=None, max_length=300)
    condition: Literal["dpf_certified", "commercial_org"] | None = None
    """A partial listing: the flow must meet this for the listing to apply."""
    verified: bool | None = None
    """Overrides the list's own flag for this entry."""
    note: Text | None = None


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

    def entry(self, country: str) -> ListEntry | None:
        """The entry for ``country``, if listed."""
        for entry in self.entries:
            if entry.country == country:
                return entry
        return None

    def is_verified(self, entry: ListEntry) -> bool:
        """Whether ``entry`` is verified (its own flag, else the list's)."""
        return self.verified if entry.verified is None else entry.verified


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


Relationship = Literal["equal", "subset", "superset", "intersect", "no_relationship"]
"""The OLIR / OSCAL relationship words a crosswalk entry may use (a closed set)."""

RELATIONSHIPS: tuple[str, ...] = ("equal", "subset", "superset", "intersect", "no_relationship")

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
    - ``subset``: the Moroccan provision's scope is contained in the GDPR one (meeting the GDPR
      provision meets the Moroccan one; the GDPR asks for more);
    - ``superset``: the GDPR provision's scope is contained in the Moroccan one (the Moroccan text
      asks for more, e.g. a CNDP formality or a shorter deadline);
    - ``intersect``: they overlap, and each asks for something the other does not;
    - ``no_relationship``: one side has no counterpart; that side is left empty (the DPO and breach
      notification of the GDPR, the CNDP declaration of Law 09-08).

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
        if self.relationship == "no_relationship":
            if has_moroccan == has_gdpr:
                raise ValueError(
                    "a no_relationship entry cites exactly one side (Moroccan or GDPR), "
                    "the other being the one without a counterpart"
                )
        elif not (has_moroccan and has_gdpr):
            raise ValueError(f"a {self.relationship!r} entry needs articles on both sides")
        return self

    def cited(self) -> dict[str, tuple[int, ...]]:
        """The article numbers cited, per framework (``gdpr`` included)."""
        numbers = {f: tuple(article_number(a) for a in arts) for f, arts in self.moroccan.items()}
        if self.gdpr:
            numbers["gdpr"] = tuple(article_number(a) for a in self.gdpr)
        return numbers


class ReferenceData(Frozen):
    """Everything the scoring rules look up instead of hard-coding."""

    countries: dict[CountryCode, Text] = Field(default_factory=dict)
    eea: CountryList | None = None
    eu_adequacy: CountryList | None = None
    cndp_adequate: CountryList | None = None
    scc_modules: tuple[SccModule, ...] = ()
    ma_grounds: tuple[TransferGround, ...] = ()
    gdpr_derogations: tuple[TransferGround, ...] = ()
    regimes: tuple[Regime, ...] = ()
    crosswalk: tuple[CrosswalkEntry, ...] = ()
    """Law 09-08 / Decree 2-09-165 ↔ GDPR mappings, shown beside the questions citing them."""

    @model_validator(mode="after")
    def _unique_crosswalk_ids(self) -> ReferenceData:
        ids = [entry.id for entry in self.crosswalk]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate crosswalk ids: {', '.join(duplicates)}")
        return self

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
