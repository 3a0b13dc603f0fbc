"""Migration as a workspace operation: a client's next cycle on a newer questionnaire version."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from compliance.migrate import MigrationError
from compliance.store.assessments import get_assessment, list_assessments, load_assessment
from compliance.store.workspace import Workspace, open_workspace
from compliance.workspace import migration, transfer
from tests.helpers import REPO

SAMPLE = REPO / "questionnaires/ma-offshoring/1.0.0/fixtures/telemarketing-france.yaml"


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    with open_workspace(tmp_path / "workspace.sqlite") as workspace:
        yield workspace


def _stored(ws: Workspace) -> int:
    return transfer.import_file(ws, SAMPLE, lambda: "").assessment_id


def test_newer_versions_lists_what_an_assessment_can_move_to(ws: Workspace) -> None:
    source = get_assessment(ws, _stored(ws))
    assert migration.newer_versions(source) == ["1.2.0", "1.1.0"]
    new_id, _ = migration.new_cycle_on(ws, source.id, "1.2.0")
    assert migration.newer_versions(get_assessment(ws, new_id)) == []


def test_new_cycle_on_a_version_keeps_the_source(ws: Workspace) -> None:
    source_id = _stored(ws)
    before = load_assessment(ws, source_id)
    new_id, report = migration.new_cycle_on(ws, source_id, "1.1.0")
    assert load_assessment(ws, source_id) == before
    migrated = load_assessment(ws, new_id)
    assert migrated.questionnaire.version == "1.1.0"
    assert {k: a.value for k, a in migrated.answers.items()} == {
        k: a.value for k, a in before.answers.items()
    }
    listed = [(a.id, a.cycle, a.questionnaire_version) for a in list_assessments(ws)]
    assert listed == [(source_id, 1, "1.0.0"), (new_id, 2, "1.1.0")]
    stored = get_assessment(ws, new_id)
    assert stored.score == str(report.after.score)  # the listing shows the migrated score


def test_preview_writes_nothing(ws: Workspace) -> None:
    source_id = _stored(ws)
    report = migration.preview(ws, source_id, "1.1.0")
    assert report.to_version == "1.1.0"
    assert [a.id for a in list_assessments(ws)] == [source_id]


@pytest.mark.parametrize(
    ("version", "message"),
    [("2.0.0", "cannot migrate to 2.0.0"), ("1.0.0", "already answers ma-offshoring 1.0.0")],
)
def test_unknown_or_same_version_changes_nothing(ws: Workspace, version: str, message: str) -> None:
    source_id = _stored(ws)
    with pytest.raises(MigrationError, match=message):
        migration.new_cycle_on(ws, source_id, version)
    assert [a.id for a in list_assessments(ws)] == [source_id]
