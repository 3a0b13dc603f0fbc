"""``compliance score``: the summary, the JSON contract, and one clear sentence on a bad file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from compliance.cli import main
from tests.helpers import REPO

FIXTURE = REPO / "questionnaires" / "example" / "fixtures" / "processor-with-us-backups.yaml"


def test_json_has_the_contracted_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(FIXTURE), "--json"]) == 0
    out = capsys.readouterr().out
    result = json.loads(out)
    assert set(result["overall"]) >= {"score", "rating", "coverage"}
    assert result["overall"]["score"] == "54.17"  # decimals as strings
    assert [d["id"] for d in result["domains"]] == ["GOV", "XFR"]
    flow = result["flows"][0]
    assert set(flow) >= {"id", "status", "score", "reasons"}
    assert all({"code", "refs"} <= set(reason) for reason in flow["reasons"])
    assert result["remediation"][0]["control"] == "XFR-01"
    assert main(["score", str(FIXTURE), "--json"]) == 0
    assert capsys.readouterr().out == out  # byte-identical


def test_summary_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(FIXTURE), "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "Global\u00a0: " in out  # French typography: a no-break space before the colon
    assert "Global: " not in out and "Global : " not in out
    assert re.search(r"\d,\d\d/100", out)  # a decimal comma
    assert "Pas prêt" in out
    assert "BLOQUÉ" in out


def bad(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(FIXTURE.read_text().replace(old, new))
    return path


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ("gov01.lead: yes", "gov01.nope: yes", "'gov01.nope' is not a question"),
        ("xfr01.tools: [scc]", "xfr01.tools: [sccs]", "'sccs' is not an option"),
        ("gov02.share: 60", "gov02.share: sixty", "is not a number"),
        ("onward: [f2]", "onward: [f9]", "onward flow 'f9' does not exist"),
        ("    frequency: continuous", "    frequency: continuous\n    onward: [f1]", "cycle"),
        ("version: 1.0.0", "version: 9.0.0", "has no version 9.0.0"),
        ("id: example", "id: nowhere", "no questionnaire 'nowhere' is installed"),
        ("as_of: 2026-11-01", "as_of: soon", "as_of: Input should be a valid date"),
        ("country: MA, city", "country: Morocco, city", "String should match pattern"),
    ],
)
def test_a_bad_file_gives_one_clear_sentence_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, fragment: str
) -> None:
    path = bad(tmp_path, old, new)
    assert main(["score", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"compliance: {path}:")
    assert fragment in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_digest_that_does_not_match(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = bad(tmp_path, "version: 1.0.0}", "version: 1.0.0, digest: '" + "0" * 64 + "'}")
    assert main(["score", str(path)]) == 1
    assert "does not match the installed example 1.0.0" in capsys.readouterr().err


def test_hostile_sizes_are_refused_by_limits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flows = "".join(
        f"  - {{id: f{i}, name: n, exporter: {{name: a, country: MA}}, "
        "importer: {name: b, country: FR}}\n"
        for i in range(2_001)
    )
    path = tmp_path / "many.yaml"
    text = FIXTURE.read_text()
    path.write_text(text[: text.index("flows:")] + "flows:\n" + flows)
    assert main(["score", str(path)]) == 1
    assert "flows: Tuple should have at most 2000 items" in capsys.readouterr().err
    huge = bad(tmp_path, "gov02.share: 60", "gov02.share: 1e999999")
    assert main(["score", str(huge)]) == 1
    assert "gov02.share" in capsys.readouterr().err
