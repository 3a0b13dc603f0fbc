"""Provides :func:`read_claims`: what a bundle that failed verification says about itself.

A regulator's inbox must tell a tampered or unknown-key bundle from another without opening each,
so it shows who the bundle *claims* to come from, marked unverified. Nothing here is trusted or
used to decide anything: the claims are read only to be shown. They are read as safely as the
verifier reads: the zip through :func:`~compliance.signing.archive.read_bundle` (size, entry and
ratio limits), the envelope through the strict parser, the statement with the strict JSON reader;
each value is type-checked, cut to a length and passed through :func:`compliance.text.shown`, and
a key id is kept only when it is 64 hexadecimal digits. Anything that does not parse gives no
claim, never an error.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compliance.text import shown

__all__ = ["Claims", "find_public_key", "read_claims", "trust_command"]

_HEX64 = re.compile(r"[0-9a-f]{64}\Z")
_TEXT_LIMIT = 80
_MAX_KEY_FILE = 16 * 1024
_MAX_KEY_FILES = 200


@dataclass(frozen=True, slots=True)
class Claims:
    """What an unverified bundle claims; every value shown-safe, none of it verified."""

    organisation: str | None = None
    registration_id: str | None = None
    key_id: str | None = None
    """The signing key id the statement names, else the envelope's (unsigned) hint."""
    issued_at: str | None = None
    report_id: str | None = None


def _text(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return shown(value.strip(), limit=_TEXT_LIMIT)


def _key(value: Any) -> str | None:
    return value if isinstance(value, str) and _HEX64.match(value) else None


def read_claims(data: bytes) -> Claims | None:
    """The claims of a bundle's bytes, or ``None`` when not even its statement can be read."""
    from compliance.errors import VerifyError
    from compliance.signing.archive import read_bundle
    from compliance.signing.bundle import ENVELOPE
    from compliance.signing.dsse import parse_envelope
    from compliance.signing.jsonstrict import loads

    try:
        files = read_bundle(data)
        envelope = parse_envelope(files[ENVELOPE])
    except (VerifyError, KeyError, ValueError, RecursionError):
        return None
    hint = next((_key(s.keyid) for s in envelope.signatures if _key(s.keyid)), None)
    try:
        statement = loads(envelope.payload)
    except (ValueError, RecursionError):
        return Claims(key_id=hint)
    predicate = statement.get("predicate") if isinstance(statement, dict) else None
    if not isinstance(predicate, dict):
        return Claims(key_id=hint)
    organisation = predicate.get("organisation")
    if not isinstance(organisation, dict):
        organisation = {}
    return Claims(
        organisation=_text(organisation.get("name")),
        registration_id=_text(organisation.get("registrationId")),
        key_id=_key(predicate.get("signingKeyId")) or hint,
        issued_at=_text(predicate.get("issuedAt")),
        report_id=_text(predicate.get("reportId")),
    )


def find_public_key(folder: Path, key_id: str) -> Path | None:
    """A public key file (``*.pem``) of ``folder`` whose key id is ``key_id``, if there is one.

    A regulator often receives the signer's public key beside the bundle. Only regular files of at
    most 16 KiB are read (links not followed), at most 200 of them; a file that is not an Ed25519
    public key is skipped.
    """
    import os

    from compliance.errors import ComplianceError
    from compliance.files import read_limited
    from compliance.signing.keys import key_id as identify
    from compliance.signing.keys import load_public_key

    try:
        with os.scandir(folder) as entries:
            names = sorted(
                e.name
                for e in entries
                if e.name.lower().endswith(".pem") and e.is_file(follow_symlinks=False)
            )
    except OSError:
        return None
    for name in names[:_MAX_KEY_FILES]:
        path = folder / name
        try:
            data = read_limited(path, "public key", max_bytes=_MAX_KEY_FILE)
            if identify(load_public_key(data, str(path))) == key_id:
                return path
        except (ComplianceError, ValueError):
            continue
    return None


def trust_command(
    public_key: Path | None, name: str | None, registration_id: str | None, trust_dir: Path | None
) -> str:
    """The ``compliance trust add`` line that trusts a signer's key, quoted for a POSIX shell.

    ``public_key`` is the key file when it is known (else the placeholder ``SIGNER.pub.pem``);
    the key is bound to the organisation the bundle claims (``--organisation``), so that trusting
    it never lets it sign for anyone else; ``trust_dir`` is given when it is not the default store.
    """
    words = ["compliance", "trust", "add", str(public_key) if public_key else "SIGNER.pub.pem"]
    words += ["--name", name or "SIGNER NAME"]
    if registration_id:
        words += ["--organisation", registration_id]
    if trust_dir is not None:
        words += ["--trust", str(trust_dir)]
    line = " ".join(shlex.quote(word) for word in words)
    return shown(line)
