"""Provides the result of scoring, schema ``compliance.result/v1``.

Every number is a :class:`~decimal.Decimal` written as a string in JSON, so that the same inputs
give byte-identical result files. Every lost point is attributed to a question (``lost``: the points
of the overall score out of 100 it costs), so a reader can trace each number to the answers behind
it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field, SerializationInfo, SerializerFunctionWrapHandler, model_serializer

from compliance.model.base import Frozen, ItemId, Refs, Text
from compliance.model.reference_set import ReferenceUsed
from compliance.model.tia import Probability

__all__ = [
    "RESULT_SCHEMA",
    "Cap",
    "ControlResult",
    "DomainResult",
    "FlowResult",
    "FlowStatus",
    "GateResult",
    "Overall",
    "QuestionResult",
    "QuestionStatus",
    "Reason",
    "RemediationItem",
    "Result",
    "TiaDominating",
    "TiaSummary",
]

RESULT_SCHEMA = "compliance.result/v1"

FlowStatus = Literal["blocked", "not_ready", "conditional", "ready"]
GateStatus = Literal[
    "blocked", "not_ready", "conditional", "ready", "not_applicable", "not_assessed"
]
QuestionStatus = Literal["answered", "na", "unanswered", "not_applicable", "informational"]


class QuestionResult(Frozen):
    """How one question scored."""

    id: ItemId
    status: QuestionStatus
    score: Decimal | None = None
    """From 0 to 1; None when the question does not count."""
    lost: Decimal = Decimal(0)
    """Points of the overall score (out of 100) this answer costs."""


class ControlResult(Frozen):
    """How one control scored."""

    id: ItemId
    domain: ItemId
    applicable: bool
    critical: bool
    score: Decimal | None = None
    """From 0 to 100, two decimals."""
    lost: Decimal = Decimal(0)
    questions: tuple[QuestionResult, ...] = ()


class DomainResult(Frozen):
    """How one domain scored."""

    id: ItemId
    score: Decimal | None = None
    coverage: Decimal
    lost: Decimal = Decimal(0)


class Cap(Frozen):
    """Why the rating was capped."""

    kind: Literal["critical_control", "blocked_flow"]
    id: ItemId
    rating: ItemId


class Overall(Frozen):
    """The headline: score, rating, coverage."""

    score: Decimal | None
    rating: ItemId
    band: ItemId
    """The band the score alone falls in, before caps."""
    coverage: Decimal
    incomplete: bool
    """True while coverage is below 100 %: the rating is provisional."""
    caps: tuple[Cap, ...] = ()


class Reason(Frozen):
    """One finding about a flow, with the articles it rests on.

    The engine words ``message`` in English, French and Arabic; the Arabic is for showing only
    and is never written out (``"ar": null`` as before), so that the result's bytes, which are
    signed and re-derived on verify, and ``score --json`` stay what they were (ADR 0026). A
    result read back from JSON therefore shows its findings in English where Arabic is asked.
    """

    code: str
    status: FlowStatus
    """How bad this finding alone is."""
    gate: Literal["gdpr", "morocco", "onward", "general"]
    message: Text
    refs: Refs = Field(default_factory=dict)

    @model_serializer(mode="wrap")
    def _message_without_arabic(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> Any:
        data = handler(self)
        message = data.get("message") if isinstance(data, dict) else None
        if isinstance(message, dict) and message.get("ar") is not None:
            if info.exclude_none:
                del message["ar"]
            else:
                message["ar"] = None
        return data


class GateResult(Frozen):
    """One of a flow's gates."""

    status: GateStatus
    checks: int = 0
    passed: int = 0


class TiaDominating(Frozen):
    """The input of the quantitative estimate that moves the probability most."""

    basis: ItemId
    input: Literal["p_target", "p_compel", "p_readable", "p_challenge_fails"]


class TiaSummary(Frozen):
    """What a flow's structured TIA comes to (only for a flow that has one)."""

    steps_completed: tuple[int, ...]
    """The EDPB steps (1 to 6) the flow and its TIA complete."""
    probability: Probability | None = None
    """Of at least one prohibited access over the period, where a quantitative estimate is given."""
    tolerance: Probability | None = None
    period_years: int | None = None
    dominating_input: TiaDominating | None = None


class FlowResult(Frozen):
    """The transfer readiness of one flow."""

    id: ItemId
    name: str
    status: FlowStatus
    score: Decimal
    regime: str
    gdpr: GateResult
    morocco: GateResult
    reasons: tuple[Reason, ...] = ()
    onward: tuple[ItemId, ...] = ()
    tia: TiaSummary | None = None
    """Only for a flow with a structured TIA; the key is left out otherwise, so that results of
    flows without one keep their bytes (ADR 0017)."""

    @model_serializer(mode="wrap")
    def _without_absent_tia(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if isinstance(data, dict) and data.get("tia", 0) is None:
            del data["tia"]
        return data


class RemediationItem(Frozen):
    """A gap to close, ordered by impact."""

    control: ItemId
    domain: ItemId
    critical: bool
    caps_rating: bool
    impact: Decimal
    """Points of the overall score recovered by closing the gap."""
    score: Decimal | None
    title: Text
    remediation: Text
    evidence: tuple[Text, ...] = ()
    refs: Refs = Field(default_factory=dict)
    questions: tuple[ItemId, ...] = ()


class QuestionnaireStamp(Frozen):
    """Which questionnaire the result was computed with."""

    id: str
    version: str
    digest: str


class Result(Frozen):
    """Everything the engine concludes from one assessment."""

    schema_id: Literal["compliance.result/v1"] = Field(
        default="compliance.result/v1", alias="schema"
    )
    engine: str
    questionnaire: QuestionnaireStamp
    reference: ReferenceUsed | None = None
    """The reference set the flows were judged with (None: the questionnaire embeds its lists)."""
    as_of: dt.date
    overall: Overall
    domains: tuple[DomainResult, ...]
    controls: tuple[ControlResult, ...]
    flows: tuple[FlowResult, ...] = ()
    remediation: tuple[RemediationItem, ...] = ()
