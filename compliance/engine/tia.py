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
)

__all__ = [
    "CONTEXT",
    "QUANTUM",
    "Analysis",
    "Claim",
    "Estimate",
    "Sensitivity",
    "analyse",
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
    """``value`` within 0..1, quantised to :data:`QUANTUM`."""
    value = min(max(value, _ZERO), _ONE)
    return value.quantize(QUANTUM, rounding=ROUND_HALF_EVEN)


def yearly(factors: Factors) -> Decimal:
    """The yearly probability of a prohibited access through one basis: the four multiplied
    (exact: four inputs of at most 12 decimal places fit the context's 60 digits)."""
    product = _ONE
    for factor in factors:
        product = CONTEXT.multiply(product, factor)
    return product


def _power(value: Decimal, years: int) -> Decimal:
    """``value ** years`` by repeated squaring, each step rounded in :data:`CONTEXT`."""
    result = _ONE
    base = value
    while years > 0:
        if years & 1:
            result = CONTEXT.multiply(result, base)
        years >>= 1
        if years:
            base = CONTEXT.multiply(base, base)
    return result


def _survives(factors: Factors, years: int) -> Decimal:
    """The chance that no prohibited access through one basis happens in ``years`` years."""
    return _power(CONTEXT.subtract(_ONE, yearly(factors)), years)


def _total(prefix: Decimal, survives: Sequence[Decimal]) -> Decimal:
    product = prefix
    for one in survives:
        product = CONTEXT.multiply(product, one)
    return _quantised(CONTEXT.subtract(_ONE, product))


def probability(bases: Sequence[Factors], years: int) -> Decimal:
    """The probability of at least one prohibited access over ``years`` years, quantised.

    ``1 - prod (1 - p_basis) ** years``, the product taken in the bases' order; 0 for no basis
    or a period of 0 years.
    """
    return _total(_ONE, [_survives(factors, max(years, 0)) for factors in bases])


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


def _figure(
    year: Decimal,
    prefix: Decimal,
    after: Sequence[Decimal],
    years: int,
    memo: dict[Decimal, Decimal],
) -> Decimal:
    """The probability over the period with one basis's yearly figure set to ``year``: the bases
    before it survive with ``prefix``, those after with ``after``."""
    if year not in memo:
        survive = _power(CONTEXT.subtract(_ONE, year), years)
        memo[year] = _total(CONTEXT.multiply(prefix, survive), after)
    return memo[year]


def analyse(quantitative: Quantitative, neutralised: Collection[str] = ()) -> Analysis:
    """The estimate of ``quantitative`` and its sensitivity table (one row per input of each
    basis, in file order), the bases in ``neutralised`` made unreadable.

    Each figure is exactly what :func:`probability` gives for the changed inputs: the same
    operations in the same order. The yearly product is exact (at most 48 decimal places in a
    60-digit context), so halving any input halves it and doubling an input that stays within 1
    doubles it; an input capped at 1 gives the product of the other three. Each distinct yearly
    figure is compounded once.
    """
    base = [_factors(b, neutralised) for b in quantitative.bases]
    years = quantitative.period_years
    yearlies = [yearly(f) for f in base]
    survives = [_power(CONTEXT.subtract(_ONE, y), years) for y in yearlies]
    rows: list[Sensitivity] = []
    prefix = _ONE
    for i, basis in enumerate(quantitative.bases):
        after = survives[i + 1 :]
        memo: dict[Decimal, Decimal] = {}
        year = yearlies[i]
        halved = _figure(CONTEXT.multiply(year, _HALF), prefix, after, years, memo)
        for j, name in enumerate(INPUTS):
            value = base[i][j]
            if value <= _HALF:
                raised = CONTEXT.multiply(year, _TWO)
            else:
                capped = [_ONE if k == j else f for k, f in enumerate(base[i])]
                raised = yearly((capped[0], capped[1], capped[2], capped[3]))
            doubled = _figure(raised, prefix, after, years, memo)
            rows.append(Sensitivity(basis.basis, name, value, halved, doubled))
        prefix = CONTEXT.multiply(prefix, survives[i])
    result = Estimate(
        probability=_quantised(CONTEXT.subtract(_ONE, prefix)),
        tolerance=quantitative.tolerance,
        period_years=years,
        yearly=tuple(
            (b.basis, _quantised(y)) for b, y in zip(quantitative.bases, yearlies, strict=True)
        ),
    )
    return Analysis(result, tuple(rows))


def sensitivity(
    quantitative: Quantitative, neutralised: Collection[str] = ()
) -> tuple[Sensitivity, ...]:
    """One row per input of each basis, in file order (see :func:`analyse`)."""
    return analyse(quantitative, neutralised).rows


@dataclass(frozen=True, slots=True)
class Analysis:
    """An estimate with its sensitivity table."""

    estimate: Estimate
    rows: tuple[Sensitivity, ...]

    @property
    def dominating(self) -> Sensitivity | None:
        """The input that moves the probability most (see :func:`dominating`)."""
        return dominating(self.rows)


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
