"""The first screen of the terminal UI, driven through Textual's Pilot."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from compliance.tui.app import ComplianceApp


async def test_the_first_screen_lists_the_installed_questionnaires() -> None:
    app = ComplianceApp(lang="fr")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.query_one("#questionnaires", DataTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert ["example", "1.0.0", "Questionnaire d'exemple", "3", "8"] in [list(r) for r in rows]
        intro = str(app.query_one("#intro", Static).render())
        assert "questionnaire(s) installed" in intro
        await pilot.press("q")
    assert app.return_code == 0
