"""Provides the CSV export of decisions, safe to open in a spreadsheet.

A cell that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return) gets a leading apostrophe, so organisation names and comments written by
others never run as formulas. The file is UTF-8 with a byte-order mark (spreadsheets then read
accents right), written atomically with mode 0600.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from compliance.files import write_atomically
from compliance.review.decisions import Decision

__all__ = ["COLUMNS", "decisions_csv", "neutralise", "write_csv"]

COLUMNS = (
    "decided_at",
    "status",
    "comment",
    "reviewer",
    "file",
    "bundle_sha256",
    "verdict",
    "reason",
    "report_id",
    "organisation",
    "registration_id",
    "issued_at",
    "questionnaire",
    "score",
    "rating",
)
_FORMULA_START = frozenset("=+-@")


def _may_start_a_formula(first: str) -> bool:
    """Whether a cell starting with ``first`` may be read as a formula by some spreadsheet.

    The OWASP four (``= + - @``) in any Unicode form (NFKC folds the full-width ``＝`` and the
    small ``﹢`` onto them, and the minus sign U+2212 is treated as a minus), and any space,
    separator or control character (tab, CR, LF, NUL...), which spreadsheets skip before
    looking for a formula.
    """
    import unicodedata

    folded = unicodedata.normalize("NFKC", first)[:1] or first
    if folded in _FORMULA_START or first == "\u2212":
        return True
    category = unicodedata.category(first)
    return first.isspace() or category[0] in "CZ"


def neutralise(value: object) -> str:
    """The cell text, with an apostrophe before anything a spreadsheet would evaluate."""
    text = "" if value is None else str(value)
    return "'" + text if text and _may_start_a_formula(text[0]) else text


def _row(decision: Decision) -> list[str]:
    seen = decision.submission
    scores = seen.scores or {}
    values = (
        decision.at,
        decision.status,
        decision.comment,
        decision.reviewer,
        seen.file,
        seen.bundle_sha256,
        seen.verdict,
        seen.reason,
        seen.report_id,
        seen.organisation,
        seen.registration_id,
        seen.issued_at,
        seen.questionnaire,
        scores.get("score"),
        scores.get("rating"),
    )
    return [neutralise(v) for v in values]


def decisions_csv(decisions: Iterable[Decision]) -> str:
    """The decisions as CSV text, a header line first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(_row(d) for d in decisions)
    return out.getvalue()


def write_csv(decisions: Iterable[Decision], path: Path) -> int:
    """Writes the decisions to ``path`` atomically; returns the number of rows."""
    rows = list(decisions)
    data = ("\ufeff" + decisions_csv(rows)).encode("utf-8")
    write_atomically(path, data, mode=0o600)
    return len(rows)
