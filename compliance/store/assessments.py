"""Provides assessments in the workspace: create, duplicate for a new cycle, list, load, status.

An assessment row holds the questionnaire it answers (id, version, digest), its status and cycle,
the organisation and profile; answers, flows and evidence have their own tables so that each
change is one small transaction and two people editing different answers never overwrite each
other. :func:`insert_assessment` and :func:`load_assessment` go through the one mapper of
:mod:`compliance.store.assessment_rows`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal, get_args

from sqlalchemy import ColumnElement, Connection, Table, func, select, update

from compliance.errors import WorkspaceConflict, WorkspaceError
from compliance.model.assessment import Assessment, Assessor, Organisation
from compliance.store import audit
from compliance.store.assessment_rows import (
    AnswerRow,
    AssessmentRow,
    AssessmentRows,
    EvidenceRow,
    FlowRow,
    R,
    columns,
    from_rows,
    read,
    to_rows,
    values,
)
from compliance.store.schema import answers, assessments, clients, evidence, flows
from compliance.store.values import from_json, now, to_json
from compliance.store.workspace import Workspace

__all__ = [
    "STATUSES",
    "AssessmentInfo",
    "Status",
    "create_assessment",
    "duplicate_assessment",
    "get_assessment",
    "insert_assessment",
    "list_assessments",
    "load_assessment",
    "next_cycle",
    "require_assessment",
    "set_profile_answer",
    "set_status",
    "touch",
]

Status = Literal["draft", "in_review", "final"]
STATUSES: tuple[str, ...] = get_args(Status)


@dataclass(frozen=True, slots=True)
class AssessmentInfo:
    """What listings show of an assessment."""

    id: int
    client_id: int
    client: str
    questionnaire_id: str
    questionnaire_version: str
    questionnaire_digest: str | None
    status: str
    cycle: int
    as_of: str | None
    created: str
    updated: str
    revision: int
    score: str | None
    """The cached score when it is up to date with the answers, else None."""
    rating: str | None

    @property
    def questionnaire(self) -> str:
        """``id version``, as listings print it."""
        return f"{self.questionnaire_id} {self.questionnaire_version}"


def require_assessment(connection: Connection, assessment_id: int, where: str) -> Any:
    """The assessment row (locked for update on PostgreSQL); raises when there is none."""
    query = select(assessments).where(assessments.c.id == assessment_id).with_for_update()
    row = connection.execute(query).first()
    if row is None:
        raise WorkspaceError(f"there is no assessment {assessment_id} in the workspace {where}")
    return row


def touch(connection: Connection, assessment_id: int, stamp: str) -> None:
    """Marks the assessment changed: a new revision (so its cached score is stale) and time."""
    connection.execute(
        update(assessments)
        .where(assessments.c.id == assessment_id)
        .values(revision=assessments.c.revision + 1, updated=stamp)
    )


def next_cycle(connection: Connection, client_id: int) -> int:
    """The client's next cycle number, the client row locked until the caller's transaction ends
    (on SQLite the write transaction already holds the only write lock); a unique index on
    (client, cycle) backs it."""
    connection.execute(select(clients.c.id).where(clients.c.id == client_id).with_for_update())
    last = connection.execute(
        select(func.max(assessments.c.cycle)).where(assessments.c.client_id == client_id)
    ).scalar()
    return 1 if last is None else int(last) + 1


def insert_assessment(
    connection: Connection,
    client_id: int,
    assessment: Assessment,
    *,
    actor: str,
    cycle: int | None = None,
    status: Status = "draft",
    action: str = "assessment.create",
) -> int:
    """Stores a whole assessment inside the caller's transaction and returns its id.

    ``cycle`` defaults to the client's next one (:func:`next_cycle`)."""
    if cycle is None:
        cycle = next_cycle(connection, client_id)
    rows = to_rows(assessment)
    stamp = now()
    assessment_id = int(
        connection.execute(
            assessments.insert()
            .returning(assessments.c.id)
            .values(
                **values(rows.assessment),
                client_id=client_id,
                status=status,
                cycle=cycle,
                revision=1,
                created=stamp,
                updated=stamp,
            )
        ).scalar_one()
    )
    owned = {"assessment_id": assessment_id}
    for table, items, extra in (
        (answers, rows.answers, {"updated": stamp}),
        (evidence, rows.evidence, {"content": None}),
        (flows, rows.flows, {"updated": stamp}),
    ):
        if items:
            connection.execute(table.insert(), [values(item) | owned | extra for item in items])
    ref = assessment.questionnaire
    audit.append(
        connection,
        actor=actor,
        action=action,
        target=f"assessment:{assessment_id}",
        client_id=client_id,
        assessment_id=assessment_id,
        new={
            "questionnaire": f"{ref.id} {ref.version}",
            "cycle": cycle,
            "answers": len(rows.answers),
            "flows": len(rows.flows),
        },
    )
    return assessment_id


