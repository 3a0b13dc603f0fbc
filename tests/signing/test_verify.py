"""Verification of signed bundles: round trip and every reason code (signing.md section 4)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from compliance.signing.archive import read_bundle
from compliance.signing.bundle import ASSESSMENT, ENVELOPE, HTML, QUESTIONNAIRE, RESULT, assemble
from compliance.signing.bundle import zip_files as rezip
from compliance.signing.dsse import parse_envelope
from compliance.signing.verify import verify_bundle
from tests.signing.conftest import ISSUED, NOW, Signer, example_assessment, sign


def predicate_of(bundle: bytes) -> dict[str, Any]:
    payload = parse_envelope(read_bundle(bundle)[ENVELOPE]).payload
    value: dict[str, Any] = json.loads(payload)["predicate"]
    return value


def resign(
    signer: Signer, bundle: bytes, files: dict[str, bytes] | None = None, **predicate: Any
) -> bytes:
    """The bundle with some files or predicate fields replaced, validly signed by ``signer``."""
    current = read_bundle(bundle)
    current.pop(ENVELOPE)
    current.update(files or {})
    return assemble(current, {**predicate_of(bundle), **predicate}, signer.key)


def reason(bundle: bytes, signer: Signer, **kwargs: Any) -> str | None:
    store = kwargs.pop("store", signer.trust)
    return verify_bundle(bundle, store, now=kwargs.pop("now", NOW), **kwargs).reason


def test_round_trip_is_valid_with_what_was_signed(signer: Signer, bundle: bytes) -> None:
    verdict = verify_bundle(bundle, signer.trust, now=NOW)
    assert verdict.status == "VALID", verdict.message
    assert verdict.details["keyId"] == signer.key.key_id
    assert verdict.details["signer"] == "Alice"
    assert verdict.details["score"] == "54.17"
    assert verdict.details["issuedAt"] == "2026-11-21T12:00:00Z"
    assert "signed by Alice" in verdict.line() and "re-rendered identically" in verdict.line()
    assert set(read_bundle(bundle)) == {ENVELOPE, ASSESSMENT, QUESTIONNAIRE, RESULT, HTML}


def test_the_report_shows_the_key_id(signer: Signer, bundle: bytes) -> None:
    assert signer.key.key_id.encode() in read_bundle(bundle)[HTML]


def test_signing_is_deterministic_for_the_same_report_id(signer: Signer, bundle: bytes) -> None:
    report_id = predicate_of(bundle)["reportId"]
    assert resign(signer, bundle) == resign(signer, bundle, reportId=report_id)


def test_a_replayed_old_bundle_shows_its_true_date(signer: Signer) -> None:
    old = sign(signer, issued_at=dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC), valid_days=30)
    verdict = verify_bundle(old, signer.store(valid_from=None), now=NOW)
    assert verdict.status == "EXPIRED" and verdict.reason == "expired"
    assert verdict.details["issuedAt"] == "2026-01-05T09:00:00Z"
    assert "2026-01-05" in verdict.line()


def test_an_unknown_key_is_untrusted(signer: Signer, other: Signer, bundle: bytes) -> None:
    assert reason(bundle, signer, store=other.trust) == "untrusted-signer"


def test_a_revoked_key_verifies_nothing(signer: Signer, bundle: bytes) -> None:
    assert reason(bundle, signer, store=signer.store(revoked_at=NOW)) == "key-revoked"


@pytest.mark.parametrize(
    "window",
    [
        {"valid_until": ISSUED - dt.timedelta(seconds=1)},
        {"valid_from": ISSUED + dt.timedelta(seconds=1)},
    ],
)
def test_a_key_outside_its_window_at_issue_time(
    signer: Signer, bundle: bytes, window: dict[str, Any]
) -> None:
    assert reason(bundle, signer, store=signer.store(**window)) == "key-outside-validity"


def test_issued_more_than_five_minutes_ahead_is_refused(signer: Signer, bundle: bytes) -> None:
    early = ISSUED - dt.timedelta(minutes=6)
    assert reason(bundle, signer, now=early) == "issued-in-future"
    assert reason(bundle, signer, now=ISSUED - dt.timedelta(minutes=4)) is None


def test_organisation_binding(signer: Signer) -> None:
    bound = signer.store(organisations=("ICE-001",))
    theirs = sign(signer, example_assessment(registration_id="ICE-001"))
    another = sign(signer, example_assessment(registration_id="ICE-999"))
    assert reason(theirs, signer, store=bound) is None
    assert reason(another, signer, store=bound) == "organisation-not-bound"
    assert reason(sign(signer), signer, store=bound) == "organisation-not-bound"


def test_the_statement_must_name_the_signing_key(
    signer: Signer, other: Signer, bundle: bytes
) -> None:
    forged = resign(signer, bundle, signingKeyId=other.key.key_id)
    both = signer.trust.add(other.trust.entries[0])
    assert reason(forged, signer, store=both) == "signing-key-mismatch"


def test_a_keyid_hint_naming_another_trusted_key_fails(
    signer: Signer, other: Signer, bundle: bytes
) -> None:
    files = read_bundle(bundle)
    envelope = json.loads(files[ENVELOPE])
    envelope["signatures"][0]["keyid"] = other.key.key_id
    files[ENVELOPE] = json.dumps(envelope).encode()
    both = signer.trust.add(other.trust.entries[0])
    assert reason(rezip(files), signer, store=both) == "untrusted-signer"


def test_a_result_that_does_not_follow_from_the_answers(signer: Signer, bundle: bytes) -> None:
    files = read_bundle(bundle)
    result = json.loads(files[RESULT])
    result["overall"]["score"] = "99.00"
    flattering = json.dumps(result, sort_keys=True, separators=(",", ":")).encode()
    scores = {**predicate_of(bundle)["scores"], "overall": "99.00"}
    forged = resign(signer, bundle, {RESULT: flattering}, scores=scores)
    assert reason(forged, signer) == "score-mismatch"
    assert reason(resign(signer, bundle, scores=scores), signer) == "score-mismatch"


def test_a_questionnaire_with_edited_weights_is_not_published(
    signer: Signer, bundle: bytes
) -> None:
    files = read_bundle(bundle)
    text = files[QUESTIONNAIRE].decode()
    edited = text.replace('"weight":"2"', '"weight":"9"', 1).encode()
    assert edited != files[QUESTIONNAIRE]
    import hashlib

    forged = resign(
        signer,
        bundle,
        {QUESTIONNAIRE: edited},
        questionnaire={
            "id": "example",
            "version": "1.0.0",
            "digest": {"sha256": hashlib.sha256(edited).hexdigest()},
        },
    )
    assert reason(forged, signer) == "questionnaire-not-published"
    same_digest = resign(signer, bundle, {QUESTIONNAIRE: edited})
    assert reason(same_digest, signer) == "questionnaire-not-published"


def test_questionnaire_id_or_version_other_than_the_files(signer: Signer, bundle: bytes) -> None:
    q = predicate_of(bundle)["questionnaire"]
    assert reason(resign(signer, bundle, questionnaire={**q, "version": "9.9.9"}), signer) == (
        "questionnaire-not-published"
    )
    other_q = {**q, "id": "ma-screening"}
    assert reason(resign(signer, bundle, questionnaire=other_q), signer) == (
        "questionnaire-not-published"
    )


def test_an_engine_version_this_verifier_lacks(signer: Signer, bundle: bytes) -> None:
    forged = resign(signer, bundle, engineVersion="compliance-engine/0.0.1")
    assert reason(forged, signer) == "cannot-rederive-score"


def test_an_html_report_that_lies_is_caught_by_rerendering(signer: Signer, bundle: bytes) -> None:
    html = read_bundle(bundle)[HTML].replace(b"54.17", b"94.17")
    forged = resign(signer, bundle, {HTML: html})
    assert reason(forged, signer) == "report-mismatch"
    assert reason(forged, signer, render_check=False) is None


def test_an_html_report_with_an_external_reference(signer: Signer, bundle: bytes) -> None:
    html = read_bundle(bundle)[HTML].replace(b"</body>", b'<img src="https://x.test/t.png"></body>')
    forged = resign(signer, bundle, {HTML: html})
    assert reason(forged, signer) == "report-mismatch"  # only the full check vouches for the HTML
    assert reason(forged, signer, render_check=False) is None


def test_organisation_in_the_statement_must_be_the_assessments(
    signer: Signer, bundle: bytes
) -> None:
    org = {"name": "Someone Else SA", "country": "MA", "registrationId": None}
    assert reason(resign(signer, bundle, organisation=org), signer) == "statement-mismatch"


def test_an_answer_outside_the_options_is_refused(signer: Signer, bundle: bytes) -> None:
    data = json.loads(read_bundle(bundle)[ASSESSMENT])
    data["answers"]["xfr01.tools"]["value"] = ["no-such-option"]
    altered = json.dumps(data).encode()
    assert reason(resign(signer, bundle, {ASSESSMENT: altered}), signer) == "assessment-invalid"


@pytest.mark.parametrize("name", [ASSESSMENT, RESULT, HTML, QUESTIONNAIRE])
def test_mix_and_match_between_two_bundles(signer: Signer, bundle: bytes, name: str) -> None:
    another = example_assessment(name="Another Firm SARL")
    second = sign(signer, another.model_copy(update={"as_of": dt.date(2026, 10, 1)}))
    mixed = read_bundle(bundle)
    assert mixed[name] != read_bundle(second)[name] or name == QUESTIONNAIRE
    mixed[name] = read_bundle(second)[name]
    expected = "digest-mismatch" if name != QUESTIONNAIRE else None
    assert reason(rezip(mixed), signer) == expected


def test_envelope_of_one_bundle_with_the_files_of_another(signer: Signer, bundle: bytes) -> None:
    second = read_bundle(sign(signer, example_assessment(name="Another Firm SARL")))
    second[ENVELOPE] = read_bundle(bundle)[ENVELOPE]
    assert reason(rezip(second), signer) == "digest-mismatch"


def test_extra_and_missing_subjects(signer: Signer, bundle: bytes) -> None:
    files = read_bundle(bundle)
    files["report/report.pdf"] = b"%PDF-1.7 not signed"
    assert reason(rezip(files), signer) == "subject-mismatch"
    from compliance.signing.dsse import sign_envelope
    from compliance.signing.statement import build_statement

    files = read_bundle(bundle)
    signed = {k: v for k, v in files.items() if k not in (ENVELOPE, HTML)}
    statement = build_statement(signed, predicate_of(bundle))
    files[ENVELOPE] = sign_envelope(statement, signer.key.sign, signer.key.key_id)
    assert reason(rezip(files), signer) == "subject-mismatch"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        # The envelope is not a subject: a changed envelope is refused as an envelope.
        (ENVELOPE, "envelope"),
        (ASSESSMENT, "digest-mismatch"),
        (QUESTIONNAIRE, "digest-mismatch"),
        (RESULT, "digest-mismatch"),
        (HTML, "digest-mismatch"),
    ],
)
def test_truncating_or_extending_any_file_is_refused(
    signer: Signer, bundle: bytes, name: str, code: str
) -> None:
    for cut in (True, False):
        files = read_bundle(bundle)
        files[name] = files[name][:-1] if cut else files[name] + b" "
        assert reason(rezip(files), signer) == code


def test_another_payload_type_is_refused_even_when_validly_signed(
    signer: Signer, bundle: bytes
) -> None:
    import base64

    from compliance.signing.dsse import pae

    files = read_bundle(bundle)
    envelope = json.loads(files[ENVELOPE])
    kind = "application/vnd.compliance.keyring+json"
    payload = base64.b64decode(envelope["payload"])
    signature = signer.key.sign(pae(kind, payload))
    envelope["payloadType"] = kind
    envelope["signatures"][0]["sig"] = base64.b64encode(signature).decode()
    files[ENVELOPE] = json.dumps(envelope).encode()
    assert reason(rezip(files), signer) == "payload-type"
