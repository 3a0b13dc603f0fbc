"""Shared signing fixtures: a cheap-KDF key, a trust store and a small signed bundle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from compliance.filecrypt import MINIMUM_PARAMS
from compliance.loader import parse_assessment
from compliance.model.assessment import Assessment
from compliance.signing.bundle import create_bundle
from compliance.signing.keys import SigningKey, generate_key, load_private_key
from compliance.signing.registry import find_published
from compliance.signing.trust import TrustEntry, TrustStore
from tests.helpers import REPO

FIXTURE = REPO / "questionnaires" / "example" / "fixtures" / "processor-with-us-backups.yaml"
NOW = dt.datetime(2026, 12, 1, 12, 0, 0, tzinfo=dt.UTC)
ISSUED = NOW - dt.timedelta(days=10)
PASSPHRASE = "correct horse battery staple"


@dataclass(frozen=True)
class Signer:
    """A key with its files and a trust store that trusts it."""

    key: SigningKey
    private_path: Path
    public_path: Path
    trust: TrustStore

    def entry(self, **changes: Any) -> TrustEntry:
        base = self.trust.entries[0]
        return TrustEntry(**{**_fields(base), **changes})

    def store(self, **changes: Any) -> TrustStore:
        return TrustStore((self.entry(**changes),))


def _fields(entry: TrustEntry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in entry.__slots__}


def make_signer(folder: Path, name: str) -> Signer:
    private, public, key_id = generate_key(name, folder, PASSPHRASE, params=MINIMUM_PARAMS)
    key = load_private_key(private, PASSPHRASE)
    entry = TrustEntry(key_id, name.title(), public.read_text(), ISSUED - dt.timedelta(days=1))
    return Signer(key, private, public, TrustStore((entry,)))


def example_assessment(**organisation: Any) -> Assessment:
    assessment, _ = parse_assessment(FIXTURE.read_bytes(), str(FIXTURE))
    if organisation:
        org = assessment.organisation.model_copy(update=organisation)
        assessment = assessment.model_copy(update={"organisation": org})
    return assessment


def sign(signer: Signer, assessment: Assessment | None = None, **options: Any) -> bytes:
    assessment = assessment or example_assessment()
    entry = find_published(assessment.questionnaire.id, assessment.questionnaire.version)
    assert entry is not None
    options.setdefault("issued_at", ISSUED)
    options.setdefault("valid_days", 365)
    return create_bundle(assessment, entry, signer.key, **options)


@pytest.fixture(scope="module")
def signer(tmp_path_factory: pytest.TempPathFactory) -> Signer:
    return make_signer(tmp_path_factory.mktemp("keys"), "alice")


@pytest.fixture(scope="module")
def other(tmp_path_factory: pytest.TempPathFactory) -> Signer:
    return make_signer(tmp_path_factory.mktemp("keys"), "bob")


@pytest.fixture(scope="module")
def bundle(signer: Signer) -> bytes:
    return sign(signer)


Mutator = Callable[[bytes], bytes]
