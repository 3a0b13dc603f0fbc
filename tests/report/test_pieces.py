"""The pieces of the report: escaping, strict templates, the fetcher, strings, determinism, CLI."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from jinja2 import UndefinedError

from compliance.catalog import load_assessment
from compliance.cli import main
from compliance.engine.scoring import score
from compliance.errors import ReportError
from compliance.model.assessment import Assessment
from compliance.model.questionnaire import Questionnaire
from compliance.model.result import Result
from compliance.report import render, templates_digest
from compliance.report.charts import bar, flow_readiness, gauge
from compliance.report.environment import environment, md_escape
from compliance.report.strings import LABELS, METHOD, labels, strings
from tests.report.support import FIXTURES, isolated_env, tool

Loaded = tuple[Questionnaire, Assessment, Result]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Loaded]:
    with isolated_env(tmp_path_factory.mktemp("user")):
        assessment, questionnaire = load_assessment(FIXTURES / "full.yaml")
        yield questionnaire, assessment, score(questionnaire, assessment)


# --- Markdown escaping ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words, 54.17 and 2026-11-01", "plain words, 54.17 and 2026-11-01"),
        ("<b>x</b>", r"\<b\>x\</b\>"),
        ("*a* _b_ `c` [d](e) | f", r"\*a\* \_b\_ \`c\` \[d\](e) \| f"),
        ("# title", r"\# title"),
        ("- item", r"\- item"),
        ("1. first", r"1\. first"),
        ("a\n\n# b\n- c", r"a \# b - c"),
        ("- x", r"\- x"),
        ("> quote", r"\> quote"),
        ("2026-11-01", "2026-11-01"),
        ("&amp; &", r"\&amp; \&"),
        ("{{7*7}} {% raw %}", r"\{\{7\*7\}\} \{% raw %\}"),
    ],
)
def test_md_escape(text: str, expected: str) -> None:
    assert md_escape(text) == expected


# --- templates --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["html", "md"])
def test_a_missing_variable_fails_loudly(kind: str) -> None:
    with pytest.raises(UndefinedError):
        environment(kind).from_string("{{ doc.nowhere }}").render(doc={})
    with pytest.raises(UndefinedError):
        environment(kind).from_string("{{ nothing }}").render()


@pytest.mark.parametrize("kind", ["html", "md"])
def test_printing_none_fails_loudly(kind: str) -> None:
    with pytest.raises(ReportError, match="None"):
        environment(kind).from_string("{{ value }}").render(value=None)


def test_user_text_is_never_compiled_as_a_template() -> None:
    html = environment("html").from_string("{{ v }}").render(v="{{ 7*7 }}{% raw %}")
    assert html == "{{ 7*7 }}{% raw %}"


def test_html_escapes_and_markdown_escapes_differently() -> None:
    value = "<i>&</i>"
    assert environment("html").from_string("{{ v }}").render(v=value) == "&lt;i&gt;&amp;&lt;/i&gt;"
    assert environment("md").from_string("{{ v }}").render(v=value) == r"\<i\>\&\</i\>"


def test_the_jinja_version_has_the_sandbox_fixes() -> None:
    import jinja2

    major, minor, patch = (int(part) for part in jinja2.__version__.split(".")[:3])
    assert (major, minor, patch) >= (3, 1, 6)


def test_templates_digest_is_stable_hex() -> None:
    assert re.fullmatch(r"[0-9a-f]{64}", templates_digest())
    assert templates_digest() == templates_digest()


# --- charts -----------------------------------------------------------------------------------


def test_charts_escape_what_they_print() -> None:
    svg = gauge(None, [], '<script>"', 'a"><script>')
    assert "<script" not in svg and "&lt;script&gt;" in svg and "&#34;" in svg
    chart = flow_readiness(
        {"ready": 2}, dict.fromkeys(("ready", "conditional", "not_ready", "blocked"), "<x>"), "t"
    )
    assert "<x>" not in chart and "&lt;x&gt; (2)" in chart
    assert 'width="80.00"' in bar(__import__("decimal").Decimal("50"), [], width=160)


# --- strings ----------------------------------------------------------------------------------


def test_every_string_exists_in_every_language() -> None:
    for lang in ("fr", "ar"):
        assert set(strings("en")) == set(strings(lang))
        assert all(strings(lang)[key] != "" for key in strings(lang))
        assert len(METHOD["en"]) == len(METHOD[lang])
    for group, pairs in LABELS.items():
        assert all(len(pair) == 3 and all(pair) for pair in pairs.values()), group
        assert labels(group, "fr").keys() == labels(group, "en").keys()
        assert labels(group, "ar").keys() == labels(group, "en").keys()


def test_unknown_format_or_language_is_a_report_error(loaded: Loaded) -> None:
    q, a, r = loaded
    with pytest.raises(ReportError, match="docx"):
        render(q, a, r, lang="en", fmt="docx")
    with pytest.raises(ReportError, match="'de'"):
        render(q, a, r, lang="de", fmt="html")


def test_the_signature_key_is_shown(loaded: Loaded) -> None:
    q, a, r = loaded
    key = "ed25519:3f1a9c0b7d2e"
    html = render(q, a, r, lang="en", fmt="html", signature=key).decode()
    md = render(q, a, r, lang="fr", fmt="md", signature=key).decode()
    assert html.count(key) >= 3 and ">unsigned<" not in html
    assert "ed25519:3f1a9c0b7d2e" in md and "non signé" not in md


def test_worksheets_hold_the_cndp_particulars(loaded: Loaded) -> None:
    q, a, r = loaded
    md = render(q, a, r, lang="en", fmt="md").decode()
    sheet_a = md.split("## Worksheet A")[1].split("## Worksheet B")[0]
    # the two flows leaving Morocco, not the one coming in
    assert "Call reports returned to the client (back)" in sheet_a
    assert "Ticketing SaaS in the United States (tickets)" in sheet_a
    assert "(crm)" not in sheet_a
    for particular in (
        "1,200,000",
        "file transfer, periodic",
        "2 February 2025",
        "granted on 10 January 2025, filed on 2 December 2024, reference T-2025-0789",
        "filed on 1 September 2026, no decision yet, reference F118-2026-031",
    ):
        assert particular in sheet_a.replace("\\-", "-"), particular
    assert "Express, reasoned CNDP authorisation" in sheet_a
    fr = render(q, a, r, lang="fr", fmt="md").decode().replace("\\-", "-")
    assert "accordée le 10 janvier 2025, déposée le 2 décembre 2024" in fr
    assert "déposée le 1er septembre 2026, sans décision à ce jour" in fr
    assert "measures in place: encryption in transit" in sheet_a
    # the shipped CNDP list is unverified: its answer is never given as settled
    assert "not verified against the deliberation" in sheet_a
    assert "n'est pas vérifiée sur la délibération" in fr
    sheet_b = md.split("## Worksheet B")[1]
    assert "(crm)" in sheet_b and "Module 2: controller to processor" in sheet_b
    assert "Handling inbound customer calls" in sheet_b


# --- PDF --------------------------------------------------------------------------------------


def test_pdf_bytes_are_reproducible_with_no_environment_variable(
    loaded: Loaded, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    q, a, r = loaded
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = render(q, a, r, lang="fr", fmt="pdf")
    assert render(q, a, r, lang="fr", fmt="pdf") == first
    assert _created(first, tmp_path) == "2026-10-15T00:00:00Z"  # the assessment's date
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # the signer's environment: ignored
    assert render(q, a, r, lang="fr", fmt="pdf") == first


def test_pdf_bytes_are_reproducible_when_fonttools_subsets_the_fonts(
    loaded: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without libharfbuzz-subset WeasyPrint subsets with fontTools, which stamps every subset
    with the current time: a clock that moves between the two renders must not show."""
    import fontTools.ttLib.tables._h_e_a_d as head
    from weasyprint.pdf import fonts

    q, a, r = loaded
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setattr(fonts, "harfbuzz_subset", None)  # as on a machine without the library
    ticks = iter(range(3_000_000_000, 4_000_000_000, 86_400))
    monkeypatch.setattr(head, "timestampNow", lambda: next(ticks))
    used: list[bool] = []
    subset = fonts.Font._fonttools_subset

    def counted(self: object, *args: object) -> None:
        used.append(True)
        subset(self, *args)

    monkeypatch.setattr(fonts.Font, "_fonttools_subset", counted)
    first = render(q, a, r, lang="en", fmt="pdf")
    second = render(q, a, r, lang="en", fmt="pdf")
    assert used, "the fontTools subsetter was not used"
    assert first == second


