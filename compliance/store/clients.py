"""Provides clients (the organisations a workspace holds): create, rename, list, delete.

Deleting a client needs the admin role and the client's name typed again. It is complete: its
assessments, answers, flows, evidence, reports and the values of its audit entries go in one
transaction; the audit entries themselves (who did what, when) stay, being append-only, and one
more records the deletion. On SQLite, ``secure_delete`` zeroes the freed space and a WAL
checkpoint then moves the erasure into the database file, so the data does not linger on disk.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, func, select, update

from compliance.errors import WorkspaceConflict, WorkspaceError
from compliance.store import audit
from compliance.store.listing import Client, client_from_row
from compliance.store.schema import (
    answers,
    assessments,
    audit_values,
    clients,
    evidence,
    flows,
    reports,
)
from compliance.store.values import clean_name, now
from compliance.store.workspace import Workspace

__all__ = [
    "Client",
    "client_revision",
    "create_client",
    "delete_client",
    "find_client",
    "get_client",
    "list_clients",
    "rename_client",
]


def _name(name: str) -> str:
    try:
        return clean_name(name, "client name")
    except ValueError as error:
        raise WorkspaceError(f"{error}; give the organisation's name") from None


def _require(connection: Connection, client_id: int, where: str) -> Any:
    row = connection.execute(select(clients).where(clients.c.id == client_id)).first()
    if row is None:
        raise WorkspaceError(f"there is no client {client_id} in the workspace {where}")
    return row


def _check_free(connection: Connection, name: str, where: str) -> None:
    taken = connection.execute(select(clients.c.id).where(clients.c.name == name)).first()
    if taken is not None:
        raise WorkspaceError(
            f"a client named {name!r} already exists in the workspace {where} (id {taken.id})"
        )


def create_client(workspace: Workspace, name: str) -> int:
    """Adds a client and returns its id."""
    name = _name(name)
    with workspace.write() as connection:
        return insert_client(connection, name, workspace.actor, workspace.where)


def insert_client(connection: Connection, name: str, actor: str, where: str) -> int:
    """Adds a client inside the caller's transaction and returns its id."""
    _check_free(connection, name, where)
    stamp = now()
    client_id = int(
        connection.execute(
            clients.insert().returning(clients.c.id).values(name=name, created=stamp, updated=stamp)
        ).scalar_one()
    )
    audit.append(
        connection,
        actor=actor,
        action="client.create",
        target=f"client:{client_id}",
        client_id=client_id,
        new={"name": name},
    )
    return client_id


def _check_revision(connection: Connection, row: Any, based_on: int | None) -> None:
    if based_on is None or based_on == row.revision:
        return
    who, when = audit.last_change_of(connection, None, f"client:{row.id}")
    raise WorkspaceConflict(
        f"the client {row.name!r}",
        actor=who,
        at=when,
        theirs={"name": row.name},
        revision=int(row.revision),
    )


def client_revision(workspace: Workspace, client_id: int) -> int:
    """The client's revision now (what a rename or deletion is based on)."""
    with workspace.read() as connection:
        return int(_require(connection, client_id, workspace.where).revision)


def client_id_for(connection: Connection, name: str, actor: str) -> tuple[int, bool]:
    """The id of the client named ``name``, created when missing, and whether it was created;
    safe when several programs create it at once (inside the caller's transaction)."""
    from sqlalchemy.dialects import postgresql, sqlite

    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    stamp = now()
    created = connection.execute(
        dialect.insert(clients)
        .values(name=name, created=stamp, updated=stamp)
        .on_conflict_do_nothing(index_elements=["name"])
        .returning(clients.c.id)
    ).first()
    if created is None:
        found = connection.execute(select(clients.c.id).where(clients.c.name == name)).scalar_one()
        return int(found), False
    client_id = int(created.id)
    audit.append(
        connection,
        actor=actor,
        action="client.create",
        target=f"client:{client_id}",
        client_id=client_id,
        new={"name": name},
    )
    return client_id, True


