"""A flow's findings as shown: a note that depends on an unverified list is one conditional line,
never "✓ on the list" followed by "~ whether it is on the list is unverified"."""

from __future__ import annotations

from decimal import Decimal

from compliance.engine.findings import shown_findings
from compliance.model.result import FlowResult, GateResult, Reason
from tests.engine.test_plan import sample


def reason(code: str, status: str, gate: str = "morocco") -> Reason:
    return Reason.model_validate(
        {"code": code, "status": status, "gate": gate, "message": {"en": code, "fr": code}}
    )


def flow(*reasons: Reason) -> FlowResult:
    gate = GateResult(status="ready")
    return FlowResult(
        id="f",
        name="f",
        status="conditional",
        score=Decimal(50),
        regime="gdpr",
        gdpr=gate,
        morocco=gate,
        reasons=reasons,
    )


def codes(found: FlowResult) -> list[str]:
    return [r.code for r in shown_findings(found)]


def test_the_sample_flow_shows_one_conditional_line_for_the_unverified_cndp_list() -> None:
    _, result = sample()
    returned = next(f for f in result.flows if f.id == "f2-sales")
    assert [r.code for r in returned.reasons][:2] == ["MA_LISTED", "MA_LIST_UNVERIFIED"]
    shown = shown_findings(returned)
    assert "MA_LISTED" not in [r.code for r in shown]
    listing = [r for r in shown if "CNDP list" in r.message.en]
    assert len(listing) == 1 and listing[0].status == "conditional"
    assert all(not (r.status == "ready" and "on the CNDP list" in r.message.en) for r in shown)


def test_a_verified_listing_keeps_its_note() -> None:
    found = flow(reason("MA_LISTED", "ready"), reason("MA_F118_FILED", "conditional"))
    assert codes(found) == ["MA_LISTED", "MA_F118_FILED"]


def test_notes_between_the_two_do_not_hide_the_pair() -> None:
    found = flow(
        reason("MA_LISTED", "ready"),
        reason("MA_LISTING_EXPIRING", "ready"),
        reason("MA_LIST_UNVERIFIED", "conditional"),
    )
    assert codes(found) == ["MA_LISTING_EXPIRING", "MA_LIST_UNVERIFIED"]


def test_the_gdpr_adequacy_note_follows_its_doubt_and_is_replaced_by_it() -> None:
    found = flow(
        reason("GDPR_ADEQUACY_UNVERIFIED", "conditional", "gdpr"),
        reason("GDPR_ADEQUATE", "ready", "gdpr"),
        reason("GDPR_ADEQUATE", "ready", "gdpr"),  # a second country, verified: kept
    )
    assert codes(found) == ["GDPR_ADEQUACY_UNVERIFIED", "GDPR_ADEQUATE"]


def test_a_doubt_in_another_gate_or_about_another_country_hides_nothing() -> None:
    other_gate = flow(
        reason("MA_LISTED", "ready"), reason("MA_LIST_UNVERIFIED", "conditional", "onward")
    )
    assert codes(other_gate) == ["MA_LISTED", "MA_LIST_UNVERIFIED"]
    next_country = flow(
        reason("MA_LISTED", "ready"),  # verified
        reason("MA_LISTED", "ready"),
        reason("MA_LIST_UNVERIFIED", "conditional"),
    )
    assert codes(next_country) == ["MA_LISTED", "MA_LIST_UNVERIFIED"]
