"""No key is lost to the wrong widget: after every way of moving (the jump, the tree, Ctrl+N,
coming back to the screen) the focus is on the answer, and the jump key works from every widget
without typing anything."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Input, SelectionList, Tree

from compliance.store import create_assessment, create_client, load_assessment, open_workspace
from compliance.tui.app import ComplianceApp
from compliance.tui.screens import AssessmentScreen
from tests.tui.conftest import settle


def _new(path: Path, questionnaire: str = "ma-offshoring") -> int:
    with open_workspace(path) as workspace:
        client = create_client(workspace, "Atlas Contact")
        return create_assessment(workspace, client, questionnaire)


async def _screen(app: ComplianceApp, pilot: object) -> AssessmentScreen:
    await settle(app, pilot)  # type: ignore[arg-type]
    assert isinstance(app.screen, AssessmentScreen)
    return app.screen


async def _answer(
    app: ComplianceApp, pilot: object, screen: AssessmentScreen, question_id: str, value: object
) -> None:
    item = screen.item(question_id)
    assert item is not None
    assert screen.answer(item, value)
    await settle(app, pilot)  # type: ignore[arg-type]


async def _jump(app: ComplianceApp, pilot: object, key: str, query: str) -> None:
    """Opens the jump with ``key``, types ``query`` and takes the first hit."""
    await pilot.press(key)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*query)  # type: ignore[attr-defined]
    for _ in range(50):  # the palette searches in the background
        await pilot.pause(0.05)  # type: ignore[attr-defined]
        if app.screen.query("CommandList Option"):
            break
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(app, pilot)  # type: ignore[arg-type]


async def test_after_a_jump_space_ticks_an_option_of_the_question(ws_path: Path) -> None:
    assessment_id = _new(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _screen(app, pilot)
        await _jump(app, pilot, "ctrl+f", "trn01.items")
        assert screen.current == "trn01.items"
        assert isinstance(app.focused, SelectionList)
        item = screen.item("trn01.items")
        assert item is not None
        first = item.question.option_ids()[0]
        await pilot.press("space")  # ticks the highlighted option, as the user expected
        await settle(app, pilot)
    with open_workspace(ws_path) as workspace:
        stored = load_assessment(workspace, assessment_id)
    assert stored.answers["trn01.items"].value == (first,)


async def test_slash_in_an_empty_comment_jumps_and_types_nothing(ws_path: Path) -> None:
    assessment_id = _new(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _screen(app, pilot)
        await screen.goto("gov07.share")  # a number question
        await pilot.press("4", "0")
        await settle(app, pilot)
        screen.action_comment()
        await pilot.pause()
        await _jump(app, pilot, "slash", "gov01.named")
        assert screen.current == "gov01.named"
        assert not isinstance(app.focused, Input)  # the options have the focus, not a field
        await settle(app, pilot)
    with open_workspace(ws_path) as workspace:
        stored = load_assessment(workspace, assessment_id)
    assert stored.answers["gov07.share"].value == 40
    assert stored.answers["gov07.share"].comment is None  # the search was not saved as a comment


async def test_ctrl_f_jumps_from_a_filled_field_and_a_slash_inside_text_is_typed(
    ws_path: Path,
) -> None:
    assessment_id = _new(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _screen(app, pilot)
        await _answer(app, pilot, screen, "gov02.policy", "both_laws")
        await screen.goto("gov02.reviewed")  # a date question
        await pilot.pause()
        box = app.focused
        assert isinstance(box, Input) and box.id == "q-answer"
        await pilot.press("1", "2", "slash")  # a date written as in Morocco and France
        assert box.value == "12/"
        assert app.screen is screen
        await _jump(app, pilot, "ctrl+f", "trn01.items")
        assert screen.current == "trn01.items"
        assert isinstance(app.focused, SelectionList)


async def test_tree_selection_and_ctrl_n_put_the_focus_on_the_answer(ws_path: Path) -> None:
    assessment_id = _new(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _screen(app, pilot)
        tree = screen.query_one("#as-tree", Tree)
        screen._expand_to("gov01.named")
        await pilot.pause()
        control = screen.nodes["gov01.named"].parent
        assert control is not None and control.data == ("control", "GOV-01")
        tree.focus()
        tree.move_cursor(control)
        await pilot.press("enter")  # a control: its first question, ready to answer
        await settle(app, pilot)
        assert screen.current == "gov01.dpo_required"
        assert app.focused is screen.query_one("#q-answer")
        tree.focus()
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert app.focused is screen.query_one("#q-answer")


async def test_coming_back_to_the_assessment_focuses_the_answer_not_the_comment(
    ws_path: Path,
) -> None:
    assessment_id = _new(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _screen(app, pilot)
        await screen.goto("gov07.share")
        await pilot.press("4", "0")
        await settle(app, pilot)
        screen.action_comment()
        await pilot.pause()
        await pilot.press("f5")  # the results
        await settle(app, pilot)
        assert app.screen is not screen
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen
        assert app.focused is screen.query_one("#q-answer")