def _created(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "dated.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(
        [tool("pdfinfo"), "-isodates", str(path)], capture_output=True, text=True, check=True
    ).stdout
    found = re.search(r"^CreationDate:\s+(\S+)$", info, re.MULTILINE)
    assert found, info
    return found.group(1)


@pytest.mark.parametrize(
    "html",
    [
        '<img src="file:///etc/passwd">',
        "<style>@import url(http://127.0.0.1:9/x.css);</style>",
        '<img src="data:image/png;base64,iVBORw0KGgo=">',
    ],
)
def test_the_pdf_fetcher_refuses_everything(html: str) -> None:
    import datetime as dt

    from compliance.report.pdf import html_to_pdf

    with pytest.raises(ReportError, match="refused"):
        html_to_pdf(f"<html><body><p>x</p>{html}</body></html>", date=dt.date(2026, 1, 1))


def test_pdf_attachments_are_never_embedded() -> None:
    import datetime as dt

    from compliance.report.pdf import html_to_pdf

    html = (
        '<html><head><link rel="attachment" href="file:///etc/passwd"></head><body>x</body></html>'
    )
    pdf = html_to_pdf(html, date=dt.date(2026, 1, 1))
    assert b"/EmbeddedFile" not in pdf and b"root:" not in pdf


# --- command line -----------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "magic"), [("html", b"<!DOCTYPE html>"), ("md", b"# ")])
def test_cli_writes_the_report(
    fmt: str, magic: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"report.{fmt}"
    code = main(
        ["report", str(FIXTURES / "atlas.yaml"), "--format", fmt, "--lang", "fr", "-o", str(out)]
    )
    assert code == 0
    assert out.read_bytes().startswith(magic)
    assert "Atlas Contact" in out.read_text(encoding="utf-8")
    assert "Synthèse" in out.read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".*.partial"))
    assert str(out) in capsys.readouterr().err


