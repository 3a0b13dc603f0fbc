"""Provides the parts of the results screen, each a Rich renderable built from a result.

What the screen says comes from the domain (:mod:`compliance.engine.plan` for the order of the
plan, its signs, why the rating is what it is and the next step; :mod:`compliance.engine.findings`
for the findings of a flow; :mod:`compliance.engine.citations` for short citations and their
legend), so that the screen, ``compliance score`` and the report say the same thing. This module
only lays it out: headed columns whose names take the width there is, a bar beside every score,
"not started" apart from a score of 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from compliance.engine import plan
from compliance.engine.citations import cite, legend
from compliance.engine.findings import shown_findings
from compliance.model.questionnaire import Questionnaire
from compliance.model.result import DomainResult, Result
from compliance.tui.format import bar, coverage_text, rating_text, status_text
from compliance.tui.safe import clean, plain
from compliance.tui.strings import tr
from compliance.typography import colon, label

__all__ = [
    "cited_legend",
    "domains_table",
    "flows_part",
    "heading",
    "next_part",
    "overall_part",
    "plan_part",
]

WIDE = 110
"""From this width on, domain bars are twice as long and show their band's label."""
NARROW = 70
"""Under this width, the overall bar is short enough to keep the rating on its line."""


def heading(title: str) -> Text:
    """A section title on its own line, after a blank one. Only the title is styled: a style
    given to ``Text(...)`` itself covers everything appended later."""
    text = Text("\n")
    text.append(title, style="bold underline")
    return text


