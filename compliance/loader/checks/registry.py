"""Provides the registry of the questionnaire checks: each check a function registered by name.

A check reads a validated :class:`Questionnaire` and yields :class:`Finding` s: where (a location
in the questionnaire's data, as pydantic gives them) and what. It does not know the file; the
runner (:func:`compliance.loader.checks.check_questionnaire`) places each finding at its line.
Checks run in the order they are registered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from compliance.model.questionnaire import Questionnaire

__all__ = ["CHECKS", "Check", "Finding", "Loc", "register"]

Loc = tuple[int | str, ...]
"""A location in a questionnaire's data: keys and list indexes from the top."""


class Finding(NamedTuple):
    """One problem a check found."""

    loc: Loc
    message: str
    item: str | None = None
    """The id to show when it is not the one of the item that holds ``loc``."""


Check = Callable[[Questionnaire], Iterable[Finding]]

CHECKS: dict[str, Check] = {}
"""Every registered check by name, in the order they run."""


def register(name: str) -> Callable[[Check], Check]:
    """Registers the decorated function as the check called ``name`` (a name is used once)."""

    def decorate(check: Check) -> Check:
        if name in CHECKS:
            raise ValueError(f"a check named {name!r} is already registered")
        CHECKS[name] = check
        return check

    return decorate
