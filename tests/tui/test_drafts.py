"""A typed value that cannot be saved is never lost: it stays in its field with why until it is
fixed or Escape puts back the saved value; moving on keeps it (marked ✗) and says so; leaving
the assessment asks first. Dates are read day first (12/03/2024) or ISO, and stored ISO."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from compliance.store import create_assessment, create_client, load_assessment, open_workspace
from compliance.tui.app import ComplianceApp
from compliance.tui.dialogs import Confirm
from compliance.tui.screens import AssessmentScreen
from tests.tui.conftest import settle


def _new(path: Path) -> int:
    with open_workspace(path) as workspace:
        client = create_client(workspace, "Atlas Contact")
        return create_assessment(workspace, client, "ma-offshoring")


async def _on_date_question(app: ComplianceApp, pilot: Any) -> AssessmentScreen:
    """Opens the assessment on gov02.reviewed (a date), its gate answered."""
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, AssessmentScreen)
    gate = screen.item("gov02.policy")
    assert gate is not None and screen.answer(gate, "both_laws")
    await settle(app, pilot)
    await screen.goto("gov02.reviewed")
    await pilot.pause()
    return screen


def _stored(path: Path, assessment_id: int, question_id: str) -> Any:
    with open_workspace(path) as workspace:
        answer = load_assessment(workspace, assessment_id).answers.get(question_id)
    return None if answer is None else answer.value


def _problem(screen: AssessmentScreen) -> str:
    return str(screen.query_one("#q-problem", Static).render())


@pytest.mark.parametrize("typed", ["12/03/2024", "2024-03-12"])
async def test_a_date_written_day_first_or_iso_is_saved_as_iso(ws_path: Path, typed: str) -> None:
    assessment_id = _new(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _on_date_question(app, pilot)
        await pilot.press(*typed)
        await settle(app, pilot)
        assert _problem(screen) == ""
        await pilot.press("enter")  # a saved value: Enter moves on
        await settle(app, pilot)
        assert screen.current != "gov02.reviewed"
    assert _stored(ws_path, assessment_id, "gov02.reviewed") == "2024-03-12"


async def test_an_invalid_date_stays_until_fixed_and_enter_does_not_move_on(
    ws_path: Path,
) -> None:
    assessment_id = _new(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _on_date_question(app, pilot)
        await pilot.press(*"31/04/2024")  # there is no 31st of April
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen.current == "gov02.reviewed"  # still here
        box = screen.query_one("#q-answer", Input)
        assert box.value == "31/04/2024" and app.focused is box
        assert "DD/MM/YYYY" in _problem(screen)
        assert str(screen.nodes["gov02.reviewed"].label).startswith("✗")
        await pilot.press("pageup", "pagedown")  # away and back: the text is still there
        await settle(app, pilot)
        box = screen.query_one("#q-answer", Input)
        assert box.value == "31/04/2024" and "DD/MM/YYYY" in _problem(screen)
        box.value = "30/04/2024"  # fixed
        await settle(app, pilot)
        assert _problem(screen) == ""
        assert str(screen.nodes["gov02.reviewed"].label).startswith("✓")
    assert _stored(ws_path, assessment_id, "gov02.reviewed") == "2024-04-30"


async def test_escape_puts_back_the_saved_value(ws_path: Path) -> None:
    assessment_id = _new(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _on_date_question(app, pilot)
        await pilot.press(*"2024-03-12")
        await settle(app, pilot)
        box = screen.query_one("#q-answer", Input)
        box.value = "2024-13-12"
        await settle(app, pilot)
        assert "DD/MM/YYYY" in _problem(screen)
        await pilot.press("escape")  # not back to the workspace: the saved value again
        await settle(app, pilot)
        assert app.screen is screen
        assert screen.query_one("#q-answer", Input).value == "2024-03-12"
        assert _problem(screen) == "" and not screen.drafts
    assert _stored(ws_path, assessment_id, "gov02.reviewed") == "2024-03-12"


async def test_leaving_with_an_unsaved_value_asks_first(ws_path: Path) -> None:
    assessment_id = _new(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _on_date_question(app, pilot)
        await pilot.press(*"12/03/24")  # a two-digit year: not read
        await pilot.press("pagedown")
        await settle(app, pilot)
        assert screen.current != "gov02.reviewed" and "gov02.reviewed" in screen.drafts
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # stay: back on the question with its text
        await settle(app, pilot)
        assert app.screen_stack[-1] is screen and screen.current == "gov02.reviewed"
        assert screen.query_one("#q-answer", Input).value == "12/03/24"


async def test_quitting_with_an_unsaved_value_asks_first(ws_path: Path) -> None:
    assessment_id = _new(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _on_date_question(app, pilot)
        await pilot.press(*"12/13/2024")  # no 13th month
        await settle(app, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)  # not gone: asked
        await pilot.press("n")
        await pilot.pause()
        assert app.screen_stack[-1] is screen and app.is_running
        assert screen.query_one("#q-answer", Input).value == "12/13/2024"
