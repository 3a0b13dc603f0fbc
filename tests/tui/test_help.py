"""F1: the keys of the screen by task in plain words, the signs explained, the scroll shown."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll

from compliance.tui.app import ComplianceApp
from compliance.tui.dialogs import HelpScreen
from compliance.tui.help_content import Bound, help_groups, key_name, screen_kind, symbols
from tests.tui.conftest import import_sample, open_from_assessment, settle

TEXTUAL_INTERNALS = ("super+c", "Super+C", "Copy selected text", "Focus Next", "palette", "^p")


def test_keys_are_named_as_on_the_keyboard_in_each_language() -> None:
    assert key_name("ctrl+n", "en") == "Ctrl+N"
    assert key_name("escape", "en") == "Esc"
    assert key_name("escape", "fr") == "Échap"
    assert key_name("pagedown", "fr") == "Pg suiv"
    assert key_name("f10", "en") == "F10"
    assert key_name("question_mark", "en") == "?"
    assert key_name("x", "en") == "x"
    assert screen_kind("AssessmentScreen") == "assessment"
    assert screen_kind("FlowForm") == "flowform"


def test_keys_of_one_action_share_a_row_and_textual_internals_are_left_out() -> None:
    screen = [
        Bound("pagedown", "next", "Next"),
        Bound("n", "next(True)", "Next"),
        Bound("x,delete", "delete", "Delete"),
        Bound("ctrl+c", "screen.copy_text", "Copy selected text"),
        Bound("tab", "app.focus_next", "Focus Next"),
        Bound("z", "brand_new", "Zed"),
    ]
    app = [Bound("f1", "help", "Help"), Bound("question_mark", "help", "Help")]
    groups = {g.title: dict(g.rows) for g in help_groups(screen, app, "flows", "en")}
    assert groups["Moving around"]["PgDn, n"] == "Next question"
    assert groups["Flows and results"]["x, Del"].startswith("Delete what is highlighted")
    assert groups["Flows and results"]["z"] == "Zed"  # a key not described yet keeps its label
    assert groups["Everywhere"]["F1, ?"] == "Show this help"
    assert groups["Everywhere"]["Ctrl+P"] == "Find a command by name"  # once, in words
    shown = repr(groups)
    assert not any(internal in shown for internal in ("Copy selected", "Focus Next", "ctrl+c"))


def test_the_groups_come_in_task_order_in_french_too() -> None:
    screen = [
        Bound("f4", "flows", "Flux"),
        Bound("f6", "toggle_na", "S.O."),
        Bound("escape", "back", ""),
    ]
    titles = [g.title for g in help_groups(screen, [], "assessment", "fr")]
    assert titles == ["Répondre", "Se déplacer", "Flux et résultats", "Partout"]


def test_the_signs_of_the_screen_come_first_and_every_sign_is_explained() -> None:
    groups = symbols("assessment", "en")
    assert groups[0].title == "In the list of questions"
    assert dict(groups[0].rows) == {
        "✓": "answered",
        "○": "not answered yet",
        "–": "not applicable (N/A)",
        "✗": "typed but not saved (not valid yet): fix it, or Esc there",
    }
    every = {sign for group in groups for sign, _ in group.rows}
    assert {"✓", "○", "–", "?", "(blank)", "~", "✗", "⛔", "!", "*"} <= every
    assert symbols("flowform", "fr")[0].rows[2] == ("(vide)", "non")


async def test_f1_on_the_workspace_groups_its_keys_and_shows_it_scrolls(ws_path: Path) -> None:
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        titles = [group.title for group in help_screen.groups]
        assert titles[:3] == ["Moving around", "Workspace", "Sharing and signing"]
        described = dict(help_screen.keys)
        assert described["n"] == "Add a client"
        assert described["r"] == "Rename the highlighted client"  # not in the footer
        assert described["q, Ctrl+Q"].startswith("Quit")
        shown = repr(help_screen.keys)
        assert not any(internal in shown for internal in TEXTUAL_INTERNALS)
        await pilot.pause()
        assert help_screen.more_below  # 24 lines cannot hold it: the help says so
        box = help_screen.query_one("#help-box", VerticalScroll)
        assert box.has_focus and box.show_vertical_scrollbar
        await pilot.press("end")
        await pilot.pause(0.3)
        assert not help_screen.more_below
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_f1_on_the_assessment_in_french_lists_both_keys_of_an_action(ws_path: Path) -> None:
    assessment_id = import_sample(ws_path)
    app = ComplianceApp(lang="fr", workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("pageup")  # a choice question: the letter keys work there
        await settle(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        groups = {g.title: dict(g.rows) for g in help_screen.groups}
        assert groups["Se déplacer"]["Pg suiv, n"] == "Question suivante"
        assert groups["Répondre"]["F6, x"].startswith("Marquer la question sans objet")
        assert groups["Partout"]["Ctrl+P"].startswith("Trouver une question")
        assert help_screen.signs[0].title == "Dans la liste des questions"


async def test_f1_in_the_flow_form_lists_its_keys_and_the_apps_that_still_work(
    ws_path: Path,
) -> None:
    assessment_id = import_sample(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_assessment(app, pilot, "flows")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        groups = {g.title: dict(g.rows) for g in help_screen.groups}
        assert groups["Flows and results"]["Ctrl+S"] == "Save"
        assert groups["Moving around"]["Esc"] == "Close without saving"
        assert {"F1", "F3", "Ctrl+Q"} <= set(groups["Everywhere"])  # priority keys work here
        assert "F2" not in groups["Everywhere"]  # not in dialogs
        assert help_screen.signs[0].title == "Ticks in the flow form"
