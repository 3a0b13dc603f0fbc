"""Provides what a structured TIA concludes: the steps completed, which legal bases its measures
neutralise, and the quantitative estimate of a prohibited access with its sensitivity.

**The estimate** follows the idea of David Rosenthal's method (VISCHER), with the project's own
formula. For each legal basis, the yearly probability of a prohibited access is the product of four
probabilities: the authorities target data of this kind at this importer, the importer can be
compelled, the data is readable despite the measures, and a challenge or refusal fails. Over a
period of ``n`` years, the probability of at least one such access through any basis is
``P = 1 - prod over the bases of (1 - p_basis) ** n``. A basis that an effective measure neutralises
(step 4) has its ``p_readable`` taken as 0: an effective measure is one that leaves the data
unreadable to the authorities.

Every figure is a :class:`~decimal.Decimal` computed in one fixed context (60 significant digits,
half-even rounding; each operation rounds monotonically, so a larger input never gives a smaller
result) and quantised to 12 decimal places at the end, so the same input gives the same bytes on
every machine. A period of 0 years gives 0 (the function is total; the model refuses such a period
as input).

**Sensitivity**: each input of each basis halved and doubled (capped at 1), the others unchanged;
the input whose range moves ``P`` most dominates (the first in file order on a tie).

**Effective measures** (EDPB Recommendations 01/2020, Annex 2): only a technical measure, and only
in use cases 1 to 5, can neutralise a basis; in use cases 6 and 7 (the data in the clear where it
goes) the EDPB found no effective technical measure, and contractual or organisational measures
cannot bind the authorities on their own. A measure claimed against a basis it cannot neutralise is
reported, never counted.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import (
    ROUND_HALF_EVEN,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
)
from typing import Final

from compliance.model.assessment import Flow
from compliance.model.tia import (
    EFFECTIVE_USE_CASES,
    INPUTS,
    Quantitative,
    QuantitativeBasis,
    SupplementaryMeasure,
    Tia,
    UseCase,
    canonical_decimal,
)

__all__ = [
    "CONTEXT",
    "QUANTUM",
    "Claim",
    "Estimate",
    "Sensitivity",
    "applying_bases",
    "can_neutralise",
    "dominating",
    "estimate",
    "ineffective_claims",
    "neutralised_bases",
    "probability",
    "sensitivity",
    "steps_completed",
    "yearly",
]

CONTEXT: Final = Context(
    prec=60,
    rounding=ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)
QUANTUM: Final = Decimal("1E-12")
"""Results are quantised to 12 decimal places (the finest an input may be)."""

_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)
_HALF: Final = Decimal("0.5")
_TWO: Final = Decimal(2)

Factors = tuple[Decimal, Decimal, Decimal, Decimal]


def _quantised(value: Decimal) -> Decimal:
    """``value`` quantised to :data:`QUANTUM`, within 0..1, without trailing zeros."""
    value = min(max(value, _ZERO), _ONE)
    return Decimal(canonical_decimal(value.quantize(QUANTUM, rounding=ROUND_HALF_EVEN)))


def yearly(factors: Factors) -> Decimal:
    """The yearly probability of a prohibited access through one basis: the four multiplied."""
    product = _ONE
    for factor in factors:
        product = CONTEXT.multiply(product, factor)
    return product


def probability(bases: Sequence[Factors], years: int) -> Decimal:
    """The probability of at least one prohibited access over ``years`` years, quantised.

    ``1 - prod (1 - p_basis) ** years``; 0 for no basis or a period of 0 years.
    """
    survive = _ONE
    for factors in bases:
        stays = CONTEXT.subtract(_ONE, yearly(factors))
        for _ in range(max(years, 0)):
            survive = CONTEXT.multiply(survive, stays)
    return _quantised(CONTEXT.subtract(_ONE, survive))


def _factors(basis: QuantitativeBasis, neutralised: Collection[str]) -> Factors:
    readable = _ZERO if basis.basis in neutralised else basis.p_readable
    return (basis.p_target, basis.p_compel, readable, basis.p_challenge_fails)


@dataclass(frozen=True, slots=True)
class Estimate:
    """The result of a quantitative estimate."""

    probability: Decimal
    """Over the period, quantised to 12 decimal places."""
    tolerance: Decimal
    period_years: int
    yearly: tuple[tuple[str, Decimal], ...]
    """Each basis's yearly probability (after the measures), quantised."""

    @property
    def within_tolerance(self) -> bool:
        """Whether the probability is at most the exporter's tolerance."""
        return self.probability <= self.tolerance


