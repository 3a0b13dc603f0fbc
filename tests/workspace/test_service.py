"""The workspace service on a real SQLite workspace: what the CLI and the TUI both call."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from compliance.catalog import find
from compliance.errors import ComplianceError
from compliance.model.questionnaire import Questionnaire
from compliance.store.workspace import Workspace, open_workspace
from compliance.workspace import changes, listing, transfer
from tests.helpers import REPO

SAMPLE = REPO / "questionnaires" / "example" / "fixtures" / "processor-with-us-backups.yaml"


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    return tmp_path / "workspace.sqlite"


@pytest.fixture
def ws(ws_path: Path) -> Iterator[Workspace]:
    with open_workspace(ws_path) as workspace:
        yield workspace


def _lookup(questionnaire_id: str, version: str) -> Questionnaire | None:
    try:
        return find(questionnaire_id, version).questionnaire
    except ComplianceError:
        return None


def test_changes_create_rename_start_cycle_and_delete(ws: Workspace) -> None:
    client = changes.create_client(ws, "Atlas")
    with pytest.raises(ComplianceError, match="Atlas"):
        changes.create_client(ws, "Atlas")  # a name already taken
    changes.rename_client(ws, client, "Atlas Contact")
    first = changes.start_assessment(ws, client, "example")
    second = changes.new_cycle(ws, first)
    found = listing.assessments(ws, client)
    assert [(a.id, a.cycle, a.client) for a in found] == [
        (first, 1, "Atlas Contact"),
        (second, 2, "Atlas Contact"),
    ]
    assert [(c.name, c.assessments) for c in listing.clients(ws)] == [("Atlas Contact", 2)]
    changes.delete_client(ws, client, confirm="Atlas Contact")
    assert listing.clients(ws) == []
    assert listing.assessments(ws) == []


def test_an_import_reads_scores_and_stores_in_steps(ws: Workspace) -> None:
    steps: list[str] = []
    imported = transfer.import_file(ws, SAMPLE, lambda: "", progress=steps.append)
    assert steps == ["reading_file", "scoring", "saving"]
    assert imported.client == imported.organisation == "Atlas Contact"
    (info,) = listing.assessments(ws, fresh=False)
    assert info.id == imported.assessment_id
    assert info.score is not None  # scored as it was stored
    again = transfer.import_file(ws, SAMPLE, lambda: "", client="Other name")
    assert again.client == "Other name" and again.organisation == "Atlas Contact"


def test_a_bad_file_changes_nothing(ws: Workspace, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(SAMPLE.read_text().replace("questionnaire:", "questionaire:", 1))
    steps: list[str] = []
    with pytest.raises(ComplianceError):
        transfer.import_file(ws, bad, lambda: "", progress=steps.append)
    assert steps == ["reading_file"]
    assert listing.clients(ws) == []


def test_an_export_reads_back_as_the_same_assessment_encrypted_or_not(
    ws: Workspace, tmp_path: Path
) -> None:
    imported = transfer.import_file(ws, SAMPLE, lambda: "")
    stored = transfer.read_file(SAMPLE, lambda: "")
    plain_steps: list[str] = []
    plain = tmp_path / "plain.json"
    transfer.export_file(ws, imported.assessment_id, plain, progress=plain_steps.append)
    assert plain_steps == ["exporting", "writing"]
    assert transfer.read_file(plain, lambda: pytest.fail("not encrypted")) == stored
    assert plain.stat().st_mode & 0o777 == 0o600
    secret_steps: list[str] = []
    secret = tmp_path / "secret.cmpl"
    transfer.export_file(
        ws, imported.assessment_id, secret, "a long passphrase", progress=secret_steps.append
    )
    assert secret_steps == ["exporting", "encrypting", "writing"]
    assert b"Atlas" not in secret.read_bytes()
    assert transfer.read_file(secret, lambda: "a long passphrase") == stored
    with pytest.raises(ComplianceError):
        transfer.read_file(secret, lambda: "the wrong one")


def test_an_export_is_refused_before_anything_is_read_where_it_cannot_go(
    ws: Workspace, tmp_path: Path
) -> None:
    with pytest.raises(ComplianceError, match="is a folder"):
        transfer.check_output(tmp_path)
    with pytest.raises(ComplianceError, match="does not exist"):
        transfer.check_output(tmp_path / "gone" / "a.json")
    steps: list[str] = []
    with pytest.raises(ComplianceError, match="is a folder"):
        transfer.export_file(ws, 1, tmp_path, progress=steps.append)
    assert steps == []


def test_the_sample_is_the_first_installed_fixture(tmp_path: Path) -> None:
    installed = REPO / "questionnaires"
    assert transfer.sample_fixture() == transfer.sample_fixture(installed)
    assert transfer.sample_fixture(tmp_path) is None
    second_q, second_name = transfer.SAMPLE_FIXTURES[1]
    only_second = tmp_path / second_q / "fixtures"
    only_second.mkdir(parents=True)
    shutil.copy(installed / second_q / "fixtures" / second_name, only_second / second_name)
    assert transfer.sample_fixture(tmp_path) == only_second / second_name


def test_listing_quickly_gives_the_clients_the_store_lists(ws_path: Path, tmp_path: Path) -> None:
    assert listing.quick_clients(tmp_path / "none-yet.sqlite") is None
    assert listing.quick_clients("postgresql://nowhere/db") is None
    with open_workspace(ws_path) as workspace:
        transfer.import_file(workspace, SAMPLE, lambda: "")
        changes.create_client(workspace, "Empty Co")
        full = listing.clients(workspace)
    assert listing.quick_clients(ws_path) == full


def test_fresh_listings_bring_stale_scores_up_to_date(ws: Workspace) -> None:
    imported = transfer.import_file(ws, SAMPLE, lambda: "")
    cycle = changes.new_cycle(ws, imported.assessment_id)  # not scored yet
    stale = {a.id: a.score for a in listing.assessments(ws, fresh=False)}
    assert stale[cycle] is None
    assert listing.refresh(ws) is True
    assert listing.refresh(ws) is False  # nothing stale any more
    scored = {a.id: a.score for a in listing.assessments(ws, fresh=False)}
    assert scored[cycle] == scored[imported.assessment_id] is not None


def test_coverage_is_scored_when_the_questionnaire_is_installed(ws: Workspace) -> None:
    imported = transfer.import_file(ws, SAMPLE, lambda: "")
    (info,) = listing.assessments(ws)
    covered = listing.coverage(ws, info, _lookup)
    assert covered is not None and Decimal(0) < covered <= Decimal(100)
    assert listing.coverage(ws, info, lambda q, v: None) is None
    assert info.id == imported.assessment_id


def test_an_encrypted_file_is_told_from_a_plain_one(ws: Workspace, tmp_path: Path) -> None:
    imported = transfer.import_file(ws, SAMPLE, lambda: "")
    secret = tmp_path / "secret.cmpl"
    transfer.export_file(ws, imported.assessment_id, secret, "a long passphrase")
    assert transfer.is_encrypted_file(secret)
    assert not transfer.is_encrypted_file(SAMPLE)
    with pytest.raises(ComplianceError, match="No such file"):
        transfer.is_encrypted_file(tmp_path / "gone.json")
    with pytest.raises(ComplianceError, match="an encrypted export is not JSON"):
        transfer.export_file(ws, imported.assessment_id, tmp_path / "x.json", "a passphrase")
    with pytest.raises(ComplianceError, match=r"a \.cmpl file is an encrypted export"):
        transfer.export_file(ws, imported.assessment_id, tmp_path / "x.cmpl")
    assert not (tmp_path / "x.json").exists() and not (tmp_path / "x.cmpl").exists()


def test_export_names_say_client_questionnaire_cycle_and_kind() -> None:
    assert (
        transfer.export_name("Société Atlas / Rabat", "ma-offshoring", 2, encrypted=True)
        == "Societe-Atlas-Rabat-ma-offshoring-cycle-2.cmpl"
    )
    assert transfer.export_name("", "example", 1, encrypted=False) == "example-cycle-1.json"
