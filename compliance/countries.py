"""Provides :func:`match_countries`: the reference countries a typed search means, best first.

A person looking for Morocco types the start of its name, so a name that starts with what was
typed ("Moro" → Morocco) comes before one that merely contains it (Comoros). The order is: the
exact code, names starting with the search, names with a word starting with it ("king" → United
Kingdom), codes starting with it, then names containing it; alphabetical by name within each.
Case and accents are ignored ("etats" finds États-Unis).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

__all__ = ["fold", "match_countries"]

_WORD_START = re.compile(r"[\s\-'’(]+")


def fold(text: str) -> str:
    """``text`` without case or accents, for searching: ``États-Unis`` → ``etats-unis``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def match_countries(countries: Mapping[str, str], query: str, limit: int = 50) -> list[str]:
    """The codes of ``countries`` (names by code) that ``query`` finds, best match first."""
    wanted = fold(query.strip())
    if not wanted:
        return []
    ranked: list[tuple[int, str, str]] = []
    for code, name in countries.items():
        folded_code, folded_name = fold(code), fold(name)
        if folded_code == wanted:
            rank = 0
        elif folded_name.startswith(wanted):
            rank = 1
        elif any(word.startswith(wanted) for word in _WORD_START.split(folded_name)[1:]):
            rank = 2
        elif folded_code.startswith(wanted):
            rank = 3
        elif wanted in folded_name:
            rank = 4
        else:
            continue
        ranked.append((rank, folded_name, code))
    return [code for _, _, code in sorted(ranked)[:limit]]
