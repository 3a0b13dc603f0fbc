"""The TIA document (issue 15, point 5): its content follows the EDPB's six steps and the engine's
figures, it is self-contained and inert in Chromium, its PDF has pages, and it is the report's
annex, re-derived when a signed bundle is verified.

The fixture is the issue's worked example: an EU telecom's customer records reached from
Casablanca (use case 7), with encrypted backups in the United States.
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from compliance.catalog import load_assessment
from compliance.engine.scoring import score
from compliance.engine.tia import dominating, estimate, neutralised_bases, sensitivity
from compliance.errors import ReportError
from compliance.model.assessment import Assessment
from compliance.model.questionnaire import Questionnaire
from compliance.model.result import Result
from compliance.report import render
from compliance.report.tia import flows_with_tia, probability
from compliance.report.tia_chart import SensitivityBar
from compliance.report.tia_chart import sensitivity as sensitivity_chart
from compliance.report.tia_document import render_tia
from tests.report.support import chromium_dump, inventory, tool

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "tia" / "telecom-casablanca.yaml"
FLOW = "f1-telecom-crm"
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "nav", "section", "footer",
    "h1", "h2", "h3", "h4", "p", "div", "span", "strong", "br", "ol", "ul", "li", "a", "dl", "dt",
    "dd", "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "svg", "path", "line",
    "rect", "text", "bdi",
}  # fmt: skip
STEP_ANCHORS = ("conclusion", "step1", "step2", "step3", "step4", "calculation", "step5", "step6")


@functools.cache
def _loaded() -> tuple[Questionnaire, Assessment, Result]:
    assessment, questionnaire = load_assessment(FIXTURE)
    return questionnaire, assessment, score(questionnaire, assessment)


@functools.cache
def _document(lang: str, fmt: str) -> bytes:
    questionnaire, assessment, result = _loaded()
    return render_tia(questionnaire, assessment, result, flow_id=FLOW, lang=lang, fmt=fmt)


def _flow_tia() -> object:
    _, assessment, _ = _loaded()
    flow = assessment.flow(FLOW)
    assert flow is not None
    return flow.tia


def _text(html: str) -> str:
    """The document's text, runs of ASCII white space as one space (no-break spaces kept)."""
    return re.sub(r"[ \t\r\n]+", " ", " ".join(inventory(html).text))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_document_is_laid_out_as_the_six_steps(lang: str) -> None:
    html = _document(lang, "html").decode("utf-8")
    for anchor in (*STEP_ANCHORS, "sources"):
        assert f'id="tia-{FLOW}-{anchor}"' in html
        assert f'href="#tia-{FLOW}-{anchor}"' in html  # and the contents lead to it
    text = _text(html)
    step = "Step" if lang == "en" else "Étape"
    positions = [text.index(f"{step} {n}") for n in range(1, 7)]
    assert positions == sorted(positions)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_calculation_shows_its_inputs_the_engines_probability_and_the_sensitivity(
    lang: str,
) -> None:
    from compliance.model.tia import Tia

    tia = _flow_tia()
    assert isinstance(tia, Tia) and tia.quantitative is not None
    neutral = neutralised_bases(tia)
    found = estimate(tia.quantitative, neutral)
    rows = sensitivity(tia.quantitative, neutral)
    top = dominating(rows)
    assert top is not None
    html = _document(lang, "html").decode("utf-8")
    text = _text(html)
    shown = probability(found.probability, lang)
    assert shown in text
    assert probability(tia.quantitative.tolerance, lang) in text
    for basis in tia.quantitative.bases:  # every input, as given
        for value in (basis.p_target, basis.p_compel, basis.p_readable, basis.p_challenge_fails):
            written = f"{value.normalize():f}"
            assert (written.replace(".", ",") if lang == "fr" else written) in text
    # the sensitivity table: one row per input, the dominating one marked and named
    table = html[html.index('class="tia-sensitivity"') :]
    assert table.count("<tr") == 1 + len(rows)
    assert table.count('class="dominant"') == 1
    assert probability(top.doubled, lang) in text
    above = "above" if lang == "en" else "au-dessus"
    assert not found.within_tolerance and above in text
    assert 'class="sensitivity"' in html  # the chart, inline SVG


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_basis_shows_its_assessment_and_its_verified_flag_honestly(lang: str) -> None:
    questionnaire, _, _ = _loaded()
    assert questionnaire.reference is not None
    sheet = questionnaire.reference.sheet("MA")
    assert sheet is not None
    html = _document(lang, "html").decode("utf-8")
    verified = "Checked against the primary text" if lang == "en" else "Vérifiée sur le texte"
    unverified = (
        "Not verified against the primary text" if lang == "en" else "Non vérifiée sur le texte"
    )
    assert html.count(verified) == sheet.verified_count()
    assert html.count(unverified) == len(sheet.bases) - sheet.verified_count()
    for basis in sheet.bases:
        assert basis.id in html
        for source in basis.sources:  # every source cited (HTML-escaped in the source)
            cited = source.citation.replace("&", "&amp;").replace('"', "&#34;")
            assert cited.replace("'", "&#39;") in html
    applies = "applies" if lang == "en" else "s&#39;applique"
    assert f">{applies}<" in html