def create_assessment(
    workspace: Workspace,
    client_id: int,
    questionnaire_id: str,
    *,
    version: str | None = None,
    organisation: Organisation | None = None,
    assessor: Assessor | None = None,
    as_of: dt.date | None = None,
) -> int:
    """Starts an empty assessment of an installed questionnaire (the newest unless ``version``).

    The organisation defaults to the client's name in Morocco, ``as_of`` to today.
    """
    from compliance.catalog import find

    entry = find(questionnaire_id, version)
    with workspace.write() as connection:
        client = connection.execute(select(clients).where(clients.c.id == client_id)).first()
        if client is None:
            raise WorkspaceError(
                f"there is no client {client_id} in the workspace {workspace.where}"
            )
        assessment = Assessment.model_validate(
            {
                "questionnaire": {
                    "id": entry.questionnaire.id,
                    "version": entry.questionnaire.version,
                    "digest": entry.digest,
                },
                "organisation": organisation or Organisation(name=client.name, country="MA"),
                "assessor": assessor,
                "as_of": as_of or dt.date.today(),
            }
        )
        return insert_assessment(connection, client_id, assessment, actor=workspace.actor)


def duplicate_assessment(
    workspace: Workspace, assessment_id: int, *, as_of: dt.date | None = None
) -> int:
    """Copies an assessment (answers, flows, evidence references) into the client's next cycle."""
    with workspace.write() as connection:
        row = require_assessment(connection, assessment_id, workspace.where)
        source = _loaded(connection, assessment_id, workspace.where)
        if as_of is not None:
            source = source.model_copy(update={"as_of": as_of})
        new_id = insert_assessment(
            connection, row.client_id, source, actor=workspace.actor, action="assessment.duplicate"
        )
        # Copied evidence keeps its stored content, which the model does not carry.
        stored = connection.execute(
            select(evidence.c.question_id, evidence.c.position, evidence.c.content).where(
                (evidence.c.assessment_id == assessment_id) & evidence.c.content.is_not(None)
            )
        ).all()
        for item in stored:
            connection.execute(
                update(evidence)
                .where(
                    (evidence.c.assessment_id == new_id)
                    & (evidence.c.question_id == item.question_id)
                    & (evidence.c.position == item.position)
                )
                .values(content=item.content)
            )
        return new_id


def set_status(workspace: Workspace, assessment_id: int, status: Status) -> None:
    """Moves an assessment to ``draft``, ``in_review`` or ``final`` (``final``: reviewers)."""
    if status not in STATUSES:
        raise WorkspaceError(f"{status!r} is not a status; use one of {', '.join(STATUSES)}")
    with workspace.write(needs="reviewer" if status == "final" else "editor") as connection:
        row = require_assessment(connection, assessment_id, workspace.where)
        if row.status == status:
            return
        connection.execute(
            update(assessments).where(assessments.c.id == assessment_id).values(status=status)
        )
        audit.append(
            connection,
            actor=workspace.actor,
            action="assessment.status",
            target=f"assessment:{assessment_id}",
            client_id=row.client_id,
            assessment_id=assessment_id,
            old=row.status,
            new=status,
        )


