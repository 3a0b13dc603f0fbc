"""Snapshots of the interface in Arabic at 80×24: the welcome, the assessment and the results.

Arabic is drawn as a terminal without BiDi shows it: letters in logical order, one cell each, so
the layout (panes, tables, footer) is the one of the other languages. The assessment is the
typical first meeting of ma-screening 1.2.0 (its ``as_of`` is fixed), a questionnaire with Arabic
texts. Update with ``pytest tests/tui/test_snapshots_arabic.py --snapshot-update`` after looking
at the report.
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

MEETING = (
    REPO / "questionnaires" / "ma-screening" / "1.2.0" / "fixtures" / "typical-first-meeting.yaml"
)
SIZE = (80, 24)


@pytest.fixture
def meeting_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.chdir(tmp_path)
    assessment, _ = read_assessment_file(MEETING, lambda: "")
    with open_workspace("workspace.sqlite") as workspace:
        return import_assessment(workspace, assessment)


def test_the_welcome_in_arabic(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = ComplianceApp("ar", workspace="workspace.sqlite")
    assert snap_compare(app, terminal_size=SIZE, run_before=settle_pilot)


def test_the_assessment_in_arabic(snap_compare: Any, meeting_id: int) -> None:
    app = ComplianceApp(
        "ar", workspace="workspace.sqlite", welcome=False, open_assessment=meeting_id
    )
    assert snap_compare(app, terminal_size=SIZE, run_before=settle_pilot)


def test_the_results_in_arabic(snap_compare: Any, meeting_id: int) -> None:
    app = ComplianceApp(
        "ar", workspace="workspace.sqlite", welcome=False, open_assessment=meeting_id
    )

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle_pilot(pilot)
        await pilot.app.screen.run_action("results")
        await settle_pilot(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
