"""Provides granting roles: the ``roles`` row and, on PostgreSQL, the database privileges.

``compliance workspace grant USER ROLE`` records the role (checked by the store on every write)
and, on PostgreSQL, makes the login's table privileges match it, so that a reader's login cannot
write even with another program: readers may only SELECT; editors may also change answers,
evidence, flows, reports, clients and assessments and append to the audit log; reviewers may also
record reviews; admins may also delete clients and grant roles. Nobody is granted UPDATE or DELETE
on ``audit_log`` (and a trigger refuses both anyway). The login itself is created by the database
owner (see the README: ``CREATE ROLE name LOGIN PASSWORD '...'``).
"""

from __future__ import annotations

from sqlalchemy import Connection, select, text, update

from compliance.errors import WorkspaceError
from compliance.store import audit
from compliance.store.roles import ROLES, Role, check_role
from compliance.store.schema import roles
from compliance.store.values import clean_name, now
from compliance.store.workspace import Workspace

__all__ = ["PRIVILEGES", "grant_role", "list_roles"]

PRIVILEGES: dict[Role, tuple[str, ...]] = {
    "reader": ("SELECT ON ALL TABLES IN SCHEMA public",),
    "editor": (
        "INSERT, UPDATE, DELETE ON answers, evidence, flows, reports",
        "INSERT, UPDATE ON clients, assessments",
        "INSERT ON audit_log, audit_values",
        "USAGE ON ALL SEQUENCES IN SCHEMA public",
    ),
    "reviewer": ("INSERT, UPDATE ON review_submissions, review_decisions",),
    "admin": (
        "DELETE ON clients, assessments, audit_values, review_submissions, review_decisions",
        "INSERT, UPDATE, DELETE ON roles",
    ),
}
"""What each role adds to the one before it, as PostgreSQL GRANT clauses."""


def _postgres_grants(connection: Connection, login: str, role: Role) -> None:
    known = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :login AND rolcanlogin"), {"login": login}
    ).first()
    if known is None:
        raise WorkspaceError(
            f"there is no database login {login!r}; the database owner creates it first, e.g. "
            f"CREATE ROLE \"{login}\" LOGIN PASSWORD '...'"
        )
    owner = connection.execute(
        text(
            "SELECT 1 FROM pg_roles r WHERE r.rolname = :login AND (r.rolsuper OR r.rolname = "
            "(SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log' LIMIT 1))"
        ),
        {"login": login},
    ).first()
    if owner is not None:
        return  # the owner keeps the owner's privileges (it runs the migrations)
    who = connection.dialect.identifier_preparer.quote(login)
    database = connection.dialect.identifier_preparer.quote(
        str(connection.execute(text("SELECT current_database()")).scalar_one())
    )
    statements = [
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {who}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {who}",
        f"GRANT CONNECT ON DATABASE {database} TO {who}",
        f"GRANT USAGE ON SCHEMA public TO {who}",
    ]
    for level in ROLES[: ROLES.index(role) + 1]:
        statements += [f"GRANT {clause} TO {who}" for clause in PRIVILEGES[level]]
    for statement in statements:
        connection.execute(text(statement))


def grant_role(workspace: Workspace, login: str, role: str) -> None:
    """Gives ``login`` the ``role`` (admins only; the first grant also makes the granter admin)."""
    checked = check_role(role)
    try:
        login = clean_name(login, "login")
    except ValueError as error:
        raise WorkspaceError(str(error)) from None
    stamp = now()
    with workspace.write(needs="admin") as connection:
        first = connection.execute(select(roles.c.login).limit(1)).first() is None
        wanted = {login: checked}
        if first and login != workspace.actor:
            wanted[workspace.actor] = "admin"  # nobody locks themselves out
        for who, what in wanted.items():
            old = connection.execute(select(roles.c.role).where(roles.c.login == who)).scalar()
            values = {"role": what, "granted_by": workspace.actor, "granted_at": stamp}
            if old is None:
                connection.execute(roles.insert().values(login=who, **values))
            else:
                connection.execute(update(roles).where(roles.c.login == who).values(**values))
            if connection.dialect.name == "postgresql":
                _postgres_grants(connection, who, what)
            audit.append(
                connection,
                actor=workspace.actor,
                action="role.grant",
                target=f"role:{who}",
                client_id=None,
                old=old,
                new=what,
            )


def list_roles(workspace: Workspace) -> list[tuple[str, str, str, str]]:
    """``(login, role, granted_by, granted_at)`` of every login with a role, by login."""
    with workspace.read() as connection:
        rows = connection.execute(select(roles).order_by(roles.c.login)).all()
    return [(r.login, r.role, r.granted_by, r.granted_at) for r in rows]
