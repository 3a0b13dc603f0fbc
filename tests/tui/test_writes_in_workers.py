"""Flow writes, evidence and the workspace screen's changes run in workers (issue 19): a store
that does not answer leaves the keys working, the screen says the workspace is not answering,
and the write lands once the store answers again."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from compliance.store import list_clients, load_assessment, open_workspace
from compliance.tui.app import ComplianceApp
from compliance.tui.dialogs import Prompt
from compliance.tui.screens import AssessmentScreen, FlowsScreen, WorkspaceScreen
from compliance.tui.screens.base import BaseScreen
from tests.tui.conftest import import_sample, open_from_assessment, settle


def _blocked(
    monkeypatch: pytest.MonkeyPatch, module: object, name: str
) -> tuple[threading.Event, threading.Event]:
    """Makes ``module.name`` wait for the returned release Event (bounded) before it runs;
    the other Event is set once the call has started."""
    original: Callable[..., Any] = getattr(module, name)
    started, release = threading.Event(), threading.Event()

    def waiting(*args: Any, **kwargs: Any) -> Any:
        started.set()
        assert release.wait(30), "the test never released the store"
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, waiting)
    monkeypatch.setattr("compliance.tui.screens.base.NOT_ANSWERING", 0.2)
    return started, release


async def _until(pilot: Pilot[None], condition: Callable[[], bool]) -> None:
    for _ in range(100):  # a bounded wait
        if condition():
            return
        await pilot.pause(0.05)
    assert condition()


async def _shows_not_answering(pilot: Pilot[None], screen: BaseScreen) -> None:
    await _until(pilot, lambda: screen.not_answering)
    assert screen.saving == 1


async def test_a_flow_edit_waiting_for_the_store_leaves_the_keys_working(
    ws_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import compliance.store.flows as store_flows

    assessment_id = import_sample(ws_path)
    started, release = _blocked(monkeypatch, store_flows, "replace_flow")
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_from_assessment(app, pilot, "flows")
        assert isinstance(screen, FlowsScreen)
        flow = screen.selected()
        assert flow is not None
        screen.save(flow.model_copy(update={"name": "Renamed flow"}), new=False)
        await _until(pilot, started.is_set)
        await _shows_not_answering(pilot, screen)
        table = screen.query_one(DataTable)
        assert table.cursor_row == 0
        await pilot.press("down")  # the UI still answers keys
        await pilot.pause()
        assert table.cursor_row == 1
        assert screen.saving == 1  # while the write still waits
        release.set()
        await settle(app, pilot)
        assert screen.saving == 0 and not screen.not_answering
        assert screen.session.assessment.flows[0].name == "Renamed flow"
    with open_workspace(ws_path) as workspace:
        assert load_assessment(workspace, assessment_id).flows[0].name == "Renamed flow"


async def test_evidence_waiting_for_the_store_leaves_the_keys_working(
    ws_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import compliance.store.evidence as store_evidence

    assessment_id = import_sample(ws_path)
    started, release = _blocked(monkeypatch, store_evidence, "attach_evidence")
    proof = tmp_path / "policy.txt"
    proof.write_text("our policy\n", encoding="utf-8")
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        question_id = next(iter(screen.session.assessment.answers))
        assert not screen.session.assessment.answers[question_id].evidence
        screen.attach(question_id, proof)
        await _until(pilot, started.is_set)
        await _shows_not_answering(pilot, screen)
        assert "not answering" in screen.saved
        before = screen.current
        await pilot.press("pagedown")  # the UI still answers keys
        await pilot.pause()
        assert screen.current != before
        release.set()
        await settle(app, pilot)
        assert screen.saving == 0
        evidence = screen.session.assessment.answers[question_id].evidence
        assert "policy.txt" in [Path(e.path).name for e in evidence]
    with open_workspace(ws_path) as workspace:
        stored = load_assessment(workspace, assessment_id).answers[question_id].evidence
    assert "policy.txt" in [Path(e.path).name for e in stored]


async def test_a_new_client_waiting_for_the_store_leaves_the_keys_working(
    ws_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compliance.workspace import changes

    started, release = _blocked(monkeypatch, changes, "create_client")
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, WorkspaceScreen)
        screen._create_client("Atlas Contact")
        await _until(pilot, started.is_set)
        await _shows_not_answering(pilot, screen)
        await pilot.press("n")  # the UI still answers keys: the name prompt opens
        await pilot.pause()
        assert isinstance(app.screen, Prompt)
        await pilot.press("escape")
        await pilot.pause()
        back: object = app.screen
        assert back is screen
        release.set()
        await settle(app, pilot)
        assert screen.saving == 0
        assert [c.name for c in screen.clients] == ["Atlas Contact"]
    with open_workspace(ws_path) as workspace:
        assert [c.name for c in list_clients(workspace)] == ["Atlas Contact"]
