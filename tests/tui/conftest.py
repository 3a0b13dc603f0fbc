"""Shared fixtures of the TUI tests: a workspace per test, cursor blink off, quick helpers."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerCancelled

from compliance.tui.app import ComplianceApp


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
