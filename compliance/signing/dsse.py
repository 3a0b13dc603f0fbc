"""Provides the DSSE envelope (v1.0.2): PAE, signing, strict parsing and signature checks.

- ``PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body``, lengths in bytes as
  ASCII decimals without leading zeros; the payload type is kept ASCII.
- Base64 in either alphabet is accepted, but only in its canonical form (no whitespace, no mixed
  alphabets, zero padding bits), so that one signature has one spelling.
- The ``keyid`` of a signature is an unauthenticated hint: it only narrows the keys tried; unknown
  envelope fields are ignored, as the specification requires. Only the verified payload bytes are
  handed on; the envelope is never parsed again.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from compliance.errors import VerifyError
from compliance.signing.jsonstrict import loads

__all__ = [
    "PAYLOAD_TYPE",
    "Envelope",
    "Signature",
    "b64decode",
    "pae",
    "parse_envelope",
    "sign_envelope",
]

PAYLOAD_TYPE = "application/vnd.in-toto+json"
MAX_SIGNATURES = 8
_STANDARD = re.compile(r"[A-Za-z0-9+/]*={0,2}\Z")
_URLSAFE = re.compile(r"[A-Za-z0-9_-]*={0,2}\Z")


def pae(payload_type: str, payload: bytes) -> bytes:
    """The DSSE pre-authentication encoding of a payload."""
    kind = payload_type.encode("utf-8")
    return b"DSSEv1 %d %b %d %b" % (len(kind), kind, len(payload), payload)


def b64decode(text: str) -> bytes:
    """Decodes standard or URL-safe base64, refusing any non-canonical spelling."""
    if _STANDARD.match(text):
        altchars = b"+/"
    elif _URLSAFE.match(text):
        altchars = b"-_"
    else:
        raise ValueError("not base64")
    padded = text + "=" * (-len(text) % 4)
    try:
        raw = base64.b64decode(padded, altchars=altchars, validate=True)
    except binascii.Error:
        raise ValueError("not base64") from None
    canonical = base64.b64encode(raw, altchars=altchars).decode("ascii")
    if canonical.rstrip("=") != text.rstrip("="):
        raise ValueError("non-canonical base64")
    return raw


@dataclass(frozen=True, slots=True)
class Signature:
    """One signature of an envelope, with its unauthenticated key id hint."""

    keyid: str
    sig: bytes


@dataclass(frozen=True, slots=True)
class Envelope:
    """A parsed envelope; nothing in it is trusted until :meth:`verified_by` says so."""

    payload_type: str
    payload: bytes
    signatures: tuple[Signature, ...]

    def verified_by(self, keys: Iterable[tuple[str, Callable[[bytes, bytes], None]]]) -> list[str]:
        """The ids of the keys (id, verify function) whose signature over the PAE checks out.

        A signature with a non-empty ``keyid`` hint is tried only against the key with that id.
        """
        message = pae(self.payload_type, self.payload)
        candidates = list(keys)
        found: list[str] = []
        for signature in self.signatures:
            for identifier, verify in candidates:
                if identifier in found:
                    continue
                if signature.keyid and signature.keyid != identifier:
                    continue
                try:
                    verify(signature.sig, message)
                except ValueError:
                    continue
                found.append(identifier)
        return found


def sign_envelope(payload: bytes, sign: Callable[[bytes], bytes], keyid: str) -> bytes:
    """The envelope JSON of ``payload`` signed by ``sign``, with ``keyid`` as its hint."""
    signature = sign(pae(PAYLOAD_TYPE, payload))
    document = {
        "payload": base64.b64encode(payload).decode("ascii"),
        "payloadType": PAYLOAD_TYPE,
        "signatures": [{"keyid": keyid, "sig": base64.b64encode(signature).decode("ascii")}],
    }
    return json.dumps(document, indent=2).encode("utf-8")


def _fail(message: str) -> VerifyError:
    return VerifyError("envelope", f"the signature envelope is malformed: {message}")


def parse_envelope(data: bytes) -> Envelope:
    """Parses an envelope strictly; raises :class:`VerifyError` (``envelope``, ``payload-type``)."""
    if not (data.startswith(b"{") and data.endswith(b"}")):
        raise _fail("it must be one JSON object with nothing around it")
    try:
        document = loads(data)
    except ValueError as error:
        raise _fail(str(error)) from None
    if not isinstance(document, dict):
        raise _fail("not a JSON object")
    payload_type = document.get("payloadType")
    payload = document.get("payload")
    signatures = document.get("signatures")
    if not isinstance(payload_type, str) or not isinstance(payload, str):
        raise _fail("payload and payloadType must be strings")
    if payload_type != PAYLOAD_TYPE:
        raise VerifyError(
            "payload-type",
            f"the envelope holds {payload_type[:60]!r}, not an in-toto statement; refused",
        )
    if not isinstance(signatures, list) or not 1 <= len(signatures) <= MAX_SIGNATURES:
        raise _fail(f"it must hold 1 to {MAX_SIGNATURES} signatures")
    parsed: list[Signature] = []
    try:
        body = b64decode(payload)
        for item in signatures:
            if not isinstance(item, dict) or not isinstance(item.get("sig"), str):
                raise _fail("a signature must be an object with a 'sig' string")
            keyid = item.get("keyid")
            if keyid is not None and not isinstance(keyid, str):
                raise _fail("a keyid must be a string")
            parsed.append(Signature(keyid=keyid or "", sig=b64decode(item["sig"])))
    except ValueError as error:
        raise _fail(str(error)) from None
    return Envelope(payload_type=payload_type, payload=body, signatures=tuple(parsed))
