"""Provides the revisions an open screen bases its writes on, read in one snapshot.

A screen that shows an assessment keeps these next to what it shows; each write passes the
revision of the item it changes as ``based_on``, and a write refused with
:class:`~compliance.errors.WorkspaceConflict` means someone else changed that item first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from compliance.errors import WorkspaceError
from compliance.store.schema import answers, assessments, flows
from compliance.store.workspace import Workspace

__all__ = ["Revisions", "revisions"]


@dataclass(frozen=True, slots=True)
class Revisions:
    """The revision of every item of one assessment (an unanswered question has none: 0)."""

    assessment: int
    """Bumped by any change of the assessment: unchanged means nothing to re-read."""
    profile: int
    answers: dict[str, int] = field(default_factory=dict)
    flows: dict[str, int] = field(default_factory=dict)


def revisions(workspace: Workspace, assessment_id: int) -> Revisions:
    """The revisions of an assessment and of each of its answers and flows."""
    with workspace.read() as connection:
        row = connection.execute(
            select(assessments.c.revision, assessments.c.profile_revision).where(
                assessments.c.id == assessment_id
            )
        ).first()
        if row is None:
            raise WorkspaceError(
                f"there is no assessment {assessment_id} in the workspace {workspace.where}"
            )
        answer_rows = connection.execute(
            select(answers.c.question_id, answers.c.revision).where(
                answers.c.assessment_id == assessment_id
            )
        ).all()
        flow_rows = connection.execute(
            select(flows.c.flow_id, flows.c.revision).where(flows.c.assessment_id == assessment_id)
        ).all()
    return Revisions(
        assessment=int(row.revision),
        profile=int(row.profile_revision),
        answers={r.question_id: int(r.revision) for r in answer_rows},
        flows={r.flow_id: int(r.revision) for r in flow_rows},
    )