def rename_client(
    workspace: Workspace, client_id: int, name: str, *, based_on: int | None = None
) -> None:
    """Renames a client (``based_on``: the client revision the caller read)."""
    name = _name(name)
    with workspace.write() as connection:
        row = _require(connection, client_id, workspace.where)
        _check_revision(connection, row, based_on)
        if row.name == name:
            return
        _check_free(connection, name, workspace.where)
        connection.execute(
            update(clients)
            .where(clients.c.id == client_id)
            .values(name=name, updated=now(), revision=clients.c.revision + 1)
        )
        audit.append(
            connection,
            actor=workspace.actor,
            action="client.rename",
            target=f"client:{client_id}",
            client_id=client_id,
            old={"name": row.name},
            new={"name": name},
        )


def _listing(where_clause: Any = None) -> Any:
    ranked = select(
        assessments.c.client_id,
        assessments.c.id,
        assessments.c.score,
        assessments.c.rating,
        assessments.c.revision,
        assessments.c.scored_revision,
        func.row_number()
        .over(
            partition_by=assessments.c.client_id,
            order_by=(assessments.c.cycle.desc(), assessments.c.id.desc()),
        )
        .label("rank"),
        func.count().over(partition_by=assessments.c.client_id).label("total"),
    ).subquery()
    query = (
        select(
            clients,
            ranked.c.id.label("latest"),
            ranked.c.score,
            ranked.c.rating,
            ranked.c.revision.label("latest_revision"),
            ranked.c.scored_revision,
            ranked.c.total,
        )
        .select_from(
            clients.outerjoin(ranked, (ranked.c.client_id == clients.c.id) & (ranked.c.rank == 1))
        )
        .order_by(clients.c.name, clients.c.id)
    )
    return query if where_clause is None else query.where(where_clause)


def _client(row: Any) -> Client:
    return client_from_row(
        (
            row.id,
            row.name,
            row.created,
            row.updated,
            row.latest,
            row.score,
            row.rating,
            row.latest_revision,
            row.scored_revision,
            row.total,
        )
    )


def list_clients(workspace: Workspace) -> list[Client]:
    """Every client, by name, with its latest assessment's score."""
    with workspace.read() as connection:
        return [_client(row) for row in connection.execute(_listing())]


def get_client(workspace: Workspace, client_id: int) -> Client:
    """The client with this id; raises :class:`WorkspaceError` when there is none."""
    with workspace.read() as connection:
        row = connection.execute(_listing(clients.c.id == client_id)).first()
    if row is None:
        raise WorkspaceError(f"there is no client {client_id} in the workspace {workspace.where}")
    return _client(row)


def find_client(workspace: Workspace, name: str) -> Client | None:
    """The client with exactly this name (after NFC normalisation), if any."""
    name = _name(name)
    with workspace.read() as connection:
        row = connection.execute(_listing(clients.c.name == name)).first()
    return None if row is None else _client(row)


def delete_client(
    workspace: Workspace, client_id: int, *, confirm: str, based_on: int | None = None
) -> None:
    """Deletes a client and everything of it but its audit history (admins only).

    ``confirm`` must be the client's name as typed by the person deleting (after NFC
    normalisation and stripping); ``based_on`` the client revision they saw.
    """
    with workspace.write(needs="admin") as connection:
        row = _require(connection, client_id, workspace.where)
        _check_revision(connection, row, based_on)
        try:
            typed = clean_name(confirm, "confirmation")
        except ValueError:
            typed = ""
        if typed != row.name:
            raise WorkspaceError(
                f"the name typed does not match the client {row.name!r}; nothing was deleted"
            )
        ids = select(assessments.c.id).where(assessments.c.client_id == client_id)
        count = len(connection.execute(ids).all())
        for table in (answers, evidence, flows, reports):
            connection.execute(delete(table).where(table.c.assessment_id.in_(ids)))
        connection.execute(delete(audit_values).where(audit_values.c.client_id == client_id))
        connection.execute(delete(assessments).where(assessments.c.client_id == client_id))
        connection.execute(delete(clients).where(clients.c.id == client_id))
        audit.append(
            connection,
            actor=workspace.actor,
            action="client.delete",
            target=f"client:{client_id}",
            client_id=client_id,
            new={"assessments": count},
        )
    if workspace.dialect == "sqlite":
        # Move the zeroed pages into the database file and empty the WAL, so that the old page
        # images do not survive in it.
        raw = workspace.engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.close()
        finally:
            raw.close()
