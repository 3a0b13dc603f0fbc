"""The app as a whole: first paint before the store, help, theme, and the CLI entry point."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from compliance.cli import main as cli_main
from compliance.store import create_client, open_workspace
from compliance.tui import app as app_module
from compliance.tui import loading
from compliance.tui.app import ComplianceApp
from compliance.tui.dialogs import HelpScreen
from compliance.tui.screens import WorkspaceScreen
from compliance.tui.strings import STRINGS, tr
from tests.tui.conftest import settle


def test_every_ui_string_has_every_language() -> None:
    for key, (en, fr, ar) in STRINGS.items():
        assert en.strip() and fr.strip() and ar.strip(), key
        assert en.count("{") == fr.count("{") == ar.count("{"), key
    assert tr("key.next", "fr") == "Suivante"
    with pytest.raises(KeyError):
        tr("no.such.key", "en")


async def test_the_workspace_is_listed_by_a_worker_and_says_so(ws_path: Path) -> None:
    with open_workspace(ws_path) as workspace:
        create_client(workspace, "Listed")
    seen: list[object] = []
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24), message_hook=seen.append) as pilot:
        assert isinstance(app.screen, WorkspaceScreen)
        await settle(app, pilot)
        listed = [m for m in seen if isinstance(m, WorkspaceScreen.Listed)]
        assert listed and listed[0].clients == 1
        assert app.workspace is not None


async def test_help_lists_the_keys_of_the_screen_and_closes(ws_path: Path) -> None:
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        described = dict(help_screen.keys)
        assert described.get("n") == "Add a client"  # in plain words (the footer says "New client")
        assert "Rename the highlighted client" in described.values()  # not in the footer
        await pilot.press("escape")
        assert isinstance(app.screen, WorkspaceScreen)


async def test_theme_and_language_toggle(ws_path: Path) -> None:
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        theme = app.theme
        app.action_toggle_theme()
        assert app.theme != theme
        app.action_toggle_language()
        await pilot.pause()
        assert app.title == tr("app.title", "fr")
        screen = app.screen
        descriptions = {b.binding.description for b in screen.active_bindings.values()}
        assert "Nouveau client" in descriptions


def test_run_passes_the_workspace_and_language(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[ComplianceApp] = []

    def fake_run(self: ComplianceApp) -> None:
        made.append(self)

    monkeypatch.setattr(ComplianceApp, "run", fake_run)
    assert app_module.run(lang="fr", workspace="/tmp/w.sqlite") == 0
    assert made[0].lang == "fr" and made[0].location == "/tmp/w.sqlite"


def test_the_cli_pauses_the_collector_before_it_imports_the_ui(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paused: list[bool] = []

    def fake_run(lang: str = "en", workspace: object = None) -> int:
        paused.append(not gc.isenabled())
        return 0

    monkeypatch.setattr(app_module, "run", fake_run)
    monkeypatch.setattr(loading._StartUp, "paused", False)
    try:
        assert cli_main(["--lang", "fr"]) == 0
    finally:
        gc.enable()
    assert paused == [True]


async def test_the_first_frame_turns_the_paused_collector_back_on(
    ws_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading._StartUp, "paused", False)
    gc.unfreeze()  # so a freeze left by another test cannot pass for this one
    assert gc.get_freeze_count() == 0
    loading.pause_collection()
    try:
        assert not gc.isenabled()
        app = ComplianceApp(workspace=ws_path, welcome=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # what start-up built is out of the way
    finally:
        gc.enable()
        gc.unfreeze()


async def test_an_app_not_started_by_the_cli_leaves_the_collector_alone(
    ws_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading._StartUp, "paused", False)
    gc.disable()
    try:
        app = ComplianceApp(workspace=ws_path, welcome=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            assert not gc.isenabled()
    finally:
        gc.enable()


async def test_keys_start_in_the_chosen_language(ws_path: Path) -> None:
    app = ComplianceApp(lang="fr", workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert {"Nouveau client", "Aide", "Importer"} <= descriptions
        await pilot.press("f1")
        keys = dict(app.screen.keys)  # type: ignore[attr-defined]
        assert keys["n"] == "Ajouter un client"
        assert "Cursor up" not in keys.values()  # the table's own keys are left out


async def test_the_first_frame_already_lists_a_sqlite_workspace(ws_path: Path) -> None:
    """The listing is read (stdlib sqlite3) before the first frame, not in a second paint."""
    with open_workspace(ws_path) as workspace:
        create_client(workspace, "Listed Early")
    rows_at_first_frame: list[int] = []

    class Watching(ComplianceApp):
        def on_ready(self) -> None:
            table = self.screen.query_one("#clients", DataTable)
            rows_at_first_frame.append(table.row_count)

    app = Watching(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
    assert rows_at_first_frame == [1]


async def test_help_and_theme_work_inside_a_dialog_and_question_mark_still_types(
    ws_path: Path,
) -> None:
    from compliance.tui.dialogs import Prompt

    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")  # a dialog: Textual blocks the app's ordinary keys there
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, Prompt)
        await pilot.press("question_mark")
        assert prompt.query_one(Input).value == "?"  # typed, not taken as "help"
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert dict(help_screen.keys)  # the dialog's own keys are listed
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not help_screen
        assert app.screen is prompt
        theme = app.theme
        await pilot.press("f3")
        assert app.theme != theme


def test_the_app_offers_the_screens_all_they_ask_of_it() -> None:
    """The screens see the app as a Host (they never import it): mypy checks this assignment."""
    from compliance.tui.host import Host

    host: Host = ComplianceApp(welcome=False)
    assert host.session is None and host.lang == "en"
    assert callable(host.show)


def test_every_named_screen_is_registered_and_importable() -> None:
    from textual.screen import Screen

    from compliance.tui.screens import NAMED, named

    for name in NAMED:
        assert issubclass(named(name), Screen)
