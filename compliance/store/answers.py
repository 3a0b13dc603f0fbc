"""Provides answering and clearing questions: one durable transaction each, audited.

Each answer is its own row, so two people answering different questions of one assessment never
overwrite each other; each row has a revision, and a write based on an old one is refused with
:class:`~compliance.errors.WorkspaceConflict` (optimistic concurrency), so two people answering the
same question never overwrite each other unseen either. The write reads the old answer (locked
on PostgreSQL), stores the new one, marks the assessment changed and appends the old → new pair
to the audit log, all in one transaction; when :func:`save_answer` returns, the answer is on disk.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from pydantic import ValidationError
from sqlalchemy import Connection, delete, select, update

from compliance.errors import InvalidAssessment, WorkspaceConflict, WorkspaceError
from compliance.model.assessment import NA, Answer
from compliance.model.questionnaire import Questionnaire
from compliance.store import audit
from compliance.store.assessments import require_assessment, touch
from compliance.store.audit import last_change_of
from compliance.store.schema import answers, evidence
from compliance.store.values import from_json, now, to_json
from compliance.store.workspace import Workspace

__all__ = [
    "KEEP",
    "AnswerWrite",
    "answer_versions",
    "clear_answer",
    "get_answer",
    "save_answer",
    "save_answers",
]


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP: Final = _Keep()
"""Leave the comment as it is."""


def _upsert(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Inserts or replaces answer rows (one statement, executed for each row)."""
    keys = ("assessment_id", "question_id")
    names = [k for k in rows[0] if k not in keys]
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        pg = pg_insert(answers)
        upsert: Any = pg.on_conflict_do_update(
            index_elements=keys, set_={k: pg.excluded[k] for k in names}
        )
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        lite = sqlite_insert(answers)
        upsert = lite.on_conflict_do_update(
            index_elements=keys, set_={k: lite.excluded[k] for k in names}
        )
    connection.execute(upsert, rows)


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


