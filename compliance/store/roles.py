"""Provides who may do what in a workspace: reader, editor, reviewer, admin.

Roles are rows of the ``roles`` table, checked by the store inside every write transaction, so the
command line and the terminal UI obey the same rules. Each role includes the ones before it:

- ``reader`` lists and reads everything;
- ``editor`` answers, comments, attaches evidence, edits flows, profiles and clients, imports;
- ``reviewer`` also decides on reviews, signs and marks assessments final;
- ``admin`` also deletes clients and grants roles.

A workspace with no role at all (a fresh one, or a single person's SQLite file) lets everyone do
everything; the first grant also makes the person granting an admin, so nobody locks themselves
out. Once roles exist, a login without one is a reader. On PostgreSQL, ``grant`` also grants the
matching database privileges (:mod:`compliance.store.grants`), so a reader's login cannot write even
with another program.
"""

from __future__ import annotations

from typing import Literal, get_args

from sqlalchemy import Connection, exists, select

from compliance.errors import WorkspaceDenied, WorkspaceError
from compliance.store.schema import roles

__all__ = ["ROLES", "Role", "allows", "current_role", "require"]

Role = Literal["reader", "editor", "reviewer", "admin"]
ROLES: tuple[Role, ...] = get_args(Role)

_WHAT = {
    "editor": "change answers, comments, evidence, flows, profiles or clients",
    "reviewer": "decide, sign or mark an assessment final",
    "admin": "delete clients or grant roles",
}


def allows(role: str, needed: str) -> bool:
    """Whether ``role`` includes ``needed``."""
    return ROLES.index(role) >= ROLES.index(needed)


def current_role(connection: Connection, login: str) -> Role:
    """The role of ``login`` (admin while the workspace has no roles; reader when not listed)."""
    row = connection.execute(
        select(
            select(roles.c.role).where(roles.c.login == login).scalar_subquery(),
            exists(select(roles.c.login)),
        )
    ).one()
    if not row[1]:
        return "admin"
    role = row[0]
    return role if role in ROLES else "reader"


def require(connection: Connection, login: str, needed: Role, where: str) -> None:
    """Raises :class:`WorkspaceDenied` unless ``login`` has ``needed`` (or a higher role)."""
    if needed == "reader":
        return
    role = current_role(connection, login)
    if not allows(role, needed):
        article = "an" if role[0] in "aeiou" else "a"
        raise WorkspaceDenied(
            f"{login} is {article} {role} in the workspace {where} "
            f"and cannot {_WHAT[needed]}; "
            f"an admin can give the {needed} role with: compliance workspace grant {login} {needed}"
        )


def check_role(role: str) -> Role:
    """``role`` if it is one, else a :class:`WorkspaceError` listing them."""
    if role not in ROLES:
        raise WorkspaceError(f"{role!r} is not a role; use one of {', '.join(ROLES)}")
    return role
