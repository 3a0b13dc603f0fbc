"""Adequacy entries evaluated at the assessment's as_of date (issue 13 point 2).

The example questionnaire is bound here to the published reference set ``ma-eu``: the dated EU
and CNDP lists as of December 2026.
"""

from __future__ import annotations

from typing import Any

import pytest

from compliance.engine.reasons import ReasonCode as R
from compliance.engine.scoring import score
from compliance.errors import InvalidAssessment
from compliance.loader.reference_sets import bind
from compliance.model.questionnaire import Questionnaire
from compliance.model.result import FlowResult, Result
from tests.engine.conftest import FULL_ANSWERS, assessment

EU_CLIENT = {"name": "Client SA", "country": "FR", "role": "controller"}


@pytest.fixture(scope="module")
def current(example: Questionnaire) -> Questionnaire:
    """The example questionnaire scoring with the newest installed reference set."""
    return bind(example.model_copy(update={"reference_set": "ma-eu", "reference": None}))


def to(destination: str, country: str | None = None, **importer: Any) -> dict[str, Any]:
    """An EU controller's data hosted by a processor at ``destination``, no tool given."""
    return {
        "id": "f",
        "name": "Hosting",
        "exporter": EU_CLIENT,
        "importer": {
            "name": "Host",
            "country": country or destination,
            "role": "processor",
            **importer,
        },
        "origin": "FR",
        "destination": destination,
        "frequency": "continuous",
        "contract": {"dpa_art28": True},
        "criminal_data": False,
        "national_id": False,
    }


def run(q: Questionnaire, as_of: str, *flows: dict[str, Any], **fields: Any) -> Result:
    return score(q, assessment(answers=FULL_ANSWERS, flows=list(flows), as_of=as_of, **fields))


def flow(q: Questionnaire, as_of: str, data: dict[str, Any]) -> FlowResult:
    [result] = run(q, as_of, data).flows
    return result


def codes(result: FlowResult) -> set[str]:
    return {reason.code for reason in result.reasons}


def message(result: FlowResult, code: R) -> str:
    return next(r.message.en for r in result.reasons if r.code == code)


# --- the UK: the 2021 decision, its expiry, the renewal -------------------------------------


def test_uk_under_the_2021_decision_warns_six_months_before_its_expiry(
    current: Questionnaire,
) -> None:
    result = flow(current, "2025-07-01", to("GB"))
    assert result.status == "ready"
    assert codes(result) == {R.GDPR_ADEQUATE, R.GDPR_ADEQUACY_REVIEW, R.GDPR_ADEQUACY_EXPIRING}
    assert "2021/1772" in message(result, R.GDPR_ADEQUATE)
    assert "expires on 2025-12-27, within six months of 2025-07-01" in message(
        result, R.GDPR_ADEQUACY_EXPIRING
    )


def test_uk_more_than_six_months_before_expiry_has_no_warning(current: Questionnaire) -> None:
    assert R.GDPR_ADEQUACY_EXPIRING not in codes(flow(current, "2025-06-27", to("GB")))


def test_uk_on_the_last_day_of_the_2021_decision(current: Questionnaire) -> None:
    result = flow(current, "2025-12-27", to("GB"))
    assert "2021/1772" in message(result, R.GDPR_ADEQUATE)


def test_uk_after_the_renewal_rests_on_an_unverified_entry(current: Questionnaire) -> None:
    result = flow(current, "2026-11-01", to("GB"))
    assert result.status == "conditional"
    assert codes(result) == {R.GDPR_ADEQUATE, R.GDPR_ADEQUACY_UNVERIFIED, R.GDPR_ADEQUACY_REVIEW}
    assert "19 December 2025" in message(result, R.GDPR_ADEQUATE)
    assert "2021/1772" not in message(result, R.GDPR_ADEQUATE)


def test_uk_after_the_renewal_expires_is_no_longer_adequate(current: Questionnaire) -> None:
    result = flow(current, "2032-01-05", to("GB"))
    assert result.status == "not_ready"
    assert codes(result) == {R.GDPR_MECHANISM_UNKNOWN}


# --- Brazil, the EPO, the US ----------------------------------------------------------------


def test_brazil_before_its_decision_needs_a_tool_and_after_it_is_adequate(
    current: Questionnaire,
) -> None:
    before = flow(current, "2025-12-01", to("BR"))
    assert (before.status, codes(before)) == ("not_ready", {R.GDPR_MECHANISM_UNKNOWN})
    after = flow(current, "2026-02-01", to("BR"))
    assert after.status == "ready"
    assert codes(after) == {R.GDPR_ADEQUATE, R.GDPR_ADEQUACY_SCOPE, R.GDPR_ADEQUACY_REVIEW}
    assert "2026/179" in message(after, R.GDPR_ADEQUATE)
    assert "Brazil (BR)" in message(after, R.GDPR_ADEQUATE)


