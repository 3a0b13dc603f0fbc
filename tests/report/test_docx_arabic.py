"""The Word report in Arabic (issue 18, point 2): right to left in OOXML's own terms, read back
from the document's XML: bidi paragraphs, tables and section, Arabic runs marked right to left
with the complex-script font and size, Latin identifiers in runs of their own, the document's
bidi language ar-MA, Western digits with a decimal comma and Moroccan month names.

The assessment answers ma-screening 1.2.0, whose texts are all in Arabic.
"""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as etree

from hypothesis import given
from hypothesis import strategies as st

from compliance.catalog import load_assessment
from compliance.engine.scoring import score
from compliance.report.bidi import FSI, PDI, strip
from compliance.report.docx import domain_chart, render_docx
from compliance.report.docx_bidi import _ORDER, ARABIC_FONT, segments
from compliance.report.formatting import long_date
from compliance.typography import number
from tests.helpers import REPO

FIXTURE = REPO / "questionnaires/ma-screening/1.2.0/fixtures/typical-first-meeting.yaml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


@functools.cache
def _scored() -> tuple[Any, Any, Any]:
    assessment, questionnaire = load_assessment(FIXTURE)
    return questionnaire, assessment, score(questionnaire, assessment)


@functools.cache
def _parts(lang: str) -> dict[str, Any]:
    questionnaire, assessment, result = _scored()
    data = render_docx(questionnaire, assessment, result, lang=lang)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: etree.fromstring(archive.read(f"word/{name}.xml"))
            for name in ("document", "styles", "settings")
        }


def _runs(root: Any) -> list[tuple[str, Any]]:
    return [("".join(run.itertext()), run.find("w:rPr", NS)) for run in root.iter(_w("r"))]


def test_every_paragraph_table_and_the_section_are_right_to_left() -> None:
    body = _parts("ar")["document"].find("w:body", NS)
    paragraphs = list(body.iter(_w("p")))
    assert len(paragraphs) > 100
    assert all(p.find("w:pPr/w:bidi", NS) is not None for p in paragraphs)
    tables = list(body.iter(_w("tbl")))
    assert len(tables) >= 10
    assert all(t.find("w:tblPr/w:bidiVisual", NS) is not None for t in tables)
    assert body.find("w:sectPr/w:bidi", NS) is not None


def test_arabic_runs_are_rtl_with_the_complex_script_font_and_latin_runs_are_not() -> None:
    runs = _runs(_parts("ar")["document"])
    arabic = [(text, props) for text, props in runs if _arabic(text)]
    assert len(arabic) > 100
    for text, props in arabic:
        assert props is not None and props.find("w:rtl", NS) is not None, text
        fonts = props.find("w:rFonts", NS)
        assert fonts is not None and fonts.get(_w("cs")) == ARABIC_FONT, text
        assert props.find("w:szCs", NS) is not None, text
        if props.find("w:b", NS) is not None:
            assert props.find("w:bCs", NS) is not None, text  # Word bolds Arabic with bCs
    latin = [
        (text, props)
        for text, props in runs
        if text and not _arabic(text) and any(ch.isascii() and ch.isalpha() for ch in text)
    ]
    assert latin
    assert all(props is None or props.find("w:rtl", NS) is None for _, props in latin)


def test_control_ids_and_the_digest_keep_their_own_left_to_right_runs() -> None:
    questionnaire, _, _ = _scored()
    texts = [text for text, _ in _runs(_parts("ar")["document"])]
    control = questionnaire.domains[0].controls[0].id
    assert f"{FSI}{control}{PDI}" in texts  # its own run, isolated
    _, _, result = _scored()
    digest = result.questionnaire.digest.removeprefix("sha256:")
    assert [t for t in texts if digest in t] == [
        f"{FSI}{strip(t)}{PDI}" for t in texts if digest in t
    ]
    assert any(digest in t for t in texts)


def test_the_arabic_text_numbers_and_date_are_the_reports() -> None:
    questionnaire, _assessment, result = _scored()
    root = _parts("ar")["document"]
    text = strip("".join(root.itertext()))
    domain = questionnaire.domains[0]
    assert domain.title.get("ar") in text  # the questionnaire's Arabic, e.g. الحكامة
    assert number(result.overall.score, "ar") in text  # Western digits, decimal comma
    assert "," in number(result.overall.score, "ar")
    assert long_date(result.as_of, "ar") in text  # Moroccan month names


def test_the_document_defaults_name_arabic_and_its_font() -> None:
    styles = _parts("ar")["styles"]
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert defaults.find("w:lang", NS).get(_w("bidi")) == "ar-MA"
    assert defaults.find("w:rFonts", NS).get(_w("cs")) == ARABIC_FONT
    # A theme font for complex scripts would win over the one named: none is left.
    assert not [f for f in styles.iter(_w("rFonts")) if f.get(_w("cstheme"))]
    heading = next(
        style.find("w:rPr", NS)
        for style in styles.iter(_w("style"))
        if style.get(_w("styleId")) == "Heading1"
    )
    assert heading.find("w:bCs", NS) is not None and heading.find("w:szCs", NS) is not None
    theme = _parts("ar")["settings"].find("w:themeFontLang", NS)
    assert theme.get(_w("bidi")) == "ar-MA"


