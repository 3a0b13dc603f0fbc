"""Provides how statuses and ratings are shown: a symbol and a word beside every colour."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING

from rich.text import Text

from compliance import typography
from compliance.tui.safe import plain
from compliance.tui.strings import STRINGS, tr

if TYPE_CHECKING:
    from compliance.model.questionnaire import Questionnaire
    from compliance.model.result import FlowResult

__all__ = [
    "bar",
    "coverage_text",
    "number",
    "percent",
    "rating_text",
    "reasons_text",
    "refs_text",
    "status_text",
]

_STYLE = {
    "ready": "bold green",
    "conditional": "bold yellow",
    "not_ready": "bold red",
    "blocked": "bold red reverse",
}


def percent(value: Decimal) -> str:
    """A coverage as a whole percentage, rounded down: 99.57 is ``99``, never a false ``100``."""
    return str(int(value.to_integral_value(rounding=ROUND_FLOOR)))


def coverage_text(value: Decimal | None, lang: str = "en") -> str:
    """A coverage as :func:`percent` rounds it, with its sign: ``99%``, ``99 %`` in French."""
    if value is None:
        return typography.DASH
    return typography.percent(int(percent(value)), lang)


def status_text(status: str, lang: str) -> Text:
    """A flow status as a symbol and a word (``✓ ready``), coloured as a second cue only."""
    key = f"st.{status}"
    if key in STRINGS:
        return Text(tr(key, lang), style=_STYLE.get(status, ""))
    return plain(status)


def rating_text(questionnaire: Questionnaire | None, rating: str | None, lang: str) -> Text:
    """A rating band as a symbol and the questionnaire's label for it."""
    if rating is None:
        return Text("—")
    if questionnaire is None:
        return plain(rating)
    bands = [band.id for band in questionnaire.scoring.bands]
    if rating not in bands:
        return plain(rating)
    position = bands.index(rating)
    label = questionnaire.scoring.bands[position].label.get(lang)
    if position == 0:
        return Text(f"✓ {label}", style=_STYLE["ready"])
    if position == len(bands) - 1:
        return Text(f"✗ {label}", style=_STYLE["not_ready"])
    return Text(f"~ {label}", style=_STYLE["conditional"])


def number(value: Decimal | str | None, lang: str = "en") -> str:
    """A score for display, as the engine gives it (two decimals, a comma in French; ``—`` when
    there is none)."""
    return typography.number(value, lang)


def bar(value: Decimal | None, width: int = 20, lang: str = "en") -> Text:
    """A bar out of 100 drawn with blocks, with the number beside it (never the bar alone)."""
    if value is None:
        return Text("░" * width + "      —", style="dim")
    filled = int((value * width / 100).to_integral_value())
    text = Text("█" * filled, style="green" if value >= 80 else "yellow" if value >= 50 else "red")
    text.append("░" * (width - filled), style="dim")
    text.append(f" {typography.number(value, lang):>6}")
    return text


def refs_text(questionnaire: Questionnaire, refs: dict[str, tuple[str, ...]], lang: str) -> str:
    """Citations as the engine writes them everywhere (ADR 0019, 0026): ``Law 09-08 Art. 23, 24
    · GDPR Art. 37``, ``Loi 09-08 art. 23, 24``, ``المادة 43 من القانون رقم 09.08``; a text with
    no short name is cited by its full title."""
    from compliance.engine.citations import cite

    return cite(refs, questionnaire, lang)


def reasons_text(
    flow: FlowResult, questionnaire: Questionnaire, lang: str, indent: str = ""
) -> Text:
    """The findings behind a flow's status, one a line, each with its status and its articles
    cited short; never two that contradict (:func:`~compliance.engine.findings.shown_findings`)."""
    from compliance.engine.citations import cite
    from compliance.engine.findings import shown_findings

    text = Text()
    for reason in shown_findings(flow):
        text.append(f"{indent}– ")
        text.append(status_text(reason.status, lang))
        text.append(" ")
        text.append(plain(reason.message.get(lang), single_line=False))
        cited = cite(dict(reason.refs), questionnaire, lang)
        if cited:
            text.append(f" ({cited})", style="dim")
        text.append("\n")
    return text