def _hanging(rows: Iterable[tuple[RenderableType, RenderableType]], indent: int = 2) -> Table:
    """Rows of a marker and a text; a text that wraps stays right of its marker."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for mark, body in rows:
        grid.add_row(Text(" " * indent).append_text(_text(mark)), body)
    return grid


def _text(value: RenderableType) -> Text:
    return value if isinstance(value, Text) else Text(str(value))


def overall_part(
    questionnaire: Questionnaire, result: Result, client: str, lang: str, width: int = 80
) -> Group:
    """Who and what, the overall score with its bar and rating, how much is answered, and why
    the rating is what it is (with each cap as a sentence: its control, its title, what to do)."""
    overall = result.overall
    text = plain(client, style="bold")
    text.append(" · ")
    text.append(plain(questionnaire.title.get(lang)))
    text.append(f"\n{label(tr('rs.overall', lang), lang)} ", style="bold")
    text.append(bar(overall.score, 30 if width >= NARROW else 10, lang))
    text.append(" / 100  ")
    text.append(rating_text(questionnaire, overall.rating, lang))
    answered = tr("rs.answered", lang, percent=coverage_text(overall.coverage, lang))
    text.append(f"\n{answered}")
    if overall.incomplete:
        text.append(f" · {tr('rs.provisional', lang)}", style="bold yellow")
    why = plan.rating_why(questionnaire, result, lang)
    text.append("\n")
    text.append(plain(why.sentence, style="bold"))
    rows = [(Text("⚠", style="bold"), plain(line, single_line=False)) for line in why.caps]
    rows += [(Text("·"), plain(line, single_line=False)) for line in why.notes]
    return Group(text, _hanging(rows)) if rows else Group(text)


def next_part(result: Result, lang: str) -> Group:
    """What to do next: finish the questionnaire, or the actions worth the most points."""
    sentence, _ = plan.next_step_lines(result, lang)
    step = plan.next_step(result)
    rows: list[tuple[RenderableType, RenderableType]] = [
        (Text("→", style="bold"), plain(sentence, style="bold", single_line=False))
    ]
    if step.kind == "finish":
        rows.append(("", Text(tr("rs.finish_hint", lang), style="dim")))
    parts: list[RenderableType] = [Text(""), _hanging(rows, indent=0)]
    if step.actions:
        actions = [
            (plan.gain(item.impact, lang), plain(f"{item.control} {item.title.get(lang)}"))
            for item in step.actions
        ]
        parts.append(_hanging(actions))
    return Group(*parts)


def _band(questionnaire: Questionnaire, score: Decimal, lang: str, wide: bool) -> Text:
    """The band a score falls in: its symbol and label, or its symbol alone when narrow."""
    band = next((b.id for b in questionnaire.scoring.bands if score >= b.min), "")
    text = rating_text(questionnaire, band, lang)
    return text if wide else Text(text.plain.split(" ", 1)[0], style=text.style)


def _bands_note(questionnaire: Questionnaire, lang: str) -> Text:
    """``✓ Ready from 80 · ~ Conditionally ready from 60 · ✗ Not ready below 60.``"""
    bands = questionnaire.scoring.bands
    parts = []
    for index, band in enumerate(bands):
        name = rating_text(questionnaire, band.id, lang).plain
        if index < len(bands) - 1:
            parts.append(tr("rs.band_from", lang, band=name, min=plan.mark(band.min, lang)))
        else:
            below = plan.mark(bands[index - 1].min, lang)
            parts.append(tr("rs.band_below", lang, band=name, min=below))
    return Text(" · ".join(parts) + ".", style="dim")


def _domain_row(
    questionnaire: Questionnaire, domain: DomainResult, title: str, lang: str, width: int
) -> tuple[RenderableType, ...]:
    name = plain(title)
    bar_width = 20 if width >= WIDE else 10
    if domain.score is None:
        return (name, Text(tr("rs.not_applicable", lang), style="dim"), Text(""), Text(""))
    answered = Text(coverage_text(domain.coverage, lang), justify="right")
    if domain.coverage == 0:
        started = Text("░" * bar_width + " ", style="dim")
        started.append(tr("rs.not_started", lang), style="italic")
        return (name, started, answered, Text("—", style="dim"))
    band = _band(questionnaire, domain.score, lang, width >= WIDE)
    return (name, bar(domain.score, bar_width, lang), answered, band)


def domains_table(questionnaire: Questionnaire, result: Result, lang: str, width: int) -> Group:
    """One headed row per domain: its name (all of it, wrapped if the width runs out), its score
    with a bar (or "not started"), how much of it is answered, and the band its score falls in
    (its symbol alone under :data:`WIDE` columns; the bands are listed below the table)."""
    titles = {d.id: d.title.get(lang) for d in questionnaire.domains}
    table = Table(box=None, padding=(0, 1), pad_edge=False, show_edge=False, expand=False)
    table.add_column(tr("rs.col.domain", lang), ratio=1, overflow="fold")
    table.add_column(tr("rs.col.score", lang), no_wrap=True)
    table.add_column(tr("rs.col.answered", lang), justify="right", no_wrap=True)
    table.add_column(tr("rs.col.band", lang), no_wrap=True)
    for domain in result.domains:
        title = clean(titles.get(domain.id, domain.id))
        table.add_row(*_domain_row(questionnaire, domain, title, lang, width))
    note = _bands_note(questionnaire, lang)
    note.append(" " + tr("rs.domains_note", lang))
    return Group(heading(tr("rs.domains", lang)), table, note)


def flows_part(questionnaire: Questionnaire, result: Result, lang: str) -> Group:
    """Each flow with its status, then its findings (never two that contradict), each with its
    short citation."""
    parts: list[RenderableType] = [heading(tr("rs.flows", lang))]
    if not result.flows:
        parts.append(Text(tr("rs.no_flows", lang)))
    for flow in result.flows:
        line = Text("• ")
        line.append(plain(flow.name, style="bold"))
        line.append("  ")
        line.append(status_text(flow.status, lang))
        parts.append(line)
        rows: list[tuple[RenderableType, RenderableType]] = []
        for reason in shown_findings(flow):
            body = plain(reason.message.get(lang), single_line=False)
            cited = cite(dict(reason.refs), questionnaire, lang)
            if cited:
                body.append(f" ({cited})", style="dim")
            rows.append((status_text(reason.status, lang), body))
        if rows:
            parts.append(_hanging(rows, indent=4))
    return Group(*parts)


def plan_part(questionnaire: Questionnaire, result: Result, lang: str) -> Group:
    """The remediation plan in the order its title gives, headed columns, with a legend of its
    markers."""
    title = heading(plan.plan_title(lang))
    items = plan.ordered_plan(result)
    if not items:
        return Group(title, Text(tr("rs.no_plan", lang)))
    table = Table(box=None, padding=(0, 1), pad_edge=False, show_edge=False, expand=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column(tr("rs.col.points", lang), justify="right", no_wrap=True)
    table.add_column(tr("rs.col.action", lang), ratio=1, overflow="fold")
    for rank, item in enumerate(items, start=1):
        cell = Text()
        cell.append(plain(f"{item.control} {item.title.get(lang)}", style="bold"))
        cell.append("\n")
        cell.append(plain(item.remediation.get(lang), single_line=False))
        cited = cite(dict(item.refs), questionnaire, lang)
        if cited:
            cell.append(f"\n{cited}", style="dim")
        flag = plan.marker(item)
        table.add_row(
            f"{rank}.",
            Text(flag, style="bold red" if flag == "!" else "bold"),
            plan.gain(item.impact, lang),
            cell,
        )
    parts: list[RenderableType] = [title, table]
    markers = plan.marker_legend(questionnaire, result, lang)
    if markers:
        parts.append(Text(""))
        parts.extend(Text(f"{flag}  {meaning}", style="dim") for flag, meaning in markers)
    return Group(*parts)


def _all_refs(result: Result) -> Iterable[Mapping[str, Sequence[str]]]:
    for flow in result.flows:
        for reason in shown_findings(flow):
            yield reason.refs
    for item in plan.ordered_plan(result):
        yield item.refs


def cited_legend(questionnaire: Questionnaire, result: Result, lang: str) -> Text:
    """Each legal text the screen cites, once, its short name beside its full title."""
    cited = legend(_all_refs(result), questionnaire, lang)
    text = Text()
    if not cited:
        return text
    text.append_text(heading(tr("rs.legend", lang)))
    for entry in cited:
        text.append("\n")
        text.append(plain(entry.short, style="bold"))
        text.append(colon(lang))
        text.append(plain(entry.title))
    return text
