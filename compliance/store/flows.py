"""Provides the data flows of an assessment: add, replace, delete, each one audited transaction.

Each flow has a revision; an edit or deletion based on an old one is refused with
:class:`~compliance.errors.WorkspaceConflict` (nothing written).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, func, select, update

from compliance.errors import WorkspaceConflict, WorkspaceError
from compliance.model.assessment import Flow
from compliance.store import audit
from compliance.store.assessments import require_assessment, touch
from compliance.store.schema import flows
from compliance.store.values import from_json, now, to_json
from compliance.store.workspace import Workspace

__all__ = ["add_flow", "delete_flow", "replace_flow"]


def _data(flow: Flow) -> dict[str, object]:
    return flow.model_dump(mode="json", exclude_none=True, by_alias=True)


def _check(
    connection: Connection, assessment_id: int, flow_id: str, old: Any, based_on: int | None
) -> None:
    if based_on is None or based_on == (0 if old is None else old.revision):
        return
    who, when = audit.last_change_of(connection, assessment_id, f"flow:{flow_id}")
    raise WorkspaceConflict(
        f"the flow {flow_id}",
        actor=who,
        at=when,
        theirs=None if old is None else from_json(old.data),
        revision=0 if old is None else int(old.revision),
    )


def add_flow(workspace: Workspace, assessment_id: int, flow: Flow) -> int:
    """Adds a flow after the existing ones; its id must be new in the assessment. Returns its
    revision (1)."""
    data = _data(flow)
    with workspace.write() as connection:
        row = require_assessment(connection, assessment_id, workspace.where)
        key = (flows.c.assessment_id == assessment_id) & (flows.c.flow_id == flow.id)
        if connection.execute(select(flows.c.flow_id).where(key)).first() is not None:
            raise WorkspaceError(
                f"assessment {assessment_id} already has a flow {flow.id!r}; choose another id"
            )
        last = connection.execute(
            select(func.max(flows.c.position)).where(flows.c.assessment_id == assessment_id)
        ).scalar()
        stamp = now()
        connection.execute(
            flows.insert().values(
                assessment_id=assessment_id,
                flow_id=flow.id,
                position=0 if last is None else int(last) + 1,
                data=to_json(data),
                updated=stamp,
            )
        )
        touch(connection, assessment_id, stamp)
        audit.append(
            connection,
            actor=workspace.actor,
            action="flow.add",
            target=f"flow:{flow.id}",
            client_id=row.client_id,
            assessment_id=assessment_id,
            new=data,
        )
        return 1


def replace_flow(
    workspace: Workspace, assessment_id: int, flow: Flow, *, based_on: int | None = None
) -> int:
    """Replaces the flow with the same id (an edit), keeping its place; returns its revision.

    ``based_on``: the flow's revision the caller last read (None: whatever is stored)."""
    data = _data(flow)
    with workspace.write() as connection:
        row = require_assessment(connection, assessment_id, workspace.where)
        key = (flows.c.assessment_id == assessment_id) & (flows.c.flow_id == flow.id)
        old = connection.execute(
            select(flows.c.data, flows.c.revision).where(key).with_for_update()
        ).first()
        _check(connection, assessment_id, flow.id, old, based_on)
        if old is None:
            raise WorkspaceError(f"assessment {assessment_id} has no flow {flow.id!r}")
        stamp = now()
        revision = int(old.revision) + 1
        connection.execute(
            update(flows).where(key).values(data=to_json(data), updated=stamp, revision=revision)
        )
        touch(connection, assessment_id, stamp)
        audit.append(
            connection,
            actor=workspace.actor,
            action="flow.edit",
            target=f"flow:{flow.id}",
            client_id=row.client_id,
            assessment_id=assessment_id,
            old=from_json(old.data),
            new=data,
        )
        return revision


def delete_flow(
    workspace: Workspace, assessment_id: int, flow_id: str, *, based_on: int | None = None
) -> None:
    """Deletes a flow (``based_on`` as for :func:`replace_flow`)."""
    with workspace.write() as connection:
        row = require_assessment(connection, assessment_id, workspace.where)
        key = (flows.c.assessment_id == assessment_id) & (flows.c.flow_id == flow_id)
        old = connection.execute(
            select(flows.c.data, flows.c.revision).where(key).with_for_update()
        ).first()
        _check(connection, assessment_id, flow_id, old, based_on)
        if old is None:
            raise WorkspaceError(f"assessment {assessment_id} has no flow {flow_id!r}")
        connection.execute(delete(flows).where(key))
        touch(connection, assessment_id, now())
        audit.append(
            connection,
            actor=workspace.actor,
            action="flow.delete",
            target=f"flow:{flow_id}",
            client_id=row.client_id,
            assessment_id=assessment_id,
            old=from_json(old.data),
        )
