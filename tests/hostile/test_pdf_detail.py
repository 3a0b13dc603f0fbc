"""The review detail says how the PDF was checked (issue 14, point 3)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from compliance.review.detail import checks
from compliance.review.inbox import read_submission
from tests.signing.conftest import make_signer, sign


def test_the_detail_says_the_pdf_was_checked_by_its_digest_only(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    signer = make_signer(tmp_path_factory.mktemp("keys"), "pdf")
    now = dt.datetime.now(dt.UTC)
    path = tmp_path / "with-pdf.zip"
    path.write_bytes(sign(signer, issued_at=now - dt.timedelta(days=1), pdf=True))
    submission, _ = read_submission(path, signer.trust, now=now)
    assert submission.status == "VALID", submission.verdict.message
    assert submission.summary is not None
    assert ("report/report.pdf", "digest") in submission.summary.files
    english = checks(submission)
    assert any(line.startswith("PDF checked by its digest only") for line in english), english
    french = checks(submission, lang="fr")
    assert any(line.startswith("PDF vérifié par son empreinte seulement") for line in french)


def test_a_bundle_without_a_pdf_says_nothing_of_one(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    signer = make_signer(tmp_path_factory.mktemp("keys"), "html")
    now = dt.datetime.now(dt.UTC)
    path = tmp_path / "html-only.zip"
    path.write_bytes(sign(signer, issued_at=now - dt.timedelta(days=1)))
    submission, _ = read_submission(path, signer.trust, now=now)
    assert not any("PDF" in line for line in checks(submission))
