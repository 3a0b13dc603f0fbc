"""The check ``bidi-controls``: no text of a questionnaire, in any language, holds a Unicode
bidirectional control character.

Such characters are invisible, yet they reorder what a reader sees (the "Trojan Source" trick):
a question could read one way in an editor and another in the report. The reports and the TUI
isolate Latin identifiers inside Arabic text themselves, so an author never needs one. Refused:

- the embeddings and overrides U+202A-U+202E (LRE, RLE, PDF, LRO, RLO);
- the isolates U+2066-U+2069 (LRI, RLI, FSI, PDI);
- the marks U+200E, U+200F (LRM, RLM) and U+061C (ARABIC LETTER MARK).

The joiners U+200C and U+200D (ZWNJ, ZWJ) are allowed: they change how letters join, not the
order of the text, and some Arabic-script spellings need them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from compliance.loader.checks.registry import Finding, Loc, register
from compliance.model.questionnaire import Questionnaire

__all__ = ["BIDI_CONTROLS", "bidi_controls", "find_bidi_control"]

BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
"""Every character this check refuses."""

_PATTERN = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")


def find_bidi_control(text: str) -> tuple[int, str] | None:
    """The 1-based position and the character of the first bidi control in ``text``, if any."""
    match = _PATTERN.search(text)
    if match is None:
        return None
    return match.start() + 1, match.group()


@register("bidi-controls")
def bidi_controls(questionnaire: Questionnaire) -> Iterator[Finding]:
    """Every text holding a bidi control, reported at the text with the character's position."""
    for loc, text in _strings(questionnaire, ()):
        found = find_bidi_control(text)
        if found is None:
            continue
        position, char = found
        name = unicodedata.name(char, "bidi control")
        count = len(_PATTERN.findall(text))
        others = f" ({count - 1} more in this text)" if count > 1 else ""
        yield Finding(
            loc,
            f"text holds the invisible bidirectional control U+{ord(char):04X} {name} at "
            f"character {position}{others}; delete it (write the text in reading order: "
            "the reports and the TUI set its direction themselves)",
        )


def _strings(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Every string inside a validated model, with its location as the file spells it."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            yield from _strings(getattr(value, name), (*loc, field.alias or name))
    elif isinstance(value, list | tuple):
        for index, child in enumerate(value):
            yield from _strings(child, (*loc, index))
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(key, loc)
            yield from _strings(child, (*loc, key) if isinstance(key, str) else loc)