def test_a_measure_that_cannot_be_effective_for_the_use_case_is_a_warning() -> None:
    text = _text(_document("en", "html").decode("utf-8"))
    assert "7. remote access for business purposes" in text
    assert re.search(r"Warning: It cannot neutralise Code of Criminal Procedure, Art\. 59", text)
    assert "reported here, not counted" in text


def test_the_sources_of_the_method_are_cited() -> None:
    text = _text(_document("en", "html").decode("utf-8"))
    assert "EDPB, Recommendations 01/2020" in text
    assert "Recommendations 02/2020 on the European Essential Guarantees" in text
    assert "(EU) 2021/914" in text and "Clause 14" in text
    assert "Rosenthal" in text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_html_is_self_contained(lang: str) -> None:
    html = _document(lang, "html").decode("utf-8")
    assert re.search(rf'<html lang="{lang}"', html)
    assert "Content-Security-Policy" in html
    for needle in ("<script", "<link", "<img", "url(", "@import", "<iframe"):
        assert needle not in html.lower(), needle
    parsed = inventory(html)
    assert parsed.tags <= ALLOWED_TAGS, parsed.tags - ALLOWED_TAGS
    for tag, attribute, value in parsed.attributes:
        assert not attribute.startswith("on"), (tag, attribute)
        assert attribute not in ("src", "srcset", "action", "formaction", "xlink:href", "style")
        if attribute == "href":
            assert re.fullmatch(r"#[a-z0-9-]+", value), value


def test_the_same_assessment_gives_the_same_bytes() -> None:
    questionnaire, assessment, result = _loaded()
    again = render_tia(questionnaire, assessment, result, flow_id=FLOW, lang="en", fmt="html")
    assert again == _document("en", "html")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_markdown_carries_the_steps_and_the_figures(lang: str) -> None:
    md = _document(lang, "md").decode("utf-8")
    tia = _flow_tia()
    from compliance.model.tia import Tia

    assert isinstance(tia, Tia) and tia.quantitative is not None
    found = estimate(tia.quantitative, neutralised_bases(tia))
    assert md.startswith("# ")
    assert "\n\n\n" not in md
    assert len(re.findall(r"^## (Step|Étape) [1-6]", md, flags=re.MULTILINE)) == 6
    assert probability(found.probability, lang) in md


def test_chromium_shows_the_chart_runs_nothing_and_fetches_nothing(tmp_path: Path) -> None:
    page = tmp_path / "tia.html"
    page.write_bytes(_document("en", "html"))
    net_log = tmp_path / "net.json"
    dom = chromium_dump(page, net_log=net_log)
    assert '<svg class="sensitivity"' in dom
    assert dom.count("<rect") >= 16  # a track and bars for each input
    assert f'id="tia-{FLOW}-calculation"' in dom
    questionnaire, _, _ = _loaded()
    assert questionnaire.reference is not None
    sheet = questionnaire.reference.sheet("MA")
    assert sheet is not None
    cited = {urlsplit(s.url).netloc for b in sheet.bases for s in b.sources if s.url}
    assert cited  # the document names these addresses as text, and fetches none of them
    events = json.loads(net_log.read_text(encoding="utf-8") or "{}").get("events", [])
    urls = {str(event.get("params", {}).get("url", "")) for event in events}
    assert not [url for url in urls if any(host in url for host in cited)]


def test_the_pdf_has_pages_with_the_result(tmp_path: Path) -> None:
    pdf = _document("en", "pdf")
    assert pdf.startswith(b"%PDF-")
    path = tmp_path / "tia.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        [tool("pdftotext"), "-layout", str(path), "-"],
        capture_output=True, text=True, check=True, timeout=60,
    ).stdout  # fmt: skip
    flat = " ".join(text.split())
    assert "Transfer impact assessment" in flat
    assert "Probability of a prohibited access" in flat
    pages = subprocess.run(
        [tool("pdftoppm"), "-r", "20", "-png", str(path), str(tmp_path / "page")],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert pages.returncode == 0, pages.stderr
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) >= 5
    assert all(image.read_bytes().startswith(b"\x89PNG") for image in images)


