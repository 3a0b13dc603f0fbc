"""The assessment screen writes an XLSX answer pack and reads one back (issue 17, point 3)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from textual.widgets import Checkbox, Input, RadioButton, Static

from compliance.store import open_workspace
from compliance.store.assessments import load_assessment
from compliance.tui.app import ComplianceApp
from compliance.tui.dialogs import HelpScreen
from compliance.tui.dialogs.answer_pack import PackDialog
from compliance.tui.dialogs.confirm import Confirm
from compliance.tui.dialogs.file_picker import FilePicker
from compliance.tui.screens import AssessmentScreen
from tests.tui.conftest import import_sample, settle


def _edit(path: Path, sheet: str, question_id: str, answer: Any) -> None:
    """Changes one answer cell the way a spreadsheet user would."""
    book = openpyxl.load_workbook(path)
    rows = book[sheet].iter_rows(min_row=2)
    row = next(r for r in rows if r[0].value == question_id)
    row[6].value = answer
    book.save(path)


def _stored(ws_path: Path, assessment_id: int, question_id: str) -> Any:
    with open_workspace(ws_path) as workspace:
        return load_assessment(workspace, assessment_id).answers[question_id].value


async def _opened(app: ComplianceApp, pilot: Any) -> AssessmentScreen:
    await settle(app, pilot)
    assert isinstance(app.screen, AssessmentScreen)
    return app.screen


async def _write_pack(app: ComplianceApp, pilot: Any, output: Path, *, gov_only: bool) -> None:
    await pilot.press("f9")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, PackDialog)
    boxes = list(dialog.query(Checkbox))
    assert [box.value for box in boxes] == [True, True]  # every applicable domain ticked
    if gov_only:
        boxes[1].value = False
    dialog.query_one("#pk-fr", RadioButton).value = True
    dialog.query_one("#pk-output", Input).value = str(output)
    await pilot.click("#pk-write")
    await settle(app, pilot)


async def _read_pack(app: ComplianceApp, pilot: Any, path: Path) -> None:
    await pilot.press("f10")
    await pilot.pause()
    picker = app.screen
    assert isinstance(picker, FilePicker)
    box = picker.query_one("#fp-path", Input)
    box.value = str(path)
    box.focus()
    await pilot.press("enter")
    await settle(app, pilot)


async def test_the_screen_writes_a_pack_of_the_chosen_domains(
    ws_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(AssessmentScreen, "notify", lambda self, text, **_: said.append(text))
    assessment_id = import_sample(ws_path)
    output = tmp_path / "out" / "pack.xlsx"
    output.parent.mkdir()
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _opened(app, pilot)
        await _write_pack(app, pilot, output, gov_only=True)
        assert app.screen is screen
    book = openpyxl.load_workbook(output)
    visible = [name for name in book.sheetnames if book[name].sheet_state == "visible"]
    assert visible == ["GOV Gouvernance"]  # French, and only the ticked domain
    assert said and str(output) in said[-1] and "5 questions" in said[-1]


async def test_reading_back_an_edited_pack_updates_the_store_and_the_screen(
    ws_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(AssessmentScreen, "notify", lambda self, text, **_: said.append(text))
    assessment_id = import_sample(ws_path)
    assert _stored(ws_path, assessment_id, "gov02.share") == 60
    output = tmp_path / "pack.xlsx"
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _opened(app, pilot)
        await _write_pack(app, pilot, output, gov_only=False)
        _edit(output, "GOV Gouvernance", "gov02.share", 75)
        await _read_pack(app, pilot, output)
        assert app.screen is screen
        assert said[-1] == f"Read {output}: 1 saved, 0 conflict(s), 7 unchanged."
        assert _stored(ws_path, assessment_id, "gov02.share") == 75
        assert screen.session.value_of("gov02.share") == 75
        await screen.goto("gov02.share")
        await pilot.pause()
        assert screen.query_one("#q-answer", Input).value == "75"


async def test_a_pack_with_a_bad_cell_lists_the_problem_and_changes_nothing(
    ws_path: Path, tmp_path: Path
) -> None:
    assessment_id = import_sample(ws_path)
    output = tmp_path / "pack.xlsx"
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _opened(app, pilot)
        await _write_pack(app, pilot, output, gov_only=False)
        _edit(output, "GOV Gouvernance", "gov02.share", "lots")
        await _read_pack(app, pilot, output)
        dialog = app.screen
        assert isinstance(dialog, Confirm)
        text = str(dialog.query_one(".dialog-text", Static).render())
        assert "'GOV Gouvernance'!G4: " in text
        await pilot.press("n")  # do not apply the valid rows
        await settle(app, pilot)
        assert app.screen is screen
        assert _stored(ws_path, assessment_id, "gov02.share") == 60
        assert screen.session.value_of("gov02.share") == 60


async def test_the_valid_rows_of_a_pack_with_a_bad_cell_can_be_applied(
    ws_path: Path, tmp_path: Path
) -> None:
    assessment_id = import_sample(ws_path)
    output = tmp_path / "pack.xlsx"
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _opened(app, pilot)
        await _write_pack(app, pilot, output, gov_only=False)
        _edit(output, "GOV Gouvernance", "gov02.share", "lots")
        _edit(output, "GOV Gouvernance", "gov01.maturity", 4)
        await _read_pack(app, pilot, output)
        asked = app.screen
        assert isinstance(asked, Confirm)
        await pilot.press("y")  # apply the valid rows (--partial)
        await settle(app, pilot)
        assert app.screen is screen
        assert _stored(ws_path, assessment_id, "gov01.maturity") == 4
        assert _stored(ws_path, assessment_id, "gov02.share") == 60
        assert screen.session.value_of("gov01.maturity") == 4


async def test_help_lists_both_keys_in_the_interface_language(ws_path: Path) -> None:
    assessment_id = import_sample(ws_path)
    app = ComplianceApp(lang="fr", workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(100, 40)) as pilot:
        await _opened(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        described = dict(app.screen.keys)
        keys_of = {text: keys for keys, text in described.items()}
        assert keys_of["Écrire un dossier de réponses\u00a0: un classeur que d'autres remplissent"]
        assert keys_of["Relire un dossier de réponses rempli"].startswith("F10")


async def test_the_pack_goes_to_the_documents_folder_by_default(
    ws_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(documents))
    monkeypatch.delenv("COMPLIANCE_DOCUMENTS_DIR")  # the tests' stand-in for it
    assessment_id = import_sample(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await _opened(app, pilot)
        await pilot.press("f9")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PackDialog)
        shown = dialog.query_one("#pk-output", Input).value
        assert shown == str(documents / f"answer-pack-{assessment_id}.xlsx")
        assert dialog.query_one("#pk-en", RadioButton).value  # the interface's language
        await pilot.click("#pk-write")
        await settle(app, pilot)
        assert app.screen is screen
    book = openpyxl.load_workbook(documents / f"answer-pack-{assessment_id}.xlsx")
    assert "GOV Governance" in book.sheetnames and "XFR Transfers" in book.sheetnames
