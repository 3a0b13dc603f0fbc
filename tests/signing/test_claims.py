"""What a bundle that failed claims: read safely, bounded, sanitised; and the trust add line."""

from __future__ import annotations

import base64
import io
import json
import os
import shlex
import zipfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.signing.bundle import ENVELOPE, zip_files
from compliance.signing.claims import Claims, find_public_key, read_claims, trust_command
from tests.signing.conftest import Signer, example_assessment, sign


def _files(bundle: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(bundle)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _with_payload(bundle: bytes, change: object) -> bytes:
    """The bundle with its envelope's payload replaced by ``change`` (JSON), signature kept."""
    files = _files(bundle)
    envelope = json.loads(files[ENVELOPE])
    envelope["payload"] = base64.b64encode(json.dumps(change).encode()).decode()
    files[ENVELOPE] = json.dumps(envelope).encode()
    return zip_files(files)


def test_a_bundle_claims_its_organisation_key_date_and_report(signer: Signer) -> None:
    bundle = sign(signer, example_assessment(name="Atlas SARL", registration_id="RC-7"))
    claims = read_claims(bundle)
    assert claims is not None
    assert claims.organisation == "Atlas SARL" and claims.registration_id == "RC-7"
    assert claims.key_id == signer.key.key_id
    assert claims.issued_at is not None and claims.issued_at.endswith("Z")
    assert claims.report_id is not None and len(claims.report_id) == 36


def test_hostile_claims_are_escaped_and_cut(signer: Signer) -> None:
    hostile = "\x1b]52;c;cm0gLXJmIH4=\x07Evil\u202eSARL\n" + "x" * 500
    statement = json.loads(base64.b64decode(json.loads(_files(sign(signer))[ENVELOPE])["payload"]))
    statement["predicate"]["organisation"]["name"] = hostile
    statement["predicate"]["signingKeyId"] = "not-hex"
    claims = read_claims(_with_payload(sign(signer), statement))
    assert claims is not None and claims.organisation is not None
    assert "\x1b" not in claims.organisation and "\u202e" not in claims.organisation
    assert "\\x1b" in claims.organisation and "\\u202e" in claims.organisation
    assert len(claims.organisation) <= 80 and claims.organisation.endswith("…")
    # A malformed key id in the statement gives way to the envelope's hint (a key id too).
    assert claims.key_id == signer.key.key_id


def test_a_statement_of_the_wrong_shape_claims_only_the_key_hint(signer: Signer) -> None:
    for payload in ([1, 2], {"predicate": "text"}, {"predicate": {"organisation": 3}}):
        claims = read_claims(_with_payload(sign(signer), payload))
        assert claims is not None
        assert claims.organisation is None and claims.key_id == signer.key.key_id


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2_000))
def test_junk_never_raises(data: bytes) -> None:
    claims = read_claims(b"PK\x03\x04" + data)
    assert claims is None or isinstance(claims, Claims)


def test_not_a_zip_claims_nothing() -> None:
    assert read_claims(b"this is not a zip") is None


def test_the_public_key_beside_the_bundle_is_found(signer: Signer, other: Signer) -> None:
    folder = signer.public_path.parent
    (folder / "junk.pem").write_text("-----BEGIN NOTHING-----\n")
    (folder / "big.pem").write_bytes(b"x" * 100_000)
    assert find_public_key(folder, signer.key.key_id) == signer.public_path
    assert find_public_key(folder, other.key.key_id) is None
    assert find_public_key(folder / "missing", signer.key.key_id) is None


def test_a_linked_key_file_is_not_followed(signer: Signer, tmp_path: Path) -> None:
    os.symlink(signer.public_path, tmp_path / "link.pub.pem")
    assert find_public_key(tmp_path, signer.key.key_id) is None


def test_the_trust_line_is_one_safe_shell_line() -> None:
    hostile = "Evil'; rm -rf ~; echo '"
    line = trust_command(Path("/in box/k.pub.pem"), hostile, "RC-1", Path("/t d"))
    assert shlex.split(line) == [
        "compliance",
        "trust",
        "add",
        "/in box/k.pub.pem",
        "--name",
        hostile,
        "--organisation",
        "RC-1",
        "--trust",
        "/t d",
    ]
    placeholder = trust_command(None, None, None, None)
    assert placeholder == "compliance trust add SIGNER.pub.pem --name 'SIGNER NAME'"
