"""An assessment that cannot be scored is listed as such; the screen stays responsive (issue 14)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from compliance.tui.app import ComplianceApp
from compliance.tui.screens import WorkspaceScreen
from tests.hostile.test_workspace import _stored
from tests.tui.conftest import settle


async def test_the_listing_says_cannot_be_scored_and_goes_on(ws_path: Path) -> None:
    _stored(ws_path)  # a good assessment (Atlas Contact) and one that no longer fits (Broken SARL)
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, WorkspaceScreen)
        names = [c.name for c in screen.clients]
        assert sorted(names) == ["Atlas Contact", "Broken SARL"]
        screen.query_one("#clients", DataTable).move_cursor(row=names.index("Broken SARL"))
        await settle(app, pilot)
        table = screen.query_one("#assessments", DataTable)
        row = [str(cell) for cell in table.get_row_at(0)]
        assert row[-1].startswith("cannot be scored: answers.no.such.question"), row
        before = app.lang
        await pilot.press("f2")  # still answering
        assert app.lang != before
