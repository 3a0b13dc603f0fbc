"""Provides :func:`clean`: text taken from a bundle made safe to print in a terminal.

Names, comments and answers in a bundle are written by whoever made it. Before they reach a
terminal or a table they go through :func:`compliance.text.shown`, the one function every output
uses: control characters and bidirectional overrides are shown escaped, and the caller shows the
result as literal text, never as markup. Here the length is capped too.
"""

from __future__ import annotations

from compliance.text import shown

__all__ = ["clean"]


def clean(value: object, *, single_line: bool = True, limit: int = 2_000) -> str:
    """``value`` with control characters escaped and visible, cut to ``limit`` characters."""
    return shown(value, single_line=single_line, limit=limit)
