"""Provides :func:`render`: a scored assessment in, a report out (HTML, Markdown or PDF).

The report is built from a view (:mod:`compliance.report.view`) by the fixed templates of
``report_templates/``; the PDF is the HTML laid out by WeasyPrint. Output depends only on the
inputs (the PDF dates too: the assessment's), never on the clock or the environment.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Literal

from compliance.errors import ReportError
from compliance.model.assessment import Assessment
from compliance.model.questionnaire import Questionnaire
from compliance.model.result import Result

__all__ = [
    "FORMATS",
    "LANGUAGES",
    "Format",
    "render",
    "render_text",
    "templates_digest",
    "tidy_markdown",
]

Format = Literal["html", "md", "pdf"]
FORMATS: tuple[Format, ...] = ("html", "md", "pdf")
LANGUAGES = ("en", "fr", "ar")

_TEMPLATES = {"html": "report.html.j2", "md": "report.md.j2"}
_BLANK_LINES = re.compile(r"\n{3,}")
_HEADING = re.compile(r"(?<=[^\n])\n(?=#{1,6} )")


def tidy_markdown(text: str) -> str:
    """One blank line before each heading and between blocks, never more.

    User text cannot start a line (the escaping joins its lines and escapes ``#``), so only the
    template's own headings are touched.
    """
    text = _HEADING.sub("\n\n", text)
    return _BLANK_LINES.sub("\n\n", text).strip() + "\n"


def render_text(
    questionnaire: Questionnaire,
    assessment: Assessment,
    result: Result,
    *,
    lang: str,
    kind: Literal["html", "md"],
    signature: str | None = None,
) -> str:
    """The HTML or Markdown report as text."""
    from jinja2 import TemplateError

    from compliance.report.environment import environment
    from compliance.report.view import build

    if lang not in LANGUAGES:
        raise ReportError(f"reports are written in {', '.join(LANGUAGES)}, not {lang!r}")
    view = build(
        questionnaire,
        assessment,
        result,
        lang=lang,
        signature=signature,
        with_charts=kind == "html",
    )
    try:
        template = environment(kind, rtl=view.dir == "rtl").get_template(_TEMPLATES[kind])
        text = template.render(doc=view)
    except TemplateError as error:
        raise ReportError(f"the report template failed: {error}") from error
    return tidy_markdown(text) if kind == "md" else text


def render(
    questionnaire: Questionnaire,
    assessment: Assessment,
    result: Result,
    *,
    lang: str,
    fmt: str,
    signature: str | None = None,
) -> bytes:
    """The report in ``fmt`` (``html``, ``md`` or ``pdf``) and ``lang`` (``en``, ``fr``, ``ar``).

    ``signature`` is the signing key id shown on the report, ``None`` for an unsigned report.
    Raises :class:`ReportError` for an unknown format or language and when rendering fails.
    """
    if fmt == "md":
        return render_text(
            questionnaire, assessment, result, lang=lang, kind="md", signature=signature
        ).encode("utf-8")
    if fmt not in ("html", "pdf"):
        raise ReportError(f"reports are written as {', '.join(FORMATS)}, not {fmt!r}")
    html = render_text(
        questionnaire, assessment, result, lang=lang, kind="html", signature=signature
    )
    if fmt == "html":
        return html.encode("utf-8")
    from compliance.report.pdf import html_to_pdf

    return html_to_pdf(html, date=result.as_of, lang=lang)


def templates_digest() -> str:
    """The SHA-256 over what makes a report's bytes, for signed statements: the shipped report
    templates and the report modules that fill them (their strings, views and worksheets), names and
    bytes. A verifier whose digest differs cannot re-render an older report and says so
    (``cannot-rerender-report``) rather than calling it altered."""
    from compliance.paths import report_templates_dir

    sha = hashlib.sha256()
    modules = Path(__file__).resolve().parent
    files = [
        (p.relative_to(report_templates_dir()).as_posix(), p)
        for p in _files(report_templates_dir())
    ]
    files += [(f"compliance/report/{p.name}", p) for p in sorted(modules.glob("*.py"))]
    for name_text, path in files:
        name = name_text.encode("utf-8")
        data = path.read_bytes()
        sha.update(len(name).to_bytes(8, "big") + name + len(data).to_bytes(8, "big") + data)
    return sha.hexdigest()


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())
