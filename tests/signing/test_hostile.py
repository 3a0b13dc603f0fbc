"""Hostile bundles get a clear reason, never a hang or a traceback (D1, D2, D4, S5, S12)."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.errors import VerifyError
from compliance.signing.archive import read_bundle
from compliance.signing.bundle import ASSESSMENT, ENVELOPE, RESULT, assemble, zip_files
from compliance.signing.dsse import parse_envelope, sign_envelope
from compliance.signing.jsonstrict import loads
from compliance.signing.trust import TrustStore
from compliance.signing.verify import check_bundle, check_files, verify_bundle
from tests.signing.conftest import NOW, Signer
from tests.signing.test_verify import predicate_of


def _zip(entries: list[tuple[str, bytes]], **attrs: Any) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            for key, value in attrs.items():
                setattr(info, key, value)
            archive.writestr(info, data)
    return out.getvalue()


def _structure_reason(data: bytes) -> str | None:
    return verify_bundle(data, TrustStore(), now=NOW).reason


def test_a_zip_bomb(bundle: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    files = read_bundle(bundle)
    entries = [(n, d) for n, d in files.items() if n != ASSESSMENT]
    bomb = _zip([*entries, (ASSESSMENT, b"0" * (19 * 1024 * 1024))])

    def no_inflating(*args: object, **kwargs: object) -> None:
        raise AssertionError("an entry was decompressed before the bomb was seen")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_inflating)
    assert _structure_reason(bomb) == "bundle-structure"


def test_ten_thousand_entries() -> None:
    assert _structure_reason(_zip([(f"data/{i}.json", b"") for i in range(10_000)])) == (
        "bundle-structure"
    )


@pytest.mark.parametrize(
    "name",
    ["../evil.json", "/etc/passwd", "data/../data/result.json", "data\\result.json", "data/x.json"],
)
def test_names_outside_the_layout(bundle: bytes, name: str) -> None:
    entries = [*read_bundle(bundle).items(), (name, b"{}")]
    assert _structure_reason(_zip(entries)) == "bundle-structure"


def test_duplicate_names(bundle: bytes) -> None:
    entries = list(read_bundle(bundle).items())
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = _zip([*entries, entries[1]])
    assert _structure_reason(data) == "bundle-structure"


def test_symlinks_and_folders(bundle: bytes) -> None:
    files = read_bundle(bundle)
    link = _zip(list(files.items()), external_attr=0o120777 << 16)
    assert _structure_reason(link) == "bundle-structure"
    folder = _zip([*files.items(), ("data/", b"")])
    assert _structure_reason(folder) == "bundle-structure"


def test_a_central_directory_name_that_differs_from_the_local_header(bundle: bytes) -> None:
    data = bytearray(bundle)
    local = data.index(b"data/result.json")
    data[local : local + 16] = b"data/resulx.json"
    assert _structure_reason(bytes(data)) == "bundle-structure"


def test_a_huge_declared_entry_and_a_huge_input() -> None:
    assert _structure_reason(b"PK" + b"\0" * (51 * 1024 * 1024)) == "bundle-structure"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (b'{"a": 1, "a": 2}', "duplicate"),
        (b'{"a": NaN}', "NaN"),
        (b'{"a": Infinity}', "Infinity"),
        (b'{"a": "\xff"}', "UTF-8"),
        (b'\xef\xbb\xbf{"a": 1}', "byte-order"),
        (b"[" * 10_000 + b"]" * 10_000, "nested"),
        (b'{"a": 1' + b"0" * 5000 + b"}", "too long"),
        (b"[" * 70 + b"]" * 70, "nested"),
    ],
)
def test_strict_json(text: bytes, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        loads(text)


@pytest.mark.parametrize(
    "payload",
    [b'{"a": 1, "a": 2}', b"[" * 10_000, b'{"n": ' + b"9" * 5000 + b"}", b"\xff\xfe"],
)
def test_hostile_json_signed_by_a_trusted_key_is_a_clean_refusal(
    signer: Signer, bundle: bytes, payload: bytes
) -> None:
    files = read_bundle(bundle)
    files.pop(ENVELOPE)
    for name in (ASSESSMENT, RESULT):
        signed = assemble({**files, name: payload}, predicate_of(bundle), signer.key)
        verdict = verify_bundle(signed, signer.trust, now=NOW)
        assert verdict.status == "INVALID"
    statement_envelope = sign_envelope(payload, signer.key.sign, signer.key.key_id)
    verdict = verify_bundle(
        zip_files({**files, ENVELOPE: statement_envelope}), signer.trust, now=NOW
    )
    assert verdict.reason == "statement-schema"


def test_a_huge_envelope_is_refused_by_the_caps(bundle: bytes) -> None:
    files = read_bundle(bundle)
    files[ENVELOPE] = b'{"payload": "' + b"A" * (21 * 1024 * 1024) + b'"}'
    assert _structure_reason(zip_files(files)) == "bundle-structure"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_raise_only_the_verification_error(data: bytes) -> None:
    with pytest.raises(VerifyError):  # random bytes are never a bundle an empty store trusts
        check_bundle(data, TrustStore(), now=NOW)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(json_values, st.sampled_from([ASSESSMENT, RESULT, "statement", "predicate"]))
def test_arbitrary_signed_json_raises_only_the_verification_error(
    signer: Signer, bundle: bytes, value: Any, where: str
) -> None:
    files = read_bundle(bundle)
    files.pop(ENVELOPE)
    encoded = json.dumps(value).encode()
    if where == "statement":
        files[ENVELOPE] = sign_envelope(encoded, signer.key.sign, signer.key.key_id)
    elif where == "predicate":
        statement = json.loads(parse_envelope(read_bundle(bundle)[ENVELOPE]).payload)
        statement["predicate"] = value
        payload = json.dumps(statement).encode()
        files[ENVELOPE] = sign_envelope(payload, signer.key.sign, signer.key.key_id)
    else:
        files = read_bundle(assemble({**files, where: encoded}, predicate_of(bundle), signer.key))
    try:
        verdict = check_files(files, signer.trust, now=NOW)
    except VerifyError:
        return
    raise AssertionError(f"accepted {verdict}")
