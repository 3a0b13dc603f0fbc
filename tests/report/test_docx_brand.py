"""Word reports and branding: real Word styles, headings, tables, a table of contents field and a
chart image; a brand's logo, firm, colours and footer on HTML, PDF and Word; bad logos refused."""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from compliance.catalog import load_assessment
from compliance.cli import main
from compliance.engine.scoring import score
from compliance.errors import ReportError
from compliance.report.brand import apply_html, load_brand
from compliance.report.docx import render_docx
from tests.helpers import REPO

FIXTURE = REPO / "questionnaires/ma-offshoring/1.0.0/fixtures/health-without-authorisation.yaml"


def _png(width: int = 60, height: int = 30) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (31, 58, 95)).save(out, "PNG")
    return out.getvalue()


def _brand_file(tmp_path: Path, **changes: Any) -> Path:
    (tmp_path / "logo.png").write_bytes(_png())
    fields = {
        "firm": "Cabinet <Conseil> & Data",
        "logo": "logo.png",
        "colours": {"primary": "#8B1A1A", "secondary": "#FDF2F2"},
        "footer": "Confidentiel — préparé pour la direction",
    } | changes
    import yaml

    path = tmp_path / "brand.yaml"
    path.write_text(yaml.safe_dump(fields, allow_unicode=True), encoding="utf-8")
    return path


@functools.cache
def _scored() -> tuple[Any, Any, Any]:
    assessment, questionnaire = load_assessment(FIXTURE)
    return questionnaire, assessment, score(questionnaire, assessment)


def _open(data: bytes) -> Any:
    import docx

    return docx.Document(io.BytesIO(data))


def test_the_word_report_uses_real_styles_tables_a_toc_and_a_chart() -> None:
    questionnaire, assessment, result = _scored()
    data = render_docx(questionnaire, assessment, result, lang="fr")
    document = _open(data)
    styles = [p.style.name for p in document.paragraphs]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Title" in styles
    for title in (
        "Synthèse",
        "Comment le score est calculé",
        "Plan d'actions correctives",
        "Réponses",
    ):
        assert title in headings
    assert styles.count("Heading 2") >= 5 and "Heading 3" in styles
    assert len(document.tables) >= 10
    assert all(table.style.name == "Table Grid" for table in document.tables)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
    assert 'TOC \\o "1-3" \\h \\z \\u' in body
    assert len(media) == 1 and media[0].endswith(".png")  # the domain chart
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "Médi-Relais Maroc SARL" in cells  # the cover table


def test_user_text_is_data_in_the_word_report() -> None:
    questionnaire, assessment, result = _scored()
    name = assessment.organisation.name
    tricky = assessment.model_copy(
        update={"organisation": assessment.organisation.model_copy(update={"name": "A\x01<b>&"})}
    )
    data = render_docx(questionnaire, tricky, result, lang="en")
    cells = {c.text for t in _open(data).tables for r in t.rows for c in r.cells}
    assert "A<b>&" in cells and name not in cells


def test_a_brand_goes_into_the_word_header_footer_and_headings(tmp_path: Path) -> None:
    brand = load_brand(_brand_file(tmp_path))
    questionnaire, assessment, result = _scored()
    document = _open(render_docx(questionnaire, assessment, result, lang="fr", brand=brand))
    section = document.sections[0]
    assert "Cabinet <Conseil> & Data" in section.header.paragraphs[0].text
    assert section.header.part.package is not None
    assert section.footer.paragraphs[0].text == "Confidentiel — préparé pour la direction"
    assert str(document.styles["Heading 1"].font.color.rgb) == "8B1A1A"
    header_xml = section.header._element.xml
    assert "a:blip" in header_xml  # the logo picture


def test_a_brand_on_the_html_report_is_escaped_and_self_contained(tmp_path: Path) -> None:
    brand = load_brand(_brand_file(tmp_path))
    html = apply_html("<html><head></head><body><p>report</p></body></html>", brand)
    assert "Cabinet &lt;Conseil&gt; &amp; Data" in html and "<Conseil>" not in html
    assert "--accent: #8B1A1A" in html and 'src="data:image/png;base64,' in html
    assert html.index('class="brand-footer"') > html.index("<p>report</p>")


@pytest.mark.slow
def test_cli_brands_html_pdf_and_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    brand = _brand_file(tmp_path)
    for name in ("r.html", "r.pdf", "r.docx"):
        out = tmp_path / name
        assert main(["report", str(FIXTURE), "--brand", str(brand), "-o", str(out)]) == 0
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Cabinet &lt;Conseil&gt; &amp; Data" in html
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert b"/Image" in (tmp_path / "r.pdf").read_bytes()
    assert _open((tmp_path / "r.docx").read_bytes()).sections[0].footer.paragraphs[0].text
    assert main(["report", str(FIXTURE), "--brand", str(brand), "-o", str(tmp_path / "r.md")]) == 2
    assert "not Markdown" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("logo", "message"),
    [
        ("not-a-png", "is not a PNG image; export it as PNG"),
        ("huge", "over the 2 MB a logo may have"),
        ("folder", "is a folder; give the path of a PNG file"),
        ("missing", "does not exist; check the path"),
    ],
)
def test_a_bad_logo_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], logo: str, message: str
) -> None:
    if logo == "not-a-png":
        (tmp_path / "not-a-png").write_bytes(b"GIF89a" + b"\0" * 40)
    elif logo == "huge":
        (tmp_path / "huge").write_bytes(_png()[:33] + b"\0" * (2 * 1024 * 1024))
    elif logo == "folder":
        (tmp_path / "folder").mkdir()
    brand = _brand_file(tmp_path, logo=logo)
    with pytest.raises(ReportError, match=message):
        load_brand(brand)
    out = tmp_path / "r.docx"
    assert main(["report", str(FIXTURE), "--brand", str(brand), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"colours": {"primary": "red"}}, "colour primary 'red' is not #RRGGBB"),
        ({"firm": ""}, "'firm' must be the firm's name"),
        ({"slogan": "x"}, "unknown field 'slogan'"),
    ],
)
def test_a_bad_branding_file_is_refused(
    tmp_path: Path, changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(ReportError, match=message):
        load_brand(_brand_file(tmp_path, **changes))