def _answer(workspace: Workspace, question_id: str, value: Any, comment: Any, stamp: str) -> Answer:
    try:
        return Answer.model_validate(
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


def _change(
    *,
    workspace: Workspace,
    row: Any,
    question_id: str,
    answer: Answer,
    comment: str | _Keep | None,
    stamp: str,
    old: Any,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The answer row to write and its audit entry (``old``: the row it replaces)."""
    dumped = answer.model_dump(mode="json")
    new_comment = (
        (old.comment if old is not None else None) if isinstance(comment, _Keep) else comment
    )
    new: dict[str, Any] = {"value": dumped["value"]}
    if new_comment is not None:
        new["comment"] = new_comment
    return (
        {
            "assessment_id": row.id,
            "question_id": question_id,
            "value": to_json(dumped["value"]),
            "comment": new_comment,
            "answered_by": workspace.actor,
            "answered_at": stamp,
            "updated": stamp,
            "revision": 1 if old is None else int(old.revision) + 1,
        },
        {
            "actor": workspace.actor,
            "action": "answer.set",
            "target": f"answer:{question_id}",
            "client_id": row.client_id,
            "assessment_id": row.id,
            "old": _plain(old),
            "new": new,
        },
    )


def _old(connection: Connection, assessment_id: int, question_id: str) -> Any:
    return connection.execute(
        select(answers)
        .where((answers.c.assessment_id == assessment_id) & (answers.c.question_id == question_id))
        .with_for_update()
    ).first()


def _theirs_conflict(
    connection: Connection, assessment_id: int, question_id: str, current: Any
) -> WorkspaceConflict:
    target = f"answer:{question_id}"
    who, when = last_change_of(connection, assessment_id, target)
    return WorkspaceConflict(
        f"the answer to {question_id}",
        actor=who,
        at=when,
        theirs=_plain(current),
        revision=0 if current is None else int(current.revision),
    )


def save_answer(
    workspace: Workspace,
    assessment_id: int,
    question_id: str,
    value: Any = KEEP,
    *,
    comment: str | _Keep | None = KEEP,
    questionnaire: Questionnaire | None = None,
    based_on: int | None = None,
) -> int:
    """Answers a question, or changes its value or comment, durably, in one transaction.

    ``value`` is a bare answer (option id, list of ids, number, text, date, ``na``), or
    :data:`KEEP` to change only the comment; ``comment`` is kept unless given (None clears it).
    Only what is given is written: a comment save never re-sends the value. ``based_on`` is the
    answer's revision the caller last read (0: it had no answer); when the store holds another,
    nothing is written and :class:`WorkspaceConflict` says who changed it, when, and to what.
    None writes whatever the store holds (imports, scripts). When ``questionnaire`` is given the
    value is checked against the question first, and a wrong one raises
    :class:`InvalidAssessment`. Returns the answer's new revision.
    """
    stamp = now()
    keep_value = isinstance(value, _Keep)
    answer = _answer(workspace, question_id, NA if keep_value else value, comment, stamp)
    if not keep_value:
        _check(questionnaire, question_id, answer.value)
    dumped = answer.model_dump(mode="json")
    here = (answers.c.assessment_id == assessment_id) & (answers.c.question_id == question_id)
    with workspace.write() as connection:
        row = require_assessment(connection, assessment_id, workspace.where)
        old = connection.execute(select(answers).where(here).with_for_update()).first()
        if based_on is not None and based_on != (0 if old is None else old.revision):
            raise _theirs_conflict(connection, assessment_id, question_id, old)
        changes: dict[str, Any] = {"updated": stamp}
        if not keep_value:
            changes |= {
                "value": to_json(dumped["value"]),
                "answered_by": workspace.actor,
                "answered_at": stamp,
            }
        if not isinstance(comment, _Keep):
            changes["comment"] = dumped["comment"]
        if old is None:
            if keep_value:
                raise WorkspaceError(
                    f"question {question_id!r} of assessment {assessment_id} has no answer yet; "
                    "answer it before writing a comment"
                )
            revision = 1
            connection.execute(
                answers.insert().values(
                    assessment_id=assessment_id, question_id=question_id, revision=1, **changes
                )
            )
        else:
            revision = int(old.revision) + 1
            connection.execute(update(answers).where(here).values(revision=revision, **changes))
        touch(connection, assessment_id, stamp)
        before: dict[str, Any] = {} if old is None else {"value": old.value, "comment": old.comment}
        new: dict[str, Any] = {"value": from_json(changes.get("value", before.get("value")))}
        new_comment = changes.get("comment", before.get("comment"))
        if new_comment is not None:
            new["comment"] = new_comment
        audit.append(
            connection,
            actor=workspace.actor,
            action="answer.set" if not keep_value else "answer.comment",
            target=f"answer:{question_id}",
            client_id=row.client_id,
            assessment_id=assessment_id,
            old=_plain(old),
            new=new,
        )
        return revision


@dataclass(frozen=True, slots=True)
class AnswerWrite:
    """One answer of a batch for :func:`save_answers`.

    ``expect`` is the version (:func:`answer_versions`) the writer last saw: the write is skipped
    as a conflict when the stored answer has moved on since (``""``: there was no answer).
    """

    question_id: str
    value: Any
    comment: str | _Keep | None = KEEP
    expect: str | None = None


def save_answers(
    workspace: Workspace,
    assessment_id: int,
    writes: Sequence[AnswerWrite],
    *,
    questionnaire: Questionnaire | None = None,
) -> list[str]:
    """Saves several answers in ONE durable transaction, each audited as by :func:`save_answer`.

    Every value is checked before anything is written; a wrong one raises
    :class:`InvalidAssessment` and nothing is saved. Returns the question ids skipped as
    conflicts (their stored version was not the ``expect`` given).
    """
    stamp = now()
    checked = []
    for write in writes:
        answer = _answer(workspace, write.question_id, write.value, write.comment, stamp)
        _check(questionnaire, write.question_id, answer.value)
        checked.append((write, answer))
    conflicts: list[str] = []
    with workspace.write() as connection:
        row = require_assessment(connection, assessment_id, workspace.where)
        ids = [write.question_id for write, _ in checked]
        olds: dict[str, Any] = {}
        for start in range(0, len(ids), 500):
            query = (
                select(answers)
                .where(
                    (answers.c.assessment_id == assessment_id)
                    & answers.c.question_id.in_(ids[start : start + 500])
                )
                .with_for_update()
            )
            olds.update((item.question_id, item) for item in connection.execute(query))
        rows: list[dict[str, Any]] = []
        entries: list[dict[str, Any]] = []
        for write, answer in checked:
            old = olds.get(write.question_id)
            if write.expect is not None and _version(old) != write.expect:
                conflicts.append(write.question_id)
                continue
            written, entry = _change(
                workspace=workspace,
                row=row,
                question_id=write.question_id,
                answer=answer,
                comment=write.comment,
                stamp=stamp,
                old=old,
            )
            rows.append(written)
            entries.append(entry)
        if rows:
            _upsert(connection, rows)
            touch(connection, assessment_id, stamp)
            audit.append_many(connection, entries)
    return conflicts


def _version(row: Any) -> str:
    return "" if row is None else str(row.revision)


def answer_versions(workspace: Workspace, assessment_id: int) -> dict[str, str]:
    """The version of every stored answer of an assessment, by question id.

    A version changes whenever the answer or its comment is written; compare it with the one
    seen earlier to tell whether someone changed the answer since. (It is the answer's revision,
    as text: the ``based_on`` of :func:`save_answer`.)
    """
    with workspace.read() as connection:
        return {
            item.question_id: _version(item)
            for item in connection.execute(
                select(answers.c.question_id, answers.c.revision).where(
                    answers.c.assessment_id == assessment_id
                )
            )
        }


def clear_answer(
    workspace: Workspace, assessment_id: int, question_id: str, *, based_on: int | None = None
) -> bool:
    """Removes an answer and its evidence references; False when there was none.

    ``based_on`` as for :func:`save_answer`."""
    with workspace.write() as connection:
        row = require_assessment(connection, assessment_id, workspace.where)
        where = (answers.c.assessment_id == assessment_id) & (answers.c.question_id == question_id)
        old = connection.execute(select(answers).where(where).with_for_update()).first()
        if based_on is not None and based_on != (0 if old is None else old.revision):
            raise _theirs_conflict(connection, assessment_id, question_id, old)
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
