"""Provides the transfer impact assessment (TIA) of a flow, laid out as the EDPB's six steps.

EDPB Recommendations 01/2020 (version 2.0, June 2021) ask an exporter relying on an Art. 46 tool
to (1) know the transfer, (2) identify the tool, (3) assess the destination's law and practice, (4)
adopt supplementary measures, (5) take the procedural steps they need and (6) re-evaluate. Steps 1
and 2 are read from the flow itself (its data, subjects, volume, frequency, locations and onward
flows; its mechanism); this model holds what the other four add:

- step 3, ``law``: for each legal basis of the destination's country sheet (its ``basis`` id),
  whether it applies to this importer and this data, why, and optionally the assessor's own reading
  of the four European Essential Guarantees (EDPB Recommendations 02/2020); the sheet's reading
  stands when left out;
- step 4, ``use_case`` (which of the EDPB's Annex 2 cases the flow is, which decides whether a
  technical measure can be effective) and ``supplementary`` measures, each tied to the bases it is
  claimed to neutralise;
- step 5, ``procedural`` steps (an empty list says none is needed);
- step 6, ``review_by`` (at most one year after ``date``) and ``triggers``;
- optionally ``quantitative``: per basis, four yearly probabilities with their justification, the
  period and the exporter's tolerance (the idea of David Rosenthal's method; the formula is the
  project's, in :mod:`compliance.engine.tia`).

The older three fields (``done``, ``date``, ``conclusion``) are still read and mean what they meant:
a TIA the user asserts done, when, and what it concluded. A TIA giving none of the structured fields
is such an asserted TIA and is scored as before.

Probabilities are decimals given as strings or numbers, read exactly (a number through its shortest
decimal form, so ``0.1`` is one tenth) and written canonically as strings (``"0.05"``), so the same
input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Annotated, Final, Literal

from pydantic import (
    AfterValidator,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    model_validator,
)

from compliance.model.base import CountryCode, Frozen, ItemId

__all__ = [
    "DEFAULT_PERIOD_YEARS",
    "EFFECTIVE_USE_CASES",
    "INPUTS",
    "MAX_DECIMALS",
    "MAX_PERIOD_YEARS",
    "STEPS",
    "USE_CASES",
    "BasisAssessment",
    "EegReading",
    "Justifications",
    "MeasureKind",
    "Probability",
    "ProceduralStep",
    "Quantitative",
    "QuantitativeBasis",
    "SupplementaryMeasure",
    "Tia",
    "UseCase",
    "canonical_decimal",
    "parse_probability",
    "review_limit",
]

DEFAULT_PERIOD_YEARS: Final = 5
MAX_PERIOD_YEARS: Final = 30
MAX_DECIMALS: Final = 12
"""A probability has at most this many decimal places (one in a trillion is fine enough)."""

STEPS: Final = (1, 2, 3, 4, 5, 6)

INPUTS: Final = ("p_target", "p_compel", "p_readable", "p_challenge_fails")
"""The four yearly probabilities of a basis, in the order they are multiplied."""

UseCase = Literal[
    "storage_exporter_keys",
    "pseudonymised",
    "encrypted_transit",
    "protected_recipient",
    "split_processing",
    "cloud_in_clear",
    "remote_access_business",
]
"""The EDPB's Annex 2 use cases (Recommendations 01/2020): 1 storage with keys held only by the
exporter, 2 pseudonymised data, 3 encrypted data in transit, 4 a protected recipient, 5 split or
multi-party processing, 6 a cloud or other processor needing the data in the clear, 7 remote access
for business purposes with the data in the clear."""

USE_CASES: Final[tuple[UseCase, ...]] = (
    "storage_exporter_keys",
    "pseudonymised",
    "encrypted_transit",
    "protected_recipient",
    "split_processing",
    "cloud_in_clear",
    "remote_access_business",
)

EFFECTIVE_USE_CASES: Final[frozenset[UseCase]] = frozenset(USE_CASES[:5])
"""The use cases in which the EDPB found a technical measure can be effective (1 to 5); in 6 and 7
(the data in the clear in the destination) it found none where the authorities' powers go beyond
what is necessary and proportionate."""

MeasureKind = Literal["technical", "contractual", "organisational"]
Reading = Literal["met", "partly_met", "not_met", "unclear"]
"""The verdicts of a country sheet's reading too (``compliance.model.country_sheet.Verdict``)."""


