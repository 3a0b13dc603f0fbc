"""Provides offline verification of a signed bundle, with one verdict per bundle.

The order follows ``docs/adr/0006-signing.md``: open the zip safely; parse the envelope; check the
signature over the PAE bytes with the keys of the trust store; only then parse the signed
statement; check the key (not revoked, valid at the signed ``issuedAt``, bound to the
organisation), the time, every subject digest and the exact file set; check the questionnaire
against the registry's own copy; re-score the assessment with the engine and require the signed
result and predicate scores to match exactly; re-render the HTML report (and, when asked, the PDF)
and require the same bytes. Every failure is a :class:`VerifyError` with a stable reason code of
:data:`~compliance.errors.VerifyReason`; :func:`verify_bundle` turns it into a :class:`Verdict`,
and turns any other failure inside one bundle into an ``internal-error`` verdict, so that one
hostile bundle never stops the verification of the next.

Each verdict lists every signed file with how it was checked: ``re-derived`` when the verifier
produced the same bytes itself (the questionnaire from its own registry, the result by re-scoring,
a report by re-rendering), ``digest`` when only the signed digest vouches for it (the assessment,
which is the input, and a report that was not re-rendered).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, get_args

from compliance.errors import InvalidAssessment, ReportError, VerifyError, VerifyReason
from compliance.signing.archive import read_bundle
from compliance.signing.bundle import (
    ASSESSMENT,
    ENVELOPE,
    HTML,
    MAX_VALID_DAYS,
    PDF,
    QUESTIONNAIRE,
    REFERENCE,
    RESULT,
    scores_of,
)
from compliance.signing.dsse import parse_envelope
from compliance.signing.jsonstrict import loads
from compliance.signing.reference import for_verifying
from compliance.signing.registry import find_published, load_published
from compliance.signing.statement import Predicate, Statement, format_time, parse_statement

if TYPE_CHECKING:
    from compliance.model.assessment import Assessment
    from compliance.model.questionnaire import Questionnaire
    from compliance.signing.trust import TrustEntry, TrustStore

__all__ = [
    "CLOCK_SKEW",
    "REASONS",
    "Check",
    "Verdict",
    "check_bundle",
    "check_files",
    "guarded",
    "verify_bundle",
]

CLOCK_SKEW = dt.timedelta(minutes=5)
"""How far ahead of the verifier's clock a signed ``issuedAt`` may lie."""
REASONS: tuple[VerifyReason, ...] = get_args(VerifyReason)
"""Every reason code a verdict can carry."""

Check = Literal["re-derived", "digest"]
"""How one file of a bundle was checked."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome for one bundle: ``VALID``, ``EXPIRED`` or ``INVALID`` with a reason.

    ``details`` holds only values taken from verified bytes (empty when nothing was verified).
    """

    status: Literal["VALID", "EXPIRED", "INVALID"]
    reason: VerifyReason | None
    message: str
    details: dict[str, Any] = field(default_factory=dict)
    facts: dict[str, str] = field(default_factory=dict)
    """The particulars of a failure (see :attr:`compliance.errors.VerifyError.facts`)."""

    @property
    def ok(self) -> bool:
        """Whether the bundle is valid."""
        return self.status == "VALID"

    def to_json(self) -> dict[str, Any]:
        """The verdict for ``verify --json``."""
        return {
            "status": self.status,
            "reason": self.reason,
            "message": self.message,
            **self.details,
        }

    def line(self, lang: str = "en") -> str:
        """One line for people: what was verified and who signed it (see
        :func:`compliance.signing.words.verdict_line`)."""
        from compliance.signing.words import verdict_line

        return verdict_line(self, lang)

    def file_lines(self, lang: str = "en") -> list[str]:
        """One line per signed file with how it was checked (none when nothing was verified)."""
        from compliance.signing.words import file_line

        return [file_line(f["path"], f["check"], lang) for f in self.details.get("files", [])]

    @classmethod
    def invalid(
        cls, reason: VerifyReason, message: str, facts: dict[str, str] | None = None
    ) -> Verdict:
        """An ``INVALID`` verdict."""
        return cls("INVALID", reason, message, facts=dict(facts or {}))


