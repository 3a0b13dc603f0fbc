"""Provides the comparison of two cycles of one organisation, and the replay flags of an inbox.

:func:`compare` takes two verified submissions with the same registration id and lists what
changed: answers, flows (status, score, definition), scores (overall, coverage, domains) and the
rating. :func:`flag_replays` marks submissions that look replayed: a report id already used by
other bytes (``report-id-seen-twice``), the same bytes twice in the folder (``duplicate-bundle``),
or a bundle new to the workspace that is older than one already seen from the same organisation
(``older-than-seen``). With the trust store it also marks a bundle first seen after the window of
the key that signed it had ended (``signed-with-an-expired-key?``): its ``issuedAt`` falls in the
window, since it verified, but only the signer's clock says so (see ADR 0006).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from compliance.errors import ReviewError
from compliance.review.inbox import Submission, Summary

if TYPE_CHECKING:
    from compliance.review.decisions import Seen
    from compliance.review.detail import Verified
    from compliance.signing.trust import TrustStore

__all__ = ["Change", "Comparison", "compare", "flag_replays"]

OLDER = "older-than-seen"
REUSED = "report-id-seen-twice"
DUPLICATE = "duplicate-bundle"
LATE = "signed-with-an-expired-key?"


@dataclass(frozen=True, slots=True)
class Change:
    """One item that differs; ``None`` on a side where it is absent."""

    item: str
    before: str | None
    after: str | None

    def to_json(self) -> dict[str, Any]:
        """The change as plain data."""
        return {"item": self.item, "before": self.before, "after": self.after}


@dataclass(frozen=True, slots=True)
class Comparison:
    """What changed from ``before`` (the first given) to ``after`` (the resubmission)."""

    registration_id: str
    before: Summary
    after: Summary
    answers: tuple[Change, ...]
    flows: tuple[Change, ...]
    scores: tuple[Change, ...]
    ratings: tuple[Change, ...]
    flags: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """The comparison as plain data."""
        return {
            "registrationId": self.registration_id,
            "before": self.before.to_json(),
            "after": self.after.to_json(),
            "answers": [c.to_json() for c in self.answers],
            "flows": [c.to_json() for c in self.flows],
            "scores": [c.to_json() for c in self.scores],
            "ratings": [c.to_json() for c in self.ratings],
            "flags": list(self.flags),
        }


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)


def _diff(before: dict[str, str], after: dict[str, str]) -> tuple[Change, ...]:
    changes = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if old != new:
            changes.append(Change(key, old, new))
    return tuple(changes)


def _answers(verified: Verified) -> dict[str, str]:
    return {
        qid: _text(answer.model_dump(mode="json")["value"])
        for qid, answer in verified.assessment.answers.items()
    }


def _flows(verified: Verified) -> dict[str, str]:
    values: dict[str, str] = {}
    for flow in verified.result.flows:
        values[f"{flow.id} status"] = flow.status
        values[f"{flow.id} score"] = str(flow.score)
    for defined in verified.assessment.flows:
        values[f"{defined.id} definition"] = _text(defined.model_dump(mode="json"))
    return values


def _scores(summary: Summary) -> dict[str, str]:
    values = {"overall": str(summary.score), "coverage": summary.coverage}
    values.update({f"domain {k}": str(v) for k, v in summary.domains.items()})
    return values


def compare(first: Verified, second: Verified) -> Comparison:
    """What changed from ``first`` to ``second``, two cycles of one organisation."""
    a, b = first.submission.summary, second.submission.summary
    if a is None or b is None:  # pragma: no cover - Verified holds verified submissions
        raise ReviewError("only verified submissions can be compared")
    if not a.registration_id or a.registration_id != b.registration_id:
        raise ReviewError(
            "the two submissions are not from the same organisation (registration ids "
            f"{a.registration_id or 'none'} and {b.registration_id or 'none'}); compare two "
            "cycles of one organisation"
        )
    flags = []
    if first.submission.sha256 == second.submission.sha256:
        flags.append(DUPLICATE)
    elif a.report_id == b.report_id:
        flags.append(REUSED)
    if b.issued_at < a.issued_at:
        flags.append(OLDER)
    return Comparison(
        registration_id=a.registration_id,
        before=a,
        after=b,
        answers=_diff(_answers(first), _answers(second)),
        flows=_diff(_flows(first), _flows(second)),
        scores=_diff(_scores(a), _scores(b)),
        ratings=_diff({"overall": a.rating}, {"overall": b.rating}),
        flags=tuple(flags),
    )


def flag_replays(
    submissions: Sequence[Submission],
    seen: Iterable[Seen] = (),
    *,
    trust: TrustStore | None = None,
    now: dt.datetime | None = None,
) -> list[Submission]:
    """``submissions`` with their replay flags set, against each other and what was seen before.

    With ``trust``, a verified bundle whose first sight (the workspace's record, else ``now``)
    comes after its key's ``validUntil`` is flagged :data:`LATE`.
    """
    seen = list(seen)
    earlier = [s for s in seen if s.verdict in ("VALID", "EXPIRED")]
    known = {s.bundle_sha256 for s in seen}
    first_seen = {s.bundle_sha256: s.first_seen for s in seen}
    when = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="microseconds")
    ids: dict[str, set[str]] = {}
    latest: dict[str, str] = {}
    for record in earlier:
        if record.report_id:
            ids.setdefault(record.report_id, set()).add(record.bundle_sha256)
        if record.registration_id and record.issued_at:
            latest[record.registration_id] = max(
                latest.get(record.registration_id, ""), record.issued_at
            )
    counts: dict[str, int] = {}
    for submission in submissions:
        counts[submission.sha256] = counts.get(submission.sha256, 0) + 1
        if submission.summary is not None:
            ids.setdefault(submission.summary.report_id, set()).add(submission.sha256)
    flagged = []
    for submission in submissions:
        flags = []
        summary = submission.summary
        if submission.sha256 and counts[submission.sha256] > 1:
            flags.append(DUPLICATE)
        if summary is not None:
            if len(ids[summary.report_id]) > 1:
                flags.append(REUSED)
            last = latest.get(summary.registration_id or "")
            if submission.sha256 not in known and last is not None and summary.issued_at < last:
                flags.append(OLDER)
            if trust is not None and _late(summary, trust, first_seen.get(submission.sha256, when)):
                flags.append(LATE)
        flagged.append(replace(submission, flags=tuple(flags)))
    return flagged


def _late(summary: Summary, trust: TrustStore, first_seen: str) -> bool:
    """Whether the key that signed ``summary`` had stopped being valid when it was first seen."""
    entry = trust.find(summary.key_id)
    if entry is None or entry.valid_until is None:
        return False
    return first_seen > entry.valid_until.astimezone(dt.UTC).isoformat(timespec="microseconds")