def test_properties_are_written_in_their_schema_order() -> None:
    parts = _parts("ar")
    for kind in ("w:rPr", "w:pPr", "w:sectPr", "w:tblPr"):
        order = [_w(tag[2:]) for tag in _ORDER[kind]]
        for part in parts.values():
            for element in part.iter(_w(kind[2:])):
                positions = [order.index(c.tag) for c in element if c.tag in order]
                assert positions == sorted(positions), etree.tostring(element)[:300]


def test_an_english_document_is_left_to_right_as_before() -> None:
    root = _parts("en")["document"]
    assert root.find(".//w:bidi", NS) is None and root.find(".//w:rtl", NS) is None
    assert root.find(".//w:bidiVisual", NS) is None
    assert FSI not in "".join(root.itertext())


def test_runs_follow_the_direction_of_their_letters() -> None:
    assert segments("XFR-06 الحكامة") == [("XFR-06", False), (" الحكامة", True)]
    # A number after Latin letters stays with them; the closing parenthesis joins the Arabic.
    assert segments("الاستبيان (ma-screening 1.2.0)") == [
        ("الاستبيان (", True),
        ("ma-screening 1.2.0", False),
        (")", True),
    ]
    assert segments("المادة 43 من القانون رقم 09.08") == [("المادة 43 من القانون رقم 09.08", True)]
    assert segments(f"التدفق ({FSI}f1-crm{PDI})") == [
        ("التدفق (", True),
        (f"{FSI}f1-crm{PDI}", False),
        (")", True),
    ]
    # An Arabic isolate is cut by direction inside, its marks at its ends: MA is not in an rtl run.
    assert segments(f"{FSI}المغرب (MA){PDI}") == [
        (f"{FSI}المغرب (", True),
        ("MA", False),
        (f"){PDI}", True),
    ]
    # Latin alone is one isolate, so its full stop stays at its end.
    assert segments("Every question is answered.") == [
        (f"{FSI}Every question is answered.{PDI}", False)
    ]


@given(st.text(alphabet="abc XYZ-().,:09 \u0627\u0644\u062d\u0643\u0645\u0629\u060c\u2068\u2069"))
def test_runs_keep_every_character_in_order(text: str) -> None:
    pieces = segments(text)
    joined = "".join(piece for piece, _ in pieces)
    assert joined in (text, f"{FSI}{text}{PDI}")
    assert all(piece for piece, _ in pieces)


def test_the_chart_is_mirrored_in_arabic() -> None:
    from PIL import Image

    bars = [("GOV الحكامة", 40.0), ("SEC السلامة", None)]
    for rtl in (False, True):
        image = Image.open(io.BytesIO(domain_chart(bars, rtl=rtl))).convert("L")
        width = image.width

        def dark(x: int, image: Any = image) -> bool:
            return bool(image.getpixel((x, 40)) < 120)  # through the first bar and its label

        label_left = any(dark(x) for x in range(400))
        label_right = any(dark(x) for x in range(width - 400, width))
        if rtl:  # label on the right, the bar filled from the plot's right edge
            assert label_right and dark(width - 425) and not dark(425)
        else:
            assert label_left and dark(425) and not dark(width - 425)


def test_a_brand_header_and_footer_are_right_to_left_too(tmp_path: Path) -> None:
    from compliance.report.brand import load_brand
    from tests.report.test_docx_brand import _brand_file

    brand = load_brand(_brand_file(tmp_path, footer="سري: أعد لفائدة الإدارة"))
    questionnaire, assessment, result = _scored()
    data = render_docx(questionnaire, assessment, result, lang="ar", brand=brand)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        footer = next(n for n in names if n.startswith("word/footer"))
        header = next(n for n in names if n.startswith("word/header"))
        footer_root = etree.fromstring(archive.read(footer))
        header_root = etree.fromstring(archive.read(header))
    assert footer_root.find(".//w:pPr/w:bidi", NS) is not None
    assert header_root.find(".//w:pPr/w:bidi", NS) is not None
    arabic = [props for text, props in _runs(footer_root) if _arabic(text)]
    assert arabic and all(p.find("w:rtl", NS) is not None for p in arabic)
    firm = [text for text, _ in _runs(header_root) if "Conseil" in text]
    assert firm == [f"{FSI}Cabinet <Conseil> & Data{PDI}"]  # Latin alone: one isolate


def test_the_command_writes_the_arabic_word_report(tmp_path: Path) -> None:
    from compliance.cli import main

    out = tmp_path / "report.docx"
    assert main(["--lang", "ar", "report", str(FIXTURE), "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "<w:bidi/>" in body and "<w:rtl/>" in body and "<w:bidiVisual/>" in body


def test_the_cover_table_labels_every_row_with_the_city_and_country_as_one_place() -> None:
    labels = {"en": "Place", "fr": "Lieu", "ar": "المكان"}
    for lang, place in labels.items():
        table = _parts(lang)["document"].find("w:body/w:tbl", NS)
        rows = [
            [strip("".join(cell.itertext())) for cell in row.iter(_w("tc"))]
            for row in table.iter(_w("tr"))
        ]
        assert all(label.strip() for label, _ in rows), rows
        assert [value for label, value in rows if label == place] == [
            "Fès · " + {"en": "Morocco (MA)", "fr": "Maroc (MA)", "ar": "المغرب (MA)"}[lang]
        ]
