"""Provides the strict JSON reader for signed bundles and trust files.

Refuses what the standard ``json`` module lets through: duplicate keys (last-wins is a classic
signature-bypass primitive), ``NaN``/``Infinity``, a byte-order mark, invalid UTF-8, numbers of
more than 40 characters, and nesting deeper than 64. Floats are read as :class:`~decimal.Decimal`,
never as binary floats. Every failure is a :class:`ValueError` with a short reason.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

__all__ = ["MAX_DEPTH", "loads"]

MAX_DEPTH = 64
_MAX_NUMBER_CHARS = 40


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)  # in C; a key given twice shows as a shorter dict
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key[:40]!r}")
            seen.add(key)
    return result


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _int(text: str) -> int:
    if len(text) > _MAX_NUMBER_CHARS:
        raise ValueError("a number is too long")
    return int(text)


def _float(text: str) -> Decimal:
    if len(text) > _MAX_NUMBER_CHARS:
        raise ValueError("a number is too long")
    return Decimal(text)


def _depth_ok(value: Any) -> bool:
    """Whether no container lies deeper than :data:`MAX_DEPTH` (only containers are walked)."""
    if not isinstance(value, dict | list):
        return True
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        for child in item.values() if isinstance(item, dict) else item:
            if isinstance(child, dict | list):
                stack.append((child, depth + 1))
    return True


def loads(data: bytes) -> Any:
    """Parses JSON bytes strictly; raises :class:`ValueError` naming the first problem."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("not UTF-8") from None
    if text.startswith("\ufeff"):
        raise ValueError("starts with a byte-order mark")
    try:
        value = json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_constant=_constant,
            parse_int=_int,
            parse_float=_float,
        )
    except RecursionError:
        raise ValueError(f"nested deeper than {MAX_DEPTH}") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg} at line {error.lineno})") from None
    if not _depth_ok(value):
        raise ValueError(f"nested deeper than {MAX_DEPTH}")
    return value
