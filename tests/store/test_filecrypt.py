"""The passphrase-protected file format: round trip, and every way a file can be refused."""

from __future__ import annotations

import hashlib
import struct

import pytest

from compliance import filecrypt
from compliance.errors import DecryptionError
from compliance.filecrypt import MINIMUM_PARAMS, KdfParams, decrypt, encrypt

SECRET = b'{"answers": {"gov01.lead": "yes"}}\n'
CANARY = "correct horse battery staple 7f3a"
CONTEXT = "compliance.assessment/v1"
FAST = MINIMUM_PARAMS  # the weakest accepted: keeps the suite quick

# Offsets in the header (see compliance.filecrypt's layout).
MEMORY_AT = 9
SALT_AT = 18
NONCE_AT = 34
LABEL_AT = 46


def _blob(data: bytes = SECRET, context: str = CONTEXT) -> bytes:
    return encrypt(data, CANARY, context=context, params=FAST)


def _refused(blob: bytes, passphrase: str = CANARY, **kwargs: object) -> DecryptionError:
    with pytest.raises(DecryptionError) as caught:
        decrypt(blob, passphrase, **kwargs)  # type: ignore[arg-type]
    assert CANARY not in str(caught.value)
    return caught.value


def _with_checksum(blob: bytes) -> bytes:
    """Recomputes the unkeyed header checksum, as a deliberate attacker would."""
    size = LABEL_AT + 1 + blob[LABEL_AT] + 8 + 32 + 8
    body = blob[: size - 8]
    return body + hashlib.sha256(body).digest()[:8] + blob[size:]


def test_round_trip_with_the_right_passphrase() -> None:
    blob = _blob()
    assert filecrypt.is_encrypted(blob)
    assert SECRET not in blob
    assert decrypt(blob, CANARY, context=CONTEXT) == SECRET


def test_the_passphrase_is_nfc_normalised() -> None:
    blob = encrypt(SECRET, "cafe\u0301", context=CONTEXT, params=FAST)
    assert decrypt(blob, "caf\u00e9") == SECRET


def test_the_same_plaintext_twice_gives_different_files() -> None:
    first, second = _blob(), _blob()
    assert first != second
    assert first[SALT_AT:NONCE_AT] != second[SALT_AT:NONCE_AT]
    assert first[NONCE_AT : NONCE_AT + 12] != second[NONCE_AT : NONCE_AT + 12]


def test_default_parameters_are_the_strong_ones() -> None:
    header = filecrypt.read_header(encrypt(b"x", CANARY, context=CONTEXT))
    assert header.params == KdfParams(memory_kib=65536, iterations=3, lanes=4)
    assert header.context == CONTEXT


def test_wrong_passphrase_is_named() -> None:
    error = _refused(_blob(), "not the passphrase")
    assert error.reason == "wrong-passphrase"
    assert "wrong passphrase" in str(error)


@pytest.mark.parametrize(
    "offset", [MEMORY_AT + 3, SALT_AT, NONCE_AT + 5], ids=["memory", "salt", "nonce"]
)
def test_a_tampered_header_is_refused(offset: int) -> None:
    blob = bytearray(_blob())
    blob[offset] ^= 0x01
    error = _refused(bytes(blob))
    assert error.reason == "tampered-header"
    assert "header" in str(error)


def test_a_tampered_header_with_a_fixed_checksum_still_fails_authentication() -> None:
    blob = bytearray(_blob())
    blob[SALT_AT] ^= 0x01
    error = _refused(_with_checksum(bytes(blob)))
    assert error.reason == "wrong-passphrase"  # the key check covers the header


def test_a_tampered_ciphertext_is_refused() -> None:
    blob = bytearray(_blob())
    blob[-20] ^= 0x80
    error = _refused(bytes(blob))
    assert error.reason == "tampered-data"
    assert "altered" in str(error)


@pytest.mark.parametrize(
    "keep", [4, 20, 60, -1, -17], ids=["magic", "fixed", "check", "tag", "body"]
)
def test_a_truncated_file_is_refused(keep: int) -> None:
    blob = _blob()
    error = _refused(blob[:keep])
    assert error.reason == "truncated"
    assert "truncated" in str(error)


def test_data_appended_after_the_end_is_refused() -> None:
    assert _refused(_blob() + b"\0").reason == "tampered-data"


@pytest.mark.parametrize(
    ("memory", "iterations"), [(2**24, 3), (65536, 10**6)], ids=["16-GiB", "1e6-passes"]
)
def test_hostile_kdf_parameters_are_refused_before_the_kdf_runs(
    monkeypatch: pytest.MonkeyPatch, memory: int, iterations: int
) -> None:
    blob = bytearray(_blob())
    struct.pack_into(">II", blob, MEMORY_AT, memory, iterations)
    hostile = _with_checksum(bytes(blob))

    def no_kdf(*_: object) -> tuple[bytes, bytes]:
        raise AssertionError("the KDF ran on hostile parameters")

    monkeypatch.setattr(filecrypt, "_derive", no_kdf)
    error = _refused(hostile)
    assert error.reason == "limits"


def test_a_file_for_another_purpose_is_refused() -> None:
    blob = _blob(context="compliance.signing-key/v1")
    error = _refused(blob, context=CONTEXT)
    assert error.reason == "wrong-kind"


def test_plain_data_is_not_mistaken_for_an_encrypted_file() -> None:
    assert not filecrypt.is_encrypted(b'{"schema": "x"}')
    assert _refused(b'{"schema": "x"}').reason == "not-encrypted"


def test_a_declared_size_over_the_cap_is_refused() -> None:
    assert _refused(_blob(), max_bytes=4).reason == "limits"


def test_encrypt_refuses_weak_parameters_and_an_empty_passphrase() -> None:
    with pytest.raises(ValueError, match="below the minimum"):
        encrypt(SECRET, CANARY, context=CONTEXT, params=KdfParams(8192, 1, 1))
    with pytest.raises(Exception, match="passphrase is empty"):
        encrypt(SECRET, "", context=CONTEXT, params=FAST)
