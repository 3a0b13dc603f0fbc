"""Provides :func:`parse_date`: a date as people type it, read into a :class:`datetime.date`.

Answers store dates as ISO 8601 (``YYYY-MM-DD``); people in Morocco and France write them day
first (``12/03/2024`` is the 12th of March). Both are read, in either interface language; a
month-first date is never guessed. Anything else (a two-digit year, a 31st of April, letters) is
not a date.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["parse_date"]

_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_DAY_FIRST = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})")


def parse_date(text: str) -> dt.date | None:
    """The date ``text`` writes as ``YYYY-MM-DD`` or ``DD/MM/YYYY`` (also ``DD.MM.YYYY`` and
    ``DD-MM-YYYY``; one-digit days and months accepted), surrounding spaces ignored; None when
    it is not one of these or names no real day."""
    text = text.strip()
    if found := _ISO.fullmatch(text):
        year, month, day = found.group(1), found.group(2), found.group(3)
    elif found := _DAY_FIRST.fullmatch(text):
        day, month, year = found.group(1), found.group(3), found.group(4)
    else:
        return None
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:  # a 31st of April, a month 13, year 0
        return None
