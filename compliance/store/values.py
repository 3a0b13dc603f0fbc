"""Provides how values are written in the store: canonical JSON text and UTC time stamps."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from typing import Any

__all__ = ["clean_name", "from_json", "now", "to_json"]


def now() -> str:
    """The current UTC time as ISO 8601 text with microseconds (sorts as text)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def to_json(value: Any) -> str:
    """Canonical JSON text of plain data (sorted keys, no insignificant whitespace)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def from_json(text: str | None) -> Any:
    """The data of :func:`to_json` text; None stays None."""
    return None if text is None else json.loads(text)


def clean_name(name: str, what: str = "name") -> str:
    """A user-typed name, NFC-normalised and stripped; raises ValueError when empty or too long."""
    cleaned = unicodedata.normalize("NFC", name).strip()
    if not cleaned:
        raise ValueError(f"the {what} is empty")
    if len(cleaned) > 300:
        raise ValueError(f"the {what} is longer than 300 characters")
    return cleaned
