"""A stored assessment that cannot be scored never takes a workspace down (issue 14, point 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compliance.cli import main
from compliance.loader import parse_assessment
from compliance.store.transfer import import_assessment
from compliance.store.workspace import open_workspace
from tests.helpers import REPO

FIXTURE = REPO / "questionnaires" / "example" / "fixtures" / "processor-with-us-backups.yaml"


def _stored(ws_path: Path) -> tuple[int, int]:
    """One good assessment and one that no longer fits its questionnaire, stored directly."""
    good, _ = parse_assessment(FIXTURE.read_bytes(), str(FIXTURE))
    bad = good.model_copy(
        update={
            "organisation": good.organisation.model_copy(update={"name": "Broken SARL"}),
            "answers": {**good.answers, "no.such.question": next(iter(good.answers.values()))},
        }
    )
    with open_workspace(ws_path) as ws:
        return import_assessment(ws, good), import_assessment(ws, bad)


def test_listings_show_cannot_be_scored_and_go_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws_path = tmp_path / "ws.sqlite"
    good, bad = _stored(ws_path)
    assert main(["assessments", "--workspace", str(ws_path)]) == 0
    out = capsys.readouterr().out
    (good_line,) = [line for line in out.splitlines() if line.split()[0] == str(good)]
    (bad_line,) = [line for line in out.splitlines() if line.split()[0] == str(bad)]
    assert "score 54.17" in good_line
    assert "cannot be scored: answers.no.such.question" in bad_line
    assert main(["assessments", "--json", "--workspace", str(ws_path)]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows[good]["problem"] is None and rows[good]["score"] == "54.17"
    assert rows[bad]["problem"].startswith("cannot be scored: ")
    assert main(["clients", "--workspace", str(ws_path)]) == 0
    clients = capsys.readouterr().out
    assert "Broken SARL  1 assessment(s), latest score - (cannot be scored:" in clients


def test_an_import_that_cannot_be_scored_stores_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Scored before it is stored: a fault of the engine refuses the file, one sentence, and the
    workspace is left as it was."""
    from compliance.engine import scoring

    def fails(*args: object, **kwargs: object) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    ws_path = tmp_path / "ws.sqlite"
    monkeypatch.setattr(scoring, "score", fails)
    assert main(["import", str(FIXTURE), "--workspace", str(ws_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("compliance: the file cannot be scored (RecursionError")
    assert "nothing was stored" in err and "Traceback" not in err
    monkeypatch.undo()
    assert main(["assessments", "--json", "--workspace", str(ws_path)]) == 0
    assert json.loads(capsys.readouterr().out) == []