def set_profile_answer(
    workspace: Workspace,
    assessment_id: int,
    question_id: str,
    value: Any,
    *,
    based_on: int | None = None,
) -> int:
    """Answers (or, with None, clears) a profile question, in one transaction.

    ``based_on`` is the profile revision the caller last read; when the store holds another,
    nothing is written and :class:`WorkspaceConflict` carries the stored value. Returns the new
    profile revision.
    """
    with workspace.write() as connection:
        row = require_assessment(connection, assessment_id, workspace.where)
        profile = dict(from_json(row.profile))
        old = profile.get(question_id)
        if based_on is not None and based_on != row.profile_revision:
            who, when = audit.last_change_of(connection, assessment_id, f"profile:{question_id}")
            raise WorkspaceConflict(
                f"the profile of assessment {assessment_id}",
                actor=who,
                at=when,
                theirs=old,
                revision=int(row.profile_revision),
            )
        if value is None:
            profile.pop(question_id, None)
        else:
            profile[question_id] = value
        stored = _loaded(connection, assessment_id, workspace.where)
        data = stored.model_dump(by_alias=True, exclude_none=True)
        data["profile"] = profile
        checked = Assessment.model_validate(data)  # raises on a malformed value
        profile = checked.model_dump(mode="json", by_alias=True)["profile"]
        stamp = now()
        revision = int(row.profile_revision) + 1
        connection.execute(
            update(assessments)
            .where(assessments.c.id == assessment_id)
            .values(
                profile=to_json(profile),
                revision=assessments.c.revision + 1,
                profile_revision=revision,
                updated=stamp,
            )
        )
        audit.append(
            connection,
            actor=workspace.actor,
            action="profile.set" if value is not None else "profile.clear",
            target=f"profile:{question_id}",
            client_id=row.client_id,
            assessment_id=assessment_id,
            old=old,
            new=profile.get(question_id),
        )
        return revision


def _info(row: Any) -> AssessmentInfo:
    fresh = row.scored_revision is not None and row.scored_revision == row.revision
    return AssessmentInfo(
        id=row.id,
        client_id=row.client_id,
        client=row.client,
        questionnaire_id=row.questionnaire_id,
        questionnaire_version=row.questionnaire_version,
        questionnaire_digest=row.questionnaire_digest,
        status=row.status,
        cycle=row.cycle,
        as_of=row.as_of,
        created=row.created,
        updated=row.updated,
        revision=row.revision,
        score=row.score if fresh else None,
        rating=row.rating if fresh else None,
    )


def _info_query() -> Any:
    return (
        select(assessments, clients.c.name.label("client"))
        .select_from(assessments.join(clients, clients.c.id == assessments.c.client_id))
        .order_by(clients.c.name, assessments.c.cycle, assessments.c.id)
    )


def list_assessments(workspace: Workspace, client_id: int | None = None) -> list[AssessmentInfo]:
    """Every assessment (of one client when given), by client name then cycle."""
    query = _info_query()
    if client_id is not None:
        query = query.where(assessments.c.client_id == client_id)
    with workspace.read() as connection:
        return [_info(row) for row in connection.execute(query)]


def get_assessment(workspace: Workspace, assessment_id: int) -> AssessmentInfo:
    """The listing of one assessment; raises :class:`WorkspaceError` when there is none."""
    with workspace.read() as connection:
        row = connection.execute(_info_query().where(assessments.c.id == assessment_id)).first()
    if row is None:
        raise WorkspaceError(
            f"there is no assessment {assessment_id} in the workspace {workspace.where}"
        )
    return _info(row)


def _load(connection: Connection, assessment_id: int) -> Assessment | None:
    """The stored assessment through the one mapper, or None when there is none."""
    head = connection.execute(
        select(*columns(AssessmentRow, assessments)).where(assessments.c.id == assessment_id)
    ).first()
    if head is None:
        return None

    def rows(kind: type[R], table: Table, *order: ColumnElement[Any]) -> tuple[R, ...]:
        query = select(*columns(kind, table)).where(table.c.assessment_id == assessment_id)
        return tuple(
            read(kind, item._mapping) for item in connection.execute(query.order_by(*order))
        )

    return from_rows(
        AssessmentRows(
            assessment=read(AssessmentRow, head._mapping),
            answers=rows(AnswerRow, answers, answers.c.question_id),
            evidence=rows(
                EvidenceRow, evidence, evidence.c.question_id, evidence.c.position, evidence.c.id
            ),
            flows=rows(FlowRow, flows, flows.c.position, flows.c.flow_id),
        )
    )


def _loaded(connection: Connection, assessment_id: int, where: str) -> Assessment:
    loaded = _load(connection, assessment_id)
    if loaded is None:
        raise WorkspaceError(f"there is no assessment {assessment_id} in the workspace {where}")
    return loaded


def load_assessment(workspace: Workspace, assessment_id: int) -> Assessment:
    """The assessment as the engine's model, read in one consistent snapshot."""
    with workspace.read() as connection:
        return _loaded(connection, assessment_id, workspace.where)
