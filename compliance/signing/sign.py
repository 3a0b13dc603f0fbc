"""Provides :func:`sign_assessment`: an assessment in, a verified signed bundle written out.

The command line's ``sign`` and the terminal UI's sign action both go through here, so both refuse
an unpublished questionnaire, check their own bundle before writing it, and write atomically.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

from compliance.errors import SigningError
from compliance.model.assessment import Assessment
from compliance.model.questionnaire import Questionnaire
from compliance.signing.keys import SigningKey
from compliance.signing.verify import Verdict

__all__ = ["pdf_available", "sign_assessment"]


def pdf_available() -> bool:
    """Whether WeasyPrint (the ``pdf`` extra) is installed."""
    return importlib.util.find_spec("weasyprint") is not None


def sign_assessment(
    assessment: Assessment,
    questionnaire: Questionnaire,
    key: SigningKey,
    output: Path,
    *,
    valid_days: int,
    lang: str = "en",
    pdf: bool = True,
    now: dt.datetime | None = None,
) -> tuple[int, bool, Verdict]:
    """Signs ``assessment`` into a bundle at ``output``; returns its size, whether it has a PDF,
    and the verdict of verifying it with the signing key alone.

    Raises :class:`SigningError` (nothing written) when the questionnaire is not a published
    version, the bundle does not verify, or the file cannot be written.
    """
    from compliance.signing.bundle import create_bundle
    from compliance.signing.keys import public_pem
    from compliance.signing.registry import find_published
    from compliance.signing.trust import TrustEntry, TrustStore
    from compliance.signing.verify import verify_bundle

    if not output.parent.is_dir():
        raise SigningError(f"the folder of {output} does not exist")
    entry = find_published(questionnaire.id, questionnaire.version)
    if entry is None or entry.digest != questionnaire.digest:
        raise SigningError(
            f"questionnaire {questionnaire.id} {questionnaire.version} is not a published "
            "version; only assessments of published questionnaires can be signed"
        )
    with_pdf = pdf and pdf_available()
    now = now or dt.datetime.now(dt.UTC)
    data = create_bundle(
        assessment, entry, key, issued_at=now, valid_days=valid_days, lang=lang, pdf=with_pdf
    )
    own = TrustStore(
        (TrustEntry(key.key_id, key.name, public_pem(key.public_key).decode("ascii"), now),)
    )
    verdict = verify_bundle(data, own, now=now)
    if not verdict.ok:
        raise SigningError(f"the new bundle does not verify ({verdict.reason}); nothing written")
    from compliance.files import write_atomically

    write_atomically(output, data)
    return len(data), with_pdf, verdict
