"""Provides ``compliance migrate FILE|ID --to VERSION``: an assessment moved to a newer version.

``FILE`` is an assessment file; the migrated assessment is written to ``-o OUT`` (default: beside
it, named after the new version; an existing file is never overwritten). ``ID`` is an assessment
of the workspace; the migrated assessment becomes the client's next cycle, or is written to ``-o
OUT`` when given (the workspace is then left as it is). ``--dry-run`` prints the report and writes
nothing. The report lists the questions added, removed and changed, every answer that could not
be carried as it was, and the score, rating and flow statuses before and after.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compliance.errors import ComplianceError, UsageError

if TYPE_CHECKING:
    from compliance.migrate import MigrationReport
    from compliance.model.assessment import Assessment
    from compliance.model.questionnaire import Questionnaire

__all__ = ["register"]


def register(commands: Any) -> None:
    """Adds ``migrate`` to the command line."""
    parser = commands.add_parser(
        "migrate",
        help="move an assessment to a newer version of its questionnaire",
        description=(
            "Carries an assessment (a file, or the id of an assessment of the workspace) over "
            "to a newer version of its questionnaire. Answers are carried by question id; an "
            "answer that no longer fits is kept in the question's comment and listed; the "
            "report ends with the score, rating and flow statuses before and after. A file is "
            "written to -o OUT (default: beside it, named after the version); a workspace "
            "assessment becomes the client's next cycle unless -o is given."
        ),
    )
    parser.add_argument(
        "source", metavar="FILE|ID", help="an assessment file, or an assessment id of the workspace"
    )
    parser.add_argument(
        "--to", dest="version", metavar="VERSION", required=True, help="the version to move to"
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="the assessment file to write")
    parser.add_argument(
        "--dry-run", action="store_true", help="print the report only; write nothing"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--workspace",
        metavar="PATH_OR_URL",
        help=(
            "for an ID: a SQLite file or a postgresql:// URL (default: $COMPLIANCE_WORKSPACE, "
            "else workspace.sqlite in the user data folder)"
        ),
    )
    parser.set_defaults(handler=_migrate)


def _is_id(source: str) -> bool:
    return source.isdigit() and not Path(source).exists()


def _target(questionnaire: Questionnaire, version: str) -> Questionnaire:
    from compliance.catalog import find
    from compliance.migrate import MigrationError, check_direction

    try:
        entry = find(questionnaire.id, version)
    except ComplianceError as error:
        raise MigrationError(f"cannot migrate to {version}: {error}") from None
    check_direction(questionnaire, entry.questionnaire)
    return entry.questionnaire


def _migrate(args: argparse.Namespace) -> int:
    from compliance.migrate import migrate

    output = None if args.output is None else Path(args.output)
    if output is not None and args.dry_run:
        raise UsageError("--dry-run writes nothing: leave out -o, or drop --dry-run")
    if _is_id(args.source):
        return _migrate_stored(args, int(args.source), output)
    from compliance.catalog import load_assessment

    path = Path(args.source)
    assessment, old = load_assessment(path)
    new = _target(old, args.version)
    report = migrate(assessment, old, new)
    if output is None and not args.dry_run:
        output = path.with_name(f"{path.stem}-{new.version}.json")
        if output.exists():
            raise ComplianceError(
                f"{output} already exists; give another file with -o OUT to write the "
                "migrated assessment"
            )
    _print(report, args.json)
    if output is not None:
        _write(output, report.migrated)
    return 0


def _migrate_stored(args: argparse.Namespace, assessment_id: int, output: Path | None) -> int:
    from compliance.store.workspace import open_workspace
    from compliance.workspace import migration

    with open_workspace(args.workspace) as workspace:
        if args.dry_run or output is not None:
            report = migration.preview(workspace, assessment_id, args.version)
            _print(report, args.json)
            if output is not None:
                _write(output, report.migrated)
            return 0
        new_id, report = migration.new_cycle_on(workspace, assessment_id, args.version)
        _print(report, args.json)
        from compliance.store.assessments import get_assessment

        info = get_assessment(workspace, new_id)
    print(
        f"stored the migrated assessment as {new_id} (cycle {info.cycle} of client "
        f"{info.client!r}); assessment {assessment_id} is unchanged",
        file=sys.stderr,
    )
    return 0


def _print(report: MigrationReport, as_json: bool) -> None:
    if as_json:
        from compliance.commands.output import print_json

        print_json(report.as_dict())
        return
    for line in report.lines():
        print(line)


def _write(output: Path, assessment: Assessment) -> None:
    from compliance.files import write_atomically
    from compliance.store.transfer import assessment_bytes

    if output.is_dir():
        raise ComplianceError(f"{output} is a folder; give the file to write")
    if not output.parent.is_dir():
        raise ComplianceError(f"the folder of {output} does not exist; create it or choose another")
    write_atomically(output, assessment_bytes(assessment))
    print(f"wrote the migrated assessment to {output}", file=sys.stderr)
