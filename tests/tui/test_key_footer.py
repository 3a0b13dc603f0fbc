"""The footer: the screen's keys as text, in the interface language, and a click presses one."""

from __future__ import annotations

from pathlib import Path

from compliance.tui.app import ComplianceApp
from compliance.tui.dialogs import Prompt
from compliance.tui.widgets.key_footer import KeyFooter
from tests.tui.conftest import settle


def _shown(app: ComplianceApp) -> str:
    return str(app.screen.query_one(KeyFooter).render())


async def test_the_footer_lists_the_keys_and_follows_the_language(ws_path: Path) -> None:
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        shown = _shown(app)
        assert shown.startswith("⏎ Open n New client s Start")
        assert "f1 Help" in shown and "f2 FR" in shown
        assert "Rename" not in shown  # keys marked not to show are only in the help screen
        await pilot.press("f2")
        await pilot.pause()
        assert _shown(app).startswith("⏎ Ouvrir n Nouveau client s Démarrer")


async def test_keys_that_do_not_fit_are_left_out_whole_and_help_stays(ws_path: Path) -> None:
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(50, 24)) as pilot:
        await settle(app, pilot)
        shown = _shown(app)
        assert shown == "⏎ Open n New client s Start f1 Help f2 FR"
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert "i Import f1 Help" in _shown(app)


async def test_a_click_on_a_key_presses_it(ws_path: Path) -> None:
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.click(KeyFooter, offset=(7, 0))  # the "n" of "⏎ Open n New client"
        await pilot.pause()
        assert isinstance(app.screen, Prompt)  # "New client" asks for the name
