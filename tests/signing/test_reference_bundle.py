"""Bundles of questionnaires scored with a reference set carry it as data/reference.json.

A questionnaire naming ``reference_set: ma-eu`` is published here in a temporary registry (the
example, as version 1.1.0), so that its assessments can be signed and verified end to end.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from compliance.canonical import canonical_bytes, digest
from compliance.errors import SigningError
from compliance.loader import parse_questionnaire
from compliance.loader.reference_sets import newest_set
from compliance.model.assessment import Assessment
from compliance.signing import registry
from compliance.signing.archive import read_bundle
from compliance.signing.bundle import ASSESSMENT, REFERENCE, RESULT
from compliance.signing.verify import verify_bundle
from tests.helpers import example_data, write_yaml
from tests.signing.conftest import NOW, Signer, example_assessment, sign
from tests.signing.test_verify import resign


def _clear() -> None:
    registry.published.cache_clear()
    registry._read.cache_clear()
    registry._load.cache_clear()


@pytest.fixture(scope="module")
def published_with_set(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A registry holding the bundled questionnaires and ``example`` 1.1.0 naming ``ma-eu``."""
    folder = tmp_path_factory.mktemp("published")
    for path in registry.REGISTRY_DIR.iterdir():
        if path.is_file():
            (folder / path.name).write_bytes(path.read_bytes())
    data = example_data()
    data["version"] = "1.1.0"
    data["reference_set"] = "ma-eu"
    source = write_yaml(folder / "source.yaml", data)
    questionnaire = parse_questionnaire(source.read_bytes(), str(source))
    (folder / "example@1.1.0.json").write_bytes(canonical_bytes(questionnaire))
    index = json.loads((folder / "index.json").read_text())
    index["questionnaires"].append(
        {
            "id": "example",
            "version": "1.1.0",
            "digest": digest(questionnaire),
            "file": "example@1.1.0.json",
        }
    )
    (folder / "index.json").write_text(json.dumps(index))
    patch = pytest.MonkeyPatch()
    patch.setattr(registry, "REGISTRY_DIR", folder)
    _clear()
    yield folder
    patch.undo()
    _clear()


def of_set(**changes: Any) -> Assessment:
    """The example assessment answering ``example`` 1.1.0, with ``changes``."""
    data = example_assessment().model_dump(mode="json", exclude_none=True, by_alias=True)
    data["questionnaire"] = {"id": "example", "version": "1.1.0"}
    return Assessment.model_validate({**data, **changes})


@pytest.fixture(scope="module")
def set_bundle(published_with_set: Path, signer: Signer) -> bytes:
    return sign(signer, of_set())


def reason(bundle: bytes, signer: Signer) -> str | None:
    return verify_bundle(bundle, signer.trust, now=NOW).reason


def test_the_bundle_carries_the_published_set_and_verifies(
    set_bundle: bytes, signer: Signer
) -> None:
    files = read_bundle(set_bundle)
    newest = newest_set("ma-eu")
    assert newest is not None and files[REFERENCE] == newest.read()
    verdict = verify_bundle(set_bundle, signer.trust, now=NOW)
    assert verdict.status == "VALID", verdict.message
    used = json.loads(files[RESULT])["reference"]
    assert used == {
        "id": "ma-eu",
        "version": newest.version,
        "digest": newest.digest,
        "chosen": "newest",
    }


def test_an_edited_reference_set_is_not_published(set_bundle: bytes, signer: Signer) -> None:
    files = read_bundle(set_bundle)
    edited = files[REFERENCE].replace(b'"subject":"UY"', b'"subject":"MA"', 1)
    assert edited != files[REFERENCE]
    assert reason(resign(signer, set_bundle, {REFERENCE: edited}), signer) == (
        "reference-not-published"
    )


def test_a_missing_reference_set_is_refused(set_bundle: bytes, signer: Signer) -> None:
    from compliance.signing.bundle import assemble
    from tests.signing.test_verify import predicate_of

    files = read_bundle(set_bundle)
    files.pop("attestation.dsse.json")
    files.pop(REFERENCE)
    stripped = assemble(files, predicate_of(set_bundle), signer.key)
    assert reason(stripped, signer) == "reference-not-published"


def test_a_questionnaire_embedding_its_lists_takes_no_reference_file(
    published_with_set: Path, signer: Signer
) -> None:
    newest = newest_set("ma-eu")
    assert newest is not None
    legacy = sign(signer)
    assert REFERENCE not in read_bundle(legacy)
    assert reason(legacy, signer) is None
    padded = resign(signer, legacy, {REFERENCE: newest.read()})
    assert reason(padded, signer) == "reference-not-published"


def test_an_assessment_recording_another_set_digest_does_not_match(
    set_bundle: bytes, signer: Signer
) -> None:
    files = read_bundle(set_bundle)
    assessment = json.loads(files[ASSESSMENT])
    assessment["reference"] = {"id": "ma-eu", "version": "2026.12.0", "digest": "0" * 64}
    forged = resign(signer, set_bundle, {ASSESSMENT: canonical_bytes_of(assessment)})
    assert reason(forged, signer) == "statement-mismatch"


def test_signing_an_assessment_recording_an_unknown_set_fails(
    published_with_set: Path, signer: Signer
) -> None:
    unknown = of_set(reference={"id": "ma-eu", "version": "2019.1.0"})
    with pytest.raises(SigningError, match=r"ma-eu 2019\.1\.0 is not installed"):
        sign(signer, unknown)


def canonical_bytes_of(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
