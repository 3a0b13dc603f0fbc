"""Provides the review's record in the workspace: every bundle seen, and decisions on them.

:func:`record_seen` keeps one row per bundle (by the SHA-256 of its bytes) with its verdict and,
for a verified bundle, its signed facts. :func:`decide` appends a decision (``accepted``,
``revision_requested`` or ``rejected``) with a comment and the reviewer, and its audit entry, in
one transaction; decisions are never edited, a newer one supersedes. Only a ``VALID`` submission
can be accepted.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from compliance.errors import ReviewError
from compliance.review.inbox import Submission
from compliance.store import audit
from compliance.store.schema import review_decisions, review_submissions
from compliance.store.values import from_json, now, to_json

if TYPE_CHECKING:
    from compliance.store.workspace import Workspace

__all__ = [
    "MAX_COMMENT",
    "STATUSES",
    "Decision",
    "Seen",
    "decide",
    "latest_decisions",
    "list_decisions",
    "record_seen",
    "seen_submissions",
]

STATUSES = ("accepted", "revision_requested", "rejected")
MAX_COMMENT = 10_000


@dataclass(frozen=True, slots=True)
class Seen:
    """A bundle the workspace has seen, as recorded (signed facts only when it verified)."""

    id: int
    bundle_sha256: str
    file: str
    verdict: str
    reason: str | None
    report_id: str | None
    registration_id: str | None
    organisation: str | None
    signer: str | None
    issued_at: str | None
    questionnaire: str | None
    scores: dict[str, Any] | None
    first_seen: str
    last_seen: str


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision on a submission, with the submission it is about."""

    id: int
    at: str
    status: str
    comment: str
    reviewer: str
    submission: Seen


def _seen(row: Any) -> Seen:
    return Seen(
        id=row.id,
        bundle_sha256=row.bundle_sha256,
        file=row.file,
        verdict=row.verdict,
        reason=row.reason,
        report_id=row.report_id,
        registration_id=row.registration_id,
        organisation=row.organisation,
        signer=row.signer,
        issued_at=row.issued_at,
        questionnaire=row.questionnaire,
        scores=from_json(row.scores),
        first_seen=row.first_seen,
        last_seen=row.last_seen,
    )


def _values(submission: Submission) -> dict[str, Any]:
    summary = submission.summary
    values: dict[str, Any] = {
        "file": submission.name[:4096],
        "verdict": submission.status,
        "reason": submission.verdict.reason,
    }
    if summary is None:
        return values
    return {
        **values,
        "report_id": summary.report_id[:64],
        "registration_id": None if summary.registration_id is None else summary.registration_id,
        "organisation": summary.organisation[:300],
        "signer": summary.signer[:300],
        "issued_at": summary.issued_at,
        "questionnaire": f"{summary.questionnaire_id} {summary.questionnaire_version}"[:100],
        "scores": to_json(
            {
                "score": summary.score,
                "rating": summary.rating,
                "coverage": summary.coverage,
                "flowsAtRisk": summary.flows_at_risk,
            }
        ),
    }


def _upsert(connection: Connection, submission: Submission, stamp: str) -> int:
    if not submission.sha256:
        raise ReviewError(f"{submission.name} could not be read, so it cannot be recorded")
    table = review_submissions
    existing = connection.execute(
        select(table.c.id).where(table.c.bundle_sha256 == submission.sha256)
    ).scalar()
    values = _values(submission)
    if existing is not None:
        connection.execute(
            table.update().where(table.c.id == existing).values(last_seen=stamp, **values)
        )
        return int(existing)
    return int(
        connection.execute(
            table.insert()
            .returning(table.c.id)
            .values(bundle_sha256=submission.sha256, first_seen=stamp, last_seen=stamp, **values)
        ).scalar_one()
    )


def record_seen(workspace: Workspace, submissions: Iterable[Submission]) -> int:
    """Records every readable submission as seen (one transaction); returns how many."""
    stamp = now()
    count = 0
    with workspace.write() as connection:
        for submission in submissions:
            if submission.sha256:
                _upsert(connection, submission, stamp)
                count += 1
    return count


def seen_submissions(workspace: Workspace) -> list[Seen]:
    """Every bundle seen, first seen first."""
    table = review_submissions
    with workspace.read() as connection:
        rows = connection.execute(select(table).order_by(table.c.first_seen, table.c.id)).all()
    return [_seen(row) for row in rows]


def _clean_comment(comment: str) -> str:
    text = unicodedata.normalize("NFC", comment).strip()
    if len(text) > MAX_COMMENT:
        raise ReviewError(f"the comment is longer than {MAX_COMMENT:,} characters; shorten it")
    return text


def decide(workspace: Workspace, submission: Submission, status: str, comment: str) -> Decision:
    """Records a decision on ``submission`` with its audit entry; returns it."""
    if status not in STATUSES:
        raise ReviewError(f"a decision is one of {', '.join(STATUSES)}, not {status!r}")
    if status == "accepted" and submission.status != "VALID":
        raise ReviewError(
            f"{submission.name} did not verify ({submission.verdict.reason}); it cannot be "
            "accepted, only rejected or sent back for revision"
        )
    text = _clean_comment(comment)
    stamp = now()
    with workspace.write(needs="reviewer") as connection:
        submission_id = _upsert(connection, submission, stamp)
        previous = connection.execute(
            select(review_decisions.c.status, review_decisions.c.comment)
            .where(review_decisions.c.submission_id == submission_id)
            .order_by(review_decisions.c.id.desc())
            .limit(1)
        ).first()
        decision_id = int(
            connection.execute(
                review_decisions.insert()
                .returning(review_decisions.c.id)
                .values(
                    submission_id=submission_id,
                    status=status,
                    comment=text,
                    reviewer=workspace.actor,
                    at=stamp,
                )
            ).scalar_one()
        )
        summary = submission.summary
        audit.append(
            connection,
            actor=workspace.actor,
            action="review.decide",
            target=f"submission:{submission.sha256}",
            client_id=None,
            old=None
            if previous is None
            else {"status": previous.status, "comment": previous.comment},
            new={
                "status": status,
                "comment": text,
                "file": submission.name,
                "verdict": submission.status,
                "reportId": None if summary is None else summary.report_id,
            },
        )
        row = connection.execute(
            select(review_submissions).where(review_submissions.c.id == submission_id)
        ).one()
    return Decision(decision_id, stamp, status, text, workspace.actor, _seen(row))


def list_decisions(workspace: Workspace) -> list[Decision]:
    """Every decision, oldest first, with its submission."""
    d, s = review_decisions, review_submissions
    query = (
        select(d.c.id.label("decision_id"), d.c.at, d.c.status, d.c.comment, d.c.reviewer, s)
        .join(s, s.c.id == d.c.submission_id)
        .order_by(d.c.id)
    )
    with workspace.read() as connection:
        rows = connection.execute(query).all()
    return [
        Decision(row.decision_id, row.at, row.status, row.comment, row.reviewer, _seen(row))
        for row in rows
    ]


def latest_decisions(workspace: Workspace) -> dict[str, Decision]:
    """The current decision of each decided bundle, by the bundle's SHA-256."""
    return {d.submission.bundle_sha256: d for d in list_decisions(workspace)}
