"""Provides the drill-down into one verified submission: its data, report text and HTML copy.

:func:`open_verified` reads and verifies a bundle again (the file may have changed since the inbox
was read) with the HTML report re-rendered, and only then parses the verified assessment and
result. The report shown in a terminal is rendered by this toolkit from those verified objects, in
the reviewer's language; the bundle's own HTML is handed to a browser only when it is
byte-identical to that rendering (its Content-Security-Policy keeps scripts off).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from compliance.errors import ReviewError
from compliance.review.inbox import VERIFIED, Submission, read_submission
from compliance.signing.keys import grouped

if TYPE_CHECKING:
    from compliance.model.assessment import Assessment
    from compliance.model.questionnaire import Questionnaire
    from compliance.model.result import Result
    from compliance.signing.trust import TrustStore

__all__ = ["Verified", "checks", "html_copy", "open_verified", "report_text"]


@dataclass(frozen=True, slots=True)
class Verified:
    """A submission that verified, with its parsed, verified content."""

    submission: Submission
    assessment: Assessment
    questionnaire: Questionnaire
    result: Result
    html: bytes


def open_verified(
    path: Path, trust: TrustStore, *, now: dt.datetime | None = None
) -> tuple[Submission, Verified | None]:
    """The submission of ``path`` and, only when it verified in full, its verified content."""
    from compliance.model.assessment import Assessment
    from compliance.model.result import Result
    from compliance.signing.bundle import ASSESSMENT, HTML, RESULT
    from compliance.signing.jsonstrict import loads
    from compliance.signing.registry import find_published, load_published

    when = now or dt.datetime.now(dt.UTC)
    submission, files = read_submission(path, trust, now=when, render_check=True)
    if files is None or submission.summary is None:
        return submission, None
    summary = submission.summary
    entry = find_published(summary.questionnaire_id, summary.questionnaire_version)
    if entry is None:  # pragma: no cover - verification required a published questionnaire
        return submission, None
    verified = Verified(
        submission=submission,
        assessment=Assessment.model_validate(loads(files[ASSESSMENT])),
        questionnaire=load_published(entry),
        result=Result.model_validate(loads(files[RESULT])),
        html=files[HTML],
    )
    return submission, verified


def report_text(verified: Verified, *, lang: str = "en") -> str:
    """The report as Markdown text, rendered here from the verified data."""
    from compliance.report import render

    summary = verified.submission.summary
    data = render(
        verified.questionnaire,
        verified.assessment,
        verified.result,
        lang=lang,
        fmt="md",
        signature=None if summary is None else summary.key_id,
    )
    return data.decode("utf-8")


def checks(submission: Submission) -> list[str]:
    """What verification established about a submission, one line each."""
    verdict = submission.verdict
    summary = submission.summary
    if summary is None:
        return [f"verification failed ({verdict.reason}): {verdict.message}"]
    report = (
        "the HTML report was re-rendered from the signed data, byte for byte"
        if summary.report_check == "re-rendered"
        else "the HTML report was checked by its signed digest only"
    )
    lines = [
        f"signed by {summary.signer}, a key of the trust store ({grouped(summary.key_id)[:39]}...)",
        f"the key was valid and not revoked when it signed, on {summary.issued_at}",
        "every file matches the digest in the signed statement; no file added or missing",
        f"questionnaire {summary.questionnaire_id} {summary.questionnaire_version} is the "
        "published version",
        "the answers were re-scored: the signed result and scores follow from them exactly",
        report,
    ]
    if verdict.status == "EXPIRED":
        lines.append(f"EXPIRED: the assessment was valid until {summary.valid_until}")
    else:
        lines.append(f"valid until {summary.valid_until}")
    return lines


def html_copy(verified: Verified, folder: Path | None = None) -> Path:
    """A private copy (mode 0600, in a new 0700 folder) of the verified HTML report, to open."""
    submission = verified.submission
    summary = submission.summary
    if (
        submission.status not in VERIFIED
        or summary is None
        or summary.report_check != ("re-rendered")
    ):
        raise ReviewError("only the report of a bundle that verified in full can be opened")
    target_dir = Path(tempfile.mkdtemp(prefix="compliance-review-", dir=folder))
    target = target_dir / "report.html"
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(verified.html)
    return target
