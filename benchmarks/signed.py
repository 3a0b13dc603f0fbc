"""Provides what the verification and review benchmarks share: a signer and signed bundles.

Bundles are made from every fixture of the bundled questionnaires, with a key whose passphrase
KDF uses the cheapest parameters the file format accepts (the benchmarks time verification, not
key loading).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from compliance.filecrypt import MINIMUM_PARAMS
from compliance.loader import parse_assessment
from compliance.model.assessment import Assessment
from compliance.signing.bundle import create_bundle
from compliance.signing.keys import SigningKey, generate_key, load_private_key
from compliance.signing.registry import Published, find_published
from compliance.signing.trust import TrustEntry, TrustStore

__all__ = ["Signer", "bundles", "published_fixtures"]

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Signer:
    """A key, the trust store that trusts it, and the time bundles are verified at."""

    key: SigningKey
    trust: TrustStore
    now: dt.datetime

    @classmethod
    def make(cls, folder: Path) -> Signer:
        """A fresh key pair in ``folder``."""
        private, public, key_id = generate_key("bench", folder, "pw", params=MINIMUM_PARAMS)
        now = dt.datetime.now(dt.UTC)
        trust = TrustStore((TrustEntry(key_id, "Bench", public.read_text(), now),))
        return cls(load_private_key(private, "pw"), trust, now)


def published_fixtures() -> list[tuple[Assessment, Published]]:
    """Every fixture assessment of a published questionnaire, with that questionnaire's entry."""
    found = []
    for path in sorted((REPO / "questionnaires").glob("**/fixtures/*.yaml")):
        if path.name.endswith(".expected.yaml"):
            continue
        assessment, _ = parse_assessment(path.read_bytes(), str(path))
        entry = find_published(assessment.questionnaire.id, assessment.questionnaire.version)
        if entry is not None:
            found.append((assessment, entry))
    return found


def bundles(signer: Signer, count: int) -> Iterator[tuple[bytes, Assessment, Published]]:
    """``count`` signed bundles, cycling through the fixtures, each issued a second apart."""
    fixtures = published_fixtures()
    for i in range(count):
        assessment, entry = fixtures[i % len(fixtures)]
        issued = signer.now - dt.timedelta(seconds=i + 1)
        data = create_bundle(assessment, entry, signer.key, issued_at=issued, valid_days=30)
        yield data, assessment, entry
