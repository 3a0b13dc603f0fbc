"""The report's plan, summary and citations come from the same domain functions as the terminal
UI and ``compliance score``: the same order, the same signs, the same sentences."""

from __future__ import annotations

import functools
import html
import re

import pytest

from compliance.engine import plan
from compliance.report import render
from tests.engine.test_plan import sample

NBSP = "\u00a0"


@functools.cache
def rendered(lang: str, fmt: str) -> str:
    questionnaire, result = sample()
    from compliance.catalog import load_assessment
    from tests.engine.test_plan import SAMPLE

    assessment, _ = load_assessment(SAMPLE)
    data = render(questionnaire, assessment, result, lang=lang, fmt=fmt)
    return html.unescape(data.decode()).replace(NBSP, " ")


def section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


def test_the_html_plan_is_in_the_titles_order_with_plus_signs() -> None:
    _, result = sample()
    text = rendered("en", "html")
    plan_html = section(text, '<section class="chapter" id="remediation">', "</section>")
    assert (
        "ordered by the points of the overall score that closing them recovers, most first"
        in plan_html
    )
    ids = re.findall(r'<span class="mono">([A-Z]+-\d+)</span>', plan_html)
    assert ids == [item.control for item in plan.ordered_plan(result)]
    impacts = re.findall(r'<td class="num">([+-]?\d+\.\d\d)</td>', plan_html)
    assert impacts == [plan.gain(item.impact) for item in plan.ordered_plan(result)]
    assert impacts[0] == "+1.47"


def test_the_summary_explains_the_cap_and_lists_the_three_worth_most() -> None:
    text = rendered("en", "html")
    summary = section(text, '<section class="chapter" id="summary">', "</section>")
    assert (
        "Why “Not ready”: the score alone, 92.95, would rate “Ready”, but the rating is capped:"
        in summary
    )
    assert (
        "XFR-06 “Every transfer out of Morocco declared" in summary
        and "To lift the cap:" in summary
    )
    top = re.findall(r'<span class="mono">([A-Z]+-\d+)</span>', summary)
    assert top == ["RET-01", "CNDP-03", "MKT-01"]


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_citations_are_short_with_the_full_titles_once(fmt: str) -> None:
    text = rendered("en", fmt)
    assert text.count("on the protection of individuals with regard to the processing") == 1
    assert "Legal texts cited" in text
    assert "Law 09-08 Art. 43" in text
    # the unverified CNDP list: its doubt is shown, not the note it replaces
    assert "is on the CNDP list of states with adequate protection" not in text


def test_in_french_it_is_a_plan_of_corrective_actions_with_the_same_signs() -> None:
    _, result = sample()
    text = rendered("fr", "md")
    assert "## Plan d'actions correctives" in text and "remédiation" not in text
    expected = [plan.gain(item.impact, "fr") for item in plan.ordered_plan(result)]
    plan_md = text[text.index("## Plan d'actions correctives") :]
    shown = re.findall(r"\) : \\?([+]\d+,\d\d)\.", plan_md)
    assert shown == expected
    assert "Loi 09-08 art. 43" in text and "Textes cités" in text
