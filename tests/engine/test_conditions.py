"""Condition evaluation details that the property tests would find only by luck."""

from __future__ import annotations


def test_a_condition_tells_true_from_one() -> None:
    """``True`` and ``1`` are equal to Python; a condition on one must not match the other."""
    from decimal import Decimal

    from compliance.engine.conditions import evaluate
    from compliance.model.conditions import AnswerTest

    on_yes = AnswerTest.model_validate({"answer": "q", "in": [True]})
    on_one = AnswerTest.model_validate({"answer": "q", "in": [1]})
    for _ in range(2):  # the second time from the cache of normalised values
        assert evaluate(on_yes, lambda _: "yes", lambda _: None)
        assert not evaluate(on_yes, lambda _: Decimal(1), lambda _: None)
        assert evaluate(on_one, lambda _: Decimal(1), lambda _: None)
        assert not evaluate(on_one, lambda _: "yes", lambda _: None)
