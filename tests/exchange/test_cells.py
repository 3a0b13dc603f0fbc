"""Invariants of the answer cells: junk never passes as an answer, and what a pack shows reads
back as the very answer it showed, in both languages."""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.engine.conditions import normalise
from compliance.engine.validation import answer_problem
from compliance.exchange.cells import CellCodec, Unreadable
from compliance.loader import load_questionnaire
from compliance.model.assessment import Answer
from compliance.model.questionnaire import Question, Questionnaire
from tests.helpers import EXAMPLE

cells = st.one_of(
    st.none(),
    st.text(max_size=60),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates().map(lambda d: dt.datetime(d.year, d.month, d.day)),
    st.sampled_from(["Yes", "oui", "N/A", "Sans objet", "France (FR)", "fr", "1 — x", "80,5"]),
)


@functools.cache
def _example() -> Questionnaire:
    return load_questionnaire(EXAMPLE, use_cache=False)


def _questions(questionnaire: Questionnaire) -> list[Question]:
    return [q for _, _, q in questionnaire.iter_questions()]


@settings(max_examples=300, deadline=None)
@given(cell=cells, index=st.integers(min_value=0, max_value=7), lang=st.sampled_from(["en", "fr"]))
def test_any_cell_is_an_answer_or_a_reason(cell: Any, index: int, lang: str) -> None:
    questionnaire = _example()
    question = _questions(questionnaire)[index]
    codec = CellCodec(questionnaire, lang)
    try:
        value = codec.read(question, cell)
    except Unreadable as error:
        reason = str(error)
        assert reason and "\n" not in reason
        return
    if value is not None:  # a value the store takes; whether it fits is then checked
        Answer.model_validate({"value": value})
        problem = answer_problem(question, value)
        assert problem is None or isinstance(problem, str)


def _canon(value: Any) -> Any:
    return tuple(sorted(value)) if isinstance(value, tuple) else normalise(value)


@settings(max_examples=200, deadline=None)
@given(data=st.data(), lang=st.sampled_from(["en", "fr"]))
def test_what_is_shown_reads_back_as_the_same_answer(data: st.DataObject, lang: str) -> None:
    questionnaire = _example()
    codec = CellCodec(questionnaire, lang)
    question = data.draw(st.sampled_from(_questions(questionnaire)))
    kind = question.kind
    if kind in ("yes_no", "single_choice", "scale"):
        value = data.draw(st.sampled_from([v for _, v in codec.choices(question)]))
    elif kind == "multi_choice":
        value = tuple(
            data.draw(st.lists(st.sampled_from(question.option_ids()), min_size=1, unique=True))
        )
    elif kind == "number":
        value = data.draw(st.decimals(min_value=0, max_value=100, places=2)).normalize()
        value = int(value) if value == value.to_integral_value() else value
    elif kind == "date":
        value = data.draw(st.dates()).isoformat()
    elif kind == "text":
        value = data.draw(
            st.text(
                alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=40
            ).filter(str.strip)
        ).strip()
        import unicodedata

        value = unicodedata.normalize("NFC", value)
    else:
        value = data.draw(st.sampled_from(sorted(questionnaire.reference.countries)))  # type: ignore[union-attr]
    shown = codec.show(question, value)
    assert _canon(codec.read(question, shown)) == _canon(value)


def test_numbers_read_as_people_type_them() -> None:
    questionnaire = _example()
    codec = CellCodec(questionnaire, "fr")
    share = questionnaire.questions_by_id["gov02.share"]
    assert codec.read(share, "80,5") == Decimal("80.5")
    assert codec.read(share, 72.5) == Decimal("72.5")
    assert codec.read(share, 3.0) == 3
    assert codec.read(share, "1\u202f000") == 1000
    for junk in ("Infinity", "sNaN", float("inf"), float("nan")):
        with pytest.raises(Unreadable, match="is not a number"):
            codec.read(share, junk)
    maturity = questionnaire.questions_by_id["gov01.maturity"]
    for junk in ("NaN", float("-inf"), float("nan"), 2.5):
        with pytest.raises(Unreadable):
            codec.read(maturity, junk)
