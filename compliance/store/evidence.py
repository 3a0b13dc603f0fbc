"""Provides evidence references: a file attached to an answer is hashed, and copied only if asked.

The reference (path, SHA-256, note) is what the assessment file carries; a copy, when asked for,
lives in the workspace so that a shared (PostgreSQL) workspace can hand it to another consultant.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, func, select, update

from compliance.errors import WorkspaceConflict, WorkspaceError
from compliance.store import audit
from compliance.store.assessments import require_assessment, touch
from compliance.store.hashing import hash_file, read_for_storage
from compliance.store.schema import answers, evidence
from compliance.store.values import from_json, now
from compliance.store.workspace import Workspace

__all__ = ["attach_evidence", "detach_evidence", "evidence_content"]


def _answer_changed(
    connection: Connection, assessment_id: int, question_id: str, based_on: int | None
) -> Any:
    """The answer row (locked); checks it is still at ``based_on`` and bumps its revision."""
    here = (answers.c.assessment_id == assessment_id) & (answers.c.question_id == question_id)
    row = connection.execute(select(answers).where(here).with_for_update()).first()
    if based_on is not None and based_on != (0 if row is None else row.revision):
        who, when = audit.last_change_of(connection, assessment_id, f"answer:{question_id}")
        raise WorkspaceConflict(
            f"the answer to {question_id}",
            actor=who,
            at=when,
            theirs=None if row is None else {"value": from_json(row.value)},
            revision=0 if row is None else int(row.revision),
        )
    if row is not None:
        connection.execute(update(answers).where(here).values(revision=row.revision + 1))
    return row


def attach_evidence(
    workspace: Workspace,
    assessment_id: int,
    question_id: str,
    path: Path | str,
    *,
    note: str | None = None,
    copy: bool = False,
    based_on: int | None = None,
) -> int:
    """Attaches a file to an existing answer and returns the evidence id.

    The file is hashed (SHA-256); with ``copy`` its bytes are stored in the workspace too.
    Evidence belongs to the answer: attaching bumps the answer's revision, and ``based_on`` is
    the answer revision the caller last read (a :class:`WorkspaceConflict` when it moved).
    """
    path = Path(path)
    content = read_for_storage(path) if copy else None
    sha256 = hashlib.sha256(content).hexdigest() if content is not None else hash_file(path)
    if note is not None and len(note) > 20_000:
        raise WorkspaceError("the evidence note is longer than 20,000 characters")
    with workspace.write() as connection:
        row = require_assessment(connection, assessment_id, workspace.where)
        answered = _answer_changed(connection, assessment_id, question_id, based_on)
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


def detach_evidence(workspace: Workspace, evidence_id: int, *, based_on: int | None = None) -> None:
    """Removes an evidence reference (and its stored copy); ``based_on`` as for attaching."""
    with workspace.write() as connection:
        item = connection.execute(select(evidence).where(evidence.c.id == evidence_id)).first()
        if item is None:
            raise WorkspaceError(f"there is no evidence {evidence_id} in the workspace")
        row = require_assessment(connection, item.assessment_id, workspace.where)
        _answer_changed(connection, item.assessment_id, item.question_id, based_on)
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
