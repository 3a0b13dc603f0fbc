"""Provides the workspace commands: ``export``, ``import``, ``clients`` and ``assessments``.

Each takes ``--workspace PATH_OR_URL`` (default: ``COMPLIANCE_WORKSPACE``, else
``workspace.sqlite`` in the user data folder). A passphrase never comes from the command line: it
is read from ``--passphrase-file``, else ``COMPLIANCE_PASSPHRASE``, else asked at the terminal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compliance.commands.options import add_workspace
from compliance.commands.output import print_json
from compliance.commands.passphrase import PASSPHRASE_ENV, add_passphrase_file, read_passphrase
from compliance.errors import ComplianceError

if TYPE_CHECKING:
    from compliance.store.workspace import Workspace

__all__ = ["PASSPHRASE_ENV", "register"]


def register(commands: Any) -> None:
    """Adds ``export``, ``import``, ``clients`` and ``assessments`` to the command line."""
    export = commands.add_parser(
        "export",
        allow_abbrev=False,  # "--passphrase X" must not pass for --passphrase-file
        help="write an assessment of the workspace to a file",
        description=(
            "Writes one assessment as an assessment file (JSON, compliance.assessment/v1), "
            "optionally encrypted with a passphrase (Argon2id + AES-256-GCM; named FILE.cmpl, and "
            "a .cmpl name asks for encryption); or, with --format "
            "ciso-xlsx, its results as the audit workbook CISO Assistant imports (from the "
            "workspace or from an assessment file)."
        ),
    )
    export.add_argument(
        "assessment_id",
        metavar="ID|FILE",
        help="an assessment of the workspace, or (for ciso-xlsx) an assessment file",
    )
    export.add_argument(
        "--format",
        dest="fmt",
        choices=("json", "ciso-xlsx", "oscal"),
        default="json",
        help=(
            "json: the assessment file (default); ciso-xlsx: a CISO Assistant audit workbook; "
            "oscal: OSCAL assessment results (JSON)"
        ),
    )
    export.add_argument(
        "--key",
        metavar="KEY",
        help="with --format oscal: also write a detached DSSE signature (OUT.dsse.json) with "
        "this private key",
    )
    export.add_argument("-o", "--output", metavar="FILE", required=True, help="the file to write")
    export.add_argument(
        "--encrypt",
        action="store_true",
        help="encrypt with a passphrase, asked twice (the file is named .cmpl, not .json; "
        "import recognises it by its content)",
    )
    add_passphrase_file(export)
    add_workspace(export)
    export.set_defaults(handler=_export)

    imported = commands.add_parser(
        "import",
        allow_abbrev=False,  # "--passphrase X" must not pass for --passphrase-file
        help="read an assessment file into the workspace",
        description=(
            "Reads an assessment file (plain or encrypted), checks it against the installed "
            "questionnaire, and stores it under a client (created when missing). A bad file "
            "changes nothing."
        ),
    )
    imported.add_argument("file", metavar="FILE")
    imported.add_argument(
        "--client", metavar="NAME", help="the client to store it under (default: the organisation)"
    )
    add_passphrase_file(imported)
    add_workspace(imported)
    imported.set_defaults(handler=_import)

    listing = commands.add_parser("clients", help="list the clients of the workspace")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    add_workspace(listing)
    listing.set_defaults(handler=_clients)

    assessments = commands.add_parser("assessments", help="list the assessments of the workspace")
    assessments.add_argument("--json", action="store_true", help="print a JSON array")
    add_workspace(assessments)
    assessments.set_defaults(handler=_assessments)


def _open(args: argparse.Namespace) -> Workspace:
    from compliance.store.workspace import open_workspace

    return open_workspace(args.workspace)


def _export(args: argparse.Namespace) -> int:
    from compliance.workspace.transfer import ENCRYPTED_SUFFIX, check_output, export_file

    output = Path(args.output)
    check_output(output)  # before the passphrase is asked
    if args.fmt != "json":
        from compliance.commands.exchange import export_other

        return export_other(args, output)
    from compliance.commands.ids import MAX_ID, parse_id

    identifier = parse_id(args.assessment_id)
    if identifier is None:
        raise ComplianceError(
            f"{args.assessment_id[:40]!r} is not an assessment id of the workspace (a whole "
            f"number from 1 to {MAX_ID:,}); the json format exports from the workspace (an "
            "assessment file is already one)"
        )
    args.assessment_id = identifier
    encrypt = args.encrypt or output.suffix.lower() == ENCRYPTED_SUFFIX
    check_output(output, encrypted=encrypt)  # a misleading name, before the passphrase is asked
    passphrase = read_passphrase(args, confirm=True) if encrypt else None
    with _open(args) as workspace:
        export_file(workspace, args.assessment_id, output, passphrase)
    kind = "encrypted assessment" if passphrase is not None else "assessment"
    print(f"wrote {kind} {args.assessment_id} to {output}", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    from compliance.workspace.transfer import read_file, store

    path = Path(args.file)
    assessment = read_file(path, lambda: read_passphrase(args, confirm=False))
    with _open(args) as workspace:  # opened only once the file is known to be good
        imported = store(workspace, assessment, client=args.client)
    print(f"imported {path} as assessment {imported.assessment_id} of client {imported.client!r}")
    return 0


def _clients(args: argparse.Namespace) -> int:
    from compliance.workspace.listing import clients

    problems: dict[int, str] = {}
    with _open(args) as workspace:
        found = clients(workspace, problems=problems)
    if args.json:
        print_json(
            [
                {
                    "id": c.id,
                    "name": c.name,
                    "assessments": c.assessments,
                    "latest_assessment": c.latest_assessment,
                    "score": c.latest_score,
                    "rating": c.latest_rating,
                    "updated": c.updated,
                    "problem": _problem(problems, c.latest_assessment),
                }
                for c in found
            ]
        )
        return 0
    if not found:
        print("No clients in this workspace.")
        return 0
    for c in found:
        score = _shown_score(c.latest_score, c.latest_rating, problems, c.latest_assessment)
        print(f"{c.id:>5}  {c.name}  {c.assessments} assessment(s), latest score {score}")
    return 0


def _problem(problems: dict[int, str], assessment_id: int | None) -> str | None:
    problem = problems.get(assessment_id) if assessment_id is not None else None
    return None if problem is None else f"cannot be scored: {problem}"


def _shown_score(
    score: str | None, rating: str | None, problems: dict[int, str], assessment_id: int | None
) -> str:
    problem = _problem(problems, assessment_id)
    if problem is not None:
        return f"- ({problem})"
    return "-" if score is None else f"{score} ({rating})"


def _assessments(args: argparse.Namespace) -> int:
    from compliance.workspace.listing import assessments

    problems: dict[int, str] = {}
    with _open(args) as workspace:
        found = assessments(workspace, problems=problems)
    if args.json:
        print_json(
            [
                {
                    "id": a.id,
                    "client": a.client,
                    "client_id": a.client_id,
                    "questionnaire": a.questionnaire_id,
                    "version": a.questionnaire_version,
                    "cycle": a.cycle,
                    "status": a.status,
                    "as_of": a.as_of,
                    "updated": a.updated,
                    "score": a.score,
                    "rating": a.rating,
                    "problem": _problem(problems, a.id),
                }
                for a in found
            ]
        )
        return 0
    if not found:
        print("No assessments in this workspace.")
        return 0
    for a in found:
        score = _shown_score(a.score, a.rating, problems, a.id)
        print(
            f"{a.id:>5}  {a.client}  {a.questionnaire} cycle {a.cycle}  {a.status}  score {score}"
        )
    return 0
