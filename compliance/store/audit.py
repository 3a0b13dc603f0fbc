"""Provides the append-only audit log: who changed what, when, from which value to which.

Every repository change appends its entry in the same transaction as the change, so the log and
the data never disagree. Entries are never edited nor deleted (a trigger refuses both, on SQLite and
PostgreSQL): deleting a client keeps its history. The old -> new values are the client's data, so
they live in ``audit_values`` and are erased with the client (see
:func:`compliance.store.clients.delete_client`); the entry then shows who did what, when, without
the values.

On PostgreSQL each entry also sends a ``NOTIFY`` on :data:`CHANNEL` (delivered at commit), so that
open screens learn of changes by others at once; :func:`last_change` is the cheap check that works
on both databases.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select, text

from compliance.store.schema import audit_log, audit_values
from compliance.store.values import from_json, now, to_json
from compliance.store.workspace import Workspace

__all__ = [
    "CHANNEL",
    "AuditEntry",
    "answer_history",
    "append",
    "append_many",
    "entries",
    "last_change",
    "last_change_of",
]

CHANNEL = "compliance_changes"
"""The PostgreSQL notification channel; the payload is ``client_id:assessment_id:target``."""


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
    """Appends an entry inside the caller's transaction (and, on PostgreSQL, a notification)."""
    entry_id = connection.execute(
        audit_log.insert()
        .returning(audit_log.c.id)
        .values(
            client_id=client_id,
            assessment_id=assessment_id,
            at=now(),
            actor=actor,
            action=action,
            target=target,
        )
    ).scalar_one()
    if old is not None or new is not None:
        connection.execute(
            audit_values.insert().values(
                entry_id=entry_id,
                client_id=client_id,
                old_value=None if old is None else to_json(old),
                new_value=None if new is None else to_json(new),
            )
        )
    if connection.dialect.name == "postgresql":
        payload = f"{client_id or ''}:{assessment_id or ''}:{target}"[:7000]
        connection.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": CHANNEL, "payload": payload},
        )


def append_many(connection: Connection, entries: list[dict[str, Any]]) -> None:
    """Appends several entries (each the keyword arguments of :func:`append`): one statement
    for the entries, one for their values, one notification."""
    if not entries:
        return
    stamp = now()
    ids = connection.execute(
        audit_log.insert().returning(audit_log.c.id, sort_by_parameter_order=True),
        [
            {
                "client_id": entry["client_id"],
                "assessment_id": entry.get("assessment_id"),
                "at": stamp,
                "actor": entry["actor"],
                "action": entry["action"],
                "target": entry["target"],
            }
            for entry in entries
        ],
    ).scalars()
    values = [
        {
            "entry_id": entry_id,
            "client_id": entry["client_id"],
            "old_value": None if entry.get("old") is None else to_json(entry["old"]),
            "new_value": None if entry.get("new") is None else to_json(entry["new"]),
        }
        for entry_id, entry in zip(ids, entries, strict=True)
        if entry.get("old") is not None or entry.get("new") is not None
    ]
    if values:
        connection.execute(audit_values.insert(), values)
    if connection.dialect.name == "postgresql":
        first = entries[0]
        payload = f"{first['client_id'] or ''}:{first.get('assessment_id') or ''}:batch"
        connection.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": CHANNEL, "payload": payload},
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
    query = (
        select(audit_log, audit_values.c.old_value, audit_values.c.new_value)
        .select_from(audit_log.outerjoin(audit_values, audit_values.c.entry_id == audit_log.c.id))
        .order_by(audit_log.c.id)
    )
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


def last_change(workspace: Workspace) -> int:
    """The id of the newest audit entry: it grows with every change anyone makes (one index
    lookup, cheap enough to poll every second)."""
    with workspace.read() as connection:
        return int(connection.execute(select(func.max(audit_log.c.id))).scalar() or 0)


def last_change_of(
    connection: Connection, assessment_id: int | None, target: str
) -> tuple[str | None, str | None]:
    """Who changed ``target`` last and when (inside the caller's transaction)."""
    query = select(audit_log.c.actor, audit_log.c.at).where(audit_log.c.target == target)
    if assessment_id is not None:
        query = query.where(audit_log.c.assessment_id == assessment_id)
    row = connection.execute(query.order_by(audit_log.c.id.desc()).limit(1)).first()
    return (None, None) if row is None else (row.actor, row.at)
