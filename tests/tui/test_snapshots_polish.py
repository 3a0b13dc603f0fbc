"""Snapshots of F1 and the flow form at 80×24 and 120×40, in English and French.

Update with ``pytest tests/tui/test_snapshots_polish.py --snapshot-update`` after looking at them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from compliance.store import import_assessment, open_workspace, read_assessment_file
from compliance.tui.app import ComplianceApp
from tests.tui.conftest import settle_pilot
from tests.tui.test_snapshots import FIXTURE


@pytest.fixture
def sample_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.chdir(tmp_path)
    assessment, _ = read_assessment_file(FIXTURE, lambda: "")
    with open_workspace("workspace.sqlite") as workspace:
        return import_assessment(workspace, assessment)


def test_help_on_the_workspace(snap_compare: Any, sample_id: int) -> None:
    app = ComplianceApp(workspace="workspace.sqlite", welcome=False)

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle_pilot(pilot)
        await pilot.press("f1")
        await settle_pilot(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_help_on_the_assessment_in_french_at_120(snap_compare: Any, sample_id: int) -> None:
    app = ComplianceApp(
        lang="fr", workspace="workspace.sqlite", welcome=False, open_assessment=sample_id
    )

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle_pilot(pilot)
        await pilot.press("f1")
        await settle_pilot(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


async def _flow_form(pilot: Pilot[Any]) -> None:
    await settle_pilot(pilot)
    await pilot.app.screen.run_action("flows")
    await settle_pilot(pilot)
    await pilot.press("e")
    await settle_pilot(pilot)


def test_flow_form_with_a_drop_down_open(snap_compare: Any, sample_id: int) -> None:
    app = ComplianceApp(workspace="workspace.sqlite", welcome=False, open_assessment=sample_id)

    async def run_before(pilot: Pilot[Any]) -> None:
        await _flow_form(pilot)
        pilot.app.screen.query_one("#f-importer-role").focus()
        await pilot.press("enter")
        await settle_pilot(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_flow_form_country_search_in_french_at_120(snap_compare: Any, sample_id: int) -> None:
    app = ComplianceApp(
        lang="fr", workspace="workspace.sqlite", welcome=False, open_assessment=sample_id
    )

    async def run_before(pilot: Pilot[Any]) -> None:
        await _flow_form(pilot)
        search = pilot.app.screen.query_one("#f-importer-country Input")
        search.focus()
        search.value = ""  # type: ignore[attr-defined]
        await pilot.press(*"mar")  # Maroc first: the names that start with it lead
        await settle_pilot(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)
