"""A bundle signed in Arabic (issue 18, point 4): ``sign --lang ar`` renders the Arabic report into
the bundle, and verification re-derives it like the English and French ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.cli import main
from compliance.loader import parse_assessment
from compliance.signing.archive import read_bundle
from compliance.signing.bundle import HTML, PDF
from compliance.signing.verify import verify_bundle
from tests.helpers import REPO
from tests.signing.conftest import NOW, Signer, sign
from tests.signing.test_cli_signing import env_passphrase  # noqa: F401 - a fixture
from tests.signing.test_verify import predicate_of, reason, resign

FIXTURE = (
    REPO / "questionnaires" / "ma-screening" / "1.2.0" / "fixtures" / "typical-first-meeting.yaml"
)


@pytest.fixture(scope="module")
def arabic(signer: Signer) -> bytes:
    assessment, _ = parse_assessment(FIXTURE.read_bytes(), str(FIXTURE))
    return sign(signer, assessment, lang="ar")


def test_a_bundle_signed_in_arabic_carries_the_arabic_report(signer: Signer, arabic: bytes) -> None:
    html = read_bundle(arabic)[HTML].decode("utf-8")
    assert '<html lang="ar" dir="rtl">' in html
    assert f'<bdi dir="ltr">{signer.key.key_id}</bdi>' in html  # the key id, isolated
    assert predicate_of(arabic)["report"]["lang"] == "ar"


def test_a_bundle_signed_in_arabic_verifies_valid_its_report_re_derived(
    signer: Signer, arabic: bytes
) -> None:
    verdict = verify_bundle(arabic, signer.trust, now=NOW)
    assert verdict.status == "VALID", verdict.message
    checks = {f["path"]: f["check"] for f in verdict.details["files"]}
    assert checks["report/report.html"] == "re-derived"


def test_a_tampered_arabic_report_is_a_report_mismatch(signer: Signer, arabic: bytes) -> None:
    html = read_bundle(arabic)[HTML]
    assert "غير جاهز".encode() in html
    forged = resign(signer, arabic, {HTML: html.replace("غير جاهز".encode(), "جاهز".encode())})
    assert reason(forged, signer) == "report-mismatch"


def test_an_arabic_report_claimed_as_english_is_a_report_mismatch(
    signer: Signer, arabic: bytes
) -> None:
    forged = resign(signer, arabic, report={**predicate_of(arabic)["report"], "lang": "en"})
    assert reason(forged, signer) == "report-mismatch"


def test_the_arabic_pdf_is_re_derived_too(signer: Signer) -> None:
    assessment, _ = parse_assessment(FIXTURE.read_bytes(), str(FIXTURE))
    bundle = sign(signer, assessment, lang="ar", pdf=True)
    assert read_bundle(bundle)[PDF].startswith(b"%PDF-")
    verdict = verify_bundle(bundle, signer.trust, now=NOW, pdf_check=True)
    assert verdict.status == "VALID", verdict.message
    checks = {f["path"]: f["check"] for f in verdict.details["files"]}
    assert checks["report/report.pdf"] == "re-derived"


@pytest.mark.usefixtures("env_passphrase")
def test_sign_lang_ar_on_the_command_line_then_verify(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = tmp_path / "keys"
    assert main(["keys", "generate", "--name", "alice", "-o", str(keys)]) == 0
    trust = str(tmp_path / "trust")
    assert main(["trust", "add", str(keys / "alice.pub.pem"), "--name", "A", "--trust", trust]) == 0
    out = tmp_path / "b.zip"
    argv = ["sign", str(FIXTURE), "--key", str(keys / "alice.key"), "-o", str(out), "--no-pdf"]
    assert main([*argv, "--lang", "ar"]) == 0
    assert b'<html lang="ar" dir="rtl">' in read_bundle(out.read_bytes())[HTML]
    capsys.readouterr()
    assert main(["verify", str(out), "--trust", trust]) == 0
    assert "HTML report re-rendered identically" in capsys.readouterr().out