@functools.cache
def _templates_digest() -> str:
    from compliance.report import templates_digest

    return templates_digest()


def earlier_release(predicate: Predicate) -> str | None:
    """The date of the published release whose report templates rendered this bundle's report,
    when they are not this verifier's own (``None`` when they are ours, or unknown).

    A verifier cannot re-render a report made by other templates; a report made by a release we
    published is checked by its signed digest and the verdict says so. Templates no release
    published stay a ``cannot-rerender-report`` refusal, so a signer cannot skip the re-rendering
    by naming a digest of its own.
    """
    from compliance.signing.registry import published_report_templates

    digest = predicate.report["templatesDigest"]["sha256"]
    if digest == _templates_digest():
        return None
    return published_report_templates().get(digest)


def _signer(files: dict[str, bytes], trust: TrustStore) -> tuple[Statement, TrustEntry]:
    envelope = parse_envelope(files[ENVELOPE])
    signers = envelope.verified_by((e.key_id, e.checker()) for e in trust.entries)
    if not signers:
        raise VerifyError(
            "untrusted-signer", "no key of the trust store made this signature (or it was altered)"
        )
    statement = parse_statement(envelope.payload)
    predicate = statement.predicate
    if predicate.signing_key_id not in signers:
        raise VerifyError(
            "signing-key-mismatch", "the statement names another key than the one that signed it"
        )
    entry = trust.find(predicate.signing_key_id)
    if entry is None:  # pragma: no cover - signers come from the store
        raise VerifyError("untrusted-signer", "the signing key is not in the trust store")
    return statement, entry


def _check_key(entry: TrustEntry, predicate: Predicate, now: dt.datetime) -> None:
    issued = predicate.issued_at
    if entry.revoked_at is not None:
        raise VerifyError(
            "key-revoked",
            f"the key of {entry.name} was revoked on {format_time(entry.revoked_at)}; "
            "every report it signed must be re-issued",
            facts={"signer": entry.name, "date": format_time(entry.revoked_at)},
        )
    if issued > now + CLOCK_SKEW:
        raise VerifyError(
            "issued-in-future",
            f"the report claims to be issued in the future ({format_time(issued)})",
            facts={"date": format_time(issued)},
        )
    if predicate.valid_until - issued > dt.timedelta(days=MAX_VALID_DAYS):
        raise VerifyError(
            "validity-too-long",
            f"the report claims to stay valid until {format_time(predicate.valid_until)}, over "
            f"{MAX_VALID_DAYS:,} days after it was issued; this toolkit never signs that",
            facts={"date": format_time(predicate.valid_until)},
        )
    if (entry.valid_from is not None and issued < entry.valid_from) or (
        entry.valid_until is not None and issued > entry.valid_until
    ):
        raise VerifyError(
            "key-outside-validity",
            f"the key of {entry.name} was not valid on {format_time(issued)}, when it signed",
            facts={"signer": entry.name, "date": format_time(issued)},
        )
    if entry.organisations and predicate.registration_id not in entry.organisations:
        raise VerifyError(
            "organisation-not-bound",
            f"the key of {entry.name} may not sign for organisation "
            f"{predicate.registration_id or '(no registration id)'}",
            facts={"signer": entry.name, "organisation": predicate.registration_id or "-"},
        )


def _check_subjects(files: dict[str, bytes], subjects: dict[str, str]) -> None:
    present = set(files) - {ENVELOPE}
    if set(subjects) != present:
        odd = sorted(set(subjects) ^ present)
        raise VerifyError(
            "subject-mismatch",
            f"the signed file list and the bundle differ ({', '.join(odd)[:120]})",
            facts={"files": ", ".join(odd)[:120]},
        )
    for name in sorted(present):
        if hashlib.sha256(files[name]).hexdigest() != subjects[name]:
            raise VerifyError(
                "digest-mismatch",
                f"{name} was changed after it was signed",
                facts={"file": name},
            )


