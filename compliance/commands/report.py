"""Provides ``compliance report FILE``: an assessment's report as HTML, Markdown, PDF or Word."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from compliance.languages import LANGUAGES

__all__ = ["register"]


def register(commands: Any) -> None:
    """Adds ``report`` to the command line."""
    parser = commands.add_parser(
        "report",
        help="write the report of an assessment (HTML, Markdown, PDF or Word)",
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
        choices=("html", "md", "pdf", "docx"),
        default=None,
        help="html (self-contained), md, pdf (needs the 'pdf' extra) or docx (Word, needs the "
        "'docx' extra); default: from the output's extension (.html, .htm, .md, .pdf, .docx), "
        "html for '-'",
    )
    parser.add_argument(
        "--brand",
        metavar="BRAND.yaml",
        help="a branding file (firm name, PNG logo, two colours, a footer line) for HTML, PDF "
        "and Word reports",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help="language of the report (default: en)",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="the file to write ('-' for stdout)"
    )
    parser.set_defaults(handler=_report)


_EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".markdown": "md",
    ".pdf": "pdf",
    ".docx": "docx",
}


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
                f"cannot tell the report format from {output!r}; name the file .html, .md, "
                ".pdf or .docx, or give --format"
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
    brand = None
    if args.brand:
        from compliance.report.brand import load_brand

        if fmt == "md":
            from compliance.errors import UsageError

            raise UsageError("--brand applies to HTML, PDF and Word reports, not Markdown")
        brand = load_brand(Path(args.brand))
    assessment, questionnaire = load_assessment(args.file)
    result = score(questionnaire, assessment)
    if fmt == "docx":
        from compliance.report.docx import render_docx

        data = render_docx(questionnaire, assessment, result, lang=args.lang, brand=brand)
    elif brand is not None:
        from compliance.report.brand import apply_html
        from compliance.report.render import render_text

        html = apply_html(
            render_text(questionnaire, assessment, result, lang=args.lang, kind="html"), brand
        )
        if fmt == "html":
            data = html.encode("utf-8")
        else:
            from compliance.report.pdf import html_to_pdf

            data = html_to_pdf(html, date=result.as_of, inline_png=True)
    else:
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
