"""Provides :func:`record_id`: how every command reads the id of a workspace record.

An id is a whole number from 1 to :data:`MAX_ID`, the largest a database integer holds; anything
else is one clear usage error (``export 1000000000000000000000000000000`` used to end in an
``OverflowError`` from the database driver).
"""

from __future__ import annotations

import argparse

__all__ = ["MAX_ID", "parse_id", "record_id"]

MAX_ID = 2**63 - 1
"""The largest id a workspace (SQLite or PostgreSQL BIGINT) can hold."""


def parse_id(text: str) -> int | None:
    """``text`` as an id, or None when it is not a whole number from 1 to :data:`MAX_ID`."""
    text = text.strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(MAX_ID)):
        return None
    value = int(text)
    return value if 1 <= value <= MAX_ID else None


def record_id(text: str) -> int:
    """An argparse ``type`` for ids: refuses anything :func:`parse_id` refuses."""
    value = parse_id(text)
    if value is None:
        raise argparse.ArgumentTypeError(
            f"an id is a whole number from 1 to {MAX_ID:,}, not {text[:40]!r}"
        )
    return value
