"""Import and export of one assessment: byte-identical round trips, and bad files change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compliance import filecrypt, store
from compliance.errors import DecryptionError, LoadError
from compliance.filecrypt import MINIMUM_PARAMS
from compliance.model.assessment import Assessment
from compliance.store.transfer import EXPORT_CONTEXT, assessment_bytes
from compliance.store.workspace import Workspace


def test_export_import_export_is_byte_identical(
    ws: Workspace, sample: Assessment, tmp_path: Path
) -> None:
    first_id = store.import_assessment(ws, sample)
    first = store.export_assessment(ws, first_id)
    assert first == assessment_bytes(sample)
    path = tmp_path / "export.json"
    path.write_bytes(first)
    again, _ = store.read_assessment_file(path, lambda: pytest.fail("no passphrase needed"))
    second_id = store.import_assessment(ws, again, client="Second Copy")
    second = store.export_assessment(ws, second_id)
    assert second == first
    data = json.loads(first)
    assert data["answers"]["gov02.share"]["value"] == 72.5
    assert data["answers"]["gov01.lead"]["comment"].startswith("Lettre de désignation")
    assert [f["id"] for f in data["flows"]] == ["crm", "backup"]
    assert data["questionnaire"]["digest"] == sample.questionnaire.digest is not None
    info = store.get_assessment(ws, second_id)
    assert (info.client, info.cycle) == ("Second Copy", 1)
    assert store.get_assessment(ws, first_id).client == "Atlas Relation Client SARL"


def test_a_second_import_for_a_client_is_its_next_cycle(ws: Workspace, sample: Assessment) -> None:
    store.import_assessment(ws, sample)
    later = store.import_assessment(ws, sample)
    assert store.get_assessment(ws, later).cycle == 2
    assert [c.assessments for c in store.list_clients(ws)] == [2]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["answers"].update({"gov02.share": 150}), "maximum"),
        (lambda d: d["answers"].update({"no.such": "yes"}), "no.such"),
        (lambda d: d["questionnaire"].update({"id": "missing"}), "no questionnaire 'missing'"),
        (lambda d: d["questionnaire"].update({"digest": "0" * 64}), "digest"),
        (lambda d: d.pop("organisation"), "organisation"),
    ],
    ids=["out-of-range", "unknown-question", "unknown-questionnaire", "digest", "missing-field"],
)
def test_a_bad_file_is_refused_and_changes_nothing(
    ws: Workspace, sample: Assessment, tmp_path: Path, change: object, message: str
) -> None:
    data = json.loads(assessment_bytes(sample))
    change(data)  # type: ignore[operator]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LoadError, match=message) as caught:
        store.read_assessment_file(path, lambda: "unused")
    assert str(caught.value).startswith(str(path))
    assert store.list_clients(ws) == []
    assert store.list_assessments(ws) == []


def test_an_encrypted_export_reads_back_only_with_its_passphrase(
    ws: Workspace, sample: Assessment, tmp_path: Path
) -> None:
    plain = store.export_assessment(ws, store.import_assessment(ws, sample))
    path = tmp_path / "export.enc"
    path.write_bytes(
        filecrypt.encrypt(plain, "s3cret phrase", context=EXPORT_CONTEXT, params=MINIMUM_PARAMS)
    )
    assessment, _ = store.read_assessment_file(path, lambda: "s3cret phrase")
    assert assessment_bytes(assessment) == plain
    with pytest.raises(DecryptionError, match="wrong passphrase") as caught:
        store.read_assessment_file(path, lambda: "guess")
    assert str(caught.value).startswith(f"{path}: ")