def _questionnaire(files: dict[str, bytes], predicate: Predicate) -> Questionnaire:
    entry = find_published(predicate.questionnaire_id, predicate.questionnaire_version)
    if entry is None or entry.digest != predicate.questionnaire_digest:
        raise VerifyError(
            "questionnaire-not-published",
            f"questionnaire {predicate.questionnaire_id[:60]} "
            f"{predicate.questionnaire_version[:20]} with digest "
            f"{predicate.questionnaire_digest[:12]}... is not a published version",
            facts={
                "questionnaire": f"{predicate.questionnaire_id[:60]} "
                f"{predicate.questionnaire_version[:20]}"
            },
        )
    if files[QUESTIONNAIRE] != entry.read():
        raise VerifyError(
            "questionnaire-not-published",
            "the bundle's questionnaire differs from the published copy",
        )
    return load_published(entry)


def _assessment(data: bytes, questionnaire: Questionnaire, predicate: Predicate) -> Assessment:
    from pydantic import ValidationError

    from compliance.model.assessment import Assessment

    try:
        assessment = Assessment.model_validate(loads(data))
    except (ValueError, ValidationError) as error:
        raise VerifyError(
            "assessment-invalid", f"the assessment is not valid: {str(error)[:200]}"
        ) from None
    ref = assessment.questionnaire
    if (ref.id, ref.version) != (questionnaire.id, questionnaire.version):
        raise VerifyError("statement-mismatch", "the assessment answers another questionnaire")
    organisation = assessment.organisation
    expected = {
        "name": organisation.name,
        "country": organisation.country,
        "registrationId": organisation.registration_id,
    }
    assessor = assessment.assessor
    expected_assessor = (
        None if assessor is None else {"name": assessor.name, "organisation": assessor.organisation}
    )
    if predicate.organisation != expected or predicate.assessor != expected_assessor:
        raise VerifyError(
            "statement-mismatch",
            "the organisation or assessor signed differs from the assessment's",
        )
    return assessment


def _rescore(
    files: dict[str, bytes],
    predicate: Predicate,
    render_check: bool,
    pdf_check: bool,
    checks: dict[str, Check],
) -> dict[str, Any]:
    from compliance.canonical import canonical_bytes
    from compliance.engine.scoring import ENGINES, score

    if predicate.engine_version not in ENGINES:
        raise VerifyError(
            "cannot-rederive-score",
            f"the score was computed by {predicate.engine_version[:60]}; this verifier implements "
            f"{', '.join(ENGINES)} only",
        )
    questionnaire = _questionnaire(files, predicate)
    checks[QUESTIONNAIRE] = "re-derived"
    assessment = _assessment(files[ASSESSMENT], questionnaire, predicate)
    questionnaire = for_verifying(files, questionnaire, assessment)
    if REFERENCE in files:
        checks[REFERENCE] = "re-derived"  # byte-identical to the verifier's own published copy
    try:
        result = score(questionnaire, assessment, engine=predicate.engine_version)
    except InvalidAssessment as error:
        raise VerifyError(
            "assessment-invalid", f"the assessment cannot be scored: {error}"
        ) from None
    if canonical_bytes(result) != files[RESULT] or scores_of(result) != predicate.scores:
        raise VerifyError(
            "score-mismatch",
            f"the signed result does not follow from the answers (re-scored: "
            f"{result.overall.score}, {result.overall.rating})",
            facts={"score": str(result.overall.score), "rating": result.overall.rating},
        )
    checks[RESULT] = "re-derived"
    if render_check and earlier_release(predicate) is None:
        # The same bytes as our own rendering: the report module's guarantees carry over.
        _rerender(files[HTML], questionnaire, assessment, result, predicate, fmt="html")
        checks[HTML] = "re-derived"
    if pdf_check and PDF in files:
        _rerender(files[PDF], questionnaire, assessment, result, predicate, fmt="pdf")
        checks[PDF] = "re-derived"
    return scores_of(result)


