"""Long work shows its steps above the footer, keeps the UI answering, and hides when done."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from compliance.store import export_assessment, import_assessment, open_workspace, transfer
from compliance.store import read_assessment_file as read_file
from compliance.tui.app import ComplianceApp
from compliance.tui.screens import AssessmentScreen, ResultsScreen, WorkspaceScreen
from compliance.tui.screens.base import BaseScreen
from compliance.tui.widgets.work_progress import BAR_WIDTH, WorkProgress
from tests.tui.conftest import SAMPLE, import_sample, open_from_assessment, settle

FIXTURE = SAMPLE


class _Line(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("body")
        yield WorkProgress()


async def test_the_line_draws_a_bar_and_the_count_then_hides() -> None:
    app = _Line()
    async with app.run_test(size=(60, 5)) as pilot:
        line = app.query_one(WorkProgress)
        assert not line.busy
        line.step("Checking [bold]x[/]", 2, 4)
        await pilot.pause()
        assert line.busy and line.styles.display == "block"
        shown = line.render().plain
        assert shown.startswith("■" * (BAR_WIDTH // 2) + "□" * (BAR_WIDTH // 2))
        assert "2/4" in shown and "Checking [bold]x[/]" in shown  # digits, and text literal
        line.step("Making the PDF", 0, None)  # a step of unknown length: no bar
        assert line.render().plain == "Making the PDF"
        line.finish()
        await pilot.pause()
        assert not line.busy and line.styles.display == "none"


def _record_steps(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int, int | None]]:
    steps: list[tuple[str, int, int | None]] = []
    original = BaseScreen.progress

    def recording(
        self: BaseScreen, text_key: str, done: int, total: int | None = None, **values: str
    ) -> None:
        steps.append((text_key, done, total))
        original(self, text_key, done, total, **values)

    monkeypatch.setattr(BaseScreen, "progress", recording)
    return steps


def _record_errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    errors: list[str] = []
    original = ComplianceApp.error

    def recording(self: ComplianceApp, message: str) -> None:
        errors.append(message)
        original(self, message)

    monkeypatch.setattr(ComplianceApp, "error", recording)
    return errors


def _exported(tmp_path: Path) -> Path:
    source = tmp_path / "source.sqlite"
    assessment, _ = read_file(FIXTURE, lambda: "")
    with open_workspace(source) as workspace:
        data = export_assessment(workspace, import_assessment(workspace, assessment))
    target = tmp_path / "exported.json"
    target.write_bytes(data)
    return target


async def test_an_import_shows_each_step_and_the_ui_keeps_answering(
    ws_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = _record_steps(monkeypatch)
    path = _exported(tmp_path)
    release = threading.Event()
    original = transfer.read_assessment_file

    def slow_read(*args: Any, **kwargs: Any) -> Any:
        release.wait(5)  # a long decryption, say
        return original(*args, **kwargs)

    monkeypatch.setattr(transfer, "read_assessment_file", slow_read)
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, WorkspaceScreen)
        screen.import_file(path, None)
        for _ in range(100):
            await pilot.pause(0.01)
            if steps and steps[-1][0] == "work.reading_file":
                break
        line = screen.query_one(WorkProgress)
        assert line.busy and "3/5" not in line.render().plain and "2/5" in line.render().plain
        before = app.lang
        await pilot.press("f2")  # the UI answers while the file is being read
        assert app.lang != before
        release.set()
        await settle(app, pilot)
        assert not line.busy
    assert [key for key, _, _ in steps] == [
        "work.loading",
        "work.opening_store",
        "work.reading_file",
        "work.scoring",
        "work.saving",
    ]
    assert [done for _, done, _ in steps] == [0, 1, 2, 3, 4]
    assert {total for _, _, total in steps} == {5}
    with open_workspace(ws_path) as workspace:
        from compliance.store import list_assessments

        assert len(list_assessments(workspace)) == 1


async def test_a_failed_import_hides_the_line_and_says_why(
    ws_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = _record_steps(monkeypatch)
    errors = _record_errors(monkeypatch)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, WorkspaceScreen)
        screen.import_file(bad, None)
        await settle(app, pilot)
        assert not screen.query_one(WorkProgress).busy
        assert errors and "bad.json" in errors[-1]
    assert steps[-1][0] == "work.reading_file"  # it stopped where it failed


async def test_opening_an_assessment_shows_its_steps_on_the_workspace(
    ws_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = _record_steps(monkeypatch)
    assessment_id = import_sample(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        workspace_screen = app.screen
        steps.clear()
        app.open_assessment(assessment_id)
        await settle(app, pilot)
        assert isinstance(app.screen, AssessmentScreen)
        assert not workspace_screen.query_one(WorkProgress).busy
    assert [key for key, _, _ in steps] == [
        "work.loading",
        "work.opening_store",
        "work.reading_assessment",
    ]


async def test_a_report_is_written_in_steps_and_never_over_a_folder(
    ws_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = _record_steps(monkeypatch)
    errors = _record_errors(monkeypatch)
    assessment_id = import_sample(ws_path)
    folder = tmp_path / "report.md"
    folder.mkdir()
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        results = await open_from_assessment(app, pilot, "results")
        assert isinstance(results, ResultsScreen)
        steps.clear()
        results.write_report(folder)
        await settle(app, pilot)
        assert folder.is_dir()  # refused, not replaced
        assert errors and "not a regular file" in errors[-1]
        steps.clear()
        results.write_report(tmp_path / "written.md")
        await settle(app, pilot)
        assert not results.query_one(WorkProgress).busy
    assert [key for key, _, _ in steps] == [
        "work.loading",
        "work.scoring",
        "work.rendering",
        "work.writing",
    ]
    assert "Atlas Contact" in (tmp_path / "written.md").read_text(encoding="utf-8")
