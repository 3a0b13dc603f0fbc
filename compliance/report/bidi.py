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

__all__ = ["FSI", "PDI", "RTL", "direction", "ltr", "strip"]

FSI: Final = "\u2068"
PDI: Final = "\u2069"
RTL: Final = frozenset({"ar"})
"""The languages written right to left."""


def direction(lang: str) -> str:
    """``rtl`` for a right-to-left language, else ``ltr``."""
    return "rtl" if lang in RTL else "ltr"


def ltr(text: str, lang: str) -> str:
    """``text`` isolated (FSI … PDI) when ``lang`` is written right to left, else as it is."""
    if lang not in RTL or not text:
        return text
    return f"{FSI}{text}{PDI}"


def strip(text: str) -> str:
    """``text`` without the isolation marks (to compare what a reader sees with a value)."""
    return text.replace(FSI, "").replace(PDI, "")
