"""The tamper criterion: every mutation is refused or leaves the verdict identical (S3)."""

from __future__ import annotations

import random

from compliance.errors import VerifyError
from compliance.signing.archive import read_bundle
from compliance.signing.bundle import ENVELOPE
from compliance.signing.verify import Verdict, check_files, verify_bundle
from tests.signing.conftest import NOW, Signer


def _files_verdict(files: dict[str, bytes], signer: Signer) -> Verdict:
    try:
        return check_files(files, signer.trust, now=NOW)
    except VerifyError as error:
        return Verdict("INVALID", error.reason, error.message)


def test_bits_0_and_7_of_every_envelope_byte(signer: Signer, bundle: bytes) -> None:
    files = read_bundle(bundle)
    baseline = _files_verdict(files, signer)
    assert baseline.ok
    envelope = files[ENVELOPE]
    accepted = []
    for index in range(len(envelope)):
        for mask in (0x01, 0x80):
            mutated = bytearray(envelope)
            mutated[index] ^= mask
            verdict = _files_verdict({**files, ENVELOPE: bytes(mutated)}, signer)
            if verdict.status != "INVALID":
                assert verdict == baseline
                accepted.append(index)
    # Only the unsigned keyid hint may change without effect (its field name: "keyid").
    text = envelope.decode()
    hint = text.index('"keyid"')
    assert all(hint < i < hint + len('"keyid"') for i in accepted), accepted


def test_5000_seeded_bit_flips_across_the_zip(signer: Signer, bundle: bytes) -> None:
    baseline = verify_bundle(bundle, signer.trust, now=NOW)
    rng = random.Random(20260601)
    outcomes = {"refused": 0, "identical": 0}
    for _ in range(5000):
        mutated = bytearray(bundle)
        mutated[rng.randrange(len(mutated))] ^= 1 << rng.randrange(8)
        verdict = verify_bundle(bytes(mutated), signer.trust, now=NOW)
        if verdict.status == "INVALID":
            outcomes["refused"] += 1
        else:
            assert verdict == baseline
            outcomes["identical"] += 1
    assert outcomes["refused"] > 4000, outcomes
