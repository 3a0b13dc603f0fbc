"""Keys (K1-K6), the DSSE encoding (S1, S13) and an independent OpenSSL check (S14)."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from compliance.errors import SigningError
from compliance.filecrypt import MINIMUM_PARAMS
from compliance.signing.archive import read_bundle
from compliance.signing.bundle import ENVELOPE
from compliance.signing.dsse import b64decode, pae, parse_envelope
from compliance.signing.keys import generate_key, grouped, load_private_key
from tests.signing.conftest import PASSPHRASE, Signer

needs_openssl = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl")


def test_pae_matches_the_specification_vector() -> None:
    assert pae("http://example.com/HelloWorld", b"hello world") == (
        b"DSSEv1 29 http://example.com/HelloWorld 11 hello world"
    )


def test_base64_both_alphabets_but_only_canonical() -> None:
    raw = bytes([0xFB, 0xFF, 0xBF])
    assert b64decode("+/+/") == raw and b64decode("-_-_") == raw
    assert b64decode("aGk=") == b64decode("aGk") == b"hi"
    for bad in ("aGl=", "aG k=", "+/-_", "aGk==", "a", "aGk=\n"):
        with pytest.raises(ValueError, match="base64"):
            b64decode(bad)


def test_key_files_are_private_and_encrypted(tmp_path: Path) -> None:
    private, public, key_id = generate_key("k1", tmp_path / "keys", "pw", params=MINIMUM_PARAMS)
    assert os.stat(private).st_mode & 0o777 == 0o600
    assert os.stat(tmp_path / "keys").st_mode & 0o777 == 0o700
    assert private.read_bytes().startswith(b"CMPLENC1")
    assert public.read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")
    assert load_private_key(private, "pw").key_id == key_id
    os.chmod(private, 0o644)
    with pytest.raises(SigningError, match="other users"):
        load_private_key(private, "pw")
    with pytest.raises(SigningError, match="already exists"):
        generate_key("k1", tmp_path / "keys", "pw", params=MINIMUM_PARAMS)


def test_a_wrong_passphrase_says_so_and_never_quotes_either(signer: Signer) -> None:
    with pytest.raises(SigningError, match="wrong passphrase") as caught:
        load_private_key(signer.private_path, "not-the-canary-7731")
    assert "canary" not in str(caught.value) and PASSPHRASE not in str(caught.value)


def test_a_tampered_header_fails(signer: Signer, tmp_path: Path) -> None:
    blob = bytearray(signer.private_path.read_bytes())
    blob[20] ^= 0x01  # inside the salt
    copy = tmp_path / "tampered.key"
    copy.write_bytes(bytes(blob))
    copy.chmod(0o600)
    with pytest.raises(SigningError, match="altered"):
        load_private_key(copy, PASSPHRASE)


@pytest.mark.parametrize(("offset", "value"), [(9, 2**24), (13, 10**6)])
def test_hostile_kdf_parameters_are_refused_before_deriving(
    signer: Signer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, offset: int, value: int
) -> None:
    import hashlib

    from compliance import filecrypt

    blob = bytearray(signer.private_path.read_bytes())
    blob[offset : offset + 4] = value.to_bytes(4, "big")
    # Re-seal the unkeyed checksum, as an attacker would, so only the caps stand in the way.
    end = 8 + 1 + 4 + 4 + 1 + 16 + 12
    label = blob[end]
    size = end + 1 + label + 8 + 32 + 8
    blob[size - 8 : size] = hashlib.sha256(bytes(blob[: size - 8])).digest()[:8]
    hostile = tmp_path / "hostile.key"
    hostile.write_bytes(bytes(blob))
    hostile.chmod(0o600)

    def no_kdf(*args: object) -> None:
        raise AssertionError("the KDF ran")

    monkeypatch.setattr(filecrypt, "_derive", no_kdf)  # refused before any costly work
    with pytest.raises(SigningError, match="more work than is allowed"):
        load_private_key(hostile, PASSPHRASE)


def test_the_default_kdf_stays_strong() -> None:
    from compliance.filecrypt import DEFAULT_PARAMS

    assert DEFAULT_PARAMS.memory_kib >= 64 * 1024 and DEFAULT_PARAMS.iterations >= 3


def test_grouped_key_id_reads_aloud() -> None:
    assert grouped("0123456789abcdef") == "0123 4567 89ab cdef"


@needs_openssl
def test_openssl_reproduces_the_key_id(signer: Signer) -> None:
    der = subprocess.run(
        ["openssl", "pkey", "-pubin", "-in", str(signer.public_path), "-outform", "DER"],
        capture_output=True,
        check=True,
    ).stdout
    import hashlib

    assert hashlib.sha256(der).hexdigest() == signer.key.key_id


@needs_openssl
def test_openssl_verifies_our_signature_over_the_pae(
    signer: Signer, bundle: bytes, tmp_path: Path
) -> None:
    envelope = parse_envelope(read_bundle(bundle)[ENVELOPE])
    (tmp_path / "pae.bin").write_bytes(pae(envelope.payload_type, envelope.payload))
    (tmp_path / "sig.bin").write_bytes(envelope.signatures[0].sig)
    result = subprocess.run(
        [
            "openssl",
            "pkeyutl",
            "-verify",
            "-pubin",
            "-inkey",
            str(signer.public_path),
            "-rawin",
            "-in",
            str(tmp_path / "pae.bin"),
            "-sigfile",
            str(tmp_path / "sig.bin"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Signature Verified Successfully" in result.stdout, result.stdout + result.stderr


def test_the_envelope_is_plain_dsse(bundle: bytes) -> None:
    document = json.loads(read_bundle(bundle)[ENVELOPE])
    assert document["payloadType"] == "application/vnd.in-toto+json"
    statement = json.loads(base64.b64decode(document["payload"]))
    assert statement["_type"] == "https://in-toto.io/Statement/v1"
    assert {s["name"] for s in statement["subject"]} == {
        "data/assessment.json",
        "data/questionnaire.json",
        "data/result.json",
        "report/report.html",
    }
