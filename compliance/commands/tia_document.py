"""Provides ``compliance tia FILE|ID --flow FLOW``: one flow's transfer impact assessment as a
document of its own (HTML, Markdown or PDF, English or French), the one a provider hands to its EU
client's DPO.

``FILE`` is an assessment file; ``ID`` an assessment of the workspace (``--workspace`` as for the
other commands). ``--country CC`` names the destination when the flow has several; the TIA says
which one it assesses, and another is refused naming it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from compliance.model.assessment import Assessment
    from compliance.model.questionnaire import Questionnaire

__all__ = ["add_arguments", "write_document"]

_EXTENSIONS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".pdf": "pdf"}


def add_arguments(parser: Any) -> None:
    """The options of the TIA document, added to the ``tia`` parser."""
    parser.add_argument(
        "--flow", metavar="FLOW", help="the id of the flow whose TIA to write (a document)"
    )
    parser.add_argument(
        "--country",
        dest="tia_country",
        metavar="CC",
        help="the destination assessed, when the flow has several (default: the one its TIA "
        "assesses)",
    )
    parser.add_argument(
        "--format",
        dest="fmt",
        choices=("html", "md", "pdf"),
        default=None,
        help="html (self-contained, with its chart), md or pdf (needs the 'pdf' extra); default: "
        "from the output's extension, html for '-'",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="the document to write ('-' for stdout)"
    )
    parser.add_argument(
        "--workspace",
        metavar="PATH_OR_URL",
        help="for an ID: a SQLite file or a postgresql:// URL (default: $COMPLIANCE_WORKSPACE, "
        "else workspace.sqlite in the user data folder)",
    )


def _format(output: str, fmt: str | None) -> str:
    from compliance.errors import UsageError

    if output == "-":
        return fmt or "html"
    named = _EXTENSIONS.get(Path(output).suffix.lower())
    if fmt is None:
        if named is None:
            raise UsageError(
                f"cannot tell the document format from {output!r}; name the file .html, .md or "
                ".pdf, or give --format"
            )
        return named
    if named is not None and named != fmt:
        raise UsageError(
            f"--format {fmt} does not match the output {output!r}, which names a {named} file; "
            "drop --format or rename the file"
        )
    return fmt


def _is_id(source: str) -> bool:
    return source.isdigit() and not Path(source).exists()


def _load(source: str, workspace: str | None) -> tuple[Assessment, Questionnaire]:
    if not _is_id(source):
        from compliance.catalog import load_assessment

        return load_assessment(source)
    from compliance.catalog import find
    from compliance.commands.ids import parse_id
    from compliance.errors import UsageError
    from compliance.loader.reference_sets import bind_for
    from compliance.store.assessments import load_assessment as load_stored
    from compliance.store.workspace import open_workspace

    assessment_id = parse_id(source)
    if assessment_id is None:
        raise UsageError(f"{source[:40]!r} is neither an assessment file nor an assessment id")
    with open_workspace(workspace) as opened:
        assessment = load_stored(opened, assessment_id)
    ref = assessment.questionnaire
    questionnaire = find(ref.id, ref.version).questionnaire
    return assessment, bind_for(questionnaire, assessment)


def write_document(args: argparse.Namespace) -> int:
    """Writes the TIA document the arguments ask for."""
    from compliance.engine.scoring import score
    from compliance.errors import UsageError
    from compliance.report.tia_document import render_tia

    if not args.flow:
        raise UsageError(
            "name the flow: compliance tia FILE|ID --flow FLOW -o OUT (or compliance tia sheet CC)"
        )
    if not args.output:
        raise UsageError("give the document to write with -o OUT ('-' for stdout)")
    fmt = _format(args.output, args.fmt)
    assessment, questionnaire = _load(args.action, args.workspace)
    result = score(questionnaire, assessment)
    data = render_tia(
        questionnaire,
        assessment,
        result,
        flow_id=args.flow,
        country=args.tia_country,
        lang=args.lang,
        fmt=fmt,
    )
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    from compliance.files import write_atomically

    out = Path(args.output)
    write_atomically(out, data)
    print(f"wrote {out} ({fmt}, {len(data):,} bytes)", file=sys.stderr)
    return 0
