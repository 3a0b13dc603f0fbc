"""The assessment checks on a structured TIA: the country it assesses is one the data goes to, and
measures and estimates name bases that step 3 assesses; a bad file is one sentence, exit 1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.cli import main
from compliance.engine.scoring import score
from compliance.engine.validation import check_assessment
from compliance.loader.reference_sets import bind
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


@pytest.fixture(scope="module")
def with_sheets(example: Questionnaire) -> Questionnaire:
    """The example questionnaire bound to the newest ma-eu set, which has a Morocco sheet."""
    return bind(example.model_copy(update={"reference_set": "ma-eu", "reference": None}))


def test_a_basis_not_on_the_country_sheet_is_refused_naming_the_field(
    with_sheets: Questionnaire,
) -> None:
    reference = with_sheets.reference
    assert reference is not None
    sheet = reference.sheet("MA")
    assert sheet is not None
    law = [{"basis": "ma-ccp-interception", "applies": True, "justification": "Reaches it."}]
    assert tia_problems(with_sheets, law=law) == []
    found = tia_problems(
        with_sheets,
        law=[*law, {"basis": "ma-nowhere", "applies": True}],
        quantitative={"tolerance": "0.01", "bases": [{**ESTIMATE, "basis": "ma.b1"}]},
    )
    ids = ", ".join(sheet.basis_ids())
    assert found == [
        (
            ("flows", 0, "tia", "law", 1, "basis"),
            f"basis 'ma-nowhere' is not on the country sheet of MA: use one of {ids} "
            "(compliance tia sheet MA lists them)",
        ),
        (
            ("flows", 0, "tia", "quantitative", "bases", 0, "basis"),
            f"basis 'ma.b1' is not on the country sheet of MA: use one of {ids} "
            "(compliance tia sheet MA lists them)",
        ),
    ]


def test_a_country_without_a_sheet_takes_the_bases_the_tia_names(
    with_sheets: Questionnaire,
) -> None:
    law = [{"basis": "tn.any", "applies": True, "justification": "Reaches it."}]
    assert tia_problems(with_sheets, country="TN", law=law) == [
        (
            ("flows", 0, "tia", "country"),
            "the TIA assesses TN, where this flow's data neither goes, is stored nor accessed: "
            "give one of the flow's destination, storage or access countries",
        )
    ]  # the country is wrong, but no basis is refused: there is no sheet to check it against


def test_step_three_needs_every_basis_of_the_sheet_and_reasons_name_them(
    with_sheets: Questionnaire,
) -> None:
    reference = with_sheets.reference
    assert reference is not None
    sheet = reference.sheet("MA")
    assert sheet is not None
    first = sheet.bases[0]
    tia: dict[str, Any] = {
        "date": "2026-03-01",
        "law": [{"basis": first.id, "applies": True, "justification": "Reaches it."}],
        "use_case": "remote_access_business",
        "supplementary": [],
        "procedural": [],
        "review_by": "2027-03-01",
    }
    details = {
        "data_categories": ["contact"],
        "subject_categories": ["customers"],
        "subjects_count": 10,
        "frequency": "continuous",
        "gdpr_mechanism": "scc_module_2",
        "contract": {"scc_signed": True, "dpa_art28": True},
        "cndp": {"declaration_receipt": "D-1"},
        "criminal_data": False,
        "national_id": False,
    }
    result = score(with_sheets, assessment(flows=[{**flow(**tia), **details}]))
    [scored] = result.flows
    assert scored.tia is not None and 3 not in scored.tia.steps_completed
    reasons = {r.code: r for r in scored.reasons}
    assert set(reasons) == {"GDPR_TIA_STEPS_MISSING", "GDPR_TIA_BASIS_NOT_NEUTRALISED"}
    assert f"{first.name.en} ({first.id})" in reasons["GDPR_TIA_BASIS_NOT_NEUTRALISED"].message.en
    assert f"{first.name.fr} ({first.id})" in reasons["GDPR_TIA_BASIS_NOT_NEUTRALISED"].message.fr
    everything = [
        {"basis": b.id, "applies": b.id == first.id, "justification": "Read."} for b in sheet.bases
    ]
    complete = {**flow(**{**tia, "law": everything}), **details}
    [scored] = score(with_sheets, assessment(flows=[complete])).flows
    assert scored.tia is not None and scored.tia.steps_completed == (1, 2, 3, 4, 5, 6)
    assert {r.code for r in scored.reasons} == {"GDPR_TIA_BASIS_NOT_NEUTRALISED"}