def canonical_decimal(value: Decimal) -> str:
    """``value`` without exponent or trailing zeros: ``0.050`` and ``5E-2`` give ``0.05``."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def parse_probability(value: object) -> Decimal:
    """A probability from a decimal string or a number, exactly; ValueError saying what is wrong.

    A float is read through its shortest decimal form (``0.1`` is one tenth, not the binary
    neighbour); ``True``/``False`` are refused (a YAML ``yes`` is not a probability).
    """
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a probability: give a number from 0 to 1, such as 0.05")
    number: Decimal
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip()
        try:
            number = Decimal(text) if 0 < len(text) <= 40 else Decimal("NaN")
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite():
            shown = value if len(value) <= 40 else value[:40] + "..."
            raise ValueError(
                f"{shown!r} is not a probability: give a number from 0 to 1, such as 0.05"
            )
    else:
        raise ValueError("a probability is a number from 0 to 1, such as 0.05")
    if not number.is_finite() or number < 0 or number > 1:
        raise ValueError(f"{value} is outside 0..1: a probability is a number from 0 to 1")
    exponent = number.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_DECIMALS:
        raise ValueError(f"{value} has more than {MAX_DECIMALS} decimal places")
    return Decimal(canonical_decimal(number))


Probability = Annotated[
    Decimal,
    PlainValidator(parse_probability),
    PlainSerializer(canonical_decimal, return_type=str, when_used="json"),
]
"""A probability from 0 to 1, exact, written as a canonical decimal string."""


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("a justification says in words why: it cannot be blank")
    return value


Justification = Annotated[
    str, StringConstraints(min_length=1, max_length=20_000), AfterValidator(_not_blank)
]
Note = Annotated[str, StringConstraints(min_length=1, max_length=2_000), AfterValidator(_not_blank)]


def _period(value: int) -> int:
    if not 1 <= value <= MAX_PERIOD_YEARS:
        raise ValueError(
            f"a period of {value} years is outside 1..{MAX_PERIOD_YEARS}: give the number of "
            f"years the estimate covers (usually {DEFAULT_PERIOD_YEARS})"
        )
    return value


Period = Annotated[int, Field(strict=True), AfterValidator(_period)]


def review_limit(date: dt.date) -> dt.date:
    """One year after ``date`` (29 February gives 28 February): the latest re-evaluation date."""
    try:
        return date.replace(year=date.year + 1)
    except ValueError:
        return date.replace(year=date.year + 1, day=28)


class EegReading(Frozen):
    """How a legal basis measures up to the four European Essential Guarantees (EDPB 02/2020)."""

    clear_rules: Reading | None = None
    """A: processing based on clear, precise and accessible rules."""
    necessity: Reading | None = None
    """B: necessity and proportionality to the legitimate objectives pursued shown."""
    oversight: Reading | None = None
    """C: an independent oversight mechanism exists."""
    remedies: Reading | None = None
    """D: effective remedies are available to the individual."""


class BasisAssessment(Frozen):
    """Step 3 for one legal basis of the country sheet: does it reach this importer and data?"""

    basis: ItemId
    """The basis id on the destination's country sheet."""
    applies: bool | None = None
    justification: Justification | None = None
    eeg: EegReading | None = None
    """The assessor's own reading; the country sheet's stands when left out."""


class SupplementaryMeasure(Frozen):
    """Step 4: one supplementary measure and the bases it is claimed to neutralise."""

    kind: MeasureKind
    description: Justification
    neutralises: tuple[ItemId, ...] = Field(default=(), max_length=100)


class ProceduralStep(Frozen):
    """Step 5: a formal step a measure needs (for example an authority's approval of clauses)."""

    step: Justification
    done: bool | None = None


class Justifications(Frozen):
    """One justification per input of a basis, when a single sentence does not cover them."""

    p_target: Justification
    p_compel: Justification
    p_readable: Justification
    p_challenge_fails: Justification


