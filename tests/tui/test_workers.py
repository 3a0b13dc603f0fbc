"""Every worker of the UI names itself, so Textual never writes its arguments into a description.

Without ``description=``, ``@work`` builds the worker's description from ``repr()`` of every
argument: a passphrase would end up in the worker's description (and in Textual's logs), and a
whole questionnaire would be turned into text on every re-score.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from textual.worker import Worker

from compliance.store import create_assessment, create_client, open_workspace
from compliance.tui.app import ComplianceApp
from compliance.tui.dialogs import NewPassphrase, Prompt
from tests.helpers import REPO
from tests.tui.conftest import settle

TUI = REPO / "compliance" / "tui"


def _work_decorators(path: Path) -> list[tuple[str, ast.Call]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for decorator in node.decorator_list:
                if (
                    isinstance(decorator, ast.Call)
                    and isinstance(decorator.func, ast.Name)
                    and decorator.func.id == "work"
                ):
                    found.append((node.name, decorator))
    return found


MODULES = sorted(TUI.rglob("*.py"))


def test_every_worker_has_a_description() -> None:
    found = [(path, name, call) for path in MODULES for name, call in _work_decorators(path)]
    assert len(found) >= 10  # the walk sees the workers (a broken walk would pass vacuously)
    missing = [
        f"{path.relative_to(TUI)}:{name}"
        for path, name, call in found
        if not any(keyword.arg == "description" for keyword in call.keywords)
    ]
    assert missing == []


async def test_a_passphrase_never_reaches_a_worker_description(
    ws_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    descriptions: list[str] = []
    original = Worker.__init__

    def recording(self: Worker[object], *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        descriptions.append(self.description)

    monkeypatch.setattr(Worker, "__init__", recording)
    with open_workspace(ws_path) as workspace:
        create_assessment(workspace, create_client(workspace, "Exported"), "example")
    target = tmp_path / "out.cmpl"
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        app.screen.dismiss("encrypted")  # the Choose dialog: encrypted or plain
        await pilot.pause()
        assert isinstance(app.screen, Prompt)
        app.screen.dismiss(str(target))
        await pilot.pause()
        assert isinstance(app.screen, NewPassphrase)
        app.screen.dismiss("correct horse battery")
        await settle(app, pilot)
    assert target.exists()
    assert "export" in descriptions
    assert not [d for d in descriptions if "horse" in d]