def test_cli_bad_input_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: compliance.assessment/v1\norganisation: 3\n", encoding="utf-8")
    code = main(["report", str(bad), "-o", str(tmp_path / "out.html")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("compliance: ") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out.html").exists()


def test_cli_unwritable_output_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["report", str(FIXTURES / "atlas.yaml"), "-o", str(tmp_path / "no" / "r.html")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"compliance: cannot write {tmp_path / 'no' / 'r.html'}: ")
    assert "does not exist" in err
    assert len(err.strip().splitlines()) == 1


def test_the_cover_names_the_reference_set_a_result_was_scored_with(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A 1.1.0 result names its reference set (and that it was the newest, none being recorded);
    a 1.0.0 result, whose lists are embedded, has no such row."""
    shipped = Path(__file__).resolve().parents[2] / "questionnaires" / "ma-offshoring"
    with isolated_env(tmp_path_factory.mktemp("user")):
        for version, named in (("1.1.0", True), ("1.0.0", False)):
            a, q = load_assessment(shipped / version / "fixtures" / "telemarketing-france.yaml")
            r = score(q, a)
            html = render(q, a, r, lang="en", fmt="html").decode()
            md = render(q, a, r, lang="fr", fmt="md").decode()
            assert ("Reference set" in html) is named
            assert ("Jeu de référence" in md) is named
            if named:
                assert r.reference is not None
                assert f"{r.reference.id} {r.reference.version}" in html
                assert r.reference.digest in html and r.reference.digest in md
                assert "the newest installed; the assessment records none" in html
