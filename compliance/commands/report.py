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
        default=None,
        help="html (self-contained), md, or pdf (needs the 'pdf' extra); default: from the "
        "output's extension (.html, .htm, .md, .pdf), html for '-'",
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


_EXTENSIONS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".pdf": "pdf"}


def report_format(output: str, fmt: str | None) -> str:
    """The format to write: ``fmt``, else the one the output's extension names.

    Raises :class:`UsageError` when the two disagree (``--format md -o out.pdf``) or when neither
    says (``-o report.txt`` without ``--format``), so that a file never holds another format than
    its name says.
    """
    from compliance.errors import UsageError

    if output == "-":
        return fmt or "html"
    suffix = Path(output).suffix.lower()
    named = _EXTENSIONS.get(suffix)
    if fmt is None:
        if named is None:
            raise UsageError(
                f"cannot tell the report format from {output!r}; name the file .html, .md or "
                ".pdf, or give --format"
            )
        return named
    if named is not None and named != fmt:
        raise UsageError(
            f"--format {fmt} does not match the output {output!r}, which names a {named} file; "
            f"drop --format or name the file .{'html' if fmt == 'html' else fmt}"
        )
    return fmt


def _report(args: argparse.Namespace) -> int:
    import sys

    from compliance.catalog import load_assessment
    from compliance.engine.scoring import score
    from compliance.report import render

    fmt = report_format(args.output, args.fmt)
    assessment, questionnaire = load_assessment(args.file)
    result = score(questionnaire, assessment)
    data = render(questionnaire, assessment, result, lang=args.lang, fmt=fmt)
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    from compliance.files import write_atomically

    out = Path(args.output)
    write_atomically(out, data)
    print(f"wrote {out} ({fmt}, {len(data):,} bytes)", file=sys.stderr)
    return 0
