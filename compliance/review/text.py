"""Provides :func:`clean`: text taken from a bundle made safe to print in a terminal.

Names, comments and answers in a bundle are written by whoever made it. Before they reach a
terminal or a table, control characters (the escape that starts a terminal sequence, carriage
returns that overwrite a line, bidirectional overrides that reorder it) are removed; what remains
is shown as literal text by the caller, never as markup.
"""

from __future__ import annotations

import re

__all__ = ["clean"]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(value: object, *, single_line: bool = True, limit: int = 2_000) -> str:
    """``value`` as text without control characters, cut to ``limit`` characters."""
    text = _CONTROL.sub("", str(value))
    if single_line:
        text = text.replace("\n", " ").replace("\t", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"
