"""Provides evidence references: a file attached to an answer is hashed, and copied only if asked.

The reference (path, SHA-256, note) is what the assessment file carries; a copy, when asked for,
lives in the workspace so that a shared (PostgreSQL) workspace can hand it to another consultant.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import delete, func, select

from compliance.errors import WorkspaceError
from compliance.store import audit
from compliance.store.assessments import require_assessment, touch
from compliance.store.hashing import hash_file, read_for_storage
from compliance.store.schema import answers, evidence
from compliance.store.values import now
from compliance.store.workspace import Workspace

__all__ = ["attach_evidence", "detach_evidence", "evidence_content"]


def attach_evidence(
    workspace: Workspace,
    assessment_id: int,
    question_id: str,
    path: Path | str,
    *,
    note: str | None = None,
    copy: bool = False,
) -> int:
    """Attaches a file to an existing answer and returns the evidence id.

    The file is hashed (SHA-256); with ``copy`` its bytes are stored in the workspace too.
    """
    path = Path(path)
    content = read_for_storage(path) if copy else None
    sha256 = hashlib.sha256(content).hexdigest() if content is not None else hash_file(path)
    if note is not None and len(note) > 20_000:
        raise WorkspaceError("the evidence note is longer than 20,000 characters")
    with workspace.write() as connection:
        row = require_assessment(connection, assessment_id, workspace.where)
        answered = connection.execute(
            select(answers.c.question_id).where(
                (answers.c.assessment_id == assessment_id) & (answers.c.question_id == question_id)
            )
        ).first()
        if answered is None:
            raise WorkspaceError(
                f"question {question_id!r} of assessment {assessment_id} has no answer yet; "
                "answer it before attaching evidence"
            )
        last = connection.execute(
            select(func.max(evidence.c.position)).where(
                (evidence.c.assessment_id == assessment_id)
                & (evidence.c.question_id == question_id)
            )
        ).scalar()
        evidence_id = int(
            connection.execute(
                evidence.insert()
                .returning(evidence.c.id)
                .values(
                    assessment_id=assessment_id,
                    question_id=question_id,
                    position=0 if last is None else int(last) + 1,
                    path=str(path),
                    sha256=sha256,
                    note=note,
                    content=content,
                )
            ).scalar_one()
        )
        touch(connection, assessment_id, now())
        audit.append(
            connection,
            actor=workspace.actor,
            action="evidence.attach",
            target=f"answer:{question_id}",
            client_id=row.client_id,
            assessment_id=assessment_id,
            new={"evidence": {"path": str(path), "sha256": sha256, "copied": copy}},
        )
        return evidence_id


def detach_evidence(workspace: Workspace, evidence_id: int) -> None:
    """Removes an evidence reference (and its stored copy)."""
    with workspace.write() as connection:
        item = connection.execute(select(evidence).where(evidence.c.id == evidence_id)).first()
        if item is None:
            raise WorkspaceError(f"there is no evidence {evidence_id} in the workspace")
        row = require_assessment(connection, item.assessment_id, workspace.where)
        connection.execute(delete(evidence).where(evidence.c.id == evidence_id))
        touch(connection, item.assessment_id, now())
        audit.append(
            connection,
            actor=workspace.actor,
            action="evidence.detach",
            target=f"answer:{item.question_id}",
            client_id=row.client_id,
            assessment_id=item.assessment_id,
            old={"evidence": {"path": item.path, "sha256": item.sha256}},
        )


def evidence_content(workspace: Workspace, evidence_id: int) -> bytes | None:
    """The stored copy of an evidence file; None when it was attached without copying."""
    with workspace.read() as connection:
        item = connection.execute(
            select(evidence.c.content).where(evidence.c.id == evidence_id)
        ).first()
    if item is None:
        raise WorkspaceError(f"there is no evidence {evidence_id} in the workspace")
    return None if item.content is None else bytes(item.content)
