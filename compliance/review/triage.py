"""Provides sorting and filtering of the inbox: invalid first, by rating, organisation or date.

A filter is a list of terms, all of which must match: ``invalid``, ``valid``, ``expired``,
``flagged``, ``at-risk`` (a blocked or not-ready flow), ``rating=ID``, ``reason=CODE`` (in French
``invalide``, ``valide``, ``expiré``, ``signalé``, ``à-risque``, ``niveau=ID``, ``motif=CODE``),
or any other word, looked for (case-insensitively) in the file name, organisation, registration
id and signer. Only verified values are matched; an INVALID submission matches by file name and
reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from compliance.review.inbox import Submission

__all__ = ["SORTS", "SYNONYMS", "matches", "select", "sort_submissions"]

SORTS = ("verdict", "rating", "organisation", "date")
_VERDICT_ORDER = {"INVALID": 0, "EXPIRED": 1, "VALID": 2}


def _score(submission: Submission) -> Decimal:
    summary = submission.summary
    if summary is None or summary.score is None:
        return Decimal(-1)
    try:
        return Decimal(summary.score)
    except InvalidOperation:  # pragma: no cover - verified scores are decimals
        return Decimal(-1)


def _key(sort: str) -> Callable[[Submission], Any]:
    def verdict(s: Submission) -> Any:
        return (_VERDICT_ORDER.get(s.status, 0), -len(s.flags), s.name)

    def rating(s: Submission) -> Any:
        rank = -1 if s.summary is None else s.summary.rating_rank
        return (-rank, _score(s), s.name)

    def organisation(s: Submission) -> Any:
        org = "" if s.summary is None else s.summary.organisation.casefold()
        return (s.summary is not None, org, s.summary.issued_at if s.summary else "", s.name)

    def date(s: Submission) -> Any:
        return (s.summary is not None, s.summary.issued_at if s.summary else "", s.name)

    keys = {"verdict": verdict, "rating": rating, "organisation": organisation, "date": date}
    return keys[sort]


def sort_submissions(
    submissions: Iterable[Submission], sort: str = "verdict", *, reverse: bool = False
) -> list[Submission]:
    """Sorted: ``verdict`` puts invalid (then flagged) first, ``rating`` the worst first,
    ``organisation`` alphabetically, ``date`` oldest first; unverified ones lead in each."""
    if sort not in SORTS:
        raise ValueError(f"sort by one of {', '.join(SORTS)}, not {sort!r}")
    return sorted(submissions, key=_key(sort), reverse=reverse)


SYNONYMS = {
    "invalide": "invalid",
    "valide": "valid",
    "expiré": "expired",
    "expire": "expired",
    "signalé": "flagged",
    "signale": "flagged",
    "à-risque": "at-risk",
    "a-risque": "at-risk",
    "niveau=": "rating=",
    "motif=": "reason=",
}
"""The French words of the filter, each the English term it means (the interface shows the
words of its language; both are understood in either)."""


def _canonical(term: str) -> str:
    for french, english in SYNONYMS.items():
        if french.endswith("="):
            if term.startswith(french):
                return english + term[len(french) :]
        elif term == french:
            return english
    return term


def matches(submission: Submission, term: str) -> bool:
    """Whether ``submission`` matches one filter term (English or French)."""
    term = _canonical(term.strip().casefold())
    summary = submission.summary
    status = submission.status
    if term in ("invalid", "valid", "expired"):
        return status.casefold() == term
    if term == "flagged":
        return bool(submission.flags)
    if term == "at-risk":
        return summary is not None and summary.flows_at_risk > 0
    if term.startswith("rating="):
        return summary is not None and summary.rating.casefold() == term[7:]
    if term.startswith("reason="):
        return (submission.verdict.reason or "").casefold() == term[7:]
    fields = [submission.name, submission.verdict.reason or ""]
    if summary is not None:
        fields += [summary.organisation, summary.registration_id or "", summary.signer]
    return any(term in field.casefold() for field in fields)


def select(submissions: Iterable[Submission], terms: Iterable[str]) -> list[Submission]:
    """The submissions matching every term (no term: all of them)."""
    wanted = [t for t in terms if t.strip()]
    return [s for s in submissions if all(matches(s, t) for t in wanted)]
