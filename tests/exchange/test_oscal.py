"""OSCAL assessment results: valid against NIST's released schema of the version declared, one
finding per control and flow, evidence hashes kept, and a detached DSSE signature that
compliance-trestle's own verifier accepts."""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from compliance.catalog import load_assessment
from compliance.cli import main
from compliance.engine.scoring import score
from compliance.exchange.oscal import OSCAL_VERSION, assessment_results, canonical
from tests.helpers import REPO

SCHEMA = Path(__file__).parent / "data" / "oscal_assessment-results_schema.json"
FIXTURE = REPO / "questionnaires/ma-offshoring/1.0.0/fixtures/health-without-authorisation.yaml"
PASSPHRASE = "oscal test passphrase 7d1"


@functools.cache
def _validator() -> jsonschema.Draft7Validator:
    """NIST's schema, with the two Unicode classes of its token pattern (``\\p{L}``, ``\\p{N}``)
    written as Python's ``re`` understands them; nothing else is changed."""
    text = SCHEMA.read_text(encoding="utf-8")
    text = text.replace("\\\\p{L}", "[^\\\\W\\\\d_]").replace("\\\\p{N}", "\\\\d")
    schema = json.loads(text)
    assert schema["$id"] == f"http://csrc.nist.gov/ns/oscal/{OSCAL_VERSION}/oscal-ar-schema.json"
    return jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )


def _errors(document: Any) -> list[str]:
    return [
        f"{list(e.absolute_path)}: {e.message[:200]}" for e in _validator().iter_errors(document)
    ]


@functools.cache
def _document() -> dict[str, Any]:
    assessment, questionnaire = load_assessment(FIXTURE)
    return assessment_results(questionnaire, assessment, score(questionnaire, assessment))


def test_the_document_is_valid_oscal_of_the_version_it_declares() -> None:
    document = _document()
    assert document["assessment-results"]["metadata"]["oscal-version"] == OSCAL_VERSION
    assert _errors(document) == []


def test_the_schema_check_catches_a_broken_document() -> None:
    broken = copy.deepcopy(_document())
    body = broken["assessment-results"]
    body["results"][0]["findings"][0]["target"]["status"]["state"] = "fine"
    del body["import-ap"]
    errors = _errors(broken)
    assert any("'import-ap' is a required property" in e for e in errors)
    assert any("'fine' is not one of" in e for e in errors)


def test_findings_observations_and_the_plan() -> None:
    body = _document()["assessment-results"]
    plan = body["import-ap"]["href"].removeprefix("#")
    resources = {r["uuid"]: r for r in body["back-matter"]["resources"]}
    assert "questionnaire-digest" in {p["name"] for p in resources[plan]["props"]}
    [result] = body["results"]
    findings = {f["target"]["target-id"]: f for f in result["findings"]}
    # the fixture's critical control CNDP-02 fails; both health flows are blocked
    assert findings["CNDP-02"]["target"]["status"]["state"] == "not-satisfied"
    assert findings["GOV-01"]["target"]["status"]["state"] == "satisfied"
    assert findings["flow-f1-claims"]["target"]["status"]["state"] == "not-satisfied"
    assert {p["value"] for p in findings["flow-f1-claims"]["props"]} >= {"blocked"}
    selected = {
        c["control-id"]
        for c in result["reviewed-controls"]["control-selections"][0]["include-controls"]
    }
    assert "CNDP-02" in selected and "GOV-01" in selected
    observations = {o["uuid"]: o for o in result["observations"]}
    related = [r["observation-uuid"] for r in findings["GOV-01"]["related-observations"]]
    assert related and all(uuid in observations for uuid in related)


def test_evidence_files_keep_their_sha256(tmp_path: Path) -> None:
    assessment, questionnaire = load_assessment(FIXTURE)
    digest = "ab" * 32
    answers = dict(assessment.answers)
    first = next(iter(answers))
    from compliance.model.assessment import Answer

    evidence = [{"path": "docs/DPO letter.pdf", "sha256": digest, "note": "signed"}]
    answers[first] = Answer.model_validate({**answers[first].model_dump(), "evidence": evidence})
    assessment = assessment.model_copy(update={"answers": answers})
    document = assessment_results(questionnaire, assessment, score(questionnaire, assessment))
    assert _errors(document) == []
    body = document["assessment-results"]
    [observation] = [o for o in body["results"][0]["observations"] if o.get("relevant-evidence")]
    assert observation["methods"] == ["EXAMINE"]
    [evidence] = observation["relevant-evidence"]
    assert evidence["props"] == [
        {"name": "evidence-sha256", "ns": evidence["props"][0]["ns"], "value": digest}
    ]
    resource = next(
        r for r in body["back-matter"]["resources"] if f"#{r['uuid']}" == evidence["href"]
    )
    assert resource["rlinks"] == [
        {"href": "docs/DPO%20letter.pdf", "hashes": [{"algorithm": "SHA-256", "value": digest}]}
    ]


