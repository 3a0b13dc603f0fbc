"""Ctrl+Q quits from any dialog, the first-run welcome among them (issue 14, point 6)."""

from __future__ import annotations

from pathlib import Path

from compliance.tui.app import ComplianceApp
from compliance.tui.dialogs import HelpScreen
from compliance.tui.dialogs.welcome import Welcome
from tests.tui.conftest import settle


async def test_ctrl_q_quits_while_the_welcome_is_open(ws_path: Path) -> None:
    app = ComplianceApp(workspace=ws_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, Welcome)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_q_quits_from_the_help_dialog(ws_path: Path) -> None:
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
