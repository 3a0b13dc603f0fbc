"""Provides the inbox: every bundle of a folder verified, one :class:`Submission` each.

A submission that verified (``VALID`` or ``EXPIRED``) carries a :class:`Summary` built only from
verified bytes: the signed predicate, the signer's name from the trust store, and the flow
statuses of the re-scored result. A bundle that failed carries its file name, its SHA-256, the
verdict's reason and, read apart and marked unverified, what it claims (organisation, key id:
see :mod:`compliance.signing.claims`), so that a tampered bundle can be told from another at a
glance. Folders are read without following links; only regular files named ``*.zip`` are read,
each at most :data:`~compliance.signing.archive.MAX_BUNDLE_BYTES`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compliance.errors import ReviewError

if TYPE_CHECKING:
    from compliance.signing.claims import Claims
    from compliance.signing.trust import TrustStore
    from compliance.signing.verify import Verdict

__all__ = ["Progress", "Submission", "Summary", "bundle_paths", "read_submission", "scan"]

Progress = Callable[[int, int, "Submission"], None]
"""Called after each bundle with (done, total, submission)."""

VERIFIED = ("VALID", "EXPIRED")


@dataclass(frozen=True, slots=True)
class Summary:
    """What a verified bundle says, every value from verified bytes."""

    report_id: str
    registration_id: str | None
    organisation: str
    country: str
    signer: str
    key_id: str
    issued_at: str
    valid_until: str
    questionnaire_id: str
    questionnaire_version: str
    score: str | None
    rating: str
    coverage: str
    incomplete: bool
    flows: int
    flows_blocked: int
    flows_not_ready: int
    domains: dict[str, str | None] = field(default_factory=dict)
    report_check: str = "re-rendered"
    files: tuple[tuple[str, str], ...] = ()
    """Each signed file with how it was checked (``re-derived`` or ``digest``)."""
    rating_rank: int = 0
    """The rating's place among the questionnaire's bands, 0 for the best."""
    rating_labels: tuple[tuple[str, str], ...] = ()
    """The rating's label in each language, as (language, label) pairs."""

    def rating_label(self, lang: str) -> str:
        """The rating as its band's label in ``lang`` (the id when it has none)."""
        return dict(self.rating_labels).get(lang) or self.rating

    @property
    def flows_at_risk(self) -> int:
        """The flows that are blocked or not ready."""
        return self.flows_blocked + self.flows_not_ready

    def to_json(self) -> dict[str, Any]:
        """The summary as plain data."""
        return {
            "reportId": self.report_id,
            "registrationId": self.registration_id,
            "organisation": self.organisation,
            "country": self.country,
            "signer": self.signer,
            "keyId": self.key_id,
            "issuedAt": self.issued_at,
            "validUntil": self.valid_until,
            "questionnaire": {"id": self.questionnaire_id, "version": self.questionnaire_version},
            "score": self.score,
            "rating": self.rating,
            "coverage": self.coverage,
            "incomplete": self.incomplete,
            "flows": {
                "total": self.flows,
                "blocked": self.flows_blocked,
                "notReady": self.flows_not_ready,
            },
            "domains": dict(self.domains),
            "reportCheck": self.report_check,
            "files": [{"path": path, "check": check} for path, check in self.files],
        }


@dataclass(frozen=True, slots=True)
class Submission:
    """One bundle of the inbox: its verdict and, only when it verified, its summary."""

    path: Path
    sha256: str
    verdict: Verdict
    summary: Summary | None = None
    flags: tuple[str, ...] = ()
    claims: Claims | None = None
    """For a bundle that failed: what it claims, unverified (``None`` when unreadable)."""
    claimed_signer: str | None = None
    """For a bundle that failed: the trust store's name for the key it names, if any."""

    @property
    def name(self) -> str:
        """The file name."""
        return self.path.name

    @property
    def status(self) -> str:
        """``VALID``, ``EXPIRED`` or ``INVALID``."""
        return self.verdict.status

    def to_json(self) -> dict[str, Any]:
        """The submission for ``review --json``: an INVALID one has no summary, only what it
        claims (``claimed``, unverified)."""
        return {
            "file": self.name,
            "sha256": self.sha256,
            "status": self.verdict.status,
            "reason": self.verdict.reason,
            "message": self.verdict.message,
            "submission": None if self.summary is None else self.summary.to_json(),
            "claimed": None if self.claims is None else _claims_json(self.claims),
            "flags": list(self.flags),
        }


def _claims_json(claims: Claims) -> dict[str, Any]:
    """What a failed bundle claims, for ``review --json`` (``verified`` is always false)."""
    return {
        "verified": False,
        "organisation": claims.organisation,
        "registrationId": claims.registration_id,
        "keyId": claims.key_id,
        "issuedAt": claims.issued_at,
        "reportId": claims.report_id,
    }


