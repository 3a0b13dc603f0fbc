"""Provides the trust store: the public keys a verifier accepts, with names and limits.

A trust store is a folder (default: ``trust/`` in the user config folder; ``--trust DIR``
elsewhere) holding ``trust.json``. Each entry has the public key (PEM), the key id recomputed from
it on every load, the name of who holds it, an optional validity window (``validFrom``,
``validUntil``) that the signed ``issuedAt`` must fall in, an optional revocation time (a revoked
key never verifies anything again: without trusted time an old signature cannot be told from a
back-dated one), and an optional list of the organisation registration ids it may sign for.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from compliance.errors import InputError, OutputError, TrustStoreError
from compliance.files import write_atomically
from compliance.signing.jsonstrict import loads
from compliance.signing.statement import format_time, parse_time

__all__ = ["TRUST_FILE", "TRUST_SCHEMA", "TrustEntry", "TrustStore", "default_trust_dir"]

TRUST_FILE = "trust.json"
TRUST_SCHEMA = "compliance.trust/v1"
_MAX_TRUST_FILE = 4 * 1024 * 1024


def default_trust_dir() -> Path:
    """The trust store of the user config folder."""
    from compliance.paths import config_dir

    return config_dir() / "trust"


@dataclass(frozen=True, slots=True)
class TrustEntry:
    """One trusted public key."""

    key_id: str
    name: str
    public_pem: str
    added_at: dt.datetime
    valid_from: dt.datetime | None = None
    valid_until: dt.datetime | None = None
    revoked_at: dt.datetime | None = None
    organisations: tuple[str, ...] = field(default=())

    def checker(self) -> Callable[[bytes, bytes], None]:
        """A function (signature, message) that raises :class:`ValueError` unless it verifies."""
        from cryptography.exceptions import InvalidSignature

        from compliance.signing.keys import load_public_key

        key = load_public_key(self.public_pem.encode("ascii"))

        def check(signature: bytes, message: bytes) -> None:
            try:
                key.verify(signature, message)
            except InvalidSignature:
                raise ValueError("bad signature") from None

        return check

    def to_json(self) -> dict[str, Any]:
        """The entry as stored and as ``trust list --json`` prints it."""

        def when(value: dt.datetime | None) -> str | None:
            return None if value is None else format_time(value)

        return {
            "keyId": self.key_id,
            "name": self.name,
            "publicKey": self.public_pem,
            "addedAt": format_time(self.added_at),
            "validFrom": when(self.valid_from),
            "validUntil": when(self.valid_until),
            "revokedAt": when(self.revoked_at),
            "organisations": list(self.organisations),
        }

    @classmethod
    def from_json(cls, value: Any) -> TrustEntry:
        """Reads a stored entry, recomputing the key id; raises :class:`ValueError`."""
        from compliance.errors import SigningError
        from compliance.signing.keys import key_id, load_public_key

        if not isinstance(value, dict):
            raise ValueError("an entry is not an object")

        def when(name: str) -> dt.datetime | None:
            raw = value.get(name)
            return None if raw is None else parse_time(raw)

        pem = value["publicKey"]
        name = value["name"]
        organisations = value.get("organisations", [])
        if not isinstance(pem, str) or not isinstance(name, str):
            raise ValueError("publicKey and name must be strings")
        if not isinstance(organisations, list) or not all(
            isinstance(o, str) for o in organisations
        ):
            raise ValueError("organisations must be a list of strings")
        try:
            identifier = key_id(load_public_key(pem.encode("ascii")))
        except (SigningError, UnicodeEncodeError):
            raise ValueError("publicKey is not an Ed25519 public key") from None
        if identifier != value["keyId"]:
            raise ValueError(f"the key id of {name!r} does not match its public key")
        added = when("addedAt")
        if added is None:
            raise ValueError("addedAt is missing")
        return cls(
            key_id=identifier,
            name=name,
            public_pem=pem,
            added_at=added,
            valid_from=when("validFrom"),
            valid_until=when("validUntil"),
            revoked_at=when("revokedAt"),
            organisations=tuple(organisations),
        )


@dataclass(frozen=True, slots=True)
class TrustStore:
    """The trusted keys; an empty store trusts nothing."""

    entries: tuple[TrustEntry, ...] = ()
    folder: Path | None = None

    def find(self, identifier: str) -> TrustEntry | None:
        """The entry with this key id (a unique prefix of at least 8 digits also works)."""
        identifier = identifier.lower().replace(" ", "")
        exact = [e for e in self.entries if e.key_id == identifier]
        if exact:
            return exact[0]
        if len(identifier) < 8:
            return None
        prefixed = [e for e in self.entries if e.key_id.startswith(identifier)]
        return prefixed[0] if len(prefixed) == 1 else None

    @classmethod
    def load(cls, folder: Path | None = None) -> TrustStore:
        """Reads the trust store of ``folder`` (default: the user's); a missing one is empty."""
        folder = folder or default_trust_dir()
        path = folder / TRUST_FILE
        from compliance.files import read_limited

        if not path.exists() and not path.is_symlink():
            return cls((), folder)
        try:
            data = read_limited(path, "trust store", max_bytes=_MAX_TRUST_FILE)
        except InputError as error:
            raise TrustStoreError(f"cannot read the trust store: {error}") from None
        try:
            document = loads(data)
            if not isinstance(document, dict) or document.get("schema") != TRUST_SCHEMA:
                raise ValueError(f"it is not a {TRUST_SCHEMA} file")
            entries = tuple(TrustEntry.from_json(item) for item in document["keys"])
        except (ValueError, KeyError, TypeError) as error:
            raise TrustStoreError(
                f"the trust store {path} is damaged ({error}); fix or remove it"
            ) from None
        return cls(entries, folder)

    def save(self) -> Path:
        """Writes the store atomically to its folder (made 0700 when new)."""
        if self.folder is None:
            raise TrustStoreError("this trust store has no folder to be saved in")
        path = self.folder / TRUST_FILE
        document = {"schema": TRUST_SCHEMA, "keys": [e.to_json() for e in self.entries]}
        data = json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as error:
            raise TrustStoreError(f"cannot write {path}: {error.strerror or error}") from None
        try:
            write_atomically(path, data, mode=0o600)
        except OutputError as error:
            raise TrustStoreError(error.message) from None
        return path

    def add(self, entry: TrustEntry) -> TrustStore:
        """A store with ``entry`` added; a key already present is refused."""
        if any(e.key_id == entry.key_id for e in self.entries):
            raise TrustStoreError(f"the key {entry.key_id[:16]}... is already in the trust store")
        return replace(self, entries=(*self.entries, entry))

    def revoke(self, identifier: str, when: dt.datetime) -> tuple[TrustStore, TrustEntry]:
        """A store with the key revoked at ``when``, and the revoked entry."""
        entry = self.find(identifier)
        if entry is None:
            raise TrustStoreError(
                f"no key {identifier[:64]!r} in the trust store; see 'compliance trust list'"
            )
        if entry.revoked_at is not None:
            return self, entry
        revoked = replace(entry, revoked_at=when)
        entries = tuple(revoked if e is entry else e for e in self.entries)
        return replace(self, entries=entries), revoked
