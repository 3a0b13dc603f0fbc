"""Provides ``compliance report FILE``: an assessment's report as HTML, Markdown or PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

__all__ = ["register"]


def register(commands: Any) -> None:
    """Adds ``report`` to the command line."""
    parser = commands.add_parser(
        "report",
        help="write the report of an assessment (HTML, Markdown or PDF)",
        description=(
            "Scores an assessment file and writes its report: cover, executive summary, scoring "
            "method, scores, data flows, every answer, remediation plan and the CNDP and SCC "
            "worksheets. Exit 1 on a bad file or when the report cannot be written."
        ),
    )
    parser.add_argument(
        "file", metavar="FILE", help="an assessment file (compliance.assessment/v1)"
    )
    parser.add_argument(
        "--format",
        dest="fmt",
        choices=("html", "md", "pdf"),
        default="html",
        help="html (self-contained), md, or pdf (needs the 'pdf' extra); default: html",
    )
    parser.add_argument(
        "--lang",
        choices=("en", "fr"),
        default=argparse.SUPPRESS,
        help="language of the report (default: en)",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="the file to write ('-' for stdout)"
    )
    parser.set_defaults(handler=_report)


def _report(args: argparse.Namespace) -> int:
    import sys

    from compliance.catalog import load_assessment
    from compliance.engine.scoring import score
    from compliance.report import render

    assessment, questionnaire = load_assessment(args.file)
    result = score(questionnaire, assessment)
    data = render(questionnaire, assessment, result, lang=args.lang, fmt=args.fmt)
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    from compliance.files import write_atomically

    out = Path(args.output)
    write_atomically(out, data)
    print(f"wrote {out} ({len(data):,} bytes)", file=sys.stderr)
    return 0