def estimate(quantitative: Quantitative, neutralised: Collection[str] = ()) -> Estimate:
    """The estimate of ``quantitative``, the bases in ``neutralised`` made unreadable."""
    factors = [_factors(b, neutralised) for b in quantitative.bases]
    return Estimate(
        probability=probability(factors, quantitative.period_years),
        tolerance=quantitative.tolerance,
        period_years=quantitative.period_years,
        yearly=tuple(
            (b.basis, _quantised(yearly(f)))
            for b, f in zip(quantitative.bases, factors, strict=True)
        ),
    )


@dataclass(frozen=True, slots=True)
class Sensitivity:
    """How the probability moves when one input of one basis is halved and doubled."""

    basis: str
    input: str
    value: Decimal
    halved: Decimal
    """The probability over the period with this input halved."""
    doubled: Decimal
    """The probability over the period with this input doubled (capped at 1)."""

    @property
    def swing(self) -> Decimal:
        """How far the probability moves between the two."""
        return self.doubled - self.halved


def sensitivity(
    quantitative: Quantitative, neutralised: Collection[str] = ()
) -> tuple[Sensitivity, ...]:
    """One row per input of each basis, in file order."""
    base = [_factors(b, neutralised) for b in quantitative.bases]
    years = quantitative.period_years
    rows: list[Sensitivity] = []
    for i, basis in enumerate(quantitative.bases):
        for j, name in enumerate(INPUTS):
            value = base[i][j]

            def moved(factor: Decimal, i: int = i, j: int = j, value: Decimal = value) -> Decimal:
                changed = min(CONTEXT.multiply(value, factor), _ONE)
                factors = list(base)
                one = list(factors[i])
                one[j] = changed
                factors[i] = (one[0], one[1], one[2], one[3])
                return probability(factors, years)

            rows.append(Sensitivity(basis.basis, name, value, moved(_HALF), moved(_TWO)))
    return tuple(rows)


def dominating(rows: Sequence[Sensitivity]) -> Sensitivity | None:
    """The row whose input moves the probability most, or None when no input moves it."""
    best: Sensitivity | None = None
    for row in rows:
        if row.swing > _ZERO and (best is None or row.swing > best.swing):
            best = row
    return best


# --- steps and measures ---------------------------------------------------------------------


def can_neutralise(measure: SupplementaryMeasure, use_case: UseCase | None) -> bool:
    """Whether ``measure`` can neutralise a legal basis in this use case (EDPB Annex 2)."""
    return measure.kind == "technical" and use_case in EFFECTIVE_USE_CASES


@dataclass(frozen=True, slots=True)
class Claim:
    """A measure claimed against a basis it cannot neutralise for the flow's use case."""

    measure: int
    """The measure's index in ``supplementary``."""
    basis: str
    kind: str
    description: str


def applying_bases(tia: Tia) -> tuple[str, ...]:
    """The bases step 3 finds applying, in file order."""
    return tuple(b.basis for b in tia.law or () if b.applies is True)


def neutralised_bases(tia: Tia) -> frozenset[str]:
    """The bases an effective measure neutralises."""
    return frozenset(
        basis
        for measure in tia.supplementary or ()
        if can_neutralise(measure, tia.use_case)
        for basis in measure.neutralises
    )


def ineffective_claims(tia: Tia) -> tuple[Claim, ...]:
    """Every measure claimed against a basis it cannot neutralise for the use case."""
    return tuple(
        Claim(i, basis, measure.kind, measure.description)
        for i, measure in enumerate(tia.supplementary or ())
        if not can_neutralise(measure, tia.use_case)
        for basis in measure.neutralises
    )


def _step_one(flow: Flow) -> bool:
    """Step 1: the transfer is known (data, subjects, volume, frequency, where it goes)."""
    places = flow.destination is not None or flow.storage_locations or flow.access_locations
    return bool(
        flow.data_categories
        and flow.subject_categories
        and flow.subjects_count is not None
        and flow.frequency is not None
        and places
    )


def _step_three(tia: Tia, sheet: Collection[str] | None) -> bool:
    """Step 3: each basis assessed (applies or not, and why); every basis of the sheet when the
    destination has one."""
    if not tia.law:
        return False
    if any(b.applies is None or b.justification is None for b in tia.law):
        return False
    return sheet is None or set(sheet) <= {b.basis for b in tia.law}


def steps_completed(flow: Flow, sheet: Collection[str] | None = None) -> tuple[int, ...]:
    """The EDPB steps the flow and its TIA complete, in order; ``sheet`` is the basis ids of the
    destination's country sheet when there is one."""
    tia = flow.tia
    done = {
        1: _step_one(flow),
        2: flow.gdpr_mechanism is not None and flow.gdpr_mechanism != "none",
        3: _step_three(tia, sheet),
        4: tia.use_case is not None and tia.supplementary is not None,
        5: tia.procedural is not None,
        6: tia.review_by is not None,
    }
    return tuple(step for step, complete in done.items() if complete)
