"""The quantitative TIA estimate: exact figures, the properties issue 15 lists (hypothesis), the
sensitivity table, the measures that count, the steps completed, and `score --json`'s `tia`."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.cli import main
from compliance.engine.tia import (
    analyse,
    applying_bases,
    can_neutralise,
    dominating,
    estimate,
    ineffective_claims,
    neutralised_bases,
    probability,
    sensitivity,
    steps_completed,
)
from compliance.model.assessment import Flow
from compliance.model.tia import (
    EFFECTIVE_USE_CASES,
    INPUTS,
    USE_CASES,
    Quantitative,
    SupplementaryMeasure,
    Tia,
    canonical_decimal,
)
from tests.helpers import REPO

FIXTURE = REPO / "questionnaires" / "example" / "fixtures" / "processor-with-us-backups.yaml"
SETTINGS = settings(max_examples=200, deadline=None)


def basis(name: str = "b1", *factors: str) -> dict[str, Any]:
    values = factors or ("0.1", "1", "1", "1")
    return {
        "basis": name,
        **dict(zip(INPUTS, values, strict=True)),
        "justification": "Stated.",
    }


def quantitative(*bases: dict[str, Any], years: int = 5, tolerance: str = "0.05") -> Quantitative:
    return Quantitative.model_validate(
        {"period_years": years, "tolerance": tolerance, "bases": list(bases)}
    )


def test_one_basis_compounds_over_the_period_exactly() -> None:
    # 1 - 0.9^5 = 0.40951, exactly
    assert estimate(quantitative(basis())).probability == Decimal("0.40951")
    # 0.02 x 0.9 x 1 x 0.5 = 0.009 a year
    result = estimate(quantitative(basis("b1", "0.02", "0.9", "1", "0.5"), years=1))
    assert result.probability == Decimal("0.009")
    assert result.yearly == (("b1", Decimal("0.009")),)


def test_two_bases_combine_as_independent_chances() -> None:
    # 1 - (0.9 x 0.8) = 0.28 in one year
    two = quantitative(basis("b1"), basis("b2", "0.2", "1", "1", "1"), years=1)
    assert estimate(two).probability == Decimal("0.28")


def test_results_are_quantised_to_twelve_places_and_written_without_exponent() -> None:
    tiny = estimate(quantitative(basis("b1", "0.000001", "0.0000001", "1", "1"), years=1))
    assert tiny.probability == Decimal(0)  # 1e-13 is below the 12th place
    small = estimate(quantitative(basis("b1", "0.000001", "0.000002", "1", "1"), years=1))
    assert canonical_decimal(small.probability) == "0.000000000002"
    messy = estimate(quantitative(basis("b1", "0.3", "0.7", "0.11", "0.13"), years=7))
    assert len(canonical_decimal(messy.probability).split(".")[1]) == 12


def test_the_same_input_gives_the_same_bytes_whatever_its_spelling() -> None:
    one = quantitative(basis("b1", "0.050", "1.0", "1", "5E-1"))
    two = Quantitative.model_validate(
        {
            "tolerance": 0.05,
            "bases": [{**basis(), "p_target": 0.05, "p_compel": 1, "p_challenge_fails": 0.5}],
        }
    )
    assert estimate(one) == estimate(two)
    assert [repr(r) for r in sensitivity(one)] == [repr(r) for r in sensitivity(two)]


def test_a_zero_year_period_gives_zero_though_the_model_refuses_it_as_input() -> None:
    assert probability([(Decimal(1), Decimal(1), Decimal(1), Decimal(1))], 0) == 0
    assert probability([], 5) == 0


def test_the_sensitivity_table_halves_and_doubles_each_input_capped_at_one() -> None:
    q = quantitative(basis("b1", "0.1", "0.6", "1", "0.5"), years=1)
    rows = {(r.basis, r.input): r for r in sensitivity(q)}
    assert len(rows) == 4
    target = rows[("b1", "p_target")]
    assert (target.halved, target.doubled) == (Decimal("0.015"), Decimal("0.06"))
    compel = rows[("b1", "p_compel")]
    assert (compel.halved, compel.doubled) == (Decimal("0.015"), Decimal("0.05"))  # 1.2 -> 1
    readable = rows[("b1", "p_readable")]
    assert readable.doubled == estimate(q).probability  # already 1: doubling changes nothing
    top = dominating(list(rows.values()))
    assert top is not None and (top.basis, top.input) == ("b1", "p_target")


def test_the_input_with_the_widest_swing_dominates_across_bases() -> None:
    q = quantitative(basis("small", "0.001", "1", "1", "1"), basis("big", "0.2", "0.5", "1", "1"))
    top = dominating(sensitivity(q))
    assert top is not None and top.basis == "big"
    assert dominating(sensitivity(quantitative(basis("b1", "0", "0", "0", "0")))) is None


def measure(kind: str, *bases: str) -> dict[str, Any]:
    return {"kind": kind, "description": "A measure.", "neutralises": list(bases)}


def tia(use_case: str | None, *measures: dict[str, Any], **more: Any) -> Tia:
    law = [
        {"basis": "b1", "applies": True, "justification": "Yes."},
        {"basis": "b2", "applies": False, "justification": "No."},
        {"basis": "b3", "applies": True, "justification": "Yes."},
    ]
    data = {"law": law, "use_case": use_case, "supplementary": list(measures), **more}
    return Tia.model_validate(data)


@pytest.mark.parametrize("use_case", USE_CASES)
@pytest.mark.parametrize("kind", ["technical", "contractual", "organisational"])
def test_only_a_technical_measure_in_use_cases_one_to_five_neutralises(
    use_case: str, kind: str
) -> None:
    one = tia(use_case, measure(kind, "b1"))
    effective = kind == "technical" and use_case in EFFECTIVE_USE_CASES
    assert can_neutralise(SupplementaryMeasure.model_validate(measure(kind)), one.use_case) is (
        effective
    )
    assert neutralised_bases(one) == (frozenset({"b1"}) if effective else frozenset())
    claims = ineffective_claims(one)
    expected = [] if effective else [(0, "b1", kind)]
    assert [(c.measure, c.basis, c.kind) for c in claims] == expected


def test_the_bases_that_apply_in_file_order() -> None:
    assert applying_bases(tia("pseudonymised")) == ("b1", "b3")
    assert applying_bases(Tia()) == ()


def flow(**fields: Any) -> Flow:
    data: dict[str, Any] = {
        "id": "f1",
        "name": "Support",
        "exporter": {"name": "Telco", "country": "FR", "role": "controller"},
        "importer": {"name": "Atlas", "country": "MA", "role": "processor"},
        "destination": "MA",
        "data_categories": ["contact"],
        "subject_categories": ["customers"],
        "subjects_count": 1000,
        "frequency": "continuous",
        "gdpr_mechanism": "scc_module_2",
    }
    data.update(fields)
    return Flow.model_validate(data)


def test_the_steps_completed_follow_what_the_flow_and_its_tia_give() -> None:
    assert steps_completed(flow()) == (1, 2)
    assert steps_completed(flow(subjects_count=None, gdpr_mechanism="none")) == ()
    full = {
        "date": "2026-01-01",
        "law": [{"basis": "b1", "applies": False, "justification": "No."}],
        "use_case": "pseudonymised",
        "supplementary": [],
        "procedural": [],
        "review_by": "2026-12-31",
    }
    assert steps_completed(flow(tia=full)) == (1, 2, 3, 4, 5, 6)
    assert steps_completed(flow(tia=full), sheet={"b1", "b2"}) == (1, 2, 4, 5, 6)
    undecided = {**full, "law": [{"basis": "b1", "justification": "Not looked at yet."}]}
    assert steps_completed(flow(tia=undecided)) == (1, 2, 4, 5, 6)


# --- properties (issue 15 point 2) ------------------------------------------------------------

probabilities = st.decimals(min_value=0, max_value=1, places=4)
estimates = st.lists(st.tuples(*(probabilities,) * 4), min_size=0, max_size=4)
periods = st.integers(min_value=1, max_value=30)


def as_quantitative(factors: list[tuple[Decimal, ...]], years: int) -> Quantitative:
    return quantitative(
        *(basis(f"b{i}", *(str(v) for v in values)) for i, values in enumerate(factors)),
        years=years,
    )


@SETTINGS
@given(estimates, periods)
def test_the_probability_stays_between_zero_and_one(
    factors: list[tuple[Decimal, ...]], years: int
) -> None:
    result = estimate(as_quantitative(factors, years)).probability
    assert Decimal(0) <= result <= Decimal(1)


@SETTINGS
@given(estimates, periods, st.data())
def test_the_probability_is_zero_when_a_factor_is_zero_for_every_basis(
    factors: list[tuple[Decimal, ...]], years: int, data: st.DataObject
) -> None:
    zeroed = []
    for values in factors:
        which = data.draw(st.integers(0, 3))
        zeroed.append(tuple(Decimal(0) if i == which else v for i, v in enumerate(values)))
    assert estimate(as_quantitative(zeroed, years)).probability == 0


@SETTINGS
@given(st.lists(st.tuples(*(probabilities,) * 4), min_size=1, max_size=4), periods, st.data())
def test_the_probability_never_falls_when_an_input_rises(
    factors: list[tuple[Decimal, ...]], years: int, data: st.DataObject
) -> None:
    i = data.draw(st.integers(0, len(factors) - 1))
    j = data.draw(st.integers(0, 3))
    higher = data.draw(st.decimals(min_value=factors[i][j], max_value=1, places=4))
    raised = list(factors)
    raised[i] = tuple(higher if k == j else v for k, v in enumerate(factors[i]))
    before = estimate(as_quantitative(factors, years)).probability
    after = estimate(as_quantitative(raised, years)).probability
    assert after >= before


@SETTINGS
@given(
    st.lists(st.tuples(*(probabilities,) * 4), min_size=1, max_size=4),
    periods,
    st.sampled_from(sorted(EFFECTIVE_USE_CASES)),
    st.data(),
)
def test_the_probability_never_rises_when_an_effective_measure_is_added(
    factors: list[tuple[Decimal, ...]], years: int, use_case: str, data: st.DataObject
) -> None:
    q = as_quantitative(factors, years)
    ids = [b.basis for b in q.bases]
    law = [{"basis": b, "applies": True, "justification": "Yes."} for b in ids]
    had = data.draw(st.lists(st.sampled_from(ids), unique=True))
    added = data.draw(st.sampled_from(ids))
    common = {"law": law, "use_case": use_case, "quantitative": q.model_dump(mode="json")}
    before = Tia.model_validate({**common, "supplementary": [measure("technical", *had)]})
    after = Tia.model_validate(
        {**common, "supplementary": [measure("technical", *had), measure("technical", added)]}
    )
    p_before = estimate(q, neutralised_bases(before)).probability
    p_after = estimate(q, neutralised_bases(after)).probability
    assert p_after <= p_before


@SETTINGS
@given(estimates)
def test_a_zero_year_period_always_gives_zero(factors: list[tuple[Decimal, ...]]) -> None:
    assert probability([(a, b, c, d) for a, b, c, d in factors], 0) == 0


# --- score --json --------------------------------------------------------------------------------


def with_tia(tmp_path: Path, tia_yaml: str) -> Path:
    text = FIXTURE.read_text()
    old = "    tia: {done: true, date: 2026-05-01, conclusion: acceptable}"
    new = (
        "    data_categories: [contact]\n    subject_categories: [customers]\n"
        "    subjects_count: 1000\n    frequency: continuous\n" + tia_yaml
    )
    path = tmp_path / "tia.yaml"
    path.write_text(text.replace(old, new))
    return path


STRUCTURED = """    tia:
      date: 2026-05-01
      law: [{basis: ma.b1, applies: true, justification: Reaches the importer.}]
      use_case: remote_access_business
      supplementary: []
      procedural: []
      review_by: 2027-05-01
      quantitative:
        tolerance: '0.01'
        bases:
          - {basis: ma.b1, p_target: 0.02, p_compel: 0.9, p_readable: 1, p_challenge_fails: 0.5,
             justification: Seldom targeted; challenges rarely succeed.}
