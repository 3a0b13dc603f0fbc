"""The TIA document in Arabic (issue 18): its own words in Arabic with the glossary's terms, right
to left, Latin identifiers isolated so they do not flip, numbers and dates as ADR 0025 writes them.

The telecom fixture answers ma-offshoring, whose texts (and the country sheets' prose) may still
be English: those fall back, isolated, inside the Arabic document.
"""

from __future__ import annotations

import functools
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from compliance.report.bidi import FSI, PDI, direction, ltr, strip, text_direction
from compliance.report.tia import years_text
from compliance.report.tia_chart import SensitivityBar
from compliance.report.tia_chart import sensitivity as sensitivity_chart
from compliance.report.tia_strings import (
    INPUT_NAMES,
    SOURCES,
    USE_CASE_NAMES,
    pick,
    tia_strings,
)
from tests.report.support import inventory, tool
from tests.report.test_tia_document import FLOW, _document

ARABIC = re.compile("[\u0600-\u06ff]")
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
HARAKAT_OR_TATWEEL = re.compile("[\u064b-\u0652\u0640]")


@functools.cache
def _text(fmt: str) -> str:
    return _document("ar", fmt).decode("utf-8")


def test_every_word_of_the_catalogue_is_arabic_under_the_english_keys() -> None:
    english, arabic = tia_strings("en"), tia_strings("ar")
    assert set(arabic) == set(english)
    for key, text in arabic.items():
        assert not BIDI_CONTROLS.search(text), key  # the catalogue holds none (the TUI reads it)
        assert not HARAKAT_OR_TATWEEL.search(text), key
        if key not in ("colon", "calc_years"):
            assert ARABIC.search(text), key
        fields = set(re.findall(r"{(\w+)}", english[key]))
        if key != "calc_intro":  # the Arabic puts the formula in a field (isolated by the view)
            assert set(re.findall(r"{(\w+)}", text)) == fields, key


def test_the_catalogue_uses_the_glossary_terms() -> None:
    s = tia_strings("ar")
    assert s["title"] == "تقييم أثر النقل"  # glossary: tia
    assert "البنود التعاقدية النموذجية" in s["subtitle"]  # glossary: sccs
    assert "اللائحة العامة لحماية البيانات" in s["intro"]  # glossary: gdpr
    assert "المعطيات ذات الطابع الشخصي" in s["intro"]  # glossary: personal-data
    assert "السلطات العامة" in s["intro"]  # glossary: public-authority
    assert "معالج من الباطن" in pick(USE_CASE_NAMES["cloud_in_clear"], "ar")  # processor


@pytest.mark.parametrize("names", [INPUT_NAMES, USE_CASE_NAMES, dict(enumerate(SOURCES))])
def test_the_named_lists_have_an_arabic_text_and_english_stays_first(
    names: dict[object, tuple[str, str, str]],
) -> None:
    for texts in names.values():
        assert len(texts) == 3
        assert ARABIC.search(pick(texts, "ar"))
        assert pick(texts, "en") == texts[0] and pick(texts, "fr") == texts[1]
        assert pick(texts, "xx") == texts[0]
    # "P(...)" around Arabic would be reordered in a right-to-left line: the names are words.
    assert not any("P(" in pick(texts, "ar") for texts in INPUT_NAMES.values())


def test_years_are_counted_as_arabic_counts_them() -> None:
    assert [years_text(n, "ar") for n in (1, 2, 5, 10, 12)] == [
        "سنة واحدة",
        "سنتين",
        "5 سنوات",
        "10 سنوات",
        "12 سنة",
    ]
    assert years_text(5, "en") == "5"


def test_isolation_marks_only_arabic() -> None:
    assert ltr("XFR-06", "ar") == f"{FSI}XFR-06{PDI}"
    assert ltr("XFR-06", "fr") == "XFR-06" and ltr("", "ar") == ""
    assert strip(ltr("sha256:ab", "ar")) == "sha256:ab"
    assert (direction("ar"), direction("en")) == ("rtl", "ltr")
    assert ltr(ltr("XFR-06", "ar"), "ar") == f"{FSI}XFR-06{PDI}"  # not isolated twice
    assert text_direction("Morocco has no EU adequacy decision.") == "ltr"
    assert text_direction("[غير جاهز] Code of Criminal Procedure …") == "rtl"
    assert text_direction(f"{FSI}a{PDI}، {FSI}b{PDI}") == "rtl"  # an Arabic list of Latin items


def test_the_html_document_is_right_to_left_with_its_ids_isolated() -> None:
    html = _text("html")
    assert '<html lang="ar" dir="rtl">' in html
    assert "<h1>تقييم أثر النقل</h1>" in html
    assert '<bdi dir="ltr" class="mono muted">ma-ccp-search-seizure</bdi>' in html
    assert f'(<bdi dir="ltr">{FLOW}</bdi>)' in html  # the flow's id beside its (Latin) name
    text = " ".join(inventory(html).text)
    for words in ("المرحلة 1: معرفة النقل", "المرحلة 6: إعادة التقييم", "الضمانات الأوروبية"):
        assert words in text
    # Dates written out with the Bulletin officiel's months, numbers with a decimal comma.
    assert "15 نونبر 2026" in text and "3,66%" in text
    assert "5 سنوات" in text
    # The four guarantees by their Arabic letters and names.
    assert "قواعد واضحة ودقيقة ومتاحة" in text and "سبل انتصاف فعالة" in text


def test_the_route_points_from_the_origin_when_read_from_the_right() -> None:
    md = _text("md")
    route = next(line for line in md.splitlines() if line.startswith("| المسار |"))
    assert "←" in route and "→" not in route
    origin, destination = route.split("|")[2].split("←")
    assert "(FR)" in strip(origin) and "(MA)" in strip(destination)
    assert origin.strip().startswith(FSI)  # each country one isolated unit


