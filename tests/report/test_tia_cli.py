"""``compliance tia FILE|ID --flow FLOW``: the TIA document from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.cli import main
from compliance.store import import_assessment, open_workspace, read_assessment_file
from tests.report.test_tia_document import FIXTURE, FLOW


def test_a_file_gives_the_document_in_the_format_its_name_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "tia.md"
    assert main(["--lang", "fr", "tia", str(FIXTURE), "--flow", FLOW, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Analyse d'impact du transfert")
    assert "wrote" in capsys.readouterr().err


def test_a_workspace_id_gives_the_same_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = tmp_path / "ws.sqlite"
    assessment, _ = read_assessment_file(FIXTURE, lambda: "")
    with open_workspace(workspace) as opened:
        assessment_id = import_assessment(opened, assessment)
    from_file, from_store = tmp_path / "file.html", tmp_path / "store.html"
    assert main(["tia", str(FIXTURE), "--flow", FLOW, "-o", str(from_file)]) == 0
    arguments = ["tia", str(assessment_id), "--workspace", str(workspace), "--flow", FLOW]
    arguments += ["--country", "MA", "--format", "html", "-o", str(from_store)]
    assert main(arguments) == 0
    assert from_store.read_bytes() == from_file.read_bytes()


@pytest.mark.parametrize(
    "case",
    [
        (["--flow", "nope", "-o", "x.html"], 1, "no flow 'nope'"),
        (["--flow", "f2-backup-us", "--country", "MA", "-o", "x.html"], 1, "assesses US, not MA"),
        (["--flow", FLOW, "--country", "US", "-o", "x.html"], 1, "assesses MA, not US"),
        (["-o", "x.html"], 2, "name the flow"),
        (["--flow", FLOW], 2, "-o OUT"),
        (["--flow", FLOW, "-o", "x.txt"], 2, "cannot tell the document format"),
        (["--flow", FLOW, "--format", "md", "-o", "x.pdf"], 2, "does not match"),
    ],
)
def test_bad_input_is_one_sentence_and_writes_nothing(
    case: tuple[list[str], int, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    arguments, code, says = case
    monkeypatch.chdir(tmp_path)
    assert main(["tia", str(FIXTURE), *arguments]) == code
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not list(tmp_path.iterdir())
