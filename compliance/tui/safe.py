"""Provides :func:`clean` and :func:`plain`: text from files shown as text, never as markup.

Organisation names, answers, comments and flow names come from users and imported files. They are
never parsed as Textual markup (``[bold]``, ``[@click=...]``) and their control characters (the
escape that starts a terminal sequence among them) are removed before display.
"""

from __future__ import annotations

import re

from rich.text import Text

__all__ = ["clean", "plain"]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(value: object, *, single_line: bool = True) -> str:
    """``value`` as a string without control characters (newlines become spaces on one line)."""
    text = _CONTROL.sub("", str(value))
    if single_line:
        text = text.replace("\n", " ").replace("\t", " ")
    return text


def plain(value: object, style: str = "", *, single_line: bool = True) -> Text:
    """A rich :class:`~rich.text.Text` of ``value``: shown literally, never interpreted."""
    return Text(clean(value, single_line=single_line), style=style)
