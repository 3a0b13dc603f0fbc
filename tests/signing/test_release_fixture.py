"""A bundle signed by the 2026-12-04 release (ma-offshoring 1.0.0) keeps verifying VALID.

The fixture was made with the command line of that release, before reference data became its own
artefact (issue 13)::

    compliance keys generate --name release-2026-12-04 -o KEYS
    compliance sign questionnaires/ma-offshoring/fixtures/model-firm.yaml \
        --key KEYS/release-2026-12-04.key -o release-1.0.0-2026-12-04.zip --no-pdf

It guards the promise that a published 1.0.0 questionnaire keeps its digest and that its answers
re-score to exactly the signed result, whatever later releases change. The HTML report is checked
by its signed digest: a later release may change the report templates, and then re-rendering is
not possible (``cannot-rerender-report``), which says nothing about the score.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from compliance.signing.archive import read_bundle
from compliance.signing.keys import key_id, load_public_key
from compliance.signing.trust import TrustEntry, TrustStore
from compliance.signing.verify import verify_bundle

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BUNDLE = FIXTURES / "release-1.0.0-2026-12-04.zip"
PUBLIC = FIXTURES / "release-1.0.0-2026-12-04.pub.pem"
KEY_ID = "0ad6da132431befa9dfbc8ed0429c8b566b95ff66854850b15b2433295cbc419"
SIGNED = dt.datetime(2026, 12, 4, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 12, 20, tzinfo=dt.UTC)


def _trust() -> TrustStore:
    pem = PUBLIC.read_text(encoding="ascii")
    assert key_id(load_public_key(pem.encode("ascii"))) == KEY_ID
    return TrustStore((TrustEntry(KEY_ID, "Release 2026-12-04", pem, SIGNED, valid_from=SIGNED),))


def test_the_release_bundle_verifies_valid() -> None:
    verdict = verify_bundle(BUNDLE.read_bytes(), _trust(), now=NOW, render_check=False)
    assert verdict.status == "VALID", verdict.message
    assert verdict.details["questionnaire"]["id"] == "ma-offshoring"
    assert verdict.details["questionnaire"]["version"] == "1.0.0"
    assert verdict.details["score"] == "100.00"
    assert verdict.details["rating"] == "ready"


def test_the_release_bundle_holds_the_files_of_that_release() -> None:
    assert sorted(read_bundle(BUNDLE.read_bytes())) == [
        "attestation.dsse.json",
        "data/assessment.json",
        "data/questionnaire.json",
        "data/result.json",
        "report/report.html",
    ]


def test_the_release_bundle_is_invalid_without_its_key() -> None:
    verdict = verify_bundle(BUNDLE.read_bytes(), TrustStore(()), now=NOW, render_check=False)
    assert verdict.status == "INVALID" and verdict.reason == "untrusted-signer"


def test_a_full_check_keeps_the_release_bundle_valid_and_says_how_its_report_was_checked() -> None:
    """The report modules and templates changed since that release, so its HTML cannot be
    re-rendered here; its templates are a published release's, so the bundle stays VALID with the
    HTML checked by its signed digest, and the verdict says so (never ``report-mismatch``)."""
    verdict = verify_bundle(BUNDLE.read_bytes(), _trust(), now=NOW, render_check=True)
    assert verdict.status == "VALID", verdict.message
    assert verdict.details["reportCheck"] == "earlier-release"
    checks = {f["path"]: f["check"] for f in verdict.details["files"]}
    assert checks["report/report.html"] == "digest"
    assert checks["data/result.json"] == "re-derived"
    assert "earlier published release" in verdict.line()


def test_the_release_templates_are_published_and_not_this_verifiers_own() -> None:
    from compliance.report import templates_digest
    from compliance.signing.registry import published_report_templates

    assert published_report_templates() == {
        "2842cb963f8081ad37d61f38b667f961dc5cac53da6652ad98b837f498c9e05b": "2026-12-04"
    }
    assert templates_digest() not in published_report_templates()
