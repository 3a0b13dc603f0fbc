"""Provides the append-only audit log: who changed what, when, from which value to which.

Every repository change appends its entry in the same transaction as the change, so the log and
the data never disagree. Entries are never edited; they are removed only with their client (see
:func:`compliance.store.clients.delete_client`), which leaves one tombstone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from compliance.store.schema import audit_log
from compliance.store.values import from_json, now, to_json
from compliance.store.workspace import Workspace

__all__ = ["AuditEntry", "answer_history", "append", "append_many", "entries"]


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One entry of the audit log; values are plain data (None when absent)."""

    id: int
    at: str
    actor: str
    action: str
    target: str
    client_id: int | None
    assessment_id: int | None
    old: Any
    new: Any


def append(
    connection: Connection,
    *,
    actor: str,
    action: str,
    target: str,
    client_id: int | None,
    assessment_id: int | None = None,
    old: Any = None,
    new: Any = None,
) -> None:
    """Appends an entry inside the caller's transaction."""
    connection.execute(
        audit_log.insert().values(
            client_id=client_id,
            assessment_id=assessment_id,
            at=now(),
            actor=actor,
            action=action,
            target=target,
            old_value=None if old is None else to_json(old),
            new_value=None if new is None else to_json(new),
        )
    )


def append_many(connection: Connection, entries: list[dict[str, Any]]) -> None:
    """Appends several entries (each the keyword arguments of :func:`append`) in one statement."""
    stamp = now()
    connection.execute(
        audit_log.insert(),
        [
            {
                "client_id": entry["client_id"],
                "assessment_id": entry.get("assessment_id"),
                "at": stamp,
                "actor": entry["actor"],
                "action": entry["action"],
                "target": entry["target"],
                "old_value": None if entry.get("old") is None else to_json(entry["old"]),
                "new_value": None if entry.get("new") is None else to_json(entry["new"]),
            }
            for entry in entries
        ],
    )


def _entry(row: Any) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        at=row.at,
        actor=row.actor,
        action=row.action,
        target=row.target,
        client_id=row.client_id,
        assessment_id=row.assessment_id,
        old=from_json(row.old_value),
        new=from_json(row.new_value),
    )


def entries(
    workspace: Workspace,
    *,
    client_id: int | None = None,
    assessment_id: int | None = None,
    target: str | None = None,
) -> list[AuditEntry]:
    """The entries matching every filter given, oldest first."""
    query = select(audit_log).order_by(audit_log.c.id)
    if client_id is not None:
        query = query.where(audit_log.c.client_id == client_id)
    if assessment_id is not None:
        query = query.where(audit_log.c.assessment_id == assessment_id)
    if target is not None:
        query = query.where(audit_log.c.target == target)
    with workspace.read() as connection:
        return [_entry(row) for row in connection.execute(query)]


def answer_history(workspace: Workspace, assessment_id: int, question_id: str) -> list[AuditEntry]:
    """Every change to one answer, oldest first (``old``/``new``: the answer as plain data)."""
    return entries(workspace, assessment_id=assessment_id, target=f"answer:{question_id}")