def _justification(value: object) -> str | Justifications:
    if isinstance(value, Justifications):
        return value
    if isinstance(value, str):
        if not value.strip() or len(value) > 20_000:
            raise ValueError(
                "a justification says in words why the figures hold: give up to 20,000 "
                "characters, not a blank"
            )
        return value
    if isinstance(value, dict):
        missing = [name for name in INPUTS if not str(value.get(name) or "").strip()]
        extra = sorted(str(k) for k in value if k not in INPUTS)
        if extra:
            raise ValueError(
                f"unknown input {extra[0]!r} in the justification: justify " + ", ".join(INPUTS)
            )
        if missing:
            raise ValueError(
                f"the justification of {missing[0]} is missing: justify every input ("
                + ", ".join(INPUTS)
                + ") or give one text for all four"
            )
        return Justifications.model_validate(value)
    raise ValueError("a justification is a text, or one text per input")


def _justification_out(value: str | Justifications) -> str | dict[str, str]:
    return value if isinstance(value, str) else value.model_dump()


class QuantitativeBasis(Frozen):
    """The four yearly probabilities for one basis that applies, each justified."""

    basis: ItemId
    p_target: Probability
    """The authorities target data of this kind at this importer in a year."""
    p_compel: Probability
    """The importer can be compelled to hand it over."""
    p_readable: Probability
    """The data is readable despite the measures."""
    p_challenge_fails: Probability
    """A challenge or refusal by the importer fails."""
    justification: Annotated[
        str | Justifications,
        PlainValidator(_justification, json_schema_input_type=str | dict[str, str]),
        PlainSerializer(_justification_out),
    ]
    """Why these figures: one text for all four, or one per input (``p_target``...)."""


class Quantitative(Frozen):
    """The quantitative estimate: the chance of at least one prohibited access over the period."""

    period_years: Period = DEFAULT_PERIOD_YEARS
    tolerance: Probability
    """The highest probability over the period the exporter accepts."""
    bases: tuple[QuantitativeBasis, ...] = Field(default=(), max_length=200)

    @model_validator(mode="after")
    def _bases_once(self) -> Quantitative:
        _once([b.basis for b in self.bases], "quantitative estimate")
        return self


def _once(ids: list[str], where: str) -> None:
    seen: set[str] = set()
    for basis in ids:
        if basis in seen:
            raise ValueError(f"basis {basis!r} is given twice in the {where}: give it once")
        seen.add(basis)


class Tia(Frozen):
    """The transfer impact assessment of a flow: the older three fields, and the six steps."""

    done: bool | None = None
    date: dt.date | None = None
    conclusion: Literal["acceptable", "measures_needed", "not_acceptable"] | None = None
    country: CountryCode | None = None
    """The destination country assessed; the flow's destination when left out."""
    law: tuple[BasisAssessment, ...] | None = Field(default=None, max_length=200)
    """Step 3."""
    use_case: UseCase | None = None
    """Step 4: the flow's mode, as an EDPB use case."""
    supplementary: tuple[SupplementaryMeasure, ...] | None = Field(default=None, max_length=200)
    """Step 4."""
    procedural: tuple[ProceduralStep, ...] | None = Field(default=None, max_length=100)
    """Step 5 (an empty list: none needed)."""
    review_by: dt.date | None = None
    """Step 6: at most one year after ``date``."""
    triggers: tuple[Note, ...] | None = Field(default=None, max_length=50)
    """Step 6: events that call for re-evaluation before ``review_by``."""
    quantitative: Quantitative | None = None

    @property
    def structured(self) -> bool:
        """Whether any field beyond the older three is given (then the engine reads the steps)."""
        return any(
            getattr(self, name) is not None
            for name in (
                "country",
                "law",
                "use_case",
                "supplementary",
                "procedural",
                "review_by",
                "triggers",
                "quantitative",
            )
        )

    @model_validator(mode="after")
    def _consistent(self) -> Tia:
        if self.law is not None:
            _once([b.basis for b in self.law], "assessment of the law (step 3)")
        if self.review_by is not None:
            if self.date is None:
                raise ValueError(
                    "review_by needs the TIA's date: give 'date', the day the TIA was made"
                )
            if self.review_by < self.date:
                raise ValueError(
                    f"review_by {self.review_by.isoformat()} is before the TIA's date "
                    f"{self.date.isoformat()}: give a later re-evaluation date"
                )
            limit = review_limit(self.date)
            if self.review_by > limit:
                raise ValueError(
                    f"review_by {self.review_by.isoformat()} is more than a year after the TIA's "
                    f"date {self.date.isoformat()}: re-evaluate by {limit.isoformat()} at the "
                    "latest"
                )
        return self
