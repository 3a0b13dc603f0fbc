"""The strict JSON reader: its nesting cap at the boundary, and keys given twice at any depth."""

from __future__ import annotations

import pytest

from compliance.signing.jsonstrict import MAX_DEPTH, loads


def _nested(depth: int) -> bytes:
    """``depth`` containers, alternating objects and lists, with scalars beside each level."""
    text = "1"
    for level in range(depth):
        text = f'{{"a": {text}, "b": "x"}}' if level % 2 else f"[{text}, 2, null]"
    return text.encode()


def test_the_cap_is_exact() -> None:
    assert loads(_nested(MAX_DEPTH)) is not None
    with pytest.raises(ValueError, match="nested"):
        loads(_nested(MAX_DEPTH + 1))


def test_scalars_and_shallow_documents_pass() -> None:
    assert loads(b"3") == 3
    assert loads(b'{"a": [1, {"b": []}]}') == {"a": [1, {"b": []}]}


def test_a_key_given_twice_is_named_at_any_depth() -> None:
    with pytest.raises(ValueError, match="duplicate key 'b'"):
        loads(b'{"a": [{"b": 1, "c": 2, "b": 3}]}')
