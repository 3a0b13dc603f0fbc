"""Provides the drill-down into one verified submission: its data, report text and HTML copy.

:func:`open_verified` reads and verifies a bundle again (the file may have changed since the inbox
was read) with the HTML report re-rendered, and only then parses the verified assessment and
result. The report shown in a terminal is rendered by this toolkit from those verified objects, in
the reviewer's language; the bundle's own HTML is handed to a browser only when it is
byte-identical to that rendering (its Content-Security-Policy keeps scripts off). The lines of
:func:`checks` come from the catalogue :mod:`compliance.review.strings` (English, French, Arabic).
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
from compliance.review.strings import strings
from compliance.signing.keys import grouped
from compliance.signing.words import explain, reason_label

if TYPE_CHECKING:
    from compliance.model.assessment import Assessment
    from compliance.model.questionnaire import Questionnaire
    from compliance.model.result import Result
    from compliance.signing.trust import TrustStore

__all__ = ["Verified", "checks", "how_to_trust", "html_copy", "open_verified", "report_text"]


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


def how_to_trust(submission: Submission, trust_folder: Path | None) -> str | None:
    """The ``compliance trust add`` line for a bundle signed by a key the store does not hold.

    ``None`` unless the bundle failed as ``untrusted-signer`` and names a key id. The public key
    file is named when one with that key id lies beside the bundle; ``--trust`` is given when
    ``trust_folder`` is not the default store.
    """
    from compliance.signing.claims import find_public_key, trust_command
    from compliance.signing.trust import default_trust_dir

    claims = submission.claims
    if submission.verdict.reason != "untrusted-signer" or claims is None or not claims.key_id:
        return None
    key_file = find_public_key(submission.path.parent, claims.key_id)
    own = None if trust_folder is None or trust_folder == default_trust_dir() else trust_folder
    return trust_command(key_file, claims.organisation, claims.registration_id, own)


def _failure(submission: Submission, lang: str, trust_line: str | None) -> list[str]:
    words = strings(lang)
    verdict = submission.verdict
    reason = "?" if verdict.reason is None else reason_label(verdict.reason, lang)
    lines = [words["failed"].format(reason=reason, message=explain(verdict, lang))]
    claims = submission.claims
    if claims is None:
        return lines
    said = []
    if claims.organisation:
        organisation = claims.organisation
        if claims.registration_id:
            organisation += f" ({claims.registration_id})"
        said.append(words["claimed_organisation"].format(organisation=organisation))
    if claims.report_id:
        said.append(words["claimed_report"].format(report_id=claims.report_id))
    if claims.issued_at:
        said.append(words["claimed_issued"].format(issued_at=claims.issued_at))
    if said:
        lines.append(words["claimed"].format(claims=", ".join(said)))
    if verdict.reason == "untrusted-signer" and claims.key_id:
        key = grouped(claims.key_id)
        lines += [words["untrusted_key"], f"  {key[:39]}", f"  {key[40:]}"]
        if trust_line is not None:
            lines += [words["trust_check"], f"  {trust_line}"]
            if "SIGNER.pub.pem" in trust_line:
                lines.append(words["trust_file"])
            lines.append(words["trust_then"])
    return lines


def checks(submission: Submission, *, lang: str = "en", trust_line: str | None = None) -> list[str]:
    """What verification established about a submission, one line each, in ``lang``.

    Values from the bundle (names, identifiers, ISO dates) are shown as they are. A failed
    verification says why in words of ``lang`` (:mod:`compliance.signing.words`), what the bundle
    claims (unverified) and, for a key the trust store lacks, its key id and ``trust_line``
    (see :func:`how_to_trust`).
    """
    words = strings(lang)
    verdict = submission.verdict
    summary = submission.summary
    if summary is None:
        return _failure(submission, lang, trust_line)
    report = words[
        "report_rerendered" if summary.report_check == "re-rendered" else "report_digest"
    ]
    lines = [
        words["signed_by"].format(signer=summary.signer, key=grouped(summary.key_id)[:39]),
        words["key_valid"].format(issued_at=summary.issued_at),
        words["digests"],
        words["published"].format(
            id=summary.questionnaire_id, version=summary.questionnaire_version
        ),
        words["rescored"],
        report,
    ]
    pdf = dict(summary.files).get("report/report.pdf")
    if pdf is not None:
        lines.append(words["pdf_rerendered" if pdf == "re-derived" else "pdf_digest"])
    if verdict.status == "EXPIRED":
        lines.append(words["expired"].format(valid_until=summary.valid_until))
    else:
        lines.append(words["valid_until"].format(valid_until=summary.valid_until))
    return lines


def html_copy(verified: Verified, folder: Path | None = None, *, lang: str = "en") -> Path:
    """A private copy (mode 0600, in a new 0700 folder) of the verified HTML report, to open.

    Raises :class:`ReviewError`, worded in ``lang``, for a bundle that did not verify in full.
    """
    submission = verified.submission
    summary = submission.summary
    if (
        submission.status not in VERIFIED
        or summary is None
        or summary.report_check != ("re-rendered")
    ):
        raise ReviewError(strings(lang)["html_unverified"])
    target_dir = Path(tempfile.mkdtemp(prefix="compliance-review-", dir=folder))
    target = target_dir / "report.html"
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(verified.html)
    return target
