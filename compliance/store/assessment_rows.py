"""Provides the one mapping between an :class:`~compliance.model.assessment.Assessment` and the
rows that hold it: :func:`to_rows` and :func:`from_rows`, inverse of each other.

Each kind of row is a typed dataclass whose fields are named as the columns it fills, so the
same field list writes a row (:func:`values`) and reads it back (:func:`columns`, :func:`read`).
What the model defines is stored as canonical JSON: the organisation, the assessor, the profile,
each answer's value, and each flow as a whole document, so a new flow field needs no change here.
The rows carry no store bookkeeping (ids, stamps, revision, status, cycle): the repository adds
those.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Column, RowMapping, Table

from compliance.model.assessment import Assessment
from compliance.store.values import from_json, to_json

__all__ = [
    "CONSTANT_FIELDS",
    "NOT_STORED",
    "STORED_FIELDS",
    "AnswerRow",
    "AssessmentRow",
    "AssessmentRows",
    "EvidenceRow",
    "FlowRow",
    "columns",
    "from_rows",
    "read",
    "to_rows",
    "values",
]


STORED_FIELDS = (
    "questionnaire",
    "reference",
    "as_of",
    "organisation",
    "assessor",
    "profile",
    "answers",
    "flows",
)
"""The fields of :class:`Assessment` that the rows hold (a test checks every field is named in
one of these three tuples, so a new field cannot be dropped unseen)."""

CONSTANT_FIELDS = ("schema_id", "flow_schema")
"""Fields with one possible value, which need no storing."""

NOT_STORED: dict[str, str] = {}
"""Fields the workspace does not keep yet, each with why: they are lost on import."""


@dataclass(frozen=True, slots=True)
class AssessmentRow:
    """The model's part of a row of ``assessments``."""

    questionnaire_id: str
    questionnaire_version: str
    questionnaire_digest: str | None
    reference: str | None
    as_of: str | None
    organisation: str
    assessor: str | None
    profile: str


@dataclass(frozen=True, slots=True)
class AnswerRow:
    """The model's part of a row of ``answers``."""

    question_id: str
    value: str
    comment: str | None
    answered_by: str | None
    answered_at: str | None


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    """The model's part of a row of ``evidence`` (the stored content is not in the model)."""

    question_id: str
    position: int
    path: str
    sha256: str
    note: str | None


@dataclass(frozen=True, slots=True)
class FlowRow:
    """The model's part of a row of ``flows``: the flow as one JSON document."""

    flow_id: str
    position: int
    data: str


@dataclass(frozen=True, slots=True)
class AssessmentRows:
    """Every row of one assessment; answers by question id, evidence and flows in order."""

    assessment: AssessmentRow
    answers: tuple[AnswerRow, ...]
    evidence: tuple[EvidenceRow, ...]
    flows: tuple[FlowRow, ...]


Row = AssessmentRow | AnswerRow | EvidenceRow | FlowRow
R = TypeVar("R", AssessmentRow, AnswerRow, EvidenceRow, FlowRow)


def to_rows(assessment: Assessment) -> AssessmentRows:
    """The rows that hold ``assessment``."""
    data = assessment.model_dump(mode="json", exclude_none=True, by_alias=True)
    ref = assessment.questionnaire
    head = AssessmentRow(
        questionnaire_id=ref.id,
        questionnaire_version=ref.version,
        questionnaire_digest=ref.digest,
        reference=to_json(data["reference"]) if "reference" in data else None,
        as_of=data.get("as_of"),
        organisation=to_json(data["organisation"]),
        assessor=to_json(data["assessor"]) if "assessor" in data else None,
        profile=to_json(data.get("profile", {})),
    )
    answer_rows: list[AnswerRow] = []
    evidence_rows: list[EvidenceRow] = []
    for question_id, answer in data.get("answers", {}).items():
        answer_rows.append(
            AnswerRow(
                question_id=question_id,
                value=to_json(answer["value"]),
                comment=answer.get("comment"),
                answered_by=answer.get("answered_by"),
                answered_at=answer.get("answered_at"),
            )
        )
        evidence_rows.extend(
            EvidenceRow(
                question_id=question_id,
                position=position,
                path=item["path"],
                sha256=item["sha256"],
                note=item.get("note"),
            )
            for position, item in enumerate(answer.get("evidence", ()))
        )
    flow_rows = tuple(
        FlowRow(flow_id=flow["id"], position=position, data=to_json(flow))
        for position, flow in enumerate(data.get("flows", ()))
    )
    return AssessmentRows(head, tuple(answer_rows), tuple(evidence_rows), flow_rows)


def from_rows(rows: AssessmentRows) -> Assessment:
    """The assessment that ``rows`` hold (validated again, as anything read from a store)."""
    attached: dict[str, list[dict[str, Any]]] = {}
    for item in sorted(rows.evidence, key=lambda e: (e.question_id, e.position)):
        attached.setdefault(item.question_id, []).append(
            _present({"path": item.path, "sha256": item.sha256, "note": item.note})
        )
    answer_data: dict[str, dict[str, Any]] = {}
    for answer in rows.answers:
        entry = _present(
            {
                "value": from_json(answer.value),
                "comment": answer.comment,
                "answered_by": answer.answered_by,
                "answered_at": answer.answered_at,
                "evidence": attached.get(answer.question_id),
            }
        )
        answer_data[answer.question_id] = entry
    head = rows.assessment
    data = _present(
        {
            "questionnaire": _present(
                {
                    "id": head.questionnaire_id,
                    "version": head.questionnaire_version,
                    "digest": head.questionnaire_digest,
                }
            ),
            "reference": from_json(head.reference),
            "as_of": head.as_of,
            "organisation": from_json(head.organisation),
            "assessor": from_json(head.assessor),
            "profile": from_json(head.profile),
            "answers": answer_data,
            "flows": [
                from_json(flow.data) for flow in sorted(rows.flows, key=lambda f: f.position)
            ],
        }
    )
    return Assessment.model_validate(data)


def _present(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` without its None values (a missing field and a NULL column mean the same)."""
    return {key: value for key, value in data.items() if value is not None}


def values(row: Row) -> dict[str, Any]:
    """The row as column values to insert."""
    return {field.name: getattr(row, field.name) for field in dataclasses.fields(row)}


def columns(kind: type[Row], table: Table) -> list[Column[Any]]:
    """The columns of ``table`` that a row of ``kind`` reads, in its field order."""
    return [table.c[field.name] for field in dataclasses.fields(kind)]


def read(kind: type[R], mapping: RowMapping) -> R:
    """A row of ``kind`` from a result row's mapping (``row._mapping``)."""
    return kind(**{field.name: mapping[field.name] for field in dataclasses.fields(kind)})
