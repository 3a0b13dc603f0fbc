"""Provides Ed25519 signing keys: generation, the encrypted key file, public keys and key ids.

- The key id is the SHA-256 of the DER SubjectPublicKeyInfo, in hex, so anyone can reproduce it:
  ``openssl pkey -pubin -in KEY.pub.pem -outform DER | sha256sum``.
- The private key file is :mod:`compliance.filecrypt` (Argon2id + AES-256-GCM, parameters in the
  authenticated header and capped before deriving) around a small JSON document holding the name,
  the key id and the raw private key; the key id is checked again on load. It is created with mode
  0600 in a folder of mode 0700, and a key file readable by others is refused (as ssh does).
- The public key is a PEM SubjectPublicKeyInfo file beside it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from compliance.errors import DecryptionError, InputError, SigningError
from compliance.filecrypt import DEFAULT_PARAMS, KdfParams, decrypt, encrypt
from compliance.signing.jsonstrict import loads

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

__all__ = [
    "KEY_CONTEXT",
    "SigningKey",
    "check_name",
    "file_stem",
    "generate_key",
    "grouped",
    "key_id",
    "load_private_key",
    "load_public_key",
    "public_pem",
    "read_key_bytes",
]

KEY_CONTEXT = "compliance.signing-key/v1"
_NAME_CHARS = 64
_NOT_IN_FILE_NAMES = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_KEY_FILE = 64 * 1024
_MAX_PEM = 16 * 1024


@dataclass(frozen=True, slots=True)
class SigningKey:
    """An unlocked signing key; keep it short-lived."""

    name: str
    key_id: str
    private_key: Ed25519PrivateKey

    def sign(self, data: bytes) -> bytes:
        """The Ed25519 signature of ``data``."""
        return self.private_key.sign(data)

    @property
    def public_key(self) -> Ed25519PublicKey:
        """The matching public key."""
        return self.private_key.public_key()


def key_id(public_key: Ed25519PublicKey) -> str:
    """The SHA-256 of the key's DER SubjectPublicKeyInfo, as 64 lowercase hex digits."""
    from cryptography.hazmat.primitives import serialization

    der = public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(der).hexdigest()


def grouped(identifier: str) -> str:
    """A key id in groups of four hex digits, for reading aloud over the phone."""
    return " ".join(identifier[i : i + 4] for i in range(0, len(identifier), 4))


