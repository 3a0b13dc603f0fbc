"""French reports follow French typography in our wording, and leave the user's text as typed."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator

import pytest

from compliance.catalog import load_assessment
from compliance.engine.scoring import score
from compliance.model.assessment import Assessment
from compliance.model.questionnaire import Questionnaire
from compliance.model.result import Result
from compliance.report import render
from compliance.report.environment import environment, md_escape
from compliance.report.strings import method, strings
from compliance.typography import NBSP
from tests.report.support import FIXTURES, isolated_env

Loaded = tuple[Questionnaire, Assessment, Result]

# An ordinary space (or none) before a mark used as punctuation, or before a percent sign.
BAD = re.compile(r"[^\s:;!?«(\[\\] *[:;!?](?=\s|$)|\d *%")


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Loaded]:
    with isolated_env(tmp_path_factory.mktemp("user")):
        assessment, questionnaire = load_assessment(FIXTURES / "full.yaml")
        yield questionnaire, assessment, score(questionnaire, assessment)


def _text(loaded: Loaded, lang: str, fmt: str) -> str:
    questionnaire, assessment, result = loaded
    text = render(questionnaire, assessment, result, lang=lang, fmt=fmt).decode()
    if fmt == "html":
        text = re.sub(r"<style.*?</style>", "", text, flags=re.S)
        text = html_lib.unescape(re.sub(r"<[^>]+>", "\n", text))
    return text


def _user_text(assessment: Assessment) -> list[str]:
    """What the fixture's users typed (comments, notes, flow texts): left as typed."""
    typed = [a.comment for a in assessment.answers.values() if a.comment]
    typed += [a.value for a in assessment.answers.values() if isinstance(a.value, str)]
    typed += [e.note for a in assessment.answers.values() for e in a.evidence if e.note]
    typed += [f.description for f in assessment.flows if f.description]
    return typed


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_a_french_report_has_a_no_break_space_before_every_mark_of_ours(
    loaded: Loaded, fmt: str
) -> None:
    text = _text(loaded, "fr", fmt)
    for typed in _user_text(loaded[1]):
        shown = md_escape(typed) if fmt == "md" else typed
        text = text.replace(shown, "")
    bad = [m.group() for m in BAD.finditer(text)]
    assert not bad, bad
    assert f"Commentaire{NBSP}:" in text
    assert f"100,00{NBSP}%" in text
    assert re.search(r"\d,\d\d", text) and not re.search(r"\b\d+\.\d\d\b", text)


def test_the_users_own_text_is_never_retypeset(loaded: Loaded) -> None:
    text = _text(loaded, "fr", "html")
    assert "Contact: dpo@sahara.example" in text


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_an_english_report_keeps_english_punctuation(loaded: Loaded, fmt: str) -> None:
    text = _text(loaded, "en", fmt)
    assert NBSP + ":" not in text and NBSP + "%" not in text
    assert "Comment:" in text
    assert "100.00%" in text


def test_the_catalogue_and_the_method_are_typeset_in_french_only() -> None:
    assert strings("fr")["summary_rating"].startswith(f"Niveau{NBSP}:")
    assert all(not BAD.search(text) for text in strings("fr").values())
    assert all(not BAD.search(paragraph) for paragraph in method("fr"))
    assert strings("en")["colon"] == ": "


def test_the_filters_read_the_reports_language() -> None:
    template = environment("html").from_string(
        "{{ 'Score' | label }} {{ v | num }} {{ v | pct(1) }} {{ 'a: b' | typeset }}"
    )

    class Doc:
        def __init__(self, lang: str) -> None:
            self.lang = lang

    v = "12.346"
    assert template.render(doc=Doc("fr"), v=v) == (f"Score{NBSP}: 12,35 12,3{NBSP}% a{NBSP}: b")
    assert template.render(doc=Doc("en"), v=v) == "Score: 12.35 12.3% a: b"


def test_markdown_keeps_a_no_break_space_and_still_joins_lines() -> None:
    assert md_escape(f"a{NBSP}: b\n\nc") == f"a{NBSP}: b c"
