"""Ticking "Not one of these" clears the other ticks, and ticking another clears it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import SelectionList

from compliance.store import create_assessment, create_client, load_assessment, open_workspace
from compliance.tui.app import ComplianceApp
from compliance.tui.screens import AssessmentScreen
from tests.tui.conftest import settle


async def test_none_of_these_excludes_the_other_ticks(ws_path: Path) -> None:
    with open_workspace(ws_path) as workspace:
        client = create_client(workspace, "Atlas Contact")
        assessment_id = create_assessment(workspace, client, "ma-offshoring")
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        await screen.goto("special_data")
        await pilot.pause()
        ticks = screen.query_one("#q-answer", SelectionList)
        assert app.focused is ticks
        order = [str(ticks.get_option_at_index(i).value) for i in range(ticks.option_count)]

        async def tick(key: str) -> None:
            ticks.highlighted = order.index(key)
            await pilot.press("space")
            await settle(app, pilot)

        await tick("national_id")
        await tick("criminal")
        assert screen.session.assessment.profile["special_data"] == ("criminal", "national_id")
        await tick("none")
        assert list(ticks.selected) == ["none"]  # the screen shows what is saved
        assert screen.session.assessment.profile["special_data"] == ("none",)
        await tick("national_id")
        assert list(ticks.selected) == ["national_id"]
    with open_workspace(ws_path) as workspace:
        stored = load_assessment(workspace, assessment_id)
    assert stored.profile["special_data"] == ("national_id",)
