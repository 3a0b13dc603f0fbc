"""Snapshots of the workspace, assessment and results screens at 80×24 (cursor blink off).

The workspace is a relative path inside the test's folder, and the assessment is the example
fixture (its ``as_of`` is fixed), so every picture is the same on every run. Update them with
``pytest tests/tui/test_snapshots.py --snapshot-update`` after looking at the report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from compliance.store import import_assessment, open_workspace, read_assessment_file
from compliance.tui.app import ComplianceApp
from tests.conftest import REPO
from tests.tui.conftest import settle_pilot

FIXTURE = REPO / "questionnaires" / "example" / "fixtures" / "processor-with-us-backups.yaml"
SIZE = (80, 24)


@pytest.fixture
def sample_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.chdir(tmp_path)
    assessment, _ = read_assessment_file(FIXTURE, lambda: "")
    with open_workspace("workspace.sqlite") as workspace:
        return import_assessment(workspace, assessment)


def test_workspace_screen(snap_compare: Any, sample_id: int) -> None:
    app = ComplianceApp(workspace="workspace.sqlite", welcome=False)
    assert snap_compare(app, terminal_size=SIZE, run_before=settle_pilot)


def test_assessment_screen(snap_compare: Any, sample_id: int) -> None:
    app = ComplianceApp(workspace="workspace.sqlite", welcome=False, open_assessment=sample_id)
    assert snap_compare(app, terminal_size=SIZE, run_before=settle_pilot)


def test_results_screen(snap_compare: Any, sample_id: int) -> None:
    app = ComplianceApp(workspace="workspace.sqlite", welcome=False, open_assessment=sample_id)

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle_pilot(pilot)
        await pilot.app.screen.run_action("results")
        await settle_pilot(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_flows_screen(snap_compare: Any, sample_id: int) -> None:
    app = ComplianceApp(workspace="workspace.sqlite", welcome=False, open_assessment=sample_id)

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle_pilot(pilot)
        await pilot.app.screen.run_action("flows")
        await settle_pilot(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_flow_form_dialog(snap_compare: Any, sample_id: int) -> None:
    app = ComplianceApp(workspace="workspace.sqlite", welcome=False, open_assessment=sample_id)

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle_pilot(pilot)
        await pilot.app.screen.run_action("flows")
        await settle_pilot(pilot)
        await pilot.app.screen.run_action("edit")
        await settle_pilot(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_assessment_screen_in_french_and_the_light_theme(snap_compare: Any, sample_id: int) -> None:
    app = ComplianceApp(
        lang="fr", workspace="workspace.sqlite", welcome=False, open_assessment=sample_id
    )

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle_pilot(pilot)
        await pilot.press("f3")
        await settle_pilot(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_the_progress_line_above_the_footer(snap_compare: Any, sample_id: int) -> None:
    from compliance.tui.screens.base import BaseScreen

    app = ComplianceApp(workspace="workspace.sqlite", welcome=False)
    app.follow_seconds = 3600  # a re-read of the store (others' changes) would end the line

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle_pilot(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, BaseScreen)
        screen.progress("work.encrypting", 2, 4)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
