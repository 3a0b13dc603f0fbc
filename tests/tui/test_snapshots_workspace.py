"""Snapshots of the consultant's dialogs at 80×24: the new signing key (it must fit) and the
workspace with two clients in French (the detail under the highlighted client's name)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from compliance.store import create_assessment, create_client, open_workspace
from compliance.tui.app import ComplianceApp
from tests.tui.conftest import settle_pilot

SIZE = (80, 24)


@pytest.fixture
def two_clients(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COMPLIANCE_DOCUMENTS_DIR", "/home/consultant/Documents")  # shown as is
    with open_workspace("workspace.sqlite") as workspace:
        atlas = create_client(workspace, "Atlas Contact")
        sahara = create_client(workspace, "Sahara Data")
        create_assessment(workspace, atlas, "example")
        create_assessment(workspace, sahara, "example")
        create_assessment(workspace, sahara, "example")


@pytest.mark.usefixtures("two_clients")
def test_the_new_key_dialog_fits_80_by_24(snap_compare: Any) -> None:
    app = ComplianceApp(workspace="workspace.sqlite", welcome=False)
    app.follow_seconds = 3600

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle_pilot(pilot)
        await pilot.press("k")
        await pilot.press(*"Sud DPO", "enter")
        await settle_pilot(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


@pytest.mark.usefixtures("two_clients")
def test_the_workspace_in_french_on_the_second_client(snap_compare: Any) -> None:
    app = ComplianceApp("fr", workspace="workspace.sqlite", welcome=False)
    app.follow_seconds = 3600

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle_pilot(pilot)
        await pilot.press("down")
        await settle_pilot(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
