"""Provides ``workspace grant USER ROLE``, ``workspace roles`` and ``audit``.

``grant`` gives a login a role (reader, editor, reviewer, admin) in the workspace and, on
PostgreSQL, the matching database privileges; ``roles`` lists them; ``audit`` prints the
append-only audit log (of one client with ``--client N``), oldest first, or as JSON.
"""

from __future__ import annotations

import argparse
import sys

from compliance.commands.ids import record_id
from compliance.commands.output import print_json

__all__ = ["register"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds the sub-commands."""
    workspace = commands.add_parser("workspace", help="manage who may do what in the workspace")
    actions = workspace.add_subparsers(title="commands", metavar="COMMAND", required=True)
    grant = actions.add_parser(
        "grant",
        help="give a login a role: reader, editor, reviewer or admin (admins only)",
        description=(
            "Gives USER a role in the workspace. reader: lists and reads; editor: also answers, "
            "comments, evidence, flows, clients, imports; reviewer: also decides and signs; "
            "admin: also deletes clients and grants roles. On PostgreSQL USER is a database "
            "login (create it first: CREATE ROLE name LOGIN PASSWORD '...') and its privileges "
            "are set to match; on SQLite it is the user name people work under "
            "(COMPLIANCE_USER)."
        ),
    )
    grant.add_argument("user", metavar="USER")
    grant.add_argument("role", metavar="ROLE", choices=("reader", "editor", "reviewer", "admin"))
    grant.set_defaults(handler=_grant)
    listing = actions.add_parser("roles", help="list the logins that have a role")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(handler=_roles)

    audit = commands.add_parser(
        "audit", help="print the audit log (who changed what, when), oldest first"
    )
    audit.add_argument("--client", type=record_id, metavar="N", help="only the entries of client N")
    audit.add_argument("--json", action="store_true", help="print a JSON array")
    audit.set_defaults(handler=_audit)


def _grant(args: argparse.Namespace) -> int:
    from compliance.store.grants import grant_role
    from compliance.store.workspace import open_workspace

    with open_workspace(args.workspace) as workspace:
        grant_role(workspace, args.user, args.role)
        where = workspace.where
    print(f"{args.user} is now {args.role} in the workspace {where}", file=sys.stderr)
    return 0


def _roles(args: argparse.Namespace) -> int:
    from compliance.store.grants import list_roles
    from compliance.store.workspace import open_workspace

    with open_workspace(args.workspace) as workspace:
        found = list_roles(workspace)
    if args.json:
        keys = ("login", "role", "granted_by", "granted_at")
        print_json([dict(zip(keys, row, strict=True)) for row in found])
        return 0
    if not found:
        print("No roles: everyone who can open this workspace may do everything.")
    for login, role, by, at in found:
        print(f"{login}  {role}  (granted by {by} at {at[:19]})")
    return 0


def _audit(args: argparse.Namespace) -> int:
    from compliance.store.audit import entries
    from compliance.store.workspace import open_workspace

    with open_workspace(args.workspace) as workspace:
        found = entries(workspace, client_id=args.client)
    if args.json:
        print_json(
            [
                {
                    "id": e.id,
                    "at": e.at,
                    "actor": e.actor,
                    "action": e.action,
                    "target": e.target,
                    "client_id": e.client_id,
                    "assessment_id": e.assessment_id,
                    "old": e.old,
                    "new": e.new,
                }
                for e in found
            ]
        )
        return 0
    if not found:
        print("No audit entries.")
    for e in found:
        where = "" if e.assessment_id is None else f" assessment {e.assessment_id}"
        print(f"{e.at[:19]}  {e.actor}  {e.action}  {e.target}{where}")
    return 0
