"""The assessment checks on a structured TIA: the country it assesses is one the data goes to, and
measures and estimates name bases that step 3 assesses; a bad file is one sentence, exit 1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.cli import main
from compliance.engine.validation import check_assessment
from compliance.model.questionnaire import Questionnaire
from tests.engine.conftest import assessment
from tests.helpers import REPO

FIXTURE = REPO / "questionnaires" / "example" / "fixtures" / "processor-with-us-backups.yaml"

ESTIMATE = {
    "basis": "ma.b1",
    "p_target": "0.1",
    "p_compel": "1",
    "p_readable": "1",
    "p_challenge_fails": "0.5",
    "justification": "Stated.",
}


def flow(**tia: Any) -> dict[str, Any]:
    return {
        "id": "f1",
        "name": "Support",
        "exporter": {"name": "Telco", "country": "FR", "role": "controller"},
        "importer": {"name": "Atlas", "country": "MA", "role": "processor"},
        "destination": "MA",
        "storage_locations": ["FR"],
        "tia": tia,
    }


def tia_problems(example: Questionnaire, **tia: Any) -> list[tuple[Any, str]]:
    problems = check_assessment(example, assessment(flows=[flow(**tia)]))
    return [(loc, text) for loc, text in problems if "tia" in loc]


def test_a_tia_of_a_country_the_flow_does_not_reach(example: Questionnaire) -> None:
    assert tia_problems(example, country="MA") == []
    assert tia_problems(example, country="FR") == []  # stored there
    assert tia_problems(example, country="US") == [
        (
            ("flows", 0, "tia", "country"),
            "the TIA assesses US, where this flow's data neither goes, is stored nor accessed: "
            "give one of the flow's destination, storage or access countries",
        )
    ]


def test_measures_and_estimates_name_bases_step_three_assesses(example: Questionnaire) -> None:
    law = [{"basis": "ma.b1", "applies": True, "justification": "Reaches the importer."}]
    measure = {"kind": "technical", "description": "Keys in the EU.", "neutralises": ["ma.b2"]}
    found = tia_problems(
        example,
        law=law,
        supplementary=[measure],
        quantitative={"tolerance": "0.01", "bases": [ESTIMATE, {**ESTIMATE, "basis": "ma.b3"}]},
    )
    assert found == [
        (
            ("flows", 0, "tia", "supplementary", 0, "neutralises", 0),
            "the measure names basis 'ma.b2', which step 3 (law) does not assess: assess it "
            "there first, or correct the id",
        ),
        (
            ("flows", 0, "tia", "quantitative", "bases", 1, "basis"),
            "the estimate names basis 'ma.b3', which step 3 (law) does not assess: assess it "
            "there first, or correct the id",
        ),
    ]


def bad(tmp_path: Path, tia: str) -> Path:
    path = tmp_path / "bad.yaml"
    text = FIXTURE.read_text()
    old = "    tia: {done: true, date: 2026-05-01, conclusion: acceptable}"
    assert old in text
    path.write_text(text.replace(old, tia))
    return path


Q = "quantitative: {tolerance: '0.01', period_years: %s, bases: [%s]}"
B = "{basis: ma.b1, p_target: %s, p_compel: 1, p_readable: 1, p_challenge_fails: 0.5%s}"
J = ", justification: Stated"
T = "    tia: {date: 2026-05-01, %s}"


@pytest.mark.parametrize(
    ("tia", "fragment"),
    [
        (T % (Q % (5, B % ("1.5", J))), "p_target: 1.5 is outside 0..1"),
        (T % (Q % (0, "")), "period_years: a period of 0 years"),
        (T % (Q % (31, "")), "period_years: a period of 31 years"),
        (T % (Q % (5, B % ("0.1", ""))), "'justification' is required"),
        ("    tia: {date: 2026-05-01, review_by: 2027-06-01}", "more than a year after"),
        ("    tia: {country: US}", "the TIA assesses US"),
    ],
)
def test_a_bad_tia_gives_one_clear_sentence_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tia: str, fragment: str
) -> None:
    path = bad(tmp_path, tia)
    assert main(["score", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"compliance: {path}:")
    assert fragment in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