def _summary(verdict: Verdict, result: bytes) -> Summary:
    # Only called for a verified bundle, whose result.json is byte for byte the canonical JSON
    # the verifier's own engine produced: the standard parser is enough here.
    d = verdict.details
    document = json.loads(result)
    statuses = [flow["status"] for flow in document.get("flows", [])]
    org = d["organisation"]
    return Summary(
        report_id=d["reportId"],
        registration_id=org.get("registrationId"),
        organisation=org["name"],
        country=org["country"],
        signer=d["signer"],
        key_id=d["keyId"],
        issued_at=d["issuedAt"],
        valid_until=d["validUntil"],
        questionnaire_id=d["questionnaire"]["id"],
        questionnaire_version=d["questionnaire"]["version"],
        score=d["score"],
        rating=d["rating"],
        coverage=d["coverage"],
        incomplete=d["incomplete"],
        flows=len(statuses),
        flows_blocked=statuses.count("blocked"),
        flows_not_ready=statuses.count("not_ready"),
        domains={
            domain["id"]: None if domain.get("score") is None else str(domain["score"])
            for domain in document.get("domains", [])
        },
        report_check=d["reportCheck"],
        files=tuple((f["path"], f["check"]) for f in d["files"]),
        rating_rank=_rating_rank(d["questionnaire"], d["rating"]),
        rating_labels=_rating_labels(d["questionnaire"], d["rating"]),
    )


def _rating_rank(questionnaire: dict[str, Any], rating: str) -> int:
    from compliance.signing.registry import find_published, load_published

    entry = find_published(questionnaire["id"], questionnaire["version"])
    if entry is None:  # pragma: no cover - a verified bundle names a published questionnaire
        return 0
    bands = [band.id for band in load_published(entry).scoring.bands]
    return bands.index(rating) if rating in bands else len(bands)


def _rating_labels(questionnaire: dict[str, Any], rating: str) -> tuple[tuple[str, str], ...]:
    from compliance.signing.words import LANGUAGES, rating_label

    return tuple((lang, rating_label(questionnaire, rating, lang)) for lang in LANGUAGES)


def _failed(
    path: Path, sha256: str, verdict: Verdict, data: bytes, trust: TrustStore
) -> Submission:
    from compliance.signing.claims import read_claims

    claims = read_claims(data)
    key = None if claims is None else claims.key_id
    entry = None if key is None else trust.find(key)
    signer = None if entry is None or entry.key_id != key else entry.name
    return Submission(path, sha256, verdict, claims=claims, claimed_signer=signer)


def read_limited(path: Path) -> bytes:
    """The bytes of a regular file (links are not followed), one byte past the bundle limit."""
    from compliance.signing.archive import MAX_BUNDLE_BYTES

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(0, "not a regular file")
        return handle.read(MAX_BUNDLE_BYTES + 1)


def check_data(
    path: Path, data: bytes, trust: TrustStore, *, now: dt.datetime, render_check: bool
) -> tuple[Submission, dict[str, bytes] | None]:
    """The submission for ``data`` and, when it verified, the verified files."""
    from compliance.signing.archive import read_bundle
    from compliance.signing.bundle import RESULT
    from compliance.signing.verify import Verdict, check_files, guarded

    sha256 = hashlib.sha256(data).hexdigest()
    read: list[dict[str, bytes]] = []

    def check() -> Verdict:
        files = read_bundle(data)
        read.append(files)
        return check_files(files, trust, now=now, render_check=render_check)

    verdict = guarded(check)
    if verdict.status == "INVALID":
        return _failed(path, sha256, verdict, data, trust), None
    files = read[0]
    try:
        summary = _summary(verdict, files[RESULT])
    except Exception as error:  # a fault of ours found by this bundle: its verdict, not a crash
        failed = Verdict.invalid("internal-error", f"cannot summarise it: {error}"[:300])
        return _failed(path, sha256, failed, data, trust), None
    return Submission(path, sha256, verdict, summary), files


def read_submission(
    path: Path, trust: TrustStore, *, now: dt.datetime, render_check: bool = True
) -> tuple[Submission, dict[str, bytes] | None]:
    """Reads and verifies one bundle file; a file that cannot be read is ``unreadable``."""
    from compliance.signing.verify import Verdict

    try:
        data = read_limited(path)
    except OSError as error:
        why = error.strerror or "not a regular file"
        verdict = Verdict.invalid("unreadable", f"cannot read it: {why}")
        return Submission(path, "", verdict), None
    return check_data(path, data, trust, now=now, render_check=render_check)


def bundle_paths(folder: Path) -> list[Path]:
    """The ``*.zip`` entries of ``folder`` (not its sub-folders), by name."""
    try:
        with os.scandir(folder) as entries:
            names = [e.name for e in entries if e.name.lower().endswith(".zip")]
    except OSError as error:
        raise ReviewError(
            f"cannot read the folder {folder}: {error.strerror or error}; check the path"
        ) from None
    return [folder / name for name in sorted(names)]


def _verify_all(
    paths: list[Path], trust: TrustStore, now: dt.datetime, render_check: bool, workers: int
) -> Iterator[Submission]:
    def one(path: Path) -> Submission:
        return read_submission(path, trust, now=now, render_check=render_check)[0]

    if workers <= 1:
        yield from map(one, paths)
        return
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="review")
    try:
        yield from pool.map(one, paths)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def scan(
    folder: Path,
    trust: TrustStore,
    *,
    now: dt.datetime | None = None,
    render_check: bool = True,
    workers: int = 1,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Submission]:
    """Verifies every bundle of ``folder``, in name order; stops early when ``cancelled()``."""
    when = now or dt.datetime.now(dt.UTC)
    paths = bundle_paths(folder)
    done: list[Submission] = []
    for submission in _verify_all(paths, trust, when, render_check, workers):
        done.append(submission)
        if progress is not None:
            progress(len(done), len(paths), submission)
        if cancelled is not None and cancelled():
            break
    return done
