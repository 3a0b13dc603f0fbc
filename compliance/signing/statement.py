"""Provides the signed statement: an in-toto Statement v1 with our closed, versioned predicate.

The statement is the manifest of a bundle: one subject (name and SHA-256) per file besides the
envelope, and a predicate that says what was assessed, by whom, when, with which questionnaire and
engine, and with what scores. The predicate schema is closed: an unknown or missing field is a
``statement-schema`` failure, and a new field means a new predicate version. Scores are decimal
strings, times RFC 3339 UTC with a ``Z``; no floats anywhere.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from compliance.errors import VerifyError
from compliance.signing.jsonstrict import loads

__all__ = [
    "PREDICATE_TYPE",
    "STATEMENT_TYPE",
    "Predicate",
    "Statement",
    "build_statement",
    "format_time",
    "parse_statement",
    "parse_time",
]

STATEMENT_TYPE = "https://in-toto.io/Statement/v1"
PREDICATE_TYPE = "urn:compliance-ma:predicate:signed-report:v1"
_HEX64 = re.compile(r"[0-9a-f]{64}\Z")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\Z")
_SCORE = re.compile(r"\d{1,3}\.\d{2}\Z")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\Z")
_SHORT = 300


def format_time(when: dt.datetime) -> str:
    """RFC 3339 in UTC with a ``Z``, to the second."""
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(text: str) -> dt.datetime:
    """Parses a time written by :func:`format_time`; raises :class:`ValueError` otherwise."""
    if not _TIME.match(text):
        raise ValueError(f"not an RFC 3339 UTC time: {text[:40]!r}")
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class Predicate:
    """The verified claims of a bundle (predicate v1)."""

    report_id: str
    issued_at: dt.datetime
    valid_until: dt.datetime
    organisation: dict[str, Any]
    assessor: dict[str, Any] | None
    signing_key_id: str
    questionnaire_id: str
    questionnaire_version: str
    questionnaire_digest: str
    engine_version: str
    scores: dict[str, Any]
    report: dict[str, Any]
    raw: dict[str, Any]

    @property
    def registration_id(self) -> str | None:
        """The organisation's registration id, when the assessment gives one."""
        value = self.organisation.get("registrationId")
        return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class Statement:
    """A parsed statement: subjects by name, and the predicate."""

    subjects: dict[str, str]
    predicate: Predicate


