"""Hostile text in every free-text field renders inert: escaped in the source, dead in Chromium.

The payload sets ``document.title`` to a word that appears nowhere in the payload itself, and points
at a local address that nothing listens on, so a script that ran or a request that left the page
would show in Chromium's DOM or network log.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from compliance.catalog import load_assessment
from compliance.engine.scoring import score
from compliance.report import render
from tests.helpers import write_yaml
from tests.report.support import FIXTURES, chromium_dump, inventory, isolated_env, tool

TEMPLATE = "ZZ{{7*7}}ZZ"
PAYLOAD = (
    "<script>document.title='PW'+'NED'</script>"
    "\"><img src=x onerror=\"document.title='PW'+'NED'\">"
    '<img src="http://127.0.0.1:9/i"><link rel=stylesheet href="//127.0.0.1:9/c">'
    '<p style="background:url(//127.0.0.1:9/b)">'
    f" javascript:alert(1) {TEMPLATE} {{% raw %}} \"' &amp; & ## *b* | [l](javascript:x)"
)
assert len(PAYLOAD) <= 290
SHORT = "<b onmouseover=alert(1)>x</b> {{7*7}} & |"  # for fields capped at 100 characters


def _hostile(source: dict[str, Any]) -> dict[str, Any]:
    data = dict(source)
    data["organisation"] = {
        "name": f"Org {PAYLOAD}",
        "country": "MA",
        "city": PAYLOAD,
        "registration_id": PAYLOAD[:300],
        "sector": PAYLOAD[:300],
    }
    data["assessor"] = {"name": PAYLOAD[:300], "organisation": PAYLOAD[:300]}
    evidence = [
        {"path": f"evidence/{PAYLOAD}", "sha256": "0" * 64, "note": PAYLOAD},
    ]
    answers = {}
    for key, value in data["answers"].items():
        bare = value["value"] if isinstance(value, dict) else value
        answers[key] = {
            "value": bare,
            "comment": f"line one\n# not a heading\n{PAYLOAD}",
            "answered_by": PAYLOAD[:300],
            "evidence": copy.deepcopy(evidence),
        }
    answers["gov02.notes"] = {"value": PAYLOAD, "comment": PAYLOAD}
    data["answers"] = answers
    flows = []
    for original in data["flows"]:
        flow = dict(original)
        flow["name"] = PAYLOAD[:300]
        flow["description"] = PAYLOAD
        flow["purpose"] = PAYLOAD
        flow["subject_categories"] = [SHORT]
        flow["data_categories"] = [SHORT, "identity"]
        flow["exporter"] = {**flow["exporter"], "name": PAYLOAD[:300]}
        flow["importer"] = {**flow["importer"], "name": PAYLOAD[:300]}
        flow["cndp"] = {
            "declaration_receipt": PAYLOAD[:300],
            "transfer_declaration": PAYLOAD[:300],
            "transfer_authorisation": {"status": "pending", "reference": PAYLOAD[:300]},
        }
        flow["ma_basis"] = "cndp_authorisation"
        flows.append(flow)
    data["flows"] = flows
    return data


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, bytes]]:
    import yaml

    root = tmp_path_factory.mktemp("hostile")
    source = yaml.safe_load((FIXTURES / "full.yaml").read_text(encoding="utf-8"))
    path = write_yaml(root / "hostile.yaml", _hostile(source))
    with isolated_env(root):
        assessment, questionnaire = load_assessment(path)
        assert assessment.organisation.name.startswith("Org <script>")
        result = score(questionnaire, assessment)
        yield {
            f"{fmt}.{lang}": render(questionnaire, assessment, result, lang=lang, fmt=fmt)
            for fmt in ("html", "md", "pdf")
            for lang in ("en", "fr")
        }


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_html_source_escapes_every_payload(hostile: dict[str, bytes], lang: str) -> None:
    html = hostile[f"html.{lang}"].decode("utf-8")
    lowered = html.lower()
    for needle in ("<script", "<img", "<link", "<p style", "<b "):
        assert needle not in lowered, needle
    assert "&lt;script&gt;" in html
    assert "&amp;amp;" in html  # the literal text "&amp;" survives as text
    assert TEMPLATE in html and "ZZ49ZZ" not in html
    assert "{% raw %}" in html
    assert "&#34;" in html and "&#39;" in html  # quotes escaped wherever they appear
    parsed = inventory(html)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    for tag, attribute, value in parsed.attributes:
        assert not attribute.startswith("on"), (tag, attribute)
        assert "javascript:" not in value and "127.0.0.1" not in value, (tag, attribute)
        assert attribute != "style"
    text = "".join(parsed.text)
    assert PAYLOAD in text  # shown literally, in full, where the field has no length cap
    assert text.count(TEMPLATE) >= 10


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_markdown_escapes_markup_in_user_text(hostile: dict[str, bytes], lang: str) -> None:
    md = hostile[f"md.{lang}"].decode("utf-8")
    assert re.search(r"(?<!\\)<", md) is None  # every "<" is escaped: no HTML gets through
    for needle in ("{{7*7}}", "*b*", "](javascript", "&amp;"):
        assert re.search(rf"(?<!\\){re.escape(needle)}", md) is None, needle
    assert r"\<script\>" in md
    assert r"ZZ\{\{7\*7\}\}ZZ" in md and "ZZ49ZZ" not in md
    assert r"\&amp;" in md and r"\#\# \*b\* \| \[l\](javascript" in md
    assert "\n# not a heading" not in md and r"\# not a heading" in md
    assert md.count("\n# ") == 0  # the only level-1 heading is the first line
    assert md.startswith("# ")


def test_pdf_shows_the_payload_as_text(hostile: dict[str, bytes], tmp_path: Path) -> None:
    path = tmp_path / "hostile.pdf"
    path.write_bytes(hostile["pdf.en"])
    text = subprocess.run(
        [tool("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    assert "Org<script>document.title=" in flat
    assert "ZZ{{7*7}}ZZ" in flat and "ZZ49ZZ" not in flat
    assert b"/JavaScript" not in hostile["pdf.en"] and b"/URI" not in hostile["pdf.en"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_chromium_runs_no_script_and_sends_no_request(
    hostile: dict[str, bytes], lang: str, tmp_path: Path
) -> None:
    page = tmp_path / "hostile.html"
    page.write_bytes(hostile[f"html.{lang}"])
    net_log = tmp_path / "net.json"
    dom = chromium_dump(page, net_log=net_log)
    assert f'<html lang="{lang}"' in dom
    assert "PWNED" not in dom  # no script changed the title
    lowered = dom.lower()
    assert "<script" not in lowered
    assert "<img" not in lowered and "<link" not in lowered
    assert " onerror=" not in lowered.replace("&lt;img src=x onerror=", "")
    assert "&lt;script&gt;" in dom
    events = json.loads(net_log.read_text(encoding="utf-8") or "{}").get("events", [])
    urls = {str(event.get("params", {}).get("url", "")) for event in events}
    assert not [url for url in urls if "127.0.0.1" in url or url.startswith("javascript:")]


def test_the_chromium_check_sees_a_script_that_runs(tmp_path: Path) -> None:
    """Control: without escaping and CSP, the same payload does change the title."""
    page = tmp_path / "control.html"
    page.write_text(
        "<!DOCTYPE html><html lang=en><head><title>t</title></head><body>"
        "<script>document.title='PW'+'NED'</script></body></html>",
        encoding="utf-8",
    )
    assert "<title>PWNED</title>" in chromium_dump(page)
