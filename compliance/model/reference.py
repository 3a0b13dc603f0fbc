"""Provides the reference data a questionnaire scores with: country lists, transfer tools, grounds.

Reference data is law, and law changes: every list carries its source, the date it speaks for and a
``verified`` flag, so that a list whose membership could not be checked against the official text is
shown as such (``verified: false``) and never presented as certain. Updating a list is a data change
(the YAML files in ``questionnaires/reference/``), never a code change; it changes the digest of
every questionnaire that embeds it, which is right, since scores may change with it.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from compliance.model.base import ArticleRef, CountryCode, FrameworkId, Frozen, ItemId, Text

__all__ = [
    "CountryList",
    "ListEntry",
    "ReferenceData",
    "Regime",
    "SccModule",
    "TransferGround",
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
