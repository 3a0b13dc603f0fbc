"""Provides :func:`assessment_results`: an assessment as an OSCAL assessment-results document,
and :func:`sign_detached`: a detached DSSE signature over it as compliance-trestle lays its own.

The document declares OSCAL :data:`OSCAL_VERSION` and is checked in the tests against NIST's
released JSON schema of that version. It holds the metadata (the organisation as a party), an
``import-ap`` pointing at a back-matter resource that describes the assessment plan (the
questionnaire, its version and digest), and one result: the reviewed controls (those that apply),
one finding per control (``satisfied`` when the control scores 100, else ``not-satisfied``), one
finding per data flow (``satisfied`` only when ``ready``), and one observation per answer, whose
evidence files are back-matter resources carrying their SHA-256. Every UUID is derived (version
5) from the questionnaire digest and the item, so the same assessment gives the same document.

The signature follows compliance-trestle's ``sign``/``verify``: a DSSE envelope (payload type
``application/vnd.in-toto+json``, signed over the DSSE pre-authentication encoding) whose payload
is an in-toto Statement v1 with one subject, the file's name and the SHA-256 of its RFC 8785
canonical JSON, and trestle's OSCAL signing predicate. The document holds only strings, integers
and booleans (no floats), so sorted keys without whitespace are its RFC 8785 form.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
from typing import Any
from urllib.parse import quote

from compliance.exchange.cells import CellCodec
from compliance.model.assessment import NA, Assessment
from compliance.model.questionnaire import Questionnaire
from compliance.model.result import Result

__all__ = [
    "OSCAL_VERSION",
    "PREDICATE_TYPE",
    "assessment_results",
    "canonical",
    "document_bytes",
    "sign_detached",
]

OSCAL_VERSION = "1.2.1"
NS = "https://github.com/compliance-ma/ns/oscal"
PREDICATE_TYPE = "https://oscal-compass.github.io/compliance-trestle/predicates/oscal-signing/v1"
_BASE = uuid.UUID("6f1c7f0e-59b4-4d53-9a5e-2d1e3c4b5a69")
_TOKEN_START = re.compile(r"^[^\W\d]")


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(_BASE, "\x1f".join(parts)))


def _token(identifier: str) -> str:
    """An OSCAL token (an XML NCName) for an id: ids starting with a digit get a ``_``."""
    cleaned = re.sub(r"[^\w.\-]", "-", identifier)
    return cleaned if _TOKEN_START.match(cleaned) else f"_{cleaned}"


def _line(text: str) -> str:
    """A one-line OSCAL string: no line breaks, no leading or trailing white space."""
    return " ".join(text.split()) or "-"


def _stamp(when: dt.date | dt.datetime | str | None, fallback: dt.date) -> str:
    if isinstance(when, str):
        try:
            when = dt.datetime.fromisoformat(when.replace("Z", "+00:00"))
        except ValueError:
            when = None
    if isinstance(when, dt.datetime):
        moment = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
        return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    day = when if isinstance(when, dt.date) else fallback
    return f"{day.isoformat()}T00:00:00Z"


def _prop(name: str, value: str) -> dict[str, str]:
    return {"name": name, "ns": NS, "value": _line(value)}


def assessment_results(
    questionnaire: Questionnaire, assessment: Assessment, result: Result, *, lang: str = "en"
) -> dict[str, Any]:
    """The OSCAL assessment-results document of a scored assessment, as plain data."""
    digest = questionnaire.digest
    as_of = result.as_of
    started = _stamp(as_of, as_of)
    key = f"{digest}:{assessment.organisation.name}:{as_of.isoformat()}"
    codec = CellCodec(questionnaire, lang)
    plan = _uuid(key, "assessment-plan")
    party = _uuid(key, "party")
    resources: list[dict[str, Any]] = [
        {
            "uuid": plan,
            "title": _line(f"Assessment plan: {questionnaire.title.get(lang)}"),
            "description": (
                f"The questionnaire {questionnaire.id} {questionnaire.version} (digest "
                f"{digest}) and its scoring method define what was assessed and how."
            ),
            "props": [
                _prop("questionnaire-id", questionnaire.id),
                _prop("questionnaire-version", questionnaire.version),
                _prop("questionnaire-digest", digest),
            ],
        }
    ]
    scored = {control.id: control for control in result.controls}
    reviewed: list[dict[str, str]] = []
    findings: list[dict[str, Any]] = []
    observations: list[dict[str, Any]] = []
    for domain in questionnaire.domains:
        for control in domain.controls:
            outcome = scored.get(control.id)
            if outcome is None or not outcome.applicable:
                continue
            reviewed.append({"control-id": _token(control.id)})
            related = []
            for question in control.questions:
                answer = assessment.answers.get(question.id)
                if answer is None:
                    continue
                observation = _uuid(key, "observation", question.id)
                related.append({"observation-uuid": observation})
                shown = "N/A" if answer.value == NA else codec.show(question, answer.value)
                if hasattr(shown, "isoformat"):
                    shown = shown.isoformat()
                text = f"{question.text.get(lang)} Answer: {shown}."
                if answer.comment:
                    text += f" Comment: {answer.comment}"
                entry: dict[str, Any] = {
                    "uuid": observation,
                    "title": _line(f"{control.id} {question.id}"),
                    "description": text,
                    "methods": ["EXAMINE"] if answer.evidence else ["INTERVIEW"],
                    "collected": _stamp(answer.answered_at, as_of),
                }
                if answer.evidence:
                    entry["relevant-evidence"] = []
                    for index, item in enumerate(answer.evidence):
                        resource = _uuid(key, "evidence", question.id, str(index), item.sha256)
                        resources.append(
                            {
                                "uuid": resource,
                                "title": _line(item.path),
                                "rlinks": [
                                    {
                                        "href": quote(item.path, safe="/:._-~"),
                                        "hashes": [{"algorithm": "SHA-256", "value": item.sha256}],
                                    }
                                ],
                            }
                        )
                        entry["relevant-evidence"].append(
                            {
                                "href": f"#{resource}",
                                "description": item.note or f"{item.path} (SHA-256 {item.sha256})",
                                "props": [_prop("evidence-sha256", item.sha256)],
                            }
                        )
                observations.append(entry)
            score = outcome.score
            satisfied = score is not None and score >= 100
            finding: dict[str, Any] = {
                "uuid": _uuid(key, "finding", control.id),
                "title": _line(f"{control.id} {control.title.get(lang)}"),
                "description": (
                    f"Score {score}/100." if score is not None else "Not assessed: no answer."
                )
                + (" A critical control." if control.critical else ""),
                "props": [_prop("score", "none" if score is None else str(score))],
                "target": {
                    "type": "objective-id",
                    "target-id": _token(control.id),
                    "status": {"state": "satisfied" if satisfied else "not-satisfied"},
                },
            }
            if related:
                finding["related-observations"] = related
            findings.append(finding)
    for flow in result.flows:
        reasons = " ".join(reason.message.get(lang) for reason in flow.reasons)
        findings.append(
            {
                "uuid": _uuid(key, "flow", flow.id),
                "title": _line(f"Data flow {flow.id}: {flow.name}"),
                "description": f"Transfer readiness: {flow.status}. {reasons}".strip(),
                "props": [_prop("flow-status", flow.status), _prop("flow-score", str(flow.score))],
                "target": {
                    "type": "objective-id",
                    "target-id": _token(f"flow-{flow.id}"),
                    "status": {"state": "satisfied" if flow.status == "ready" else "not-satisfied"},
                },
            }
        )
    overall = result.overall
    document: dict[str, Any] = {
        "uuid": _uuid(key, "assessment-results"),
        "metadata": {
            "title": _line(f"{questionnaire.title.get(lang)}: {assessment.organisation.name}"),
            "last-modified": started,
            "version": _line(f"{questionnaire.id} {questionnaire.version}, as of {as_of}"),
            "oscal-version": OSCAL_VERSION,
            "props": [
                _prop("overall-score", "none" if overall.score is None else str(overall.score)),
                _prop("rating", overall.rating),
                _prop("engine", result.engine),
            ],
            "parties": [
                {
                    "uuid": party,
                    "type": "organization",
                    "name": _line(assessment.organisation.name),
                }
            ],
        },
        "import-ap": {"href": f"#{plan}"},
        "results": [
            {
                "uuid": _uuid(key, "result"),
                "title": _line(f"Assessment as of {as_of.isoformat()}"),
                "description": (
                    f"Overall score {overall.score}/100, rating {overall.rating}, coverage "
                    f"{overall.coverage}%."
                ),
                "start": started,
                "reviewed-controls": {"control-selections": [{"include-controls": reviewed}]}
                if reviewed
                else {"control-selections": [{"include-all": {}}]},
                **({"observations": observations} if observations else {}),
                **({"findings": findings} if findings else {}),
            }
        ],
        "back-matter": {"resources": resources},
    }
    return {"assessment-results": document}


def canonical(document: Any) -> bytes:
    """The RFC 8785 canonical JSON of a document of strings, integers, booleans and nulls."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def document_bytes(document: Any) -> bytes:
    """The document as written: indented JSON, keys in order."""
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def sign_detached(data: bytes, subject_name: str, key: Any) -> bytes:
    """A detached DSSE envelope over a JSON file's canonical form, as ``trestle sign`` writes.

    ``key`` is an unlocked :class:`compliance.signing.keys.SigningKey`.
    """
    from compliance.signing.dsse import sign_envelope

    statement = {
        "_type": "https://in-toto.io/Statement/v1",
        "subject": [
            {
                "name": subject_name,
                "digest": {"sha256": hashlib.sha256(canonical(json.loads(data))).hexdigest()},
            }
        ],
        "predicateType": PREDICATE_TYPE,
        "predicate": {
            "canonicalization": "RFC8785",
            "digestAlgorithm": "sha256",
            "digestSource": "canonical-json",
            "tool": "compliance-ma",
        },
    }
    payload = json.dumps(statement, separators=(",", ":"), sort_keys=True).encode("utf-8")
    return sign_envelope(payload, key.sign, key.key_id) + b"\n"
