"""Every assessment fixture renders in every format and language, and the output is sound.

Each (fixture, language, format) is rendered once per test process and cached, so xdist workers
share the work instead of each rendering everything.
"""

from __future__ import annotations

import functools
import re
import subprocess
from pathlib import Path

import pytest

from compliance.catalog import load_assessment
from compliance.engine.scoring import score
from compliance.model.assessment import Assessment
from compliance.model.questionnaire import Questionnaire
from compliance.model.result import Result
from compliance.report import render
from compliance.report.formatting import number
from tests.report.support import assessment_fixtures, inventory, pdf_fixtures, tool

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "nav", "section", "footer",
    "h1", "h2", "h3", "h4", "p", "div", "span", "strong", "br", "ol", "ul", "li", "a", "dl", "dt",
    "dd", "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "svg", "path",
    "line", "rect", "text", "bdi",
}  # fmt: skip

FIXTURES = {path.name: path for path in assessment_fixtures()}
PDF_FIXTURES = pdf_fixtures(list(FIXTURES.values()))
CASES = [(name, lang) for name in FIXTURES for lang in ("en", "fr", "ar")]
PDF_CASES = [(path.name, lang) for path in PDF_FIXTURES for lang in ("en", "fr")]
# The Arabic PDF (of ma-screening 1.2.0, which has Arabic texts) is tested in test_arabic.py.
UNSIGNED = {"en": "unsigned", "fr": "non signé", "ar": "غير موقع"}
WORKSHEET_A = {"en": "## Worksheet A", "fr": "## Fiche A", "ar": "## ورقة العمل أ"}


@functools.cache
def _loaded(name: str) -> tuple[Questionnaire, Assessment, Result]:
    assessment, questionnaire = load_assessment(FIXTURES[name])
    return questionnaire, assessment, score(questionnaire, assessment)


@functools.cache
def _rendered(name: str, lang: str, fmt: str) -> bytes:
    questionnaire, assessment, result = _loaded(name)
    return render(questionnaire, assessment, result, lang=lang, fmt=fmt)


def _facts(name: str, lang: str) -> tuple[str, str, str]:
    """The organisation, the overall score as the report writes it, the questionnaire digest."""
    _, assessment, result = _loaded(name)
    assert result.overall.score is not None
    return (
        assessment.organisation.name,
        number(result.overall.score, lang),
        result.questionnaire.digest,
    )


def test_there_are_fixtures() -> None:
    assert {"atlas.yaml", "full.yaml"} <= set(FIXTURES)
    assert {"atlas.yaml", "full.yaml"} <= {path.name for path in PDF_FIXTURES}


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_html_is_self_contained_and_in_its_language(name: str, lang: str) -> None:
    org, shown, digest = _facts(name, lang)
    html = _rendered(name, lang, "html").decode("utf-8")
    direction = "rtl" if lang == "ar" else "ltr"
    assert re.search(rf'<html lang="{lang}" dir="{direction}">', html)
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in html
    for needle in ("http:", "https:", "file:", "url(", "@import", "<script", "<link", "<img"):
        assert needle not in html.lower(), needle
    parsed = inventory(html)
    assert parsed.tags <= ALLOWED_TAGS, parsed.tags - ALLOWED_TAGS
    for tag, attribute, value in parsed.attributes:
        assert not attribute.startswith("on"), (tag, attribute)
        assert attribute not in ("src", "srcset", "action", "formaction", "xlink:href", "style")
        if attribute == "href":
            assert re.fullmatch(r"#[a-z0-9-]+", value), value
    text = " ".join(parsed.text)
    assert org in text
    assert shown in text
    assert digest in text


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_html_carries_every_section(name: str, lang: str) -> None:
    html = _rendered(name, lang, "html").decode("utf-8")
    for anchor in (
        "summary", "method", "scores", "flows", "answers", "remediation", "worksheet-cndp",
        "worksheet-scc", "signature",
    ):  # fmt: skip
        assert f'id="{anchor}"' in html
        assert f'href="#{anchor}"' in html
    assert 'class="gauge"' in html
    assert f">{UNSIGNED[lang]}<" in html


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_markdown_carries_the_facts(name: str, lang: str) -> None:
    _, shown, digest = _facts(name, lang)
    md = _rendered(name, lang, "md").decode("utf-8")
    assert md.startswith("# ")
    assert shown in md
    assert digest in md
    assert "\n\n\n" not in md
    assert WORKSHEET_A[lang] in md


@pytest.mark.parametrize(("name", "lang"), PDF_CASES)
def test_pdf_text_has_the_organisation_and_scores(name: str, lang: str, tmp_path: Path) -> None:
    org, shown, _ = _facts(name, lang)
    pdf = _rendered(name, lang, "pdf")
    assert pdf.startswith(b"%PDF-")
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        [tool("pdftotext"), "-layout", str(path), "-"],
        capture_output=True, text=True, check=True, timeout=60,
    ).stdout  # fmt: skip
    flat = " ".join(text.split())
    assert " ".join(org.split()) in flat
    assert shown in flat
    pages = subprocess.run(
        [tool("pdftoppm"), "-r", "20", "-png", str(path), str(tmp_path / "page")],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert pages.returncode == 0, pages.stderr
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) >= 5
    assert all(image.read_bytes().startswith(b"\x89PNG") for image in images)
