"""The workspace screen through Pilot: clients, assessments, the welcome, import and export."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, OptionList

from compliance.store import (
    create_assessment,
    create_client,
    list_assessments,
    list_clients,
    open_workspace,
)
from compliance.tui.app import ComplianceApp
from compliance.tui.dialogs import Choose, Confirm, NewPassphrase, Prompt, Welcome
from compliance.tui.screens import AssessmentScreen, WorkspaceScreen
from compliance.workspace import transfer
from tests.helpers import REPO
from tests.tui.conftest import settle


def _client_names(path: Path) -> list[str]:
    with open_workspace(path) as workspace:
        return [c.name for c in list_clients(workspace)]


async def test_an_empty_workspace_welcomes_and_creates_the_sample_client(ws_path: Path) -> None:
    app = ComplianceApp(workspace=ws_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, Welcome)
        await pilot.press("enter")  # "Create a sample client" has the focus
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, WorkspaceScreen)
        assert len(screen.clients) == 1
        assert screen.rows and screen.rows[0].info.score is not None
    assert len(_client_names(ws_path)) == 1


async def test_create_client_start_assessment_and_open_it(ws_path: Path) -> None:
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        assert isinstance(app.screen, Prompt)
        app.screen.query_one(Input).value = "Atlas Contact"
        await pilot.press("enter")
        await settle(app, pilot)
        workspace_screen = app.screen
        assert isinstance(workspace_screen, WorkspaceScreen)
        assert [c.name for c in workspace_screen.clients] == ["Atlas Contact"]
        workspace_screen.action_start()  # the questionnaires are read in a worker
        await settle(app, pilot)
        choices = [key for key, _ in app.screen.choices]  # type: ignore[attr-defined]
        assert "example@1.0.0" in choices
        app.screen.dismiss("example@1.0.0")
        await settle(app, pilot)
        assert isinstance(app.screen, AssessmentScreen)
        assert app.session is not None and app.session.questionnaire.id == "example"
    with open_workspace(ws_path) as workspace:
        found = list_assessments(workspace)
    assert [(a.client, a.questionnaire_id) for a in found] == [("Atlas Contact", "example")]


async def test_the_chooser_offers_the_newest_version_first_and_preselects_it(
    ws_path: Path,
) -> None:
    with open_workspace(ws_path) as workspace:
        client = create_client(workspace, "Atlas Contact")
        create_assessment(workspace, client, "ma-offshoring", version="1.0.0")
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        workspace_screen = app.screen
        assert isinstance(workspace_screen, WorkspaceScreen)
        assert workspace_screen.rows  # the client's 1.0.0 assessment is listed
        workspace_screen.action_start()
        await settle(app, pilot)
        chooser = app.screen
        assert isinstance(chooser, Choose)
        keys = [key for key, _ in chooser.choices]
        assert keys.index("ma-offshoring@1.2.0") + 1 == keys.index("ma-offshoring@1.1.0")
        assert keys.index("ma-offshoring@1.1.0") + 1 == keys.index("ma-offshoring@1.0.0")
        labels = dict(chooser.choices)
        assert labels["ma-offshoring@1.0.0"].endswith("; an older version)")
        assert labels["ma-offshoring@1.1.0"].endswith("; an older version)")
        assert "older" not in labels["ma-offshoring@1.2.0"]
        options = chooser.query_one(OptionList)
        assert options.highlighted is not None
        highlighted = options.get_option_at_index(options.highlighted)
        assert highlighted.id == "ma-offshoring@1.2.0"  # the client's questionnaire, newest


async def test_a_new_cycle_offers_the_newer_version_and_migrates(ws_path: Path) -> None:
    sample = REPO / "questionnaires/ma-offshoring/1.0.0/fixtures/telemarketing-france.yaml"
    with open_workspace(ws_path) as workspace:
        source_id = transfer.import_file(workspace, sample, lambda: "").assessment_id
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, WorkspaceScreen)
        await pilot.press("d")
        await settle(app, pilot)
        chooser = app.screen
        assert isinstance(chooser, Choose)
        assert [key for key, _ in chooser.choices] == ["1.2.0", "1.1.0", "1.0.0"]
        options = chooser.query_one(OptionList)
        assert options.highlighted == 0  # the newer version is preselected
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, WorkspaceScreen)
        rows = sorted((r.info.cycle, r.info.questionnaire_version) for r in screen.rows)
        assert rows == [(1, "1.0.0"), (2, "1.2.0")]
        shown = [n.message for n in app._notifications]
        assert any("new cycle on version 1.2.0" in m and "score 92.95 → 92.95" in m for m in shown)
    with open_workspace(ws_path) as workspace:
        migrated = [a for a in list_assessments(workspace) if a.id != source_id]
        assert [a.questionnaire_version for a in migrated] == ["1.2.0"]


async def test_delete_needs_the_name_typed_and_a_wrong_name_keeps_the_client(
    ws_path: Path,
) -> None:
    with open_workspace(ws_path) as workspace:
        create_client(workspace, "Keep Me")
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("x")
        assert isinstance(app.screen, Prompt)
        await pilot.press("escape")  # cancelled
        await settle(app, pilot)
        assert _client_names(ws_path) == ["Keep Me"]
        await pilot.press("x")
        await pilot.press(*"Keep", "enter")  # not the name: refused, nothing deleted
        await settle(app, pilot)
        assert _client_names(ws_path) == ["Keep Me"]
        while isinstance(app.screen, Prompt):
            await pilot.press("escape")
            await settle(app, pilot)
        await pilot.press("x")
        await pilot.press(*"Keep Me", "enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, WorkspaceScreen)
        assert screen.clients == []
    assert _client_names(ws_path) == []


async def test_rename_and_duplicate_for_a_new_cycle(ws_path: Path) -> None:
    with open_workspace(ws_path) as workspace:
        client = create_client(workspace, "Old Name")
        create_assessment(workspace, client, "example")
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, WorkspaceScreen)
        screen._rename(client, "New Name")
        screen.action_duplicate()
        await settle(app, pilot)
        confirm = app.screen
        assert isinstance(confirm, Confirm)  # a new cycle is made only once confirmed
        await pilot.press("enter")  # Yes has the focus: it adds, and removes nothing
        await settle(app, pilot)
        assert sorted(r.info.cycle for r in screen.rows) == [1, 2]
    assert _client_names(ws_path) == ["New Name"]


async def test_export_encrypted_then_import_asks_for_the_passphrase(
    ws_path: Path, tmp_path: Path
) -> None:
    with open_workspace(ws_path) as workspace:
        client = create_client(workspace, "Exported")
        assessment_id = create_assessment(workspace, client, "example")
    target = tmp_path / "out.cmpl"
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, WorkspaceScreen)
        await pilot.press("e")
        assert isinstance(app.screen, Choose)
        app.screen.dismiss("encrypted")
        await pilot.pause()
        assert isinstance(app.screen, Prompt)
        app.screen.dismiss(str(target))
        await pilot.pause()
        passphrase = app.screen
        assert isinstance(passphrase, NewPassphrase)
        assert all(box.password for box in passphrase.query(Input))
        passphrase.dismiss("correct horse battery")
        await settle(app, pilot)
        data = target.read_bytes()
        assert b"Exported" not in data  # encrypted
        screen._import_from(target)
        await pilot.pause()
        assert isinstance(app.screen, Prompt) and app.screen.password
        app.screen.dismiss("correct horse battery")
        await settle(app, pilot)
    with open_workspace(ws_path) as workspace:
        cycles = sorted(a.cycle for a in list_assessments(workspace))
    assert cycles == [1, 2]
    del assessment_id


async def test_names_from_files_are_shown_literally(ws_path: Path) -> None:
    hostile = "[bold]x[/] [@click=app.quit]boom[/] \x1b[31mred"
    with open_workspace(ws_path) as workspace:
        create_client(workspace, hostile)
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one("#clients", DataTable)
        cell = table.get_row_at(0)[0]
        shown = str(cell)
        assert "[bold]x[/]" in shown
        assert "[@click=app.quit]" in shown
        assert "\x1b" not in shown
        await pilot.click("#clients", offset=(5, 1))
        await pilot.pause()
        assert app.is_running


async def test_the_review_of_a_folder_opens_from_the_workspace(
    ws_path: Path, tmp_path: Path
) -> None:
    from compliance.tui.screens.review import ReviewScreen

    bundles = tmp_path / "inbox"
    bundles.mkdir()
    (bundles / "not-a-bundle.zip").write_bytes(b"PK\x03\x04 truncated")
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, WorkspaceScreen)
        screen.action_review()
        await pilot.pause()
        assert isinstance(app.screen, Prompt)
        app.screen.dismiss(str(bundles))
        await settle(app, pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert review.folder == bundles
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [(s.status, s.summary) for s in review.submissions] == [("INVALID", None)]


async def test_the_client_column_is_as_wide_as_the_longest_name(ws_path: Path) -> None:
    """Set from the names, not by DataTable's sizing on idle, which a busy terminal outran."""
    name = "Sud Contact Marketing SARL – Casablanca"
    with open_workspace(ws_path) as workspace:
        create_assessment(workspace, create_client(workspace, name), "example")  # re-scored
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one("#clients", DataTable)
        column = table.ordered_columns[0]
        assert not column.auto_width and column.width == len(name)
        assert str(table.get_row_at(0)[0]) == name


async def test_a_refused_change_is_shown_and_changes_nothing(ws_path: Path) -> None:
    with open_workspace(ws_path) as workspace:
        create_client(workspace, "Atlas")
        other = create_client(workspace, "Sud Co")
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, WorkspaceScreen)
        screen._rename(other, "Atlas")  # the name is taken: the service refuses
        await settle(app, pilot)
        said = [n.message for n in app._notifications]
        assert any("Atlas" in text for text in said), said
        assert not any(text == "Client renamed" for text in said)
        assert sorted(c.name for c in screen.clients) == ["Atlas", "Sud Co"]
    assert sorted(_client_names(ws_path)) == ["Atlas", "Sud Co"]