def build_statement(files: dict[str, bytes], predicate: dict[str, Any]) -> bytes:
    """The statement JSON over ``files`` (name to bytes) with ``predicate``."""
    import hashlib

    subjects = [
        {"name": name, "digest": {"sha256": hashlib.sha256(files[name]).hexdigest()}}
        for name in sorted(files)
    ]
    document = {
        "_type": STATEMENT_TYPE,
        "subject": subjects,
        "predicateType": PREDICATE_TYPE,
        "predicate": predicate,
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


class _Schema:
    """Checks one object of the closed schema, naming the path of the first problem."""

    def __init__(self, value: Any, path: str) -> None:
        if not isinstance(value, dict):
            raise _bad(f"{path} must be an object")
        self.value = value
        self.path = path
        self.seen: set[str] = set()

    def get(self, key: str, kind: type | tuple[type, ...], *, optional: bool = False) -> Any:
        self.seen.add(key)
        if key not in self.value:
            raise _bad(f"{self.path}.{key} is missing")
        item = self.value[key]
        if item is None and optional:
            return None
        if not isinstance(item, kind) or isinstance(item, bool) != (kind is bool):
            raise _bad(f"{self.path}.{key} has the wrong type")
        if isinstance(item, str) and len(item) > _SHORT:
            raise _bad(f"{self.path}.{key} is too long")
        return item

    def text(self, key: str, pattern: re.Pattern[str] | None = None) -> str:
        item: str = self.get(key, str)
        if pattern is not None and not pattern.match(item):
            raise _bad(f"{self.path}.{key} is not in the expected form")
        return item

    def close(self) -> None:
        extra = set(self.value) - self.seen
        if extra:
            raise _bad(f"{self.path} has unknown fields: {', '.join(sorted(extra))[:80]}")


def _bad(message: str) -> VerifyError:
    return VerifyError("statement-schema", f"the signed statement is not valid: {message}")


def _digest(value: Any, path: str) -> str:
    digest = _Schema(value, path)
    sha = digest.text("sha256", _HEX64)
    digest.close()
    return sha


def _scores(value: Any) -> dict[str, Any]:
    scores = _Schema(value, "scores")
    overall = scores.get("overall", str, optional=True)
    if overall is not None and not _SCORE.match(overall):
        raise _bad("scores.overall is not a decimal string")
    scores.text("rating")
    scores.text("coverage", _SCORE)
    scores.get("incomplete", bool)
    domains = scores.get("domains", dict)
    for name, item in domains.items():
        if not (item is None or (isinstance(item, str) and _SCORE.match(item))):
            raise _bad(f"scores.domains.{name[:40]} is not a decimal string")
    scores.close()
    return dict(scores.value)


def _predicate(value: Any) -> Predicate:
    top = _Schema(value, "predicate")
    report_id = top.text("reportId", _UUID)
    try:
        issued = parse_time(top.text("issuedAt"))
        until = parse_time(top.text("validUntil"))
    except ValueError as error:
        raise _bad(str(error)) from None
    if until <= issued:
        raise _bad("validUntil is not after issuedAt")
    organisation = _Schema(top.get("organisation", dict), "organisation")
    organisation.text("name")
    organisation.text("country")
    organisation.get("registrationId", str, optional=True)
    organisation.close()
    assessor_value = top.get("assessor", dict, optional=True)
    if assessor_value is not None:
        assessor = _Schema(assessor_value, "assessor")
        assessor.text("name")
        assessor.get("organisation", str, optional=True)
        assessor.close()
    key = top.text("signingKeyId", _HEX64)
    questionnaire = _Schema(top.get("questionnaire", dict), "questionnaire")
    q_id = questionnaire.text("id")
    q_version = questionnaire.text("version")
    q_digest = _digest(questionnaire.get("digest", dict), "questionnaire.digest")
    questionnaire.close()
    engine = top.text("engineVersion")
    scores = _scores(top.get("scores", dict))
    report = _Schema(top.get("report", dict), "report")
    report.text("lang")
    _digest(report.get("templatesDigest", dict), "report.templatesDigest")
    report.close()
    top.close()
    return Predicate(
        report_id=report_id,
        issued_at=issued,
        valid_until=until,
        organisation=dict(organisation.value),
        assessor=assessor_value,
        signing_key_id=key,
        questionnaire_id=q_id,
        questionnaire_version=q_version,
        questionnaire_digest=q_digest,
        engine_version=engine,
        scores=scores,
        report=dict(report.value),
        raw=top.value,
    )


def parse_statement(payload: bytes) -> Statement:
    """Parses verified payload bytes; raises :class:`VerifyError` (``statement-schema``)."""
    try:
        document = loads(payload)
    except ValueError as error:
        raise _bad(str(error)) from None
    top = _Schema(document, "statement")
    if top.get("_type", str) != STATEMENT_TYPE:
        raise _bad("_type is not an in-toto Statement v1")
    if top.get("predicateType", str) != PREDICATE_TYPE:
        raise _bad("predicateType is not a signed report v1")
    subjects: dict[str, str] = {}
    for item in top.get("subject", list):
        subject = _Schema(item, "subject")
        name = subject.text("name")
        digests = subject.get("digest", dict)
        sha = digests.get("sha256")
        if not isinstance(sha, str) or not _HEX64.match(sha):
            raise _bad(f"subject {name[:60]!r} has no sha256 digest")
        if name in subjects:
            raise _bad(f"subject {name[:60]!r} is listed twice")
        subjects[name] = sha
    predicate = _predicate(top.get("predicate", dict))
    return Statement(subjects=subjects, predicate=predicate)
