"""Provides the one way text from files and users is printed: :func:`shown` and :func:`json_safe`.

Organisation and flow names, comments, answers and file names are written by whoever made the file.
Printed raw, an escape sequence in them acts on the reader's terminal (clears it, writes the
clipboard through OSC 52, hides a link behind OSC 8 text), a carriage return overwrites a line, and
a bidirectional override reorders what the reader sees. :func:`shown` makes every such character
visible instead, as a backslash escape (``\\x1b``, ``\\u202e``): the text stays readable and
nothing in it acts. Every human-readable output (the command line, the review inbox, the terminal
UI) goes through it; ``--json`` output goes through :func:`json_safe`, which writes the same
characters as JSON ``\\u`` escapes.
"""

from __future__ import annotations

import re

__all__ = ["UNSAFE", "json_safe", "shown"]

UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls (ESC among them), DEL, the bidi marks, embeddings, overrides and isolates,
and the two Unicode line separators."""

_KEPT_IN_BLOCKS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
"""The same, less tab and line feed: what a multi-line text may not hold."""


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def shown(value: object, *, single_line: bool = True, limit: int | None = None) -> str:
    """``value`` as text safe to print: every control character escaped and visible.

    On one line (the default) a line feed or tab shows as a space, so that a name cannot start a
    line of its own; otherwise they are kept. ``limit`` cuts the text to that many characters
    (the last one an ellipsis).
    """
    text = str(value)
    if single_line:
        text = UNSAFE.sub(lambda m: " " if m.group() in "\n\t" else _escape(m), text)
    else:
        text = _KEPT_IN_BLOCKS.sub(_escape, text)
    if limit is not None and len(text) > limit:
        return text[: limit - 1] + "…"
    return text


def json_safe(document: str) -> str:
    """JSON text with every character of :data:`UNSAFE` written as a ``\\uXXXX`` escape.

    The JSON encoder already escapes C0 controls inside strings; DEL, the C1 controls and the bidi
    controls it leaves raw when it keeps Unicode. Outside strings JSON holds none of them (tab, line
    feed and carriage return there are layout, and are left alone), so replacing each by its
    escape leaves the same document.
    """
    return _KEPT_IN_BLOCKS.sub(lambda m: f"\\u{ord(m.group()):04x}", document)
