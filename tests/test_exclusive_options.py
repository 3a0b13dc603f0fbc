"""'None of these' excludes the other ticks: the questionnaire marks such options (``exclusive``,
or the id ``none`` of the released questionnaires) and one function keeps them apart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from compliance.catalog import find
from compliance.errors import LoadError
from compliance.loader import load_questionnaire
from compliance.model.questionnaire import MultiChoiceQuestion, SingleChoiceQuestion
from tests.helpers import question, variant


def _multi(*options: dict[str, Any]) -> MultiChoiceQuestion:
    return MultiChoiceQuestion.model_validate(
        {"id": "q1", "kind": "multi_choice", "text": {"en": "Q", "fr": "Q"}, "options": options}
    )


def _option(key: str, **extra: Any) -> dict[str, Any]:
    return {"id": key, "label": {"en": key, "fr": key}, "score": 0.5, **extra}


QUESTION = _multi(_option("a"), _option("b"), _option("c"), _option("none"))


def test_the_released_questionnaires_none_options_are_exclusive() -> None:
    questionnaire = find("ma-offshoring", "1.1.0").questionnaire
    special = questionnaire.profile_by_id["special_data"]
    assert isinstance(special, MultiChoiceQuestion)
    assert special.exclusive_ids() == {"none"}
    # "Not one of these" ticked after "National ID": only it stays, and the other way round
    assert special.with_exclusive(("national_id",), ("national_id", "none")) == ("none",)
    assert special.with_exclusive(("none",), ("national_id", "none")) == ("national_id",)


def test_the_flag_marks_other_options_and_opts_a_none_out() -> None:
    question = _multi(
        _option("a"), _option("nothing", exclusive=True), _option("none", exclusive=False)
    )
    assert question.exclusive_ids() == {"nothing"}
    assert question.with_exclusive(("a", "none"), ("a", "none", "nothing")) == ("nothing",)


def test_exclusive_is_refused_where_it_means_nothing() -> None:
    with pytest.raises(ValidationError, match="applies only to multi_choice"):
        SingleChoiceQuestion.model_validate(
            {
                "id": "q1",
                "kind": "single_choice",
                "text": {"en": "Q", "fr": "Q"},
                "options": [_option("a", exclusive=True), _option("b")],
            }
        )
    with pytest.raises(ValidationError, match="every option is 'exclusive'"):
        _multi(_option("a", exclusive=True), _option("none"))


def test_a_removal_is_kept_as_it_is() -> None:
    assert QUESTION.with_exclusive(("a", "b"), ("b",)) == ("b",)
    assert QUESTION.with_exclusive(("none",), ()) == ()


keys = st.sampled_from(QUESTION.option_ids())


def _valid(choice: tuple[str, ...]) -> bool:
    return "none" not in choice or choice == ("none",)


@given(st.sets(keys).filter(lambda c: _valid(tuple(c))), keys)
def test_one_tick_always_gives_a_choice_that_keeps_none_apart(before: set[str], key: str) -> None:
    ordered = tuple(k for k in QUESTION.option_ids() if k in before)
    after = tuple(k for k in QUESTION.option_ids() if k in before ^ {key})
    result = QUESTION.with_exclusive(ordered, after)
    assert _valid(result)
    if key not in before:
        assert key in result  # what was just ticked is never undone
    assert set(result) <= set(after)


def test_the_loader_names_an_exclusive_single_choice_option_with_its_line(
    tmp_path: Path,
) -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "role")["options"][0]["exclusive"] = True

    with pytest.raises(LoadError) as caught:
        load_questionnaire(variant(tmp_path, change), use_cache=False)
    [problem] = [str(p) for p in caught.value.problems]
    assert "variant.yaml:" in problem and "applies only to multi_choice" in problem
