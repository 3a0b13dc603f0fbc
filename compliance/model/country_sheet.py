"""Provides the country sheets of a reference set: the legal bases for public-authority access.

A transfer impact assessment (EDPB Recommendations 01/2020, step 3) asks, for the destination
country, which laws let public authorities reach the transferred data, and how each measures up to
the four European Essential Guarantees (EDPB Recommendations 02/2020):

- **A**: the processing rests on clear, precise and accessible rules;
- **B**: necessity and proportionality with regard to the legitimate objectives are shown;
- **C**: an independent oversight mechanism exists;
- **D**: effective remedies are available to the individual.

A :class:`CountrySheet` lists those laws for one country, each as a :class:`LegalBasis` with a
stable id (``ma-ccp-interception``) that a flow's TIA cites. Sheets are reference data: they live
in the reference set, carry their sources, and say per basis whether the primary text was read
(``verified``). An unverified basis must say what was not checked (``caveat``), so that nothing
unverified is presented as settled.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from compliance.model.base import CountryCode, Frozen, Text

__all__ = [
    "GUARANTEES",
    "GUARANTEE_FIELDS",
    "BasisCategory",
    "BasisId",
    "CountrySheet",
    "EegReading",
    "Guarantee",
    "LegalBasis",
    "SheetSource",
    "Verdict",
]

BasisId = Annotated[
    str, StringConstraints(pattern=r"^[a-z]{2}-[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)
]
"""A legal basis's stable id: the country code in lower case, then a slug (``ma-ccp-interception``).
Never reused for another law once published."""

BasisCategory = Literal[
    "criminal_procedure",
    "intelligence",
    "counter_terrorism",
    "regulatory",
    "reporting",
    "scope_exclusion",
]
"""What kind of access a basis gives: judicial investigation, intelligence collection, a
counter-terrorism regime, a regulator's powers over operators, a duty to report to an authority,
or a carve-out from the data-protection law (which is not itself a power but leaves a field
without the law's protection)."""

Verdict = Literal["met", "partly_met", "not_met", "unclear"]
"""How a basis measures up to one guarantee. ``unclear`` where the text or practice could not be
established: it is never read as ``met``."""

GUARANTEES: dict[str, Text] = {
    "a": Text(
        en="Clear, precise and accessible rules",
        fr="Des règles claires, précises et accessibles",
        ar="قواعد واضحة ودقيقة ومتاحة",
    ),
    "b": Text(
        en="Necessity and proportionality",
        fr="Nécessité et proportionnalité",
        ar="الضرورة والتناسب",
    ),
    "c": Text(
        en="Independent oversight",
        fr="Un contrôle indépendant",
        ar="رقابة مستقلة",
    ),
    "d": Text(
        en="Effective remedies for the individual",
        fr="Des voies de recours effectives pour la personne",
        ar="سبل انتصاف فعالة للشخص المعني",
    ),
}
"""The four European Essential Guarantees (EDPB Recommendations 02/2020), by letter."""

GUARANTEE_FIELDS: dict[str, str] = {
    "a": "clear_rules",
    "b": "necessity",
    "c": "oversight",
    "d": "remedies",
}
"""The name the assessment format gives each guarantee (``flows[].tia.law[].eeg``), by letter: a
sheet's reading and an assessor's own can be compared field by field."""

_URL = r"^https://[^\s]{1,490}$"


class SheetSource(Frozen):
    """Where a basis was read: an exact citation and where to find it.

    ``primary`` is true for the law itself (an official gazette, a government's legislation site,
    the official consolidated text); false for a commentary, a regulator's page, a report."""

    citation: str = Field(min_length=1, max_length=500)
    """The exact citation (act, number, date, articles or sections)."""
    url: Annotated[str, StringConstraints(pattern=_URL)] | None = None
    """A public https address where it was read."""
    official: str | None = Field(default=None, min_length=1, max_length=300)
    """An official reference where there is no stable address (``Bulletin officiel n° 5711``)."""
    primary: bool

    @model_validator(mode="after")
    def _findable(self) -> SheetSource:
        if self.url is None and self.official is None:
            raise ValueError("a source needs a 'url' or an 'official' reference to find it by")
        return self


class Guarantee(Frozen):
    """How one basis measures up to one European Essential Guarantee, and why."""

    verdict: Verdict
    assessment: Text


class EegReading(Frozen):
    """The basis read against the four European Essential Guarantees (see :data:`GUARANTEES`)."""

    a: Guarantee
    """Clear, precise and accessible rules."""
    b: Guarantee
    """Necessity and proportionality."""
    c: Guarantee
    """Independent oversight."""
    d: Guarantee
    """Effective remedies."""

    def items(self) -> tuple[tuple[str, Guarantee], ...]:
        """The four readings with their letters, in order."""
        return (("a", self.a), ("b", self.b), ("c", self.c), ("d", self.d))

    def by_name(self) -> dict[str, Guarantee]:
        """The four readings under the assessment format's names (:data:`GUARANTEE_FIELDS`)."""
        return {GUARANTEE_FIELDS[letter]: reading for letter, reading in self.items()}


class LegalBasis(Frozen):
    """One law that lets public authorities reach data held or carried in the country."""

    id: BasisId
    name: Text
    """The law and provisions, as usually cited (``Code of Criminal Procedure, Arts. 108-116``)."""
    category: BasisCategory
    allows: Text
    """What the authorities may obtain, on whose order, for which purposes."""
    compelled: Text
    """Who can be compelled to help (operators, hosting providers, any person holding data...)."""
    oversight: Text
    """Who authorises and supervises the measure."""
    redress: Text
    """What a person (in particular a non-national) can do against it."""
    sources: tuple[SheetSource, ...] = Field(min_length=1, max_length=12)
    verified: bool
    """True only when the provisions cited were checked against their primary text."""
    caveat: Text | None = None
    """What was not checked, or what remains uncertain. Required for an unverified basis."""
    eeg: EegReading

    @model_validator(mode="after")
    def _honest(self) -> LegalBasis:
        if self.verified and not any(source.primary for source in self.sources):
            raise ValueError(
                f"basis {self.id} is marked verified but cites no primary source; "
                "cite the official text read, or set 'verified: false'"
            )
        if not self.verified and self.caveat is None:
            raise ValueError(
                f"basis {self.id} is not verified, so it needs a 'caveat' saying what was not "
                "checked against the primary text"
            )
        return self


class CountrySheet(Frozen):
    """The legal bases for public-authority access in one country, with a reading of each."""

    country: CountryCode
    as_of: dt.date
    """The date the sheet speaks for: what was read was in force on that day."""
    summary: Text
    """The picture in a few sentences: the main powers, oversight, redress."""
    context: Text | None = None
    """Transfer context that is not a basis: an adequacy decision, a framework, pending cases."""
    bases: tuple[LegalBasis, ...] = Field(min_length=1, max_length=64)

    @model_validator(mode="after")
    def _ids(self) -> CountrySheet:
        prefix = self.country.lower() + "-"
        seen: set[str] = set()
        for basis in self.bases:
            if not basis.id.startswith(prefix):
                raise ValueError(
                    f"basis id {basis.id!r} must start with {prefix!r} (the sheet's country)"
                )
            if basis.id in seen:
                raise ValueError(f"basis id {basis.id!r} is given twice")
            seen.add(basis.id)
        return self

    def basis(self, basis_id: str) -> LegalBasis | None:
        """The basis with this id, if the sheet has it."""
        return next((basis for basis in self.bases if basis.id == basis_id), None)

    def basis_ids(self) -> tuple[str, ...]:
        """Every basis id, in the sheet's order."""
        return tuple(basis.id for basis in self.bases)

    def verified_count(self) -> int:
        """How many bases were checked against their primary text."""
        return sum(1 for basis in self.bases if basis.verified)