def test_a_flow_without_a_structured_tia_or_another_country_is_refused() -> None:
    from compliance.model.tia import Tia

    questionnaire, assessment, result = _loaded()
    with pytest.raises(ReportError, match=r"no flow 'nope'.*f1-telecom-crm"):
        render_tia(questionnaire, assessment, result, flow_id="nope", lang="en", fmt="html")
    with pytest.raises(ReportError, match="assesses MA, not US"):
        render_tia(
            questionnaire, assessment, result, flow_id=FLOW, country="us", lang="en", fmt="md"
        )
    with pytest.raises(ReportError, match="html, md or pdf"):
        render_tia(questionnaire, assessment, result, flow_id=FLOW, lang="en", fmt="docx")
    asserted = Tia(done=True, conclusion="acceptable")  # the older three fields only
    flows = tuple(
        f.model_copy(update={"tia": asserted}) if f.id == "f2-backup-us" else f
        for f in assessment.flows
    )
    older = assessment.model_copy(update={"flows": flows})
    with pytest.raises(ReportError, match="f2-backup-us has no structured"):
        render_tia(questionnaire, older, result, flow_id="f2-backup-us", lang="en", fmt="html")


def test_an_onward_flow_whose_measures_neutralise_every_basis_is_within_tolerance() -> None:
    """The worked example's onward backups in the United States: encrypted with keys held in
    Casablanca (EDPB use case 1), so the technical measure neutralises the bases it names."""
    questionnaire, assessment, result = _loaded()
    html = render_tia(
        questionnaire, assessment, result, flow_id="f2-backup-us", lang="en", fmt="html"
    ).decode("utf-8")
    text = _text(html)
    assert "United States (US)" in text
    assert "1. storage needing no access in the clear" in text
    assert "technical measures can be effective" in text
    assert "is 0.00%, within the exporter's tolerance of 1.00%" in text
    assert "taken as 0: neutralised by an effective measure" in text
    assert "Warning:" not in text.split("Step 4")[1].split("Step 5")[0]
    assert "us-fisa-702" in html and "Not verified against the primary text" in html


def test_hostile_text_in_the_tia_prints_as_text() -> None:
    from compliance.model.tia import Tia

    questionnaire, assessment, _ = _loaded()
    payload = "<script>alert(1)</script> [x](javascript:alert(1)) # heading"
    flows = []
    for flow in assessment.flows:
        changed = flow
        if flow.id == FLOW:
            law = [b.model_copy(update={"justification": payload}) for b in flow.tia.law or ()]
            tia = Tia.model_validate({**flow.tia.model_dump(), "law": law, "triggers": [payload]})
            changed = flow.model_copy(update={"tia": tia, "name": payload})
        flows.append(changed)
    hostile = assessment.model_copy(update={"flows": tuple(flows)})
    result = score(questionnaire, hostile)
    html = render_tia(questionnaire, hostile, result, flow_id=FLOW, lang="en", fmt="html")
    assert b"<script>" not in html
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in html
    md = render_tia(questionnaire, hostile, result, flow_id=FLOW, lang="en", fmt="md")
    assert b"<script>" not in md
    assert b"\\[x\\](javascript:alert(1))" in md


def test_the_chart_escapes_its_labels_and_scales_to_the_largest_value() -> None:
    svg = sensitivity_chart(
        [SensitivityBar("<b>&", Decimal("0.1"), Decimal("0.4"))],
        Decimal("0.2"),
        Decimal("0.05"),
        label='a"b',
        legend=("h", "d", "r", "t"),
        axis=("0 %", "40 %"),
    )
    assert "<b>" not in svg and "&lt;b&gt;&amp;" in svg
    assert 'aria-label="a&#34;b"' in svg
    assert 'stroke-dasharray="5 3"' in svg  # the tolerance line


# --- the report's annex ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_report_carries_the_tia_as_an_annex(lang: str) -> None:
    questionnaire, assessment, result = _loaded()
    assert [f.id for f in flows_with_tia(assessment)] == [FLOW, "f2-backup-us"]
    html = render(questionnaire, assessment, result, lang=lang, fmt="html").decode("utf-8")
    assert 'id="tia-annex"' in html and 'href="#tia-annex"' in html
    assert f'id="tia-{FLOW}-calculation"' in html
    assert 'id="tia-f2-backup-us-calculation"' in html
    assert 'class="sensitivity"' in html
    assert inventory(html).tags <= ALLOWED_TAGS
    md = render(questionnaire, assessment, result, lang=lang, fmt="md").decode("utf-8")
    annex = "## Annex" if lang == "en" else "## Annexe"
    assert annex in md
    assert "\n\n\n" not in md


def test_a_report_without_a_structured_tia_has_no_annex() -> None:
    from tests.report.support import FIXTURES

    assessment, questionnaire = load_assessment(FIXTURES / "atlas.yaml")
    result = score(questionnaire, assessment)
    html = render(questionnaire, assessment, result, lang="en", fmt="html")
    assert b"tia-annex" not in html and b".tia-basis" not in html