def public_pem(public_key: Ed25519PublicKey) -> bytes:
    """The public key as a PEM SubjectPublicKeyInfo."""
    from cryptography.hazmat.primitives import serialization

    return public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def load_public_key(data: bytes, what: str = "the public key") -> Ed25519PublicKey:
    """Parses a PEM SubjectPublicKeyInfo that must hold an Ed25519 key."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if len(data) > _MAX_PEM:
        raise SigningError(f"{what} is too large to be a public key ({len(data)} bytes)")
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError):
        raise SigningError(f"{what} is not a PEM public key") from None
    if not isinstance(key, Ed25519PublicKey):
        raise SigningError(f"{what} is not an Ed25519 key; only Ed25519 keys sign reports")
    return key


def _write_new(path: Path, data: bytes, mode: int) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except FileExistsError:
        raise SigningError(f"{path} already exists; it was left as it is") from None
    except OSError as error:
        raise SigningError(f"cannot create {path}: {error.strerror or error}") from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def check_name(name: str) -> str:
    """``name`` trimmed, or :class:`SigningError` when it cannot name a key.

    A key name is what people read (``Sud Contact DPO``): 1 to 64 characters, spaces and accents
    welcome, no control characters and no ``/`` or ``\\``.
    """
    import unicodedata

    name = unicodedata.normalize("NFC", name).strip()
    if not 1 <= len(name) <= _NAME_CHARS or any(
        unicodedata.category(c).startswith("C") or c in "/\\" for c in name
    ):
        raise SigningError(
            f"a key name is 1 to {_NAME_CHARS} characters without control characters, '/' or "
            f"'\\' (spaces are fine), not {name[:80]!r}"
        )
    return name


def file_stem(name: str) -> str:
    """The file name a key is saved under: ``Sud Contact DPO`` gives ``Sud-Contact-DPO``.

    Accents are dropped, every run of other characters than letters, digits, ``.``, ``_`` and
    ``-`` becomes one ``-``; a name with nothing left is saved as ``key``.
    """
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stem = _NOT_IN_FILE_NAMES.sub("-", ascii_name).strip(".-")
    return stem or "key"


def generate_key(
    name: str, folder: Path, passphrase: str, *, params: KdfParams = DEFAULT_PARAMS
) -> tuple[Path, Path, str]:
    """Makes a key pair: ``NAME.key`` (encrypted, 0600) and ``NAME.pub.pem`` in ``folder``.

    Returns the two paths and the key id. Refuses to overwrite either file.
    """
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    name = check_name(name)
    stem = file_stem(name)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise SigningError(f"cannot create the folder {folder}: {error.strerror}") from None
    private_path = folder / f"{stem}.key"
    public_path = folder / f"{stem}.pub.pem"
    for path in (private_path, public_path):
        if path.exists():
            raise SigningError(f"{path} already exists; choose another name or folder")
    private = Ed25519PrivateKey.generate()
    identifier = key_id(private.public_key())
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    document = {
        "schema": KEY_CONTEXT,
        "name": name,
        "keyId": identifier,
        "privateKey": base64.b64encode(raw).decode("ascii"),
    }
    blob = encrypt(
        json.dumps(document).encode("utf-8"), passphrase, context=KEY_CONTEXT, params=params
    )
    _write_new(private_path, blob, 0o600)
    _write_new(public_path, public_pem(private.public_key()), 0o644)
    return private_path, public_path, identifier


def read_key_bytes(path: Path, *, private: bool = False) -> bytes:
    """The bytes of a key file: a regular file of at most 64 KiB (never a pipe or a device, which
    could block). A ``private`` key file must also be unreadable by other users, and a public key
    given where the private one is needed is named as such.

    Raises :class:`SigningError` with one sentence.
    """
    from compliance.files import LIMITS, open_regular

    what = "key file" if private else "public key"
    try:
        fd, info = open_regular(path, what)
    except InputError as error:
        raise SigningError(str(error)) from None
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > LIMITS[what]:
            raise SigningError(f"{path} is too large to be a key file")
        try:
            data = handle.read(LIMITS[what] + 1)
        except OSError as error:
            raise SigningError(f"cannot read the key file {path}: {error.strerror}") from None
    if len(data) > LIMITS[what]:
        raise SigningError(f"{path} is too large to be a key file")
    if private and data.lstrip().startswith(b"-----BEGIN PUBLIC KEY-----"):
        raise SigningError(
            f"{path} is the public key, which only verifies; sign with the private key file "
            f"{_private_name(path)} (made beside it by 'compliance keys generate')"
        )
    if private and os.name == "posix" and info.st_mode & 0o077:
        raise SigningError(
            f"{path} can be read by other users (mode {stat.S_IMODE(info.st_mode):o}); "
            f"refused. Run: chmod 600 {path}"
        )
    return data


def _private_name(public: Path) -> Path:
    name = public.name
    for suffix in (".pub.pem", ".pem", ".pub"):
        if name.endswith(suffix):
            return public.with_name(name[: -len(suffix)] + ".key")
    return public.with_name(f"{public.stem}.key")


def load_private_key(path: Path, passphrase: str) -> SigningKey:
    """Unlocks a key file made by :func:`generate_key`.

    Raises :class:`SigningError` for a file others can read, a wrong passphrase, an altered file
    or hostile KDF parameters (refused before any derivation); the passphrase is never quoted.
    """
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    blob = read_key_bytes(path, private=True)
    try:
        plain = decrypt(blob, passphrase, context=KEY_CONTEXT, max_bytes=4096)
    except DecryptionError as error:
        raise SigningError(f"cannot unlock the key {path}: {error}") from None
    try:
        document = loads(plain)
        raw = base64.b64decode(document["privateKey"], validate=True)
        private = Ed25519PrivateKey.from_private_bytes(raw)
        name = document["name"]
        stated = document["keyId"]
    except (ValueError, KeyError, TypeError):
        raise SigningError(f"the key file {path} holds no valid signing key") from None
    identifier = key_id(private.public_key())
    if identifier != stated or not isinstance(name, str):
        raise SigningError(f"the key file {path} is inconsistent (its key id does not match)")
    return SigningKey(name=name, key_id=identifier, private_key=private)
