"""Reports in Arabic (issue 18, point 2): right to left, Latin identifiers isolated, Arabic dates,
Western digits, the catalogue's own strings in Arabic with the glossary's terms, and a PDF whose
Arabic font is embedded (or refused in one sentence when the font is missing).

The assessment is ma-screening 1.2.0's typical first meeting: its questionnaire has Arabic texts.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
from decimal import Decimal
from html import unescape as html_unescape
from pathlib import Path

import pytest

from compliance.catalog import load_assessment
from compliance.engine.scoring import score
from compliance.errors import ReportError
from compliance.glossary import load_glossary
from compliance.model.assessment import Assessment
from compliance.model.base import Text
from compliance.model.questionnaire import Questionnaire
from compliance.model.result import Result
from compliance.report import charts, pdf, render
from compliance.report.formatting import long_date, number
from compliance.report.strings import LABELS, METHOD, labels, method, strings
from tests.report.support import REPO, tool

FIXTURE = (
    REPO / "questionnaires" / "ma-screening" / "1.2.0" / "fixtures" / "typical-first-meeting.yaml"
)
FSI, PDI = "\u2068", "\u2069"
ARABIC_INDIC = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, dagger alef, tatweel
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.]*")
LATIN_ALLOWED = {"SHA", "F118", "I.B", "I.A"}
"""Latin the Arabic catalogue keeps on purpose: a hash name and the names of official forms."""


@functools.cache
def _loaded() -> tuple[Questionnaire, Assessment, Result]:
    assessment, questionnaire = load_assessment(FIXTURE)
    return questionnaire, assessment, score(questionnaire, assessment)


@functools.cache
def _rendered(fmt: str, lang: str = "ar") -> bytes:
    questionnaire, assessment, result = _loaded()
    return render(questionnaire, assessment, result, lang=lang, fmt=fmt)


def _html() -> str:
    return _rendered("html").decode("utf-8")


def _md() -> str:
    return _rendered("md").decode("utf-8")


def _control_ids() -> list[str]:
    questionnaire, _, _ = _loaded()
    return [control.id for domain in questionnaire.domains for control in domain.controls]


# --- HTML -------------------------------------------------------------------------------------


def test_html_is_arabic_right_to_left() -> None:
    html = _html()
    assert '<html lang="ar" dir="rtl">' in html
    assert "<title>تقرير الجاهزية لحماية المعطيات ذات الطابع الشخصي: " in html
    assert 'font-family: "Noto Naskh Arabic"' in html
    assert "@top-right { content: string(org); }" in html  # the running heads mirrored


def test_html_isolates_every_latin_identifier() -> None:
    html = _html()
    _, _, result = _loaded()
    for control in _control_ids():
        # Its own element says dir="ltr" (a <span class="mono">: isolated as a <bdi> would be).
        assert f' dir="ltr">{control}</span>' in html, control
        bare = rf'(?<!dir="ltr">)(?<!\u2068){re.escape(control)}'
        assert re.search(bare, html) is None, control  # in a table cell or in a sentence
    questionnaire, _, _ = _loaded()
    for question in list(questionnaire.questions_by_id)[:5]:
        assert f'<td class="id" dir="ltr">{question}</td>' in html
    assert f'<bdi dir="ltr">{result.questionnaire.digest}</bdi>' in html
    assert '<bdi dir="ltr">ma-screening</bdi>' in html
    assert f'<bdi dir="ltr">{result.engine}</bdi>' in html


def test_html_dates_are_arabic_and_digits_western() -> None:
    html = _html()
    _, _, result = _loaded()
    assert result.overall.score is not None
    assert f"{long_date(result.as_of, 'ar')} <span" in html
    assert "نونبر" in long_date(result.as_of, "ar")  # the fixture's month, as the BO writes it
    assert number(result.overall.score, "ar") in html
    assert "," in number(result.overall.score, "ar")  # the decimal comma of ar-MA
    assert not ARABIC_INDIC.search(html)


def _body_text(html: str) -> str:
    return html_unescape(re.sub(r"<[^>]+>", "\n", html[html.index("<body") :]))


def test_html_prints_the_arabic_catalogue_and_no_english_one() -> None:
    text = _body_text(_html())
    s, en = strings("ar"), strings("en")
    for key in ("summary", "method", "scores", "remediation", "cndp_title", "unsigned_note"):
        assert s[key] in text, key
    for paragraph in method("ar"):
        assert paragraph in text
    # The legend of the texts cited prints the engine's short names (compliance.engine.citations),
    # not catalogue strings: "GDPR" there is a citation's, not the gate tag's.
    own = re.sub(r'<dl class="texts">.*?</dl>', "", _html(), flags=re.S)
    lines = {line.strip() for line in _body_text(own).splitlines()}
    printed = [key for key, value in en.items() if "{" not in value and value.strip() in lines]
    assert printed == [], printed  # no English catalogue string is a line of the Arabic report


def test_an_unsigned_cover_says_so_in_the_text_face_not_the_monospace_one() -> None:
    # Arabic in DejaVu Sans Mono is spaced out letter by letter; a key id is what mono is for.
    assert "<td>غير موقع</td>" in _html()
    assert '<td class="mono">غير موقع' not in _html()


def test_english_and_french_reports_are_left_to_right_and_not_isolated() -> None:
    for lang in ("en", "fr"):
        html = _rendered("html", lang).decode("utf-8")
        assert f'<html lang="{lang}" dir="ltr">' in html
        assert "<bdi" not in html and FSI not in html
        assert "Noto Naskh Arabic" in html  # one stylesheet: the :lang(ar) rule is inert here
        assert "@top-right { content: string(org); }" not in html


def test_html_charts_are_mirrored_but_the_gauge_is_not() -> None:
    html = _html()
    assert '<svg class="gauge"' in html and 'direction="ltr"' in html
    assert '<ul class="legend">' in html  # the flow chart's legend is HTML, shaped like the text
    full = charts.bar(Decimal("25"), [], width=160, rtl=True)
    assert 'x="120.00"' in full and 'width="40.00"' in full
    assert 'x="0"' in charts.bar(Decimal("25"), [], width=160)
    chart = charts.flow_readiness({"ready": 1, "blocked": 3}, dict.fromkeys(
        ("ready", "conditional", "not_ready", "blocked"), "<x>"), "t", rtl=True)  # fmt: skip
    assert '<rect x="420.00" y="0" width="140.00"' in chart  # ready first, at the right
    assert re.findall(r"<text[^>]*>([^<]*)</text>", chart) == ["1", "3"]  # counts only, no names
    assert "&lt;x&gt; (3)" in chart and "<x>" not in chart


# --- Markdown ---------------------------------------------------------------------------------


def test_markdown_isolates_identifiers_with_fsi_pdi() -> None:
    md = _md()
    _, _, result = _loaded()
    assert md.startswith("# تقرير الجاهزية")
    for control in _control_ids():
        assert f"{FSI}{control}{PDI}" in md, control
    assert f"{FSI}{result.questionnaire.digest}{PDI}" in md
    assert "<bdi" not in md
    assert md.count(FSI) == md.count(PDI)
    assert not ARABIC_INDIC.search(md)
    assert "## ورقة العمل أ" in md


def test_markdown_country_names_keep_their_code_in_order() -> None:
    md = _md()
    assert f"{FSI}Morocco (MA){PDI}" in md or f"{FSI}المغرب (MA){PDI}" in md
    assert FSI + FSI not in md  # isolated once, not again by the template


# --- the catalogue ----------------------------------------------------------------------------


def _arabic_catalogue() -> list[tuple[str, str, str]]:
    """(where, English, Arabic) for every string, method paragraph and label of the catalogue."""
    en, ar = strings("en"), strings("ar")
    pairs = [(key, en[key], ar[key]) for key in en]
    pairs += [
        (f"method.{i}", e, a)
        for i, (e, a) in enumerate(zip(METHOD["en"], METHOD["ar"], strict=True))
    ]
    pairs += [
        (f"{group}.{code}", triple[0], triple[2])
        for group, codes in LABELS.items()
        for code, triple in codes.items()
    ]
    return pairs


def test_arabic_catalogue_has_no_english_word_left() -> None:
    for where, _, arabic in _arabic_catalogue():
        words = set(LATIN_WORD.findall(re.sub(r"\{[a-z_]+\}", "", arabic)))
        assert words <= LATIN_ALLOWED, (where, words - LATIN_ALLOWED)


def test_arabic_catalogue_is_clean_text() -> None:
    for where, _, arabic in _arabic_catalogue():
        assert not BIDI_CONTROLS.search(arabic), where
        assert not MARKS.search(arabic), where
        assert not ARABIC_INDIC.search(arabic), where
        assert re.findall(r"\{[a-z_]+\}", arabic) or "{" not in arabic, where


def test_arabic_catalogue_keeps_the_english_placeholders() -> None:
    en, ar = strings("en"), strings("ar")
    for key in en:
        assert sorted(re.findall(r"\{[a-z_]+\}", en[key])) == sorted(
            re.findall(r"\{[a-z_]+\}", ar[key])
        ), key


def test_arabic_catalogue_applies_the_glossary() -> None:
    glossary = load_glossary("ar")
    misses = []
    for where, english, arabic in _arabic_catalogue():
        text = Text(en=english, fr=english, ar=arabic)
        misses += [
            f"{where}: {term.id}"
            for term in glossary.terms
            if term.pattern is not None
            and term.pattern.search(" ".join(text.en.lower().replace("-", " ").split()))
            and not term.applied_in(arabic)
        ]
    assert misses == []
    assert labels("role", "ar")["processor"] == "المعالج من الباطن"
    assert labels("role", "ar")["controller"] == "المسؤول عن المعالجة"


# --- PDF --------------------------------------------------------------------------------------


def test_arabic_pdf_embeds_its_font_and_reads_in_arabic(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(_rendered("pdf"))
    fonts = subprocess.run(
        [tool("pdffonts"), str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    naskh = [line for line in fonts.splitlines() if "Noto-Naskh-Arabic" in line]
    assert naskh, fonts
    assert all(line.split()[-5] == "yes" for line in naskh), fonts  # the "emb" column
    text = subprocess.run(
        [tool("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert "الملخص التنفيذي" in text
    assert "S-GOV-01" in text  # an isolated id reads in its own order, not "01-GOV-S"


def test_arabic_pdf_without_its_font_is_refused_in_one_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf, "ARABIC_FONTS", ("No Such Arabic Font",))
    assert pdf.arabic_font() is None
    questionnaire, assessment, result = _loaded()
    with pytest.raises(ReportError) as raised:
        render(questionnaire, assessment, result, lang="ar", fmt="pdf")
    message = str(raised.value)
    assert message == pdf.ARABIC_FONT_HINT
    assert "fonts-noto-core" in message and "\n" not in message
    # The other languages and formats do not need it.
    assert render(questionnaire, assessment, result, lang="ar", fmt="html").startswith(b"<!DOCTYPE")


def test_the_arabic_font_is_found_when_installed() -> None:
    found = pdf.arabic_font()
    if found is None and os.environ.get("CI", "").lower() != "true":
        pytest.skip("Noto Naskh Arabic is not installed (.ci/run installs fonts-noto-core)")
    assert found == "Noto Naskh Arabic"


def test_report_command_says_the_font_is_missing_when_fontconfig_has_none(tmp_path: Path) -> None:
    """The real check, against a fontconfig that knows no font at all (not a monkeypatched name)."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.pdf"
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "compliance", "report", str(FIXTURE), "--lang", "ar"]
    done = subprocess.run(
        [*command, "-o", str(out)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    # WeasyPrint warns on import that fontconfig has no font at all; our sentence is the last line.
    assert done.stderr.strip().splitlines()[-1] == f"compliance: {pdf.ARABIC_FONT_HINT}"
    assert "Traceback" not in done.stderr
    assert not out.exists()
