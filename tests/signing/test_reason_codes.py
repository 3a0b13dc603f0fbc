"""Every verify reason code is produced by a real input and asserted by name (issue 20, point 3).

One row per code of :data:`compliance.errors.VerifyReason`: the input that must get it. The last
test fails when a code is added to the typed set without a row here, or a row names no code.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from compliance.cli import main
from compliance.errors import VerifyReason
from compliance.signing.archive import read_bundle
from compliance.signing.bundle import ASSESSMENT, ENVELOPE, HTML, PDF, assemble
from compliance.signing.bundle import zip_files as rezip
from compliance.signing.dsse import pae, parse_envelope
from compliance.signing.statement import format_time
from compliance.signing.verify import REASONS, Verdict, verify_bundle
from tests.signing.conftest import ISSUED, NOW, Signer, sign

Case = Callable[[Signer, Signer, bytes, Path, pytest.MonkeyPatch], Verdict]
CASES: dict[VerifyReason, Case] = {}


def case(code: VerifyReason) -> Callable[[Case], Case]:
    def register(function: Case) -> Case:
        assert code not in CASES, code
        CASES[code] = function
        return function

    return register


def _predicate(bundle: bytes) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(parse_envelope(read_bundle(bundle)[ENVELOPE]).payload)
    predicate: dict[str, Any] = value["predicate"]
    return predicate


def _resign(
    signer: Signer, bundle: bytes, files: dict[str, bytes] | None = None, **predicate: Any
) -> bytes:
    current = read_bundle(bundle)
    current.pop(ENVELOPE)
    current.update(files or {})
    return assemble(current, {**_predicate(bundle), **predicate}, signer.key)


def _verify(bundle: bytes, signer: Signer, **kwargs: Any) -> Verdict:
    store = kwargs.pop("store", signer.trust)
    return verify_bundle(bundle, store, now=kwargs.pop("now", NOW), **kwargs)


@case("bundle-structure")
def _structure(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    return _verify(b"PK\x03\x04 not really a zip", s)


@case("envelope")
def _envelope(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    files = read_bundle(b)
    files[ENVELOPE] = b'{"payload": 1}'
    return _verify(rezip(files), s)


@case("payload-type")
def _payload_type(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    files = read_bundle(b)
    envelope = json.loads(files[ENVELOPE])
    kind = "application/vnd.compliance.keyring+json"
    signature = s.key.sign(pae(kind, base64.b64decode(envelope["payload"])))
    envelope["payloadType"] = kind
    envelope["signatures"][0]["sig"] = base64.b64encode(signature).decode()
    files[ENVELOPE] = json.dumps(envelope).encode()
    return _verify(rezip(files), s)


@case("untrusted-signer")
def _untrusted(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    return _verify(b, s, store=o.trust)


@case("key-revoked")
def _revoked(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    return _verify(b, s, store=s.store(revoked_at=NOW))


@case("key-outside-validity")
def _outside(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    return _verify(b, s, store=s.store(valid_until=ISSUED - dt.timedelta(seconds=1)))


@case("issued-in-future")
def _future(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    return _verify(b, s, now=ISSUED - dt.timedelta(minutes=6))


@case("validity-too-long")
def _too_long(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    """A key trusted until a date signs with a back-dated issuedAt and a far validity."""
    until = format_time(ISSUED + dt.timedelta(days=3661))
    return _verify(_resign(s, b, validUntil=until), s)


@case("organisation-not-bound")
def _not_bound(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    return _verify(b, s, store=s.store(organisations=("ICE-001",)))


@case("statement-schema")
def _schema(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    return _verify(_resign(s, b, unexpected="field"), s)


@case("signing-key-mismatch")
def _key_mismatch(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    forged = _resign(s, b, signingKeyId=o.key.key_id)
    return _verify(forged, s, store=s.trust.add(o.trust.entries[0]))


@case("subject-mismatch")
def _subjects(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    files = read_bundle(b)
    files["report/report.pdf"] = b"%PDF-1.7 Score 100/100 READY"
    return _verify(rezip(files), s)


@case("digest-mismatch")
def _digest(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    files = read_bundle(b)
    files[HTML] = files[HTML].replace(b"54.17", b"94.17")
    return _verify(rezip(files), s)


@case("questionnaire-not-published")
def _unpublished(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    q = _predicate(b)["questionnaire"]
    return _verify(_resign(s, b, questionnaire={**q, "version": "9.9.9"}), s)


@case("cannot-rederive-score")
def _engine(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    return _verify(_resign(s, b, engineVersion="compliance-engine/0.0.1"), s)


@case("assessment-invalid")
def _assessment(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    data = json.loads(read_bundle(b)[ASSESSMENT])
    data["answers"]["xfr01.tools"]["value"] = ["no-such-option"]
    return _verify(_resign(s, b, {ASSESSMENT: json.dumps(data).encode()}), s)


@case("statement-mismatch")
def _statement(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    org = {"name": "Someone Else SA", "country": "MA", "registrationId": None}
    return _verify(_resign(s, b, organisation=org), s)


@case("score-mismatch")
def _score(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    scores = {**_predicate(b)["scores"], "overall": "99.00"}
    return _verify(_resign(s, b, scores=scores), s)


@case("cannot-rerender-report")
def _templates(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    report = {**_predicate(b)["report"], "templatesDigest": {"sha256": "0" * 64}}
    return _verify(_resign(s, b, report=report), s)


@case("report-mismatch")
def _report(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    html = read_bundle(b)[HTML].replace(b"54.17", b"94.17")
    return _verify(_resign(s, b, {HTML: html}), s)


@case("expired")
def _expired(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    return _verify(b, s, now=ISSUED + dt.timedelta(days=366))


@case("unreadable")
def _unreadable(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    """A FIFO named as a bundle: refused at once by the command, never read (it would block)."""
    pipe = t / "bundle.zip"
    os.mkfifo(pipe)
    return _cli_verdict(pipe, s, t)


@case("internal-error")
def _internal(s: Signer, o: Signer, b: bytes, t: Path, m: pytest.MonkeyPatch) -> Verdict:
    """A fault of the verifier itself, here an exhausted stack while scoring."""
    from compliance.engine import scoring

    def fails(*args: object, **kwargs: object) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    m.setattr(scoring, "score", fails)
    return _verify(b, s)


@case("reference-not-published")
def _reference_not_published(
    s: Signer, o: Signer, b: bytes, f: Path, m: pytest.MonkeyPatch
) -> Verdict:
    """A 1.0.0 bundle (its questionnaire embeds its lists) padded with a reference set."""
    from compliance.loader.reference_sets import newest_set
    from compliance.signing.bundle import REFERENCE

    newest = newest_set("ma-eu")
    assert newest is not None
    return _verify(_resign(s, b, {REFERENCE: newest.read()}), s)


def _cli_verdict(path: Path, signer: Signer, folder: Path) -> Verdict:
    import contextlib
    import io

    from compliance.signing.trust import TrustStore

    trust_dir = folder / "trust"
    TrustStore(signer.trust.entries, trust_dir).save()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["verify", "--json", "--trust", str(trust_dir), str(path)])
    assert code == 1
    (row,) = json.loads(out.getvalue())
    return Verdict(row["status"], row["reason"], row["message"])


@pytest.fixture
def signers(signer: Signer, other: Signer) -> tuple[Signer, Signer]:
    return signer, other


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_reason_code_is_produced(
    code: VerifyReason,
    signers: tuple[Signer, Signer],
    bundle: bytes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    verdict = CASES[code](*signers, bundle, tmp_path, monkeypatch)
    assert verdict.reason == code, verdict.message
    assert verdict.status == ("EXPIRED" if code == "expired" else "INVALID")
    assert verdict.message


def test_every_reason_code_has_its_case() -> None:
    assert set(CASES) == set(REASONS)


def test_the_untouched_bundle_is_valid_with_no_reason(signer: Signer, bundle: bytes) -> None:
    verdict = _verify(bundle, signer)
    assert (verdict.status, verdict.reason) == ("VALID", None)


def test_a_pdf_that_lies_is_checked_by_digest_only_unless_re_rendered(
    signer: Signer, bundle: bytes
) -> None:
    """A trusted signer ships a 44-byte text as the PDF: the verdict says it was only digested,
    and ``--pdf`` refuses it."""
    files = read_bundle(bundle)
    files.pop(ENVELOPE)
    files[PDF] = b"Score 100/100 READY -- not a PDF at all....."
    lying = assemble(files, _predicate(bundle), signer.key)
    verdict = _verify(lying, signer)
    assert verdict.status == "VALID"
    assert {"path": PDF, "check": "digest"} in verdict.details["files"]
    assert "PDF checked by its digest only" in verdict.line()
    assert f"{PDF}: digest" in verdict.file_lines()
    refused = _verify(lying, signer, pdf_check=True)
    assert (refused.reason, refused.message) == (
        "report-mismatch",
        "the PDF report is not the one rendered from the signed data",
    )


def test_each_file_is_listed_with_how_it_was_checked(signer: Signer, bundle: bytes) -> None:
    full = _verify(bundle, signer).details["files"]
    assert full == [
        {"path": "data/assessment.json", "check": "digest"},
        {"path": "data/questionnaire.json", "check": "re-derived"},
        {"path": "data/result.json", "check": "re-derived"},
        {"path": "report/report.html", "check": "re-derived"},
    ]
    quick = _verify(bundle, signer, render_check=False).details["files"]
    assert {"path": HTML, "check": "digest"} in quick


def test_a_signed_pdf_is_re_rendered_identically(signer: Signer) -> None:
    with_pdf = sign(signer, pdf=True)
    verdict = _verify(with_pdf, signer, pdf_check=True)
    assert verdict.status == "VALID", verdict.message
    assert {"path": PDF, "check": "re-derived"} in verdict.details["files"]
    assert "PDF report re-rendered identically" in verdict.line()
