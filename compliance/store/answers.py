"""Provides answering and clearing questions: one durable transaction each, audited.

Each answer is its own row, so two people answering different questions of one assessment never
overwrite each other. The write reads the old answer (locked on PostgreSQL), stores the new one,
marks the assessment changed and appends the old → new pair to the audit log, all in one
transaction; when :func:`save_answer` returns, the answer is on disk.
"""

from __future__ import annotations

from typing import Any, Final

from pydantic import ValidationError
from sqlalchemy import Connection, delete, select

from compliance.errors import InvalidAssessment
from compliance.model.assessment import Answer
from compliance.model.questionnaire import Questionnaire
from compliance.store import audit
from compliance.store.assessments import require_assessment, touch
from compliance.store.schema import answers, evidence
from compliance.store.values import from_json, now, to_json
from compliance.store.workspace import Workspace

__all__ = ["KEEP", "clear_answer", "get_answer", "save_answer"]


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP: Final = _Keep()
"""Leave the comment as it is."""


def _upsert(connection: Connection, row: dict[str, Any]) -> None:
    keys = ("assessment_id", "question_id")
    changes = {k: v for k, v in row.items() if k not in keys}
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        connection.execute(
            pg_insert(answers).values(row).on_conflict_do_update(index_elements=keys, set_=changes)
        )
        return
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    connection.execute(
        sqlite_insert(answers).values(row).on_conflict_do_update(index_elements=keys, set_=changes)
    )


def _plain(row: Any) -> dict[str, Any] | None:
    if row is None:
        return None
    data: dict[str, Any] = {"value": from_json(row.value)}
    if row.comment is not None:
        data["comment"] = row.comment
    return data


def _check(questionnaire: Questionnaire | None, question_id: str, value: Any) -> None:
    if questionnaire is None:
        return
    from compliance.engine.validation import answer_problem

    question = questionnaire.questions_by_id.get(question_id)
    if question is None:
        raise InvalidAssessment(
            f"{question_id!r} is not a question of {questionnaire.id} {questionnaire.version}"
        )
    problem = answer_problem(question, value)
    if problem is not None:
        raise InvalidAssessment(problem)


def save_answer(
    workspace: Workspace,
    assessment_id: int,
    question_id: str,
    value: Any,
    *,
    comment: str | _Keep | None = KEEP,
    questionnaire: Questionnaire | None = None,
) -> None:
    """Answers a question (or changes its answer), durably, in one transaction.

    ``value`` is a bare answer (option id, list of ids, number, text, date, ``na``). The comment
    is kept unless given (None clears it). When ``questionnaire`` is given the value is checked
    against the question first, and a wrong one raises :class:`InvalidAssessment`.
    """
    stamp = now()
    try:
        answer = Answer.model_validate(
            {
                "value": value,
                "comment": None if isinstance(comment, _Keep) else comment,
                "answered_by": workspace.actor,
                "answered_at": stamp,
            }
        )
    except ValidationError as error:
        first = error.errors()[0]
        raise InvalidAssessment(
            f"cannot save the answer to {question_id!r}: {first['msg']}"
        ) from None
    _check(questionnaire, question_id, answer.value)
    dumped = answer.model_dump(mode="json")
    with workspace.write() as connection:
        row = require_assessment(connection, assessment_id, workspace.where)
        old = connection.execute(
            select(answers)
            .where(
                (answers.c.assessment_id == assessment_id) & (answers.c.question_id == question_id)
            )
            .with_for_update()
        ).first()
        new_comment = (
            (old.comment if old is not None else None) if isinstance(comment, _Keep) else comment
        )
        _upsert(
            connection,
            {
                "assessment_id": assessment_id,
                "question_id": question_id,
                "value": to_json(dumped["value"]),
                "comment": new_comment,
                "answered_by": workspace.actor,
                "answered_at": stamp,
                "updated": stamp,
            },
        )
        touch(connection, assessment_id, stamp)
        new: dict[str, Any] = {"value": dumped["value"]}
        if new_comment is not None:
            new["comment"] = new_comment
        audit.append(
            connection,
            actor=workspace.actor,
            action="answer.set",
            target=f"answer:{question_id}",
            client_id=row.client_id,
            assessment_id=assessment_id,
            old=_plain(old),
            new=new,
        )


def clear_answer(workspace: Workspace, assessment_id: int, question_id: str) -> bool:
    """Removes an answer and its evidence references; False when there was none."""
    with workspace.write() as connection:
        row = require_assessment(connection, assessment_id, workspace.where)
        where = (answers.c.assessment_id == assessment_id) & (answers.c.question_id == question_id)
        old = connection.execute(select(answers).where(where).with_for_update()).first()
        if old is None:
            return False
        connection.execute(delete(answers).where(where))
        connection.execute(
            delete(evidence).where(
                (evidence.c.assessment_id == assessment_id)
                & (evidence.c.question_id == question_id)
            )
        )
        stamp = now()
        touch(connection, assessment_id, stamp)
        audit.append(
            connection,
            actor=workspace.actor,
            action="answer.clear",
            target=f"answer:{question_id}",
            client_id=row.client_id,
            assessment_id=assessment_id,
            old=_plain(old),
        )
        return True


def get_answer(workspace: Workspace, assessment_id: int, question_id: str) -> Answer | None:
    """The stored answer to one question with its evidence (as :func:`load_assessment` gives
    it), if any."""
    here = (answers.c.assessment_id == assessment_id) & (answers.c.question_id == question_id)
    with workspace.read() as connection:
        row = connection.execute(select(answers).where(here)).first()
        if row is None:
            return None
        files = [
            {"path": item.path, "sha256": item.sha256}
            | ({} if item.note is None else {"note": item.note})
            for item in connection.execute(
                select(evidence.c.path, evidence.c.sha256, evidence.c.note)
                .where(
                    (evidence.c.assessment_id == assessment_id)
                    & (evidence.c.question_id == question_id)
                )
                .order_by(evidence.c.position, evidence.c.id)
            )
        ]
    return Answer.model_validate(
        {
            "value": from_json(row.value),
            "comment": row.comment,
            "evidence": files,
            "answered_by": row.answered_by,
            "answered_at": row.answered_at,
        }
    )
