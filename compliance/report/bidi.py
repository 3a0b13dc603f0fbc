"""Provides how a right-to-left document keeps Latin identifiers in their own order (ADR 0025).

In an Arabic paragraph the Unicode bidirectional algorithm reorders neutral characters around
Latin text: ``XFR-06 (MA)`` or ``sha256:…`` could print with their parts swapped. :func:`ltr`
wraps such a value in U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE, so that it is
laid out as a unit in its own direction whatever surrounds it. Only Arabic text gets the marks:
an English or French document is left byte for byte as it was.

The marks are added where a view puts a value into a sentence, never in a catalogue string (the
terminal UI cannot use them) and never in machine outputs.
"""

from __future__ import annotations

from typing import Final

from markupsafe import Markup

__all__ = ["FSI", "PDI", "RTL", "direction", "html", "ltr", "strip", "text_direction"]

FSI: Final = "\u2068"
PDI: Final = "\u2069"
RTL: Final = frozenset({"ar"})
"""The languages written right to left."""


def direction(lang: str) -> str:
    """``rtl`` for a right-to-left language, else ``ltr``."""
    return "rtl" if lang in RTL else "ltr"


def ltr(text: str, lang: str) -> str:
    """``text`` isolated (FSI … PDI) when ``lang`` is written right to left, else as it is."""
    if lang not in RTL or not text or (text[0] == FSI and text[-1] == PDI):
        return text
    return f"{FSI}{text}{PDI}"


def strip(text: str) -> str:
    """``text`` without the isolation marks (to compare what a reader sees with a value)."""
    return text.replace(FSI, "").replace(PDI, "")


def text_direction(text: str) -> str:
    """``rtl`` when ``text`` holds Arabic (a letter or Arabic punctuation such as the comma
    between the items of an Arabic list), else ``ltr``: the direction an HTML element holding
    ``text`` takes (``<bdi dir=…>``). A text that mixes Arabic with Latin names is Arabic built
    around them (the names are isolated inside it).

    WeasyPrint breaks the lines of an isolate (FSI … PDI) and reorders each line on its own, so a
    paragraph of English inside an Arabic PDF needs an element with an explicit direction."""
    return "rtl" if any("\u0600" <= ch <= "\u06ff" for ch in text) else "ltr"


def html(text: str) -> Markup:
    """``text`` escaped for HTML with each isolate (FSI … PDI) turned into a ``<bdi dir=…>``
    element of its direction.

    Chromium honours the marks, but WeasyPrint (70) ignores them: only an element with an
    explicit direction keeps ``(XFR-06)`` or a formula in order in the PDF. Unbalanced marks are
    left as they are."""
    from markupsafe import escape

    if FSI not in text:
        return escape(text)
    pieces: list[str] = []
    opened: list[tuple[int, int]] = []  # (index in text, index in pieces) of each open FSI
    for index, ch in enumerate(text):
        if ch == FSI:
            opened.append((index, len(pieces)))
            pieces.append(FSI)
        elif ch == PDI and opened:
            start, piece = opened.pop()
            pieces[piece] = f'<bdi dir="{text_direction(text[start + 1 : index])}">'
            pieces.append("</bdi>")
        else:
            pieces.append(str(escape(ch)))
    # Every piece is an escaped character or a fixed tag (an unclosed FSI stays a character).
    return Markup("".join(pieces))  # noqa: S704
