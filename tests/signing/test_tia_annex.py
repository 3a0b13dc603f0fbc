"""A signed bundle whose assessment holds a structured TIA carries it as the report's annex, and
verification re-derives that annex like the rest of the report (issue 15, point 5)."""

from __future__ import annotations

from compliance.loader import parse_assessment
from compliance.signing.archive import read_bundle
from compliance.signing.bundle import HTML
from compliance.signing.verify import verify_bundle
from tests.helpers import REPO
from tests.signing.conftest import NOW, Signer, sign
from tests.signing.test_verify import reason, resign

FIXTURE = REPO / "tests" / "report" / "tia" / "telecom-casablanca.yaml"


def _bundle(signer: Signer) -> bytes:
    assessment, _ = parse_assessment(FIXTURE.read_bytes(), str(FIXTURE))
    return sign(signer, assessment)


def test_the_annex_is_signed_and_re_derived(signer: Signer) -> None:
    bundle = _bundle(signer)
    html = read_bundle(bundle)[HTML]
    assert b'id="tia-annex"' in html and b'id="tia-f1-telecom-crm-calculation"' in html
    verdict = verify_bundle(bundle, signer.trust, now=NOW)
    assert verdict.status == "VALID", verdict.message
    checks = {f["path"]: f["check"] for f in verdict.details["files"]}
    assert checks["report/report.html"] == "re-derived"


def test_an_annex_that_lies_about_the_probability_is_caught(signer: Signer) -> None:
    bundle = _bundle(signer)
    html = read_bundle(bundle)[HTML]
    assert b"3.66%" in html
    forged = resign(signer, bundle, {HTML: html.replace(b"3.66%", b"0.36%")})
    assert reason(forged, signer) == "report-mismatch"
