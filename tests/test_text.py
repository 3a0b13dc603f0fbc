"""The one function that prints untrusted text, and its JSON counterpart."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compliance.text import UNSAFE, json_safe, shown

HOSTILE = (
    "A\x1b[2J"  # clear screen
    "\x1b]52;c;ZXZpbA==\x07"  # OSC 52 clipboard write
    "\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\"  # OSC 8 hyperlink
    "\x9b31m\r\x7f\u202eevil\u2066\u2069\u200f"
)


def test_every_control_is_escaped_and_visible() -> None:
    text = shown(HOSTILE)
    assert not UNSAFE.search(text)
    assert text.startswith("A\\x1b[2J\\x1b]52;c;ZXZpbA==\\x07")
    assert "\\x9b31m\\x0d\\x7f\\u202eevil\\u2066\\u2069\\u200f" in text


def test_line_feeds_and_tabs_are_spaces_on_one_line_and_kept_in_blocks() -> None:
    assert shown("a\nb\tc") == "a b c"
    assert shown("a\nb\tc\r", single_line=False) == "a\nb\tc\\x0d"


def test_limit_cuts_with_an_ellipsis() -> None:
    assert shown("abcdef", limit=4) == "abc…"
    assert shown("abc", limit=4) == "abc"


@given(st.text())
def test_shown_never_leaves_an_unsafe_character(value: str) -> None:
    assert not UNSAFE.search(shown(value))
    block = shown(value, single_line=False)
    assert not UNSAFE.search(block.replace("\n", "").replace("\t", ""))


@given(
    st.recursive(st.text() | st.integers(), lambda c: st.lists(c) | st.dictionaries(st.text(), c))
)
def test_json_safe_keeps_the_document_and_escapes_the_characters(value: object) -> None:
    document = json_safe(json.dumps(value, indent=2, ensure_ascii=False))
    assert json.loads(document) == value
    assert not UNSAFE.search(document.replace("\n", ""))


@pytest.mark.parametrize("char", ["\x7f", "\x85", "\u202e", "\u2066", "\u061c"])
def test_json_safe_escapes_what_the_encoder_leaves_raw(char: str) -> None:
    raw = json.dumps({"name": f"x{char}y"}, ensure_ascii=False)
    assert char in raw
    assert json_safe(raw) == '{"name": "x' + f"\\u{ord(char):04x}" + 'y"}'
