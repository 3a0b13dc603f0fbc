"""The remediation plan's order and signs, why the rating is what it is, and the next step
(compliance.engine.plan): the one place the TUI, the CLI and the report take them from."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from compliance.catalog import load_assessment
from compliance.engine import plan
from compliance.engine.scoring import score
from compliance.model.base import Text
from compliance.model.questionnaire import Questionnaire
from compliance.model.result import RemediationItem, Result
from tests.engine.conftest import FULL_ANSWERS, assessment
from tests.helpers import REPO

SAMPLE = (
    REPO / "questionnaires" / "ma-offshoring" / "1.1.0" / "fixtures" / "telemarketing-france.yaml"
)


@cache
def sample() -> tuple[Questionnaire, Result]:
    """The sample client: 92.95, complete, capped at "Not ready" by XFR-06."""
    loaded, questionnaire = load_assessment(SAMPLE)
    return questionnaire, score(questionnaire, loaded)


def item(
    control: str, impact: str, *, caps: bool = False, critical: bool = False
) -> RemediationItem:
    words = Text(en=control, fr=control)
    return RemediationItem(
        control=control,
        domain="D",
        critical=critical or caps,
        caps_rating=caps,
        impact=Decimal(impact),
        score=Decimal("10.00"),
        title=words,
        remediation=words,
    )


def with_plan(items: tuple[RemediationItem, ...]) -> Result:
    return sample()[1].model_copy(update={"remediation": items})


def test_the_plan_is_ordered_by_points_recoverable_and_the_engine_order_is_not() -> None:
    _, result = sample()
    engine_order = [i.control for i in result.remediation]
    assert engine_order[0] == "XFR-06"  # the engine puts the capping control first (0.70)
    ordered = plan.ordered_plan(result)
    impacts = [i.impact for i in ordered]
    assert impacts == sorted(impacts, reverse=True)
    assert ordered[0].control == "RET-01" and ordered[0].impact == Decimal("1.47")
    assert sorted(engine_order) == sorted(i.control for i in ordered)  # nothing lost or added
    assert plan.plan_title("en").startswith("Remediation plan (most points recoverable first")


def test_equal_points_are_ordered_by_control_id_and_markers_do_not_move_an_item() -> None:
    items = (item("ZZZ-1", "0.50", caps=True), item("AAA-2", "0.50"), item("MMM-3", "2.00"))
    ordered = plan.ordered_plan(with_plan(items))
    assert [i.control for i in ordered] == ["MMM-3", "AAA-2", "ZZZ-1"]
    assert [plan.marker(i) for i in ordered] == [" ", " ", "!"]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["A-1", "B-2", "C-3", "D-4", "E-5", "F-6"]),
            st.decimals(min_value=0, max_value=100, places=2),
            st.booleans(),
        ),
        max_size=6,
        unique_by=lambda t: t[0],
    )
)
def test_the_order_is_a_permutation_by_impact_then_id(
    rows: list[tuple[str, Decimal, bool]],
) -> None:
    items = tuple(item(c, str(impact), caps=caps) for c, impact, caps in rows)
    ordered = plan.ordered_plan(with_plan(items))
    assert sorted(ordered, key=lambda i: i.control) == sorted(items, key=lambda i: i.control)
    keys = [(-i.impact, i.control) for i in ordered]
    assert keys == sorted(keys)


def test_points_are_written_with_a_plus_in_both_languages() -> None:
    assert plan.gain(Decimal("0.70")) == "+0.70"
    assert plan.gain(Decimal("1.5"), "fr") == "+1,50"
    assert plan.gain(Decimal(0)) == "+0.00"


def test_the_marker_legend_lists_only_the_markers_shown() -> None:
    questionnaire, result = sample()
    legend = dict(plan.marker_legend(questionnaire, result, "en"))
    assert set(legend) == {"!", "*"}
    assert "caps the rating" in legend["!"] and "under 50" in legend["*"]
    plain_only = with_plan((item("A-1", "1.00"),))
    assert plan.marker_legend(questionnaire, plain_only, "en") == ()


def test_a_cap_is_a_sentence_with_the_controls_title_score_and_what_to_do() -> None:
    questionnaire, result = sample()
    why = plan.rating_why(questionnaire, result, "en")
    assert why.sentence == (
        "Why “Not ready”: the score alone, 92.95, would rate “Ready”, but the rating is capped:"
    )
    (cap,) = why.caps
    control = next(c for d in questionnaire.domains for c in d.controls if c.id == "XFR-06")
    assert cap.startswith(f"XFR-06 “{control.title.en}” is a critical control scoring 46.67")
    assert cap.endswith(f"To lift the cap: {control.remediation.en}")
    assert why.notes == ()  # complete: not provisional
    french = plan.rating_why(questionnaire, result, "fr")
    assert "92,95" in french.sentence and "\u00a0:" in french.sentence


def test_an_uncapped_rating_says_how_far_the_next_band_is(example: Questionnaire) -> None:
    answers: dict[str, Any] = {**FULL_ANSWERS, "gov01.maturity": 0, "gov02.share": 10}
    result = score(example, assessment(answers=answers))
    assert not result.overall.caps
    why = plan.rating_why(example, result, "en")
    above = example.scoring.bands[0]
    assert result.overall.rating != above.id
    assert f"is under {int(above.min)}, the mark for “{above.label.en}”" in why.sentence
    gap = above.min - (result.overall.score or Decimal(0))
    assert f"({gap:.2f} points to go)" in why.sentence
    top = plan.rating_why(example, score(example, assessment(answers=FULL_ANSWERS)), "en")
    assert "is at or above" in top.sentence


def test_while_questions_are_unanswered_the_next_step_is_to_finish(example: Questionnaire) -> None:
    result = score(example, assessment(answers={"gov01.lead": "yes"}))
    step = plan.next_step(result)
    assert step.kind == "finish" and step.remaining == plan.unanswered(result) > 0
    sentence, actions = plan.next_step_lines(result, "en")
    assert sentence.startswith(f"Next: answer the {step.remaining} questions left (")
    assert actions == ()
    why = plan.rating_why(example, result, "en")
    assert why.notes == (
        f"The rating is provisional: {step.remaining} unanswered questions count as 0.",
    )


def test_unanswered_critical_controls_are_one_line_not_a_sentence_each(
    example: Questionnaire,
) -> None:
    result = score(example, assessment(answers={"gov01.lead": "yes"}))
    untouched = [cap.id for cap in result.overall.caps if cap.kind == "critical_control"]
    assert untouched  # the example's critical controls, none answered
    why = plan.rating_why(example, result, "en")
    assert why.caps[-1] == (
        "Critical controls not answered yet, each counted as 0 and capping the rating until it "
        f"is answered: {', '.join(untouched)}."
    )


def test_once_complete_the_next_step_is_the_three_actions_worth_most() -> None:
    _, result = sample()
    step = plan.next_step(result)
    assert step.kind == "actions"
    assert step.actions == plan.ordered_plan(result)[:3]
    assert step.caps == ("XFR-06",)  # 92.95 is "Ready" but for the cap: lifting it comes first
    sentence, lines = plan.next_step_lines(result, "en")
    assert sentence == (
        "Next: lift the cap first (XFR-06, above); then the actions worth the most points:"
    )
    assert lines[0].startswith("+1.47  RET-01 ")
    uncapped = result.model_copy(
        update={"overall": result.overall.model_copy(update={"caps": (), "rating": "ready"})}
    )
    assert plan.next_step_lines(uncapped, "en")[0] == "Next, the actions worth the most points:"
    done = uncapped.model_copy(update={"remediation": ()})
    assert plan.next_step(done).kind == "done"
