"""Provides assessments in the workspace: create, duplicate for a new cycle, list, load, status.

An assessment row holds the questionnaire it answers (id, version, digest), its status and cycle,
the organisation and profile; answers, flows and evidence have their own tables so that each
change is one small transaction and two people editing different answers never overwrite each
other. :func:`load_assessment` rebuilds the engine's
:class:`~compliance.model.assessment.Assessment`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal, get_args

from sqlalchemy import Connection, select, update

from compliance.errors import WorkspaceError
from compliance.model.assessment import Assessment, Assessor, Organisation
from compliance.store import audit
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


def insert_assessment(
    connection: Connection,
    client_id: int,
    assessment: Assessment,
    *,
    actor: str,
    cycle: int = 1,
    status: Status = "draft",
    action: str = "assessment.create",
) -> int:
    """Stores a whole assessment inside the caller's transaction and returns its id."""
    data = assessment.model_dump(mode="json", exclude_none=True, by_alias=True)
    stamp = now()
    ref = assessment.questionnaire
    assessment_id = int(
        connection.execute(
            assessments.insert()
            .returning(assessments.c.id)
            .values(
                client_id=client_id,
                questionnaire_id=ref.id,
                questionnaire_version=ref.version,
                questionnaire_digest=ref.digest,
                status=status,
                cycle=cycle,
                as_of=None if assessment.as_of is None else assessment.as_of.isoformat(),
                organisation=to_json(data["organisation"]),
                assessor=to_json(data["assessor"]) if "assessor" in data else None,
                profile=to_json(data.get("profile", {})),
                revision=1,
                created=stamp,
                updated=stamp,
            )
        ).scalar_one()
    )
    answer_rows = []
    evidence_rows = []
    for question_id, answer in data.get("answers", {}).items():
        answer_rows.append(
            {
                "assessment_id": assessment_id,
                "question_id": question_id,
                "value": to_json(answer["value"]),
                "comment": answer.get("comment"),
                "answered_by": answer.get("answered_by"),
                "answered_at": answer.get("answered_at"),
                "updated": stamp,
            }
        )
        for position, item in enumerate(answer.get("evidence", ())):
            evidence_rows.append(
                {
                    "assessment_id": assessment_id,
                    "question_id": question_id,
                    "position": position,
                    "path": item["path"],
                    "sha256": item["sha256"],
                    "note": item.get("note"),
                    "content": None,
                }
            )
    flow_rows = [
        {
            "assessment_id": assessment_id,
            "flow_id": flow["id"],
            "position": position,
            "data": to_json(flow),
            "updated": stamp,
        }
        for position, flow in enumerate(data.get("flows", ()))
    ]
    for table, rows in ((answers, answer_rows), (evidence, evidence_rows), (flows, flow_rows)):
        if rows:
            connection.execute(table.insert(), rows)
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
            "answers": len(answer_rows),
            "flows": len(flow_rows),
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
        source = _load(connection, row)
        if as_of is not None:
            source = source.model_copy(update={"as_of": as_of})
        last = connection.execute(
            select(assessments.c.cycle)
            .where(assessments.c.client_id == row.client_id)
            .order_by(assessments.c.cycle.desc())
            .limit(1)
        ).scalar_one()
        new_id = insert_assessment(
            connection,
            row.client_id,
            source,
            actor=workspace.actor,
            cycle=int(last) + 1,
            action="assessment.duplicate",
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
    """Moves an assessment to ``draft``, ``in_review`` or ``final``."""
    if status not in STATUSES:
        raise WorkspaceError(f"{status!r} is not a status; use one of {', '.join(STATUSES)}")
    with workspace.write() as connection:
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
    workspace: Workspace, assessment_id: int, question_id: str, value: Any
) -> None:
    """Answers (or, with None, clears) a profile question, in one transaction."""
    with workspace.write() as connection:
        row = require_assessment(connection, assessment_id, workspace.where)
        profile = dict(from_json(row.profile))
        old = profile.get(question_id)
        if value is None:
            profile.pop(question_id, None)
        else:
            profile[question_id] = value
        data = _load(connection, row).model_dump(by_alias=True, exclude_none=True)
        data["profile"] = profile
        checked = Assessment.model_validate(data)  # raises on a malformed value
        profile = checked.model_dump(mode="json", by_alias=True)["profile"]
        stamp = now()
        connection.execute(
            update(assessments)
            .where(assessments.c.id == assessment_id)
            .values(profile=to_json(profile), revision=assessments.c.revision + 1, updated=stamp)
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


def _load(connection: Connection, row: Any) -> Assessment:
    attached: dict[str, list[dict[str, Any]]] = {}
    for item in connection.execute(
        select(evidence.c.question_id, evidence.c.path, evidence.c.sha256, evidence.c.note)
        .where(evidence.c.assessment_id == row.id)
        .order_by(evidence.c.question_id, evidence.c.position, evidence.c.id)
    ):
        entry = {"path": item.path, "sha256": item.sha256}
        if item.note is not None:
            entry["note"] = item.note
        attached.setdefault(item.question_id, []).append(entry)
    answer_data: dict[str, dict[str, Any]] = {}
    for item in connection.execute(
        select(answers).where(answers.c.assessment_id == row.id).order_by(answers.c.question_id)
    ):
        answer: dict[str, Any] = {"value": from_json(item.value)}
        for key in ("comment", "answered_by", "answered_at"):
            if getattr(item, key) is not None:
                answer[key] = getattr(item, key)
        if item.question_id in attached:
            answer["evidence"] = attached[item.question_id]
        answer_data[item.question_id] = answer
    flow_data = [
        from_json(item.data)
        for item in connection.execute(
            select(flows.c.data)
            .where(flows.c.assessment_id == row.id)
            .order_by(flows.c.position, flows.c.flow_id)
        )
    ]
    questionnaire = {"id": row.questionnaire_id, "version": row.questionnaire_version}
    if row.questionnaire_digest is not None:
        questionnaire["digest"] = row.questionnaire_digest
    data: dict[str, Any] = {
        "questionnaire": questionnaire,
        "organisation": from_json(row.organisation),
        "profile": from_json(row.profile),
        "answers": answer_data,
        "flows": flow_data,
    }
    if row.as_of is not None:
        data["as_of"] = row.as_of
    if row.assessor is not None:
        data["assessor"] = from_json(row.assessor)
    return Assessment.model_validate(data)


def load_assessment(workspace: Workspace, assessment_id: int) -> Assessment:
    """The assessment as the engine's model, read in one consistent snapshot."""
    with workspace.read() as connection:
        row = connection.execute(
            select(assessments).where(assessments.c.id == assessment_id)
        ).first()
        if row is None:
            raise WorkspaceError(
                f"there is no assessment {assessment_id} in the workspace {workspace.where}"
            )
        return _load(connection, row)
