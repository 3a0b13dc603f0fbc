"""Provides :func:`render_tia`: the transfer impact assessment of one flow as a document of its
own (HTML, Markdown or PDF; English, French or Arabic), for the exporter to hand to its client's
DPO.

The same templates and environments as the report (autoescape and ``StrictUndefined`` for HTML,
escaping ``finalize`` for Markdown); the PDF is the HTML laid out by WeasyPrint, dated by the
assessment, with every URL refused. The same assessment gives the same bytes.
"""

from __future__ import annotations

from typing import Literal

from compliance.errors import ReportError
from compliance.model.assessment import Assessment, Flow
from compliance.model.questionnaire import Questionnaire
from compliance.model.result import Result

__all__ = ["choose_flow", "render_tia", "render_tia_text"]

_TEMPLATES = {"html": "tia.html.j2", "md": "tia.md.j2"}


def choose_flow(assessment: Assessment, flow_id: str, country: str | None) -> Flow:
    """The flow ``flow_id``, checked to have a structured TIA of ``country`` (when given).

    Raises :class:`ReportError` saying what to give instead: an unknown flow lists the flows, a
    flow without a structured TIA says so, a country the TIA does not assess names the one it
    does.
    """
    from compliance.report.tia import tia_country

    flow = assessment.flow(flow_id)
    if flow is None:
        known = ", ".join(f.id for f in assessment.flows) or "none"
        raise ReportError(
            f"the assessment has no flow {flow_id!r} (its flows: {known}); give one with --flow"
        )
    if not flow.tia.structured:
        raise ReportError(
            f"flow {flow_id} has no structured transfer impact assessment (only done/date/"
            "conclusion): fill in flows[].tia with its steps first (or press t on the flow in "
            "the terminal UI)"
        )
    assessed = tia_country(flow)
    if country is not None and country.upper() != assessed:
        raise ReportError(
            f"the TIA of flow {flow_id} assesses {assessed}, not {country.upper()}: give "
            f"--country {assessed} or leave --country out"
        )
    return flow


def render_tia_text(
    questionnaire: Questionnaire,
    assessment: Assessment,
    result: Result,
    flow: Flow,
    *,
    lang: str,
    kind: Literal["html", "md"],
) -> str:
    """The TIA document of ``flow`` as HTML or Markdown text."""
    from jinja2 import TemplateError

    from compliance.report.environment import environment
    from compliance.report.render import tidy_markdown
    from compliance.report.tia import build_tia
    from compliance.report.tia_strings import LANGUAGES

    if lang not in LANGUAGES:
        raise ReportError(f"TIA documents are written in {' or '.join(LANGUAGES)}, not {lang!r}")
    view = build_tia(questionnaire, assessment, result, flow, lang=lang, with_charts=kind == "html")
    try:
        text = environment(kind).get_template(_TEMPLATES[kind]).render(t=view)
    except TemplateError as error:
        raise ReportError(f"the TIA template failed: {error}") from error
    return tidy_markdown(text) if kind == "md" else text


def render_tia(
    questionnaire: Questionnaire,
    assessment: Assessment,
    result: Result,
    *,
    flow_id: str,
    country: str | None = None,
    lang: str,
    fmt: str,
) -> bytes:
    """The TIA document of flow ``flow_id`` in ``fmt`` (``html``, ``md`` or ``pdf``) and ``lang``.

    Raises :class:`ReportError` for an unknown flow, format or language, a flow without a
    structured TIA, and when rendering fails.
    """
    flow = choose_flow(assessment, flow_id, country)
    if fmt == "md":
        return render_tia_text(
            questionnaire, assessment, result, flow, lang=lang, kind="md"
        ).encode("utf-8")
    if fmt not in ("html", "pdf"):
        raise ReportError(f"TIA documents are written as html, md or pdf, not {fmt!r}")
    html = render_tia_text(questionnaire, assessment, result, flow, lang=lang, kind="html")
    if fmt == "html":
        return html.encode("utf-8")
    from compliance.report.pdf import html_to_pdf

    return html_to_pdf(html, date=result.as_of, lang=lang)
