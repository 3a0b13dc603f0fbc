"""Provides how every face of the tool writes numbers, percentages, labels and quotes in a language.

One module for the terminal UI, the command line and the reports, so that a score reads ``9,97``
and a coverage ``21 %`` wherever a French reader meets it. English keeps its own conventions
(``9.97``, ``21%``, ``Overall:``, “quotes”). French follows the usual typography of the
Imprimerie nationale, simplified to one space character:

- a decimal comma (``9,97``), digits grouped by a space when asked (``10 000``);
- a no-break space before ``:`` ``;`` ``!`` ``?`` and ``%`` (``Global : 91,67``, ``21 %``);
- « French quotes » with a no-break space inside.

The space is always U+00A0 (NO-BREAK SPACE), never the narrow U+202F that French print uses
before ``;`` ``!`` ``?``: terminals and their fonts draw U+00A0 as one ordinary cell everywhere,
while U+202F is missing from many monospace fonts and is counted differently by some terminals,
which would shift a table by a column (ADR 0016).

:func:`french` applies the spacing rules to wording we wrote (catalogue strings, report text),
never to what users typed: a comment such as ``Contact: dpo@example.ma`` is theirs to write as they
like. Machine outputs (``--json``, result files, signed statements) never pass through this module:
their numbers stay machine numbers.

Arabic (``ar``) follows Moroccan practice as the Bulletin officiel's Arabic edition writes it
(ADR 0025): Western digits (``0-9``) everywhere, never Arabic-Indic ones; a decimal comma
(``92,95``) and, when asked, thousands grouped by a dot (``10.000``), as in CLDR's ``ar-MA``; the
percent sign right after the number (``21%``); a colon straight after its label; « guillemets »
without inner spaces. Arabic wording is written with its own punctuation (``،`` ``؛`` ``؟``) by
its translators, so :func:`typeset` leaves it as it is.

Nothing here imports the UI, so the engine, the reports and the CLI use it as the TUI does.
"""

from __future__ import annotations

import functools
import math
import re
from decimal import Decimal, InvalidOperation
from typing import Final

__all__ = [
    "DASH",
    "NBSP",
    "colon",
    "french",
    "label",
    "number",
    "parse_number",
    "percent",
    "quote",
    "typeset",
]

NBSP: Final = "\u00a0"
"""The no-break space French typography puts before high punctuation and inside quotes."""

DASH: Final = "—"
"""What a number that is not there reads as."""

Number = Decimal | int | float | str

_SPACES = "[ \u00a0\u202f]*"
_BEFORE_MARK = re.compile(rf"(?<=[^\s:;!?«(\[]){_SPACES}([:;!?])(?=\s|$|[»)\]])")
"""A high punctuation mark used as punctuation: after a word (not after another mark or an
opening bracket) and followed by a space, the end or a closing bracket. ``https://``, ``10:30``,
``{value:.2f}`` and a ``?`` standing alone as a symbol are left as they are."""

_BEFORE_PERCENT = re.compile(r"(?<=[\d}])" + _SPACES + "%")
"""A percent sign after a number or a ``{placeholder}``."""

_STRAIGHT_QUOTES = re.compile(r'"([^"\n]*)"')
_OPENING = re.compile(rf"«{_SPACES}")
_CLOSING = re.compile(rf"{_SPACES}»")
_MARKS: Final = frozenset(":;!?")
_DECIMAL_COMMA: Final = {"fr": NBSP, "ar": "."}
"""The languages that write a decimal comma, and what groups their thousands."""


def french(text: str) -> str:
    """``text`` (our own wording) in French typography; applying it twice changes nothing.

    One no-break space before ``:`` ``;`` ``!`` ``?`` and ``%`` (replacing an ordinary or narrow
    space there, or added where there was none), and straight double quotes turned into « » with a
    no-break space inside. Format fields such as ``{coverage}`` are left intact, so a catalogue
    string can be typeset before its values are put in.
    """
    # Each rule runs only where its sign occurs, and a text met again is not typeset again: a
    # report typesets every question's wording, and the inbox re-derives many reports of the same
    # questionnaire in one process (benchmarks/bench_report.py).
    return _french(text)


