"""Provides the making of a signed bundle: score, render, hash, sign, and a deterministic zip.

The zip holds ``attestation.dsse.json`` first, then the other files in name order, each deflated
with a fixed date and mode, so the same inputs and key give the same bytes. The questionnaire in
the bundle is the registry's published copy, and the score is computed from that copy, exactly as
the verifier will recompute it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import uuid
import zipfile
from typing import TYPE_CHECKING, Any

from compliance.errors import ComplianceError, SigningError
from compliance.signing.dsse import sign_envelope
from compliance.signing.reference import REFERENCE  # data/reference.json (re-exported)
from compliance.signing.statement import build_statement, format_time

if TYPE_CHECKING:
    from compliance.model.assessment import Assessment
    from compliance.model.questionnaire import Questionnaire
    from compliance.model.result import Result
    from compliance.signing.keys import SigningKey
    from compliance.signing.registry import Published

__all__ = [
    "ASSESSMENT",
    "ENVELOPE",
    "HTML",
    "MAX_VALID_DAYS",
    "PDF",
    "QUESTIONNAIRE",
    "REFERENCE",
    "REQUIRED_FILES",
    "RESULT",
    "assemble",
    "create_bundle",
    "make_predicate",
    "zip_files",
]

ENVELOPE = "attestation.dsse.json"
ASSESSMENT = "data/assessment.json"
QUESTIONNAIRE = "data/questionnaire.json"
RESULT = "data/result.json"
HTML = "report/report.html"
PDF = "report/report.pdf"
MAX_VALID_DAYS = 3660
"""The longest validity a bundle may claim: about ten years (``sign`` and ``verify`` agree)."""
REQUIRED_FILES = frozenset({ENVELOPE, ASSESSMENT, QUESTIONNAIRE, RESULT, HTML})
_EPOCH = (1980, 1, 1, 0, 0, 0)


def zip_files(files: dict[str, bytes]) -> bytes:
    """A deterministic zip of ``files``: the envelope first, then by name, stored uncompressed.

    Stored entries cost a verifier no decompression (a fifth of a digest-only check) and make an
    entry's size its declared size; bundles are a few hundred kilobytes to a megabyte. Deflated
    bundles are still read."""
    order = sorted(files, key=lambda name: (name != ENVELOPE, name))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, files[name])
    return out.getvalue()


def _decimal(value: Any) -> str | None:
    return None if value is None else str(value)


def scores_of(result: Result) -> dict[str, Any]:
    """The headline scores as the predicate carries them (decimal strings)."""
    overall = result.overall
    return {
        "overall": _decimal(overall.score),
        "rating": overall.rating,
        "coverage": str(overall.coverage),
        "incomplete": overall.incomplete,
        "domains": {d.id: _decimal(d.score) for d in result.domains},
    }


def make_predicate(
    *,
    assessment: Assessment,
    questionnaire: Questionnaire,
    result: Result,
    key_id: str,
    issued_at: dt.datetime,
    valid_until: dt.datetime,
    lang: str,
    report_id: str | None = None,
) -> dict[str, Any]:
    """The predicate v1 of a bundle."""
    from compliance.canonical import digest
    from compliance.report import templates_digest

    organisation = assessment.organisation
    assessor = assessment.assessor
    return {
        "reportId": report_id or str(uuid.uuid4()),
        "issuedAt": format_time(issued_at),
        "validUntil": format_time(valid_until),
        "organisation": {
            "name": organisation.name,
            "country": organisation.country,
            "registrationId": organisation.registration_id,
        },
        "assessor": None
        if assessor is None
        else {"name": assessor.name, "organisation": assessor.organisation},
        "signingKeyId": key_id,
        "questionnaire": {
            "id": questionnaire.id,
            "version": questionnaire.version,
            "digest": {"sha256": digest(questionnaire)},
        },
        "engineVersion": result.engine,
        "scores": scores_of(result),
        "report": {"lang": lang, "templatesDigest": {"sha256": templates_digest()}},
    }


def assemble(files: dict[str, bytes], predicate: dict[str, Any], key: SigningKey) -> bytes:
    """Signs a statement over ``files`` and zips it with them (no checks: see create_bundle)."""
    statement = build_statement(files, predicate)
    envelope = sign_envelope(statement, key.sign, key.key_id)
    return zip_files({ENVELOPE: envelope, **files})


def create_bundle(
    assessment: Assessment,
    entry: Published,
    key: SigningKey,
    *,
    issued_at: dt.datetime,
    valid_days: int,
    lang: str = "en",
    pdf: bool = False,
) -> bytes:
    """Scores ``assessment`` against the published questionnaire ``entry`` and signs a bundle."""
    from compliance.canonical import canonical_bytes
    from compliance.engine.scoring import score
    from compliance.report import render
    from compliance.signing.reference import for_signing
    from compliance.signing.registry import load_published

    if not 1 <= valid_days <= MAX_VALID_DAYS:
        raise SigningError(f"the validity must be 1 to {MAX_VALID_DAYS:,} days")
    questionnaire = load_published(entry)
    ref = assessment.questionnaire
    if (ref.id, ref.version) != (entry.id, entry.version) or (
        ref.digest is not None and ref.digest != entry.digest
    ):
        raise SigningError("the assessment does not answer this published questionnaire")
    try:
        questionnaire, reference = for_signing(questionnaire, assessment)
    except ComplianceError as error:
        raise SigningError(str(error)) from None
    result = score(questionnaire, assessment)
    files = {
        ASSESSMENT: canonical_bytes(assessment),
        QUESTIONNAIRE: entry.read(),
        RESULT: canonical_bytes(result),
        HTML: render(
            questionnaire, assessment, result, lang=lang, fmt="html", signature=key.key_id
        ),
    }
    if reference is not None:
        files[REFERENCE] = reference
    if pdf:
        files[PDF] = render(
            questionnaire, assessment, result, lang=lang, fmt="pdf", signature=key.key_id
        )
    issued_at = issued_at.replace(microsecond=0)
    predicate = make_predicate(
        assessment=assessment,
        questionnaire=questionnaire,
        result=result,
        key_id=key.key_id,
        issued_at=issued_at,
        valid_until=issued_at + dt.timedelta(days=valid_days),
        lang=lang,
    )
    if hashlib.sha256(files[QUESTIONNAIRE]).hexdigest() != entry.digest:
        raise SigningError("the registry copy of the questionnaire is damaged; reinstall")
    return assemble(files, predicate, key)
