"""Shared fixtures of the TUI tests: a workspace per test, cursor blink off, quick helpers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import WorkerCancelled

from compliance.tui.app import ComplianceApp
from tests.helpers import REPO
from tests.store.conftest import postgres_url  # noqa: F401 (a fixture: the paused-server test)
from tests.tui.terminal import terminal  # noqa: F401 (a fixture: the walks in a real terminal)


@pytest.fixture(autouse=True)
def _no_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Inputs never blink, so snapshots are stable."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    """Where this test's workspace lives."""
    return tmp_path / "workspace.sqlite"


async def settle(app: ComplianceApp, pilot: Pilot[None]) -> None:
    """Waits until every worker is done and every message handled (twice: work starts work)."""
    for _ in range(4):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:  # an exclusive worker was replaced by a newer one
            continue
        await pilot.pause()


async def settle_pilot(pilot: Pilot[Any]) -> None:
    """:func:`settle` for a snapshot's ``run_before``, which is given only the pilot."""
    app = pilot.app
    assert isinstance(app, ComplianceApp)
    await settle(app, pilot)


SAMPLE = REPO / "questionnaires" / "example" / "fixtures" / "processor-with-us-backups.yaml"
"""The example fixture: two flows (FR → MA, then MA → US as its onward flow); ``as_of`` fixed."""


def import_sample(path: Path) -> int:
    """Imports the sample fixture into the workspace at ``path`` and returns its id."""
    from compliance.store import import_assessment, open_workspace, read_assessment_file

    assessment, _ = read_assessment_file(SAMPLE, lambda: "")
    with open_workspace(path) as workspace:
        return import_assessment(workspace, assessment)


async def open_from_assessment(app: ComplianceApp, pilot: Pilot[Any], action: str) -> Screen[Any]:
    """From the assessment the app opened on, runs ``action`` (``flows``, ``results``) and
    returns the screen it shows, everything settled."""
    from compliance.tui.screens import AssessmentScreen

    await settle(app, pilot)
    assert isinstance(app.screen, AssessmentScreen)
    await app.screen.run_action(action)
    await settle(app, pilot)
    return app.screen
