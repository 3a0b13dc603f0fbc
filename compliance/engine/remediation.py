"""Provides the remediation plan: every gap, critical ones first, then by the points they cost."""

from __future__ import annotations

from decimal import Decimal

from compliance.model.questionnaire import Control, Questionnaire
from compliance.model.result import ControlResult, RemediationItem

__all__ = ["remediation_plan"]


def remediation_plan(
    questionnaire: Questionnaire, controls: list[ControlResult], capped: set[str]
) -> tuple[RemediationItem, ...]:
    """One item per applicable control that lost points, ordered by what closing it is worth."""
    by_id: dict[str, Control] = {c.id: c for d in questionnaire.domains for c in d.controls}
    items: list[RemediationItem] = []
    for result in controls:
        below_full = result.score is not None and result.score < Decimal(100)
        if not result.applicable or not (result.lost > 0 or below_full):
            continue
        control = by_id[result.id]
        items.append(
            RemediationItem(
                control=control.id,
                domain=result.domain,
                critical=control.critical,
                caps_rating=control.id in capped,
                impact=result.lost,
                score=result.score,
                title=control.title,
                remediation=control.remediation,
                evidence=control.evidence,
                refs=control.refs,
                questions=tuple(q.id for q in result.questions if q.lost > 0),
            )
        )
    items.sort(key=lambda i: (not i.caps_rating, not i.critical, -i.impact, i.control))
    return tuple(items)
