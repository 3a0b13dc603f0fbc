"""The audit log dialog through Pilot: a known change shown newest first, the client filter,
and opening and closing without growing the screen stack."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from compliance.store import create_client, open_workspace
from compliance.store.clients import rename_client
from compliance.tui.app import ComplianceApp
from compliance.tui.dialogs import AuditDialog
from compliance.tui.screens import WorkspaceScreen
from tests.tui.conftest import settle


def _seed(path: Path) -> tuple[int, int]:
    """Two clients, the first renamed by "amina" after the second was created."""
    with open_workspace(path, actor="amina") as workspace:
        first = create_client(workspace, "Atlas Contact")
        second = create_client(workspace, "Rif Data")
        rename_client(workspace, first, "Atlas \x1b[31mCall")
    return first, second


def _rows(dialog: AuditDialog) -> list[list[str]]:
    table = dialog.query_one("#audit", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def _open_audit(app: ComplianceApp, pilot: object, client_id: int) -> AuditDialog:
    screen = app.screen
    assert isinstance(screen, WorkspaceScreen)
    screen.client_id = client_id
    await pilot.press("a")  # type: ignore[attr-defined]
    await settle(app, pilot)  # type: ignore[arg-type]
    dialog = app.screen
    assert isinstance(dialog, AuditDialog)
    return dialog


async def test_the_audit_view_lists_a_known_change_newest_first(ws_path: Path) -> None:
    first, second = _seed(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        dialog = await _open_audit(app, pilot, first)
        rows = _rows(dialog)
        assert [e.client_id for e in dialog.entries] == [first, first]  # the filter
        ids = [e.id for e in dialog.entries]
        assert ids == sorted(ids, reverse=True)  # newest first
        newest = rows[0]
        assert newest[1] == "amina"
        assert "client" in newest[2]
        # the escape character is shown escaped, never sent to the terminal
        assert newest[3].startswith("Atlas Contact → Atlas ")
        assert "\x1b" not in newest[3] and "Call" in newest[3]
        assert all("Rif Data" not in " ".join(row) for row in rows)
        # the highlighted entry's change is shown in full below the table (cut off at 80 columns)
        shown = str(dialog.query_one("#audit-change", Static).render())
        assert shown == newest[3]
        await pilot.press("t")  # every client
        await settle(app, pilot)
        assert {e.client_id for e in dialog.entries} == {first, second}
        assert [e.id for e in dialog.entries] == sorted(
            (e.id for e in dialog.entries), reverse=True
        )


async def test_the_audit_view_opens_and_closes_without_growing_the_stack(ws_path: Path) -> None:
    first, _ = _seed(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        depth = len(app.screen_stack)
        for _ in range(3):
            await _open_audit(app, pilot, first)
            assert len(app.screen_stack) == depth + 1
            await pilot.press("escape")
            await settle(app, pilot)
            assert isinstance(app.screen, WorkspaceScreen)
            assert len(app.screen_stack) == depth


def test_a_recorded_document_reads_as_its_fields_not_as_python() -> None:
    from compliance.tui.dialogs.audit import change_text

    assert change_text(None, {"cycle": 2, "questionnaire": "ma-offshoring 1.1.0"}) == (
        "— → cycle: 2, questionnaire: ma-offshoring 1.1.0"
    )
    assert change_text({"value": "yes"}, {"value": ["MA", "FR"]}) == "yes → MA, FR"
