"""Provides :func:`message`: one pydantic validation error worded as a sentence for a user."""

from __future__ import annotations

from typing import Any

__all__ = ["message"]


def _field_name(loc: tuple[int | str, ...]) -> str | None:
    """The name to show for a location: its last key (for an answer's value, the question id)."""
    names = [step for step in loc if isinstance(step, str)]
    if len(names) >= 2 and names[-1] == "value":
        return names[-2]
    return names[-1] if names else None


def message(error: Any) -> str:
    """The sentence for one error of ``ValidationError.errors()``."""
    kind = error["type"]
    loc = tuple(error["loc"])
    last = loc[-1] if loc else None
    if kind == "missing":
        return f"'{last}' is required"
    if kind == "extra_forbidden":
        return f"unknown field '{last}'"
    if kind == "unknown_operator":
        given = error.get("input")
        keys = ", ".join(map(str, given)) if isinstance(given, dict) else repr(given)
        return (
            f"unknown condition ({keys}); a condition has exactly one operator of: "
            "all, any, not, answer, profile"
        )
    if kind == "union_tag_invalid":
        ctx = error.get("ctx", {})
        field = str(ctx.get("discriminator", "kind")).strip("'")
        return f"unknown {field} {ctx.get('tag')!r}; expected one of {ctx.get('expected_tags')}"
    if kind == "union_tag_not_found":
        field = str(error.get("ctx", {}).get("discriminator", "kind")).strip("'")
        return f"'{field}' is required"
    text = str(error["msg"]).removeprefix("Value error, ")
    name = _field_name(loc)
    return f"{name}: {text}" if name else text
