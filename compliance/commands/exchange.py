"""Provides ``compliance pack`` and ``compliance unpack``: XLSX answer packs for colleagues and
sub-processors (the ``xlsx`` extra)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from compliance.commands.output import print_json
from compliance.commands.workspace import _add_workspace
from compliance.errors import ExchangeError

__all__ = ["register"]


def register(commands: Any) -> None:
    """Adds ``pack`` and ``unpack`` to the command line."""
    pack = commands.add_parser(
        "pack",
        help="write an XLSX answer pack of an assessment's questions for someone to fill in",
        description=(
            "Writes the applicable questions of the chosen domains of an assessment as an XLSX "
            "workbook: one sheet per domain, help and articles beside each question, choices as "
            "drop-down lists, the current answers and comments filled in. Only the answer and "
            "comment columns can be edited. Read it back with 'compliance unpack'."
        ),
    )
    pack.add_argument("assessment_id", metavar="ASSESSMENT_ID", type=int)
    pack.add_argument(
        "--domain",
        dest="domains",
        metavar="DOMAIN",
        nargs="+",
        help="the domains to ask about, by id (default: every domain)",
    )
    pack.add_argument(
        "--lang",
        choices=("en", "fr"),
        default=argparse.SUPPRESS,
        help="language of the pack (default: en)",
    )
    pack.add_argument("-o", "--output", metavar="PACK.xlsx", required=True)
    _add_workspace(pack)
    pack.set_defaults(handler=_pack)

    unpack = commands.add_parser(
        "unpack",
        help="read an answer pack back into its assessment",
        description=(
            "Reads an answer pack made by 'compliance pack', checks every cell, and saves the "
            "answers and comments that were changed in one transaction. Every problem is listed "
            "as Sheet!Cell: message, and nothing is saved unless all cells are valid (or "
            "--partial). An answer changed in the workspace since the pack was made is reported "
            "as a conflict and kept. Exit 0 when every change was saved, 1 otherwise."
        ),
    )
    unpack.add_argument("file", metavar="PACK.xlsx")
    unpack.add_argument(
        "--into",
        metavar="ASSESSMENT_ID",
        type=int,
        help="the assessment to read it into (default: the one the pack was made from)",
    )
    unpack.add_argument(
        "--partial", action="store_true", help="save the valid rows even when others have problems"
    )
    unpack.add_argument("--json", action="store_true", help="print what was done as JSON")
    _add_workspace(unpack)
    unpack.set_defaults(handler=_unpack)


def _pack(args: argparse.Namespace) -> int:
    from compliance.exchange.pack import make_pack
    from compliance.exchange.workbook import require_openpyxl
    from compliance.files import write_atomically
    from compliance.store.workspace import open_workspace

    require_openpyxl()
    output = Path(args.output)
    lang = args.lang
    with open_workspace(args.workspace) as workspace:
        data, summary = make_pack(workspace, args.assessment_id, domains=args.domains, lang=lang)
    write_atomically(output, data)
    for name, count in summary.sheets:
        print(f"  {name}: {count} question{'s' * (count != 1)}")
    print(
        f"wrote {output}: {summary.questions} questions ({summary.answered} answered) of "
        f"assessment {args.assessment_id} in {len(summary.sheets)} sheet"
        f"{'s' * (len(summary.sheets) != 1)}, pack {summary.pack_id}"
    )
    return 0


def _shown(value: Any) -> str:
    if isinstance(value, tuple | list):
        return "[" + ", ".join(str(item) for item in value) + "]"
    return repr(value) if isinstance(value, str) else str(value)


def _unpack(args: argparse.Namespace) -> int:
    from compliance.exchange.unpack import apply_pack
    from compliance.store.workspace import open_workspace

    path = Path(args.file)
    try:
        with open_workspace(args.workspace) as workspace:
            report = apply_pack(workspace, path, into=args.into, partial=args.partial)
            if report.applied:
                from compliance.store.scores import refresh_scores

                refresh_scores(workspace, [report.assessment_id])
    except ExchangeError as error:
        if args.json and error.problems:
            print_json({"saved": [], "conflicts": [], "problems": list(error.problems)})
        else:
            for problem in error.problems:
                print(problem)
        raise
    if args.json:
        print_json(
            {
                "assessment": report.assessment_id,
                "saved": [{"cell": c.cell, "question": c.question_id} for c in report.applied],
                "conflicts": [
                    {"cell": c.cell, "question": c.question_id} for c in report.conflicts
                ],
                "problems": report.problems,
                "unchanged": report.unchanged,
            }
        )
    else:
        for change in report.applied:
            said = " with comment" if change.comment is not None else ""
            print(f"{change.cell}: {change.question_id} = {_shown(change.value)}{said}")
        for change in report.conflicts:
            print(
                f"{change.cell}: conflict: {change.question_id} was changed in the workspace "
                "since the pack was made; the workspace's answer was kept"
            )
        for problem in report.problems:
            print(f"{problem} (skipped)")
    conflicts = len(report.conflicts)
    skipped = len(report.problems)
    print(
        f"unpacked {path} into assessment {report.assessment_id}: {len(report.applied)} "
        f"saved, {conflicts} conflict{'s' * (conflicts != 1)}, {skipped} problem"
        f"{'s' * (skipped != 1)} skipped, {report.unchanged} unchanged",
        file=sys.stderr,
    )
    return 0 if not conflicts and not skipped else 1
