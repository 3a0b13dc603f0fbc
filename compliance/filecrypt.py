"""Provides the passphrase-protected file format: Argon2id for the key, AES-256-GCM for the data.

Used for encrypted assessment exports and (by the signing layer) for private key files. The API is
two functions, :func:`encrypt` and :func:`decrypt`, plus :func:`is_encrypted` to sniff a file.

Layout (integers big-endian)::

    magic "CMPLENC1" (8) | kdf id (1, 1 = Argon2id) | memory KiB (4) | iterations (4) | lanes (1)
    | salt (16) | nonce (12) | context length (1) | context (ASCII) | plaintext length (8)
    | key check (32) | header checksum (8) | AES-256-GCM ciphertext and tag (length + 16)

Argon2id turns the passphrase (NFC-normalised, UTF-8) and the salt into 64 bytes: an AES key and a
MAC key. The key check is HMAC-SHA-256 of the header fields under the MAC key: a wrong passphrase
fails there, cleanly, before any decryption. The checksum is an unkeyed SHA-256 prefix of the header
that names accidental or careless changes to the header as such. The whole header is the AEAD's
associated data, so no parameter can be changed without the decryption failing. Parameters read
from a file are checked against caps *before* the KDF runs, so a hostile header cannot make the
reader spend gigabytes or minutes.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
import unicodedata
from dataclasses import dataclass

from compliance.errors import ComplianceError, DecryptionError

__all__ = [
    "DEFAULT_PARAMS",
    "MAGIC",
    "MINIMUM_PARAMS",
    "Header",
    "KdfParams",
    "decrypt",
    "encrypt",
    "is_encrypted",
    "read_header",
]

MAGIC = b"CMPLENC1"
_KDF_ARGON2ID = 1
_FIXED = struct.Struct(">8sBIIB16s12sB")
_LENGTH = struct.Struct(">Q")
_CHECK_BYTES = 32
_CHECKSUM_BYTES = 8
_TAG_BYTES = 16

MAX_MEMORY_KIB = 128 * 1024
"""The most memory (128 MiB, twice what this tool writes) a file may ask the KDF to spend."""
MAX_ITERATIONS = 6
"""Twice the passes this tool writes."""
MAX_LANES = 8
"""Twice the lanes this tool writes."""
MAX_WORK = 2 * (64 * 1024) * 3
"""The most memory x passes (KiB) a file may ask for: twice the work of the parameters this tool
writes, so a hostile header costs at most about twice an honest one before the passphrase is
checked (``benchmarks/bench_kdf_cap.py``)."""
MAX_PLAINTEXT_BYTES = 256 * 1024 * 1024
"""The largest plaintext accepted when decrypting, unless the caller asks for less."""


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost parameters."""

    memory_kib: int
    iterations: int
    lanes: int

    def problem(self) -> str | None:
        """Why a reader must refuse these parameters, or None when they are within the caps."""
        if not 1 <= self.lanes <= MAX_LANES:
            return f"{self.lanes} lanes (at most {MAX_LANES})"
        if not 1 <= self.iterations <= MAX_ITERATIONS:
            return f"{self.iterations} iterations (at most {MAX_ITERATIONS})"
        if not 8 * self.lanes <= self.memory_kib <= MAX_MEMORY_KIB:
            return f"{self.memory_kib} KiB of memory (at most {MAX_MEMORY_KIB})"
        if self.memory_kib * self.iterations > MAX_WORK:
            return (
                f"{self.memory_kib} KiB of memory over {self.iterations} passes (at most "
                f"{MAX_WORK} KiB-passes in all)"
            )
        return None


DEFAULT_PARAMS = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4)
"""About a quarter of a second on the project's machine when it is idle."""
MINIMUM_PARAMS = KdfParams(memory_kib=19 * 1024, iterations=2, lanes=1)
"""The weakest parameters :func:`encrypt` accepts (OWASP's minimum for Argon2id)."""


@dataclass(frozen=True, slots=True)
class Header:
    """The parsed header of an encrypted file."""

    params: KdfParams
    salt: bytes
    nonce: bytes
    context: str
    length: int
    key_check: bytes
    fields: bytes
    """The header bytes the key check covers (magic to plaintext length)."""
    size: int
    """The full header size, checksum included; the ciphertext starts there."""


