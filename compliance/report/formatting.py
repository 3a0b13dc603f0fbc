"""Provides how reports write numbers, percentages, dates and countries (citations:
:mod:`compliance.engine.citations`).

Numbers and percentages are :mod:`compliance.typography`'s, the one module every face of the tool
writes them with: French reports use a decimal comma and a no-break space before ``%``. Dates on
the cover are written out in words; elsewhere they stay ISO 8601 so they read the same in both
languages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from compliance import typography
from compliance.model.base import Text
from compliance.report.bidi import ltr

__all__ = ["country", "long_date", "number", "percent"]

_MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    # The months as Morocco's Bulletin officiel writes them in Arabic ("21 ماي 2009"), not the
    # Syriac or Egyptian series (ADR 0025).
    "ar": [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "ماي",
        "يونيو",
        "يوليوز",
        "غشت",
        "شتنبر",
        "أكتوبر",
        "نونبر",
        "دجنبر",
    ],
}

NBSP = typography.NBSP
DASH = typography.DASH


def number(value: Decimal | int | None, lang: str) -> str:
    """``54.17`` (``54,17`` in French; an int as it is); a dash for no value."""
    return typography.number(value, lang, 2 if isinstance(value, Decimal) else None)


def percent(value: Decimal | None, lang: str) -> str:
    """``83.33%`` (``83,33 %`` in French, with a no-break space)."""
    return typography.percent(value, lang, 2)


def long_date(value: dt.date, lang: str) -> str:
    """``1 November 2026`` / ``1er novembre 2026`` / ``1 نونبر 2026``."""
    months = _MONTHS[lang if lang in _MONTHS else "en"]
    day = "1er" if lang == "fr" and value.day == 1 else str(value.day)
    return f"{day} {months[value.month - 1]} {value.year}"


def country(code: str | None, names: Mapping[str, Text], lang: str) -> str | None:
    """``Morocco (MA)``; the bare code when the reference data does not name it.

    In Arabic the whole is isolated (U+2068 FSI ... U+2069 PDI, ADR 0025): ``المغرب (MA)`` keeps
    its code after the name, and a name the reference data has only in a Latin script
    (``Morocco (MA)``) is not reordered against the Arabic around it.
    """
    if code is None:
        return None
    name = names.get(code)
    return ltr(f"{name.get(lang)} ({code})" if name else code, lang)
