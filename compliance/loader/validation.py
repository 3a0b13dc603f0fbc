"""Provides :func:`validate_document`: a parsed document checked against a pydantic model, every
error reported at once with its line and column."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from compliance.errors import LoadError
from compliance.loader.wording import message
from compliance.safeyaml import Document

__all__ = ["validate_document"]

M = TypeVar("M", bound=BaseModel)


def validate_document(document: Document, model: type[M]) -> M:
    """Validates a parsed document against ``model``, reporting every error with its line."""
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        locations = [tuple(err["loc"]) for err in errors]
        problems = [
            document.problem(tuple(err["loc"]), message(err))
            for err in errors
            if not _is_echo(err, locations)
        ]
        raise LoadError(problems) from None


def _is_echo(error: Any, locations: list[tuple[Any, ...]]) -> bool:
    """Whether ``error`` only repeats another: a list reported too short because items failed."""
    if error["type"] != "too_short":
        return False
    loc = tuple(error["loc"])
    return any(len(other) > len(loc) and other[: len(loc)] == loc for other in locations)
