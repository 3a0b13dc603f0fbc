"""Provides the client listing as plain records, and a quick read of it for the first paint.

:func:`peek_clients` reads a SQLite workspace's client listing through the standard library's
``sqlite3``, read-only, without importing SQLAlchemy (about 250 ms, more than a whole Textual
start). The terminal UI paints the workspace with it, then opens the store properly (migrating it
if it is behind) and lists again. It never writes and never creates a file; on anything unusual (no
file, another schema, a locked or damaged database) it returns None and the caller takes the
ordinary path, :func:`compliance.store.clients.list_clients`, which gives the same records.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["LISTING_SQL", "Client", "client_from_row", "peek_clients"]


@dataclass(frozen=True, slots=True)
class Client:
    """A client with a summary of its latest assessment (highest cycle, then newest)."""

    id: int
    name: str
    created: str
    updated: str
    assessments: int
    latest_assessment: int | None
    latest_score: str | None
    """The latest assessment's score when it is up to date with its answers, else None."""
    latest_rating: str | None


LISTING_SQL = """
SELECT c.id, c.name, c.created, c.updated,
       r.id AS latest, r.score, r.rating, r.revision, r.scored_revision, r.total
FROM clients AS c
LEFT OUTER JOIN (
    SELECT client_id, id, score, rating, revision, scored_revision,
           row_number() OVER (PARTITION BY client_id ORDER BY cycle DESC, id DESC) AS rank,
           count(*) OVER (PARTITION BY client_id) AS total
    FROM assessments
) AS r ON r.client_id = c.id AND r.rank = 1
ORDER BY c.name, c.id
"""
"""The same listing as :func:`compliance.store.clients.list_clients`, in SQL (a test compares)."""


def client_from_row(row: Sequence[Any]) -> Client:
    """A listing record from the columns of :data:`LISTING_SQL`, in order; the score shows only
    when it is up to date with the answers."""
    (id_, name, created, updated, latest, score, rating, revision, scored_revision, total) = row
    fresh = scored_revision is not None and scored_revision == revision
    return Client(
        id=id_,
        name=name,
        created=str(created),
        updated=str(updated),
        assessments=total or 0,
        latest_assessment=latest,
        latest_score=score if fresh else None,
        latest_rating=rating if fresh else None,
    )


def peek_clients(path: Path) -> list[Client] | None:
    """The client listing of the SQLite workspace at ``path``, or None to take the full path."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error:
        return None
    try:
        rows = connection.execute(LISTING_SQL).fetchall()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return [client_from_row(row) for row in rows]