def test_the_same_assessment_gives_the_same_document() -> None:
    assessment, questionnaire = load_assessment(FIXTURE)
    again = assessment_results(questionnaire, assessment, score(questionnaire, assessment))
    assert canonical(again) == canonical(_document())


def _key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    from compliance.filecrypt import MINIMUM_PARAMS
    from compliance.signing.keys import generate_key

    private, public, _ = generate_key(
        "Auditor", tmp_path / "keys", PASSPHRASE, params=MINIMUM_PARAMS
    )
    monkeypatch.setenv("COMPLIANCE_PASSPHRASE", PASSPHRASE)
    return private, public


def test_cli_writes_the_document_and_a_trestle_style_signature(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    private, _ = _key(tmp_path, monkeypatch)
    out = tmp_path / "ar.json"
    assert (
        main(["export", str(FIXTURE), "--format", "oscal", "-o", str(out), "--key", str(private)])
        == 0
    )
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith(f"wrote {out}: OSCAL {OSCAL_VERSION} assessment results, ")
    assert printed[1].startswith(f"wrote {out}.dsse.json: detached DSSE signature by key ")
    assert _errors(json.loads(out.read_text(encoding="utf-8"))) == []
    envelope = json.loads((tmp_path / "ar.json.dsse.json").read_text(encoding="utf-8"))
    assert envelope["payloadType"] == "application/vnd.in-toto+json"
    import base64
    import hashlib

    statement = json.loads(base64.b64decode(envelope["payload"]))
    assert statement["subject"] == [
        {
            "name": "ar.json",
            "digest": {
                "sha256": hashlib.sha256(canonical(json.loads(out.read_bytes()))).hexdigest()
            },
        }
    ]
    assert statement["predicate"]["canonicalization"] == "RFC8785"


def test_trestle_verifies_the_signature_and_catches_a_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    signing = pytest.importorskip(
        "trestle.core.signing", reason="compliance-trestle is not installed"
    )
    from trestle.common.err import TrestleError

    private, public = _key(tmp_path, monkeypatch)
    out = tmp_path / "ar.json"
    assert (
        main(["export", str(FIXTURE), "--format", "oscal", "-o", str(out), "--key", str(private)])
        == 0
    )
    envelope = signing.load_dsse_envelope(tmp_path / "ar.json.dsse.json")
    key = signing.load_pem_public_key(public)
    statement = signing.verify_oscal_provenance_envelope(out, envelope, key)
    assert statement["subject"][0]["name"] == "ar.json"
    # re-indenting does not change the canonical form; changing a finding does
    document = json.loads(out.read_text(encoding="utf-8"))
    out.write_text(json.dumps(document, indent=4), encoding="utf-8")
    signing.verify_oscal_provenance_envelope(out, envelope, key)
    status = document["assessment-results"]["results"][0]["findings"][0]["target"]["status"]
    status["state"] = "not-satisfied" if status["state"] == "satisfied" else "satisfied"
    out.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(TrestleError, match="digest does not match"):
        signing.verify_oscal_provenance_envelope(out, envelope, key)


def test_rfc8785_agrees_with_the_reference_implementation() -> None:
    rfc8785 = pytest.importorskip("rfc8785")
    assert rfc8785.dumps(_document()) == canonical(_document())


def test_key_only_signs_oscal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    private, _ = _key(tmp_path, monkeypatch)
    out = tmp_path / "audit.xlsx"
    assert (
        main(
            ["export", str(FIXTURE), "--format", "ciso-xlsx", "-o", str(out), "--key", str(private)]
        )
        == 1
    )
    assert "--key signs OSCAL documents only" in capsys.readouterr().err
    assert not out.exists()