def _rerender(
    html: bytes,
    questionnaire: Questionnaire,
    assessment: Assessment,
    result: Any,
    predicate: Predicate,
    *,
    fmt: Literal["html", "pdf"],
) -> None:
    from compliance.report import LANGUAGES, render

    lang = predicate.report["lang"]
    if (
        lang not in LANGUAGES
        or predicate.report["templatesDigest"]["sha256"] != _templates_digest()
    ):
        raise VerifyError(
            "cannot-rerender-report",
            "the report was rendered with templates this verifier does not have",
        )
    try:
        again = render(
            questionnaire,
            assessment,
            result,
            lang=lang,
            fmt=fmt,
            signature=predicate.signing_key_id,
        )
    except ReportError as error:
        raise VerifyError("cannot-rerender-report", str(error)) from None
    if again != html:
        raise VerifyError(
            "report-mismatch",
            f"the {fmt.upper()} report is not the one rendered from the signed data",
        )


def check_bundle(
    data: bytes,
    trust: TrustStore,
    *,
    now: dt.datetime,
    render_check: bool = True,
    pdf_check: bool = False,
) -> Verdict:
    """Verifies a bundle; raises only :class:`VerifyError`, returns VALID or EXPIRED."""
    return check_files(
        read_bundle(data), trust, now=now, render_check=render_check, pdf_check=pdf_check
    )


def check_files(
    files: dict[str, bytes],
    trust: TrustStore,
    *,
    now: dt.datetime,
    render_check: bool = True,
    pdf_check: bool = False,
) -> Verdict:
    """Verifies the files of a bundle already read by :func:`read_bundle`.

    ``render_check`` re-renders the HTML report, ``pdf_check`` the PDF report (when there is one).
    """
    statement, entry = _signer(files, trust)
    predicate = statement.predicate
    _check_key(entry, predicate, now)
    _check_subjects(files, statement.subjects)
    checks: dict[str, Check] = dict.fromkeys(sorted(statement.subjects), "digest")
    scores = _rescore(files, predicate, render_check, pdf_check, checks)
    details = {
        "reportId": predicate.report_id,
        "issuedAt": format_time(predicate.issued_at),
        "validUntil": format_time(predicate.valid_until),
        "organisation": predicate.organisation,
        "assessor": predicate.assessor,
        "keyId": entry.key_id,
        "signer": entry.name,
        "questionnaire": {
            "id": predicate.questionnaire_id,
            "version": predicate.questionnaire_version,
            "digest": predicate.questionnaire_digest,
        },
        "engineVersion": predicate.engine_version,
        "score": scores["overall"],
        "rating": scores["rating"],
        "coverage": scores["coverage"],
        "incomplete": scores["incomplete"],
        "reportCheck": _report_check(predicate, render_check),
        "files": [{"path": path, "check": check} for path, check in checks.items()],
    }
    if predicate.valid_until <= now:
        return Verdict(
            "EXPIRED",
            "expired",
            f"the signature is good but the assessment expired on {details['validUntil']}",
            details,
            facts={"date": details["validUntil"]},
        )
    return Verdict("VALID", None, "every check passed", details)


def _report_check(predicate: Predicate, render_check: bool) -> str:
    if not render_check:
        return "digest"
    return "re-rendered" if earlier_release(predicate) is None else "earlier-release"


def verify_bundle(
    data: bytes,
    trust: TrustStore,
    *,
    now: dt.datetime | None = None,
    render_check: bool = True,
    pdf_check: bool = False,
) -> Verdict:
    """The verdict on a bundle's bytes; never raises for anything the bytes contain."""
    when = now or dt.datetime.now(dt.UTC)
    return guarded(
        lambda: check_bundle(data, trust, now=when, render_check=render_check, pdf_check=pdf_check)
    )


def guarded(check: Callable[[], Verdict]) -> Verdict:
    """``check()``, with any failure turned into an ``INVALID`` verdict.

    A :class:`VerifyError` keeps its reason. Anything else (a fault of this verifier that a hostile
    bundle found, an exhausted stack or memory) becomes ``internal-error`` with its message: the
    bundle is not trusted, and the next bundle is still verified.
    """
    try:
        return check()
    except VerifyError as error:
        return Verdict.invalid(error.reason, error.message, error.facts)
    except Exception as error:  # RecursionError and MemoryError among them: see the docstring
        return Verdict.invalid(
            "internal-error",
            f"this bundle made the verifier fail ({type(error).__name__}: {str(error)[:200]}); "
            "it is not trusted; please report it",
        )
