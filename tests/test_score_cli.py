"""``compliance score``: the summary, the JSON contract, and one clear sentence on a bad file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from compliance.cli import main
from compliance.engine import plan
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
    assert "Score global\u00a0: " in out  # French typography: a no-break space before the colon
    assert "Score global: " not in out and "Score global : " not in out
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


def _plan_lines(out: str, title: str) -> list[str]:
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title)) + 1
    return [line for line in lines[start:] if line[:2].strip() in ("", "!", "*")][:99]


def test_the_plan_is_printed_in_the_domains_order_with_plus_signs_and_a_legend(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.engine.test_plan import SAMPLE, sample

    _, result = sample()
    assert main(["score", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "Remediation plan (most points recoverable first; equal points by control id):" in out
    printed = [
        line.split()[0].lstrip("!*")
        for line in _plan_lines(out, "Remediation plan")
        if "points" in line
    ]
    assert printed == [item.control for item in plan.ordered_plan(result)]
    assert " +0.70 points  Every transfer out of Morocco" in out and "-0." not in out
    assert "\n !XFR-06 " in out and "\n  ! this gap caps the rating" in out
    assert "Why “Not ready”: the score alone, 92.95, would rate “Ready”" in out
    assert "[Law 09-08 Art. 43]" in out.replace("\u00a0", " ")
    assert "Law 09-08: Law 09-08 on the protection of individuals" in out  # once, in the legend
    assert out.count("on the protection of individuals") == 1
    # the unverified CNDP list: one conditional line, no "is on the CNDP list" beside it
    assert "is on the CNDP list of states" not in out


def test_a_barely_started_assessment_says_to_finish_and_marks_domains_not_started(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tests.engine.conftest import assessment

    path = tmp_path / "started.json"
    path.write_text(assessment(answers={"gov01.lead": "yes"}).model_dump_json(by_alias=True))
    assert main(["--lang", "fr", "score", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Ensuite\u00a0: répondez aux " in out
    assert "Plan d'actions correctives (le plus de points à regagner d'abord" in out
    domains = [line for line in out.splitlines() if line.startswith("  XFR ")]
    assert domains and "pas commencé" in domains[0]