def _passphrase_bytes(passphrase: str) -> bytes:
    if not passphrase:
        raise ComplianceError("the passphrase is empty; give a passphrase to protect the file")
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _derive(passphrase: str, salt: bytes, params: KdfParams) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    kdf = Argon2id(
        salt=salt,
        length=64,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    out = kdf.derive(_passphrase_bytes(passphrase))
    return out[:32], out[32:]


def _checksum(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()[:_CHECKSUM_BYTES]


def is_encrypted(data: bytes) -> bool:
    """Whether ``data`` starts like a file of this format."""
    return data.startswith(MAGIC)


def encrypt(
    data: bytes, passphrase: str, *, context: str, params: KdfParams = DEFAULT_PARAMS
) -> bytes:
    """Encrypts ``data`` under ``passphrase``; ``context`` names what it is (authenticated).

    ``context`` is a short ASCII label such as ``compliance.assessment/v1``; :func:`decrypt` can
    insist on it, so that one kind of file cannot be passed off as another.
    """
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    label = context.encode("ascii")
    if not 1 <= len(label) <= 64:
        raise ValueError("the context must be 1 to 64 ASCII characters")
    problem = params.problem()
    if problem is not None:
        raise ValueError(f"Argon2id parameters beyond the caps: {problem}")
    weak = (
        params.memory_kib < MINIMUM_PARAMS.memory_kib
        or params.iterations < MINIMUM_PARAMS.iterations
    )
    if weak:
        raise ValueError("Argon2id parameters below the minimum (19 MiB, 2 iterations)")
    salt = os.urandom(16)
    nonce = os.urandom(12)
    fields = (
        _FIXED.pack(
            MAGIC,
            _KDF_ARGON2ID,
            params.memory_kib,
            params.iterations,
            params.lanes,
            salt,
            nonce,
            len(label),
        )
        + label
        + _LENGTH.pack(len(data))
    )
    key, mac_key = _derive(passphrase, salt, params)
    check = hmac.new(mac_key, fields, hashlib.sha256).digest()
    header = fields + check
    header += _checksum(header)
    return header + AESGCM(key).encrypt(nonce, data, header)


def read_header(blob: bytes) -> Header:
    """Parses and checks the header of an encrypted file, without the passphrase.

    Raises :class:`DecryptionError` when the data is not of this format, is cut short, has an
    altered header, or asks for KDF work beyond the caps.
    """
    if not blob.startswith(MAGIC):
        if MAGIC.startswith(blob):
            raise DecryptionError(
                "the encrypted file is truncated (it ends inside its header)", reason="truncated"
            )
        raise DecryptionError(
            "this is not an encrypted compliance file (it does not start with CMPLENC1)",
            reason="not-encrypted",
        )
    end = _FIXED.size
    if len(blob) < end:
        raise DecryptionError(
            "the encrypted file is truncated (it ends inside its header)", reason="truncated"
        )
    _, kdf, memory, iterations, lanes, salt, nonce, label_len = _FIXED.unpack_from(blob)
    fields_end = end + label_len + _LENGTH.size
    size = fields_end + _CHECK_BYTES + _CHECKSUM_BYTES
    if len(blob) < size:
        raise DecryptionError(
            "the encrypted file is truncated (it ends inside its header)", reason="truncated"
        )
    if _checksum(blob[: size - _CHECKSUM_BYTES]) != blob[size - _CHECKSUM_BYTES : size]:
        raise DecryptionError(
            "the header of the encrypted file was altered or damaged; it cannot be trusted",
            reason="tampered-header",
        )
    if kdf != _KDF_ARGON2ID:
        raise DecryptionError(
            f"the encrypted file uses an unknown key derivation (id {kdf}); "
            "it was made by another program or altered",
            reason="tampered-header",
        )
    params = KdfParams(memory_kib=memory, iterations=iterations, lanes=lanes)
    problem = params.problem()
    if problem is not None:
        raise DecryptionError(
            f"the encrypted file asks for more work than is allowed ({problem}); refused",
            reason="limits",
        )
    try:
        context = blob[end : end + label_len].decode("ascii")
    except UnicodeDecodeError:
        raise DecryptionError(
            "the header of the encrypted file was altered or damaged; it cannot be trusted",
            reason="tampered-header",
        ) from None
    (length,) = _LENGTH.unpack_from(blob, end + label_len)
    return Header(
        params=params,
        salt=salt,
        nonce=nonce,
        context=context,
        length=length,
        key_check=blob[fields_end : fields_end + _CHECK_BYTES],
        fields=blob[:fields_end],
        size=size,
    )


def decrypt(
    blob: bytes,
    passphrase: str,
    *,
    context: str | None = None,
    max_bytes: int = MAX_PLAINTEXT_BYTES,
) -> bytes:
    """Decrypts a file made by :func:`encrypt`.

    When ``context`` is given the file must have been made for it. Raises
    :class:`DecryptionError` with a sentence for the user and a ``reason`` code; the passphrase
    never appears in it.
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = read_header(blob)
    if context is not None and header.context != context:
        raise DecryptionError(
            f"the encrypted file holds a {header.context!r}, not a {context!r}",
            reason="wrong-kind",
        )
    if header.length > max_bytes:
        raise DecryptionError(
            f"the encrypted file declares {header.length} bytes, more than the {max_bytes} "
            "allowed; refused",
            reason="limits",
        )
    body = blob[header.size :]
    expected = header.length + _TAG_BYTES
    if len(body) < expected:
        raise DecryptionError(
            f"the encrypted file is truncated ({len(body)} of {expected} bytes of content)",
            reason="truncated",
        )
    if len(body) > expected:
        raise DecryptionError(
            "the encrypted file has data after its end; it was altered", reason="tampered-data"
        )
    key, mac_key = _derive(passphrase, header.salt, header.params)
    check = hmac.new(mac_key, header.fields, hashlib.sha256).digest()
    if not hmac.compare_digest(check, header.key_check):
        raise DecryptionError(
            "wrong passphrase: the file cannot be opened with it (or its header was altered)",
            reason="wrong-passphrase",
        )
    try:
        return AESGCM(key).decrypt(header.nonce, body, blob[: header.size])
    except InvalidTag:
        raise DecryptionError(
            "the encrypted content was altered or damaged: authentication failed, "
            "nothing was decrypted",
            reason="tampered-data",
        ) from None