"""


def test_score_json_gives_each_structured_tia_and_nothing_for_the_older_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score", str(with_tia(tmp_path, STRUCTURED)), "--json"]) == 0
    out = capsys.readouterr().out
    flows = {f["id"]: f for f in json.loads(out)["flows"]}
    assert flows["f1"]["tia"] == {
        "steps_completed": [1, 2, 3, 4, 5, 6],
        "probability": "0.044197257254",  # 1 - 0.991^5
        "tolerance": "0.01",
        "period_years": 5,
        "dominating_input": {"basis": "ma.b1", "input": "p_target"},
    }
    assert "GDPR_TIA_ABOVE_TOLERANCE" in {r["code"] for r in flows["f1"]["reasons"]}
    assert "tia" not in flows["f2"]
    assert main(["score", str(with_tia(tmp_path, STRUCTURED)), "--json"]) == 0
    assert capsys.readouterr().out == out  # the same bytes


def test_score_json_of_an_older_tia_has_no_tia_key(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(FIXTURE), "--json"]) == 0
    assert all("tia" not in flow for flow in json.loads(capsys.readouterr().out)["flows"])


@SETTINGS
@given(st.lists(st.tuples(*(probabilities,) * 4), min_size=1, max_size=4), periods)
def test_the_sensitivity_shortcuts_give_what_a_full_recomputation_gives(
    factors: list[tuple[Decimal, ...]], years: int
) -> None:
    q = as_quantitative(factors, years)
    analysis = analyse(q)
    assert analysis.estimate == estimate(q)
    rows = iter(analysis.rows)
    for i, values in enumerate(factors):
        for j in range(4):
            row = next(rows)
            assert (row.basis, row.input, row.value) == (f"b{i}", INPUTS[j], values[j])
            for factor, figure in ((Decimal("0.5"), row.halved), (Decimal(2), row.doubled)):
                changed = [tuple(v) for v in factors]
                moved = list(changed[i])
                moved[j] = min(moved[j] * factor, Decimal(1))
                changed[i] = tuple(moved)
                full = probability([(a, b, c, d) for a, b, c, d in changed], years)
                assert figure == full
