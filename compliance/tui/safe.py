"""Provides :func:`clean` and :func:`plain`: text from files shown as text, never as markup.

Organisation names, answers, comments and flow names come from users and imported files. They are
never parsed as Textual markup (``[bold]``, ``[@click=...]``) and their control characters (the
escape that starts a terminal sequence among them) are shown escaped by
:func:`compliance.text.shown`, the one function every output uses.
"""

from __future__ import annotations

from rich.text import Text

from compliance.text import shown

__all__ = ["clean", "plain"]


def clean(value: object, *, single_line: bool = True) -> str:
    """``value`` with control characters escaped and visible (newlines become spaces on one
    line)."""
    return shown(value, single_line=single_line)


def plain(value: object, style: str = "", *, single_line: bool = True) -> Text:
    """A rich :class:`~rich.text.Text` of ``value``: shown literally, never interpreted."""
    return Text(shown(value, single_line=single_line), style=style)