def test_the_english_document_has_no_isolation_marks() -> None:
    for fmt in ("md", "html"):
        assert not BIDI_CONTROLS.search(_document("en", fmt).decode("utf-8"))
        assert not BIDI_CONTROLS.search(_document("fr", fmt).decode("utf-8"))


def test_the_formula_is_isolated_in_the_arabic_text() -> None:
    assert f"{FSI}1 − Π (1 − p)ⁿ{PDI}" in _text("md")
    assert "{formula}" not in _text("md") and "{formula}" not in _text("html")


def test_the_arabic_chart_keeps_its_axis_left_to_right_and_its_words_out_of_svg_text() -> None:
    bars = [
        SensitivityBar("احتمال الاستهداف · Code", Decimal("0.01"), Decimal("0.05")),
        SensitivityBar("<b>احتمال الإكراه</b>", Decimal("0.015"), Decimal("0.03")),
    ]

    def chart(rtl: bool) -> str:
        return str(
            sensitivity_chart(
                bars,
                Decimal("0.02"),
                Decimal("0.01"),
                label="حساسية",
                legend=("مقسوما", "مضاعفا", "النتيجة", "الحد المقبول"),
                axis=("0,00%", "5,00%"),
                rtl=rtl,
            )
        )

    html = chart(True)
    found = inventory(html)
    # The words are HTML (shaped and ordered by the renderer), never SVG text: WeasyPrint draws
    # SVG text glyph by glyph, unjoined.
    svg_texts = re.findall(r"<text[^>]*>([^<]*)</text>", html)
    assert svg_texts == ["0,00%", "5,00%"]
    assert "احتمال الاستهداف · Code" in found.text and "الحد المقبول" in " ".join(found.text)
    assert "&lt;b&gt;" in html and "<b>" not in html  # labels are escaped
    assert html.count("<tr>") == 3  # a row per input, and the scale
    assert html.count('direction="ltr"') == html.count("<svg")  # every strip keeps its axis
    # The same probabilities give the same positions as in the left-to-right chart.
    mid = re.search(r'<line x1="([\d.]+)"', html)
    assert mid is not None and "<text" in chart(False)
    assert "مقسوما" in chart(False) and "<table" not in chart(False)


def test_the_pdf_reads_arabic(tmp_path: Path) -> None:
    path = tmp_path / "tia.pdf"
    path.write_bytes(_document("ar", "pdf"))
    text = subprocess.run(
        [tool("pdftotext"), str(path), "-"],
        capture_output=True, text=True, check=True, timeout=60,
    ).stdout  # fmt: skip
    # (words without the lam-alef ligature, which pdftotext gives back in another order)
    assert "تقييم أثر النقل" in text
    assert "المرحلة" in text and "المصادر" in text


def test_the_command_writes_the_arabic_document(tmp_path: Path) -> None:
    from compliance.cli import main
    from tests.report.test_tia_document import FIXTURE

    out = tmp_path / "tia.html"
    assert main(["--lang", "ar", "tia", str(FIXTURE), "--flow", FLOW, "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert 'dir="rtl"' in html and "تقييم أثر النقل" in html


def test_english_prose_in_the_arabic_html_is_held_left_to_right() -> None:
    # The country sheet's prose is English until it is translated: in a right-to-left page each
    # such text is a <bdi dir="ltr"> (WeasyPrint reorders the lines of a bare FSI isolate one by
    # one, moving full stops), and the Arabic around it stays right to left.
    html = _text("html")
    assert '<bdi dir="ltr">' in html
    english = re.findall(r'<bdi dir="ltr">([^<]{80,})</bdi>', html)
    assert english and all(not ARABIC.search(text) for text in english)
    assert '<bdi dir="rtl">' in html  # the engine's Arabic findings
    assert "<bdi" not in _document("en", "html").decode("utf-8").split("<body", 1)[1].replace(
        '<bdi dir="ltr" class="mono', ""
    )


def test_isolates_become_bdi_elements_in_html() -> None:
    from compliance.report.bidi import html

    assert str(html(f"التدفق ({FSI}f1-crm{PDI})")) == 'التدفق (<bdi dir="ltr">f1-crm</bdi>)'
    assert str(html(f"{FSI}<b>{FSI}المغرب{PDI}</b>{PDI}")) == (
        '<bdi dir="rtl">&lt;b&gt;<bdi dir="rtl">المغرب</bdi>&lt;/b&gt;</bdi>'
    )
    assert str(html(f"a {FSI}open")) == f"a {FSI}open"  # unbalanced: left as a character
    assert str(html("<script>")) == "&lt;script&gt;"
    # The Arabic document's formula and flow id are elements WeasyPrint keeps in order.
    document = _text("html")
    assert '<bdi dir="ltr">1 − Π (1 − p)ⁿ</bdi>' in document
    assert FSI not in document.split("<body", 1)[1].split("<title>", 1)[0]


def test_the_arabic_report_carries_the_tia_annex_in_arabic() -> None:
    from compliance.report.render import render_text
    from tests.report.test_tia_document import _loaded

    questionnaire, assessment, result = _loaded()
    html = render_text(questionnaire, assessment, result, lang="ar", kind="html")
    assert 'dir="rtl"' in html and "<h2>ملحق: تقييمات أثر النقل</h2>" in html
    assert '<bdi dir="ltr" class="mono muted">f1-telecom-crm</bdi>' in html
    md = render_text(questionnaire, assessment, result, lang="ar", kind="md")
    assert "المرحلة 3: قانون بلد الوجهة وممارسته" in md