@functools.lru_cache(maxsize=8192)
def _french(text: str) -> str:
    if '"' in text:
        text = _STRAIGHT_QUOTES.sub(lambda m: f"«{m.group(1)}»", text)
    if "«" in text or "»" in text:
        text = _OPENING.sub("«" + NBSP, text)
        text = _CLOSING.sub(NBSP + "»", text)
    if _MARKS.intersection(text):
        text = _BEFORE_MARK.sub(lambda m: NBSP + m.group(1), text)
    if "%" in text:
        text = _BEFORE_PERCENT.sub(NBSP + "%", text)
    return text


def typeset(text: str, lang: str) -> str:
    """``text`` (our own wording) in the typography of ``lang``: French rules for ``fr``, as it is
    otherwise."""
    return french(text) if lang == "fr" else text


def colon(lang: str) -> str:
    """What separates a label from its value: ``": "``, or ``" : "`` (no-break) in French."""
    return f"{NBSP}: " if lang == "fr" else ": "


def label(text: str, lang: str) -> str:
    """``text`` as a label ending in a colon: ``Overall:``, ``Global :`` (no-break space)."""
    return f"{text}{NBSP}:" if lang == "fr" else f"{text}:"


def quote(text: str, lang: str) -> str:
    """``text`` between the language's quotation marks: “text”, « text », «text» (Arabic)."""
    if lang == "fr":
        return f"«{NBSP}{text}{NBSP}»"
    return f"«{text}»" if lang == "ar" else f"“{text}”"


def _decimal(value: Number) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a truth value is not a number")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # Through its shortest text (repr), so 0.1 stays 0.1 and not its binary expansion.
        return Decimal(repr(value)) if math.isfinite(value) else Decimal(str(value))
    return parse_number(value)


def number(
    value: Number | None,
    lang: str,
    places: int | None = 2,
    *,
    group: bool = False,
    sign: bool = False,
) -> str:
    """``value`` written for a reader of ``lang``: ``9.97`` / ``9,97``; :data:`DASH` for none.

    ``places`` rounds half to even to that many decimals (``None`` keeps the value's own
    digits); ``group`` separates thousands (``10,000`` / ``10 000``); ``sign`` writes ``+``
    before a positive value. A Decimal, int, float or numeric string is accepted; infinities and
    NaN print as ``∞`` / ``-∞`` / ``NaN`` rather than raising.
    """
    if value is None:
        return DASH
    amount = _decimal(value)
    if amount.is_nan():
        return "NaN"
    if amount.is_infinite():
        return ("+" if sign else "") + "∞" if amount > 0 else "-∞"
    if places is None:
        text = f"{amount:,f}" if group else f"{amount:f}"
    else:
        places = max(places, 0)
        text = f"{amount:,.{places}f}" if group else f"{amount:.{places}f}"
    if sign and not text.startswith("-") and amount != 0:
        text = "+" + text
    if lang in _DECIMAL_COMMA:
        # Swap through a placeholder so "1,234.5" becomes "1 234,5" (French), "1.234,5" (Arabic).
        text = text.replace(",", "\0").replace(".", ",").replace("\0", _DECIMAL_COMMA[lang])
    return text


def percent(value: Number | None, lang: str, places: int | None = None) -> str:
    """A percentage (``value`` out of 100): ``21%`` / ``21 %`` (no-break); :data:`DASH` for
    none. ``places`` as in :func:`number` (``None``: the value's own digits)."""
    if value is None:
        return DASH
    written = number(value, lang, places)
    return f"{written}{NBSP}%" if lang == "fr" else f"{written}%"


_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")
_GROUPS = re.compile("[ \u00a0\u202f_]")


def parse_number(text: str) -> Decimal:
    """The number written in ``text`` in either language: ``9.97``, ``9,97``, ``10 000,5``.

    Spaces (ordinary, no-break, narrow) and underscores between digits are ignored; a decimal
    comma or point is accepted. Raises :class:`ValueError` with a sentence for anything else
    (``1,234.5`` is refused as ambiguous rather than guessed).
    """
    cleaned = _GROUPS.sub("", text.strip())
    if not _NUMBER.fullmatch(cleaned):
        raise ValueError(f"{text!r} is not a number: write digits with a decimal point or comma")
    try:
        return Decimal(cleaned.replace(",", "."))
    except InvalidOperation as error:  # pragma: no cover - the pattern admits only numbers
        raise ValueError(f"{text!r} is not a number") from error