def test_the_european_patent_organisation_is_adequate_from_july_2025(
    current: Questionnaire,
) -> None:
    epo = to("org:epo", country="DE")
    assert flow(current, "2025-07-01", epo).status == "not_ready"
    result = flow(current, "2025-08-01", epo)
    assert result.status == "ready"
    assert "European Patent Organisation (org:epo)" in message(result, R.GDPR_ADEQUATE)
    assert "2025/1382" in message(result, R.GDPR_ADEQUATE)


def test_a_dpf_certified_importer_rests_on_a_decision_under_appeal(
    current: Questionnaire,
) -> None:
    result = flow(current, "2026-11-01", to("US", dpf_certified=True))
    assert result.status == "ready"
    assert codes(result) == {R.GDPR_ADEQUATE, R.GDPR_ADEQUACY_REVIEW}
    assert "C-703/25 P" in message(result, R.GDPR_ADEQUACY_REVIEW)
    assert "T-553/23" in message(result, R.GDPR_ADEQUACY_REVIEW)


def test_an_uncertified_us_importer_needs_a_tool(current: Questionnaire) -> None:
    result = flow(current, "2026-11-01", to("US", dpf_certified=False))
    assert (result.status, codes(result)) == ("not_ready", {R.GDPR_MECHANISM_UNKNOWN})
    unknown = flow(current, "2026-11-01", to("US"))
    assert codes(unknown) == {R.GDPR_ADEQUACY_CONDITION_UNKNOWN}


def test_a_decision_before_it_applies_is_not_used(current: Questionnaire) -> None:
    assert flow(current, "2023-07-09", to("US", dpf_certified=True)).status == "not_ready"
    assert flow(current, "2023-07-10", to("US", dpf_certified=True)).status == "ready"


def test_the_french_notes_are_french(current: Questionnaire) -> None:
    result = flow(current, "2025-07-01", to("GB"))
    french = next(r.message.fr for r in result.reasons if r.code == R.GDPR_ADEQUACY_EXPIRING)
    assert french.startswith("La décision d'adéquation pour Royaume-Uni (GB)")
    assert "expire le 2025-12-27" in french


# --- the CNDP list at as_of -----------------------------------------------------------------


def back_to_france() -> dict[str, Any]:
    return {
        "id": "r",
        "name": "Results back to the client",
        "exporter": {"name": "Atlas", "country": "MA", "role": "processor"},
        "importer": EU_CLIENT,
        "regime": "eu_gdpr",
        "origin": "MA",
        "destination": "FR",
        "criminal_data": False,
        "national_id": False,
    }


def test_the_cndp_list_is_read_at_as_of(current: Questionnaire) -> None:
    assert R.MA_LISTED in codes(flow(current, "2026-11-01", back_to_france()))
    assert R.MA_LISTED not in codes(flow(current, "2015-12-17", back_to_france()))


# --- which set the result used --------------------------------------------------------------


def test_the_result_names_the_newest_set_when_the_assessment_records_none(
    current: Questionnaire,
) -> None:
    used = run(current, "2026-11-01").reference
    stamp = current.reference_stamp
    assert used is not None and stamp is not None
    assert (used.id, used.version, used.digest, used.chosen) == (
        "ma-eu",
        stamp.version,
        stamp.digest,
        "newest",
    )


def test_the_result_names_the_recorded_set(current: Questionnaire) -> None:
    stamp = current.reference_stamp
    assert stamp is not None
    recorded = {"id": "ma-eu", "version": stamp.version}
    used = run(current, "2026-11-01", reference=recorded).reference
    assert used is not None and used.chosen == "assessment"


def test_a_recorded_set_other_than_the_bound_one_is_refused(current: Questionnaire) -> None:
    with pytest.raises(InvalidAssessment, match=r"records reference set ma-eu 2027\.1\.0"):
        run(current, "2026-11-01", reference={"id": "ma-eu", "version": "2027.1.0"})


def test_an_unbound_questionnaire_naming_a_set_cannot_be_scored(example: Questionnaire) -> None:
    unbound = example.model_copy(update={"reference_set": "ma-eu"})
    with pytest.raises(InvalidAssessment, match="none is bound"):
        run(unbound, "2026-11-01")


def test_embedded_lists_stay_timeless_and_unnamed(example: Questionnaire) -> None:
    result = run(example, "2032-01-05", to("GB"))
    assert result.reference is None
    assert codes(result.flows[0]) == {R.GDPR_ADEQUATE, R.GDPR_ADEQUACY_UNVERIFIED}
