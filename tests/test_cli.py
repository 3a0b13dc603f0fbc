"""The command line contract: exit codes, output, one clear sentence for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from compliance import __version__
from compliance.cli import main
from tests.helpers import EXAMPLE, REPO


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compliance", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=os.environ.copy(),
        timeout=60,
        check=False,
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"compliance {__version__}"


def test_questionnaires_json_lists_the_bundled_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questionnaires", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    example = next(item for item in listing if item["id"] == "example")
    assert {
        "id",
        "version",
        "title",
        "languages",
        "controls",
        "questions",
        "digest",
        "path",
    } <= set(example)
    assert example["controls"] == 3
    assert example["questions"] == 8
    assert example["languages"] == ["en", "fr"]
    assert len(example["digest"]) == 64
    assert example["source"] == "bundled"


def test_questionnaires_lists_user_ones_and_warns_about_broken_ones(
    user_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = user_dirs / "questionnaires"
    folder.mkdir()
    (folder / "mine.yaml").write_text(EXAMPLE.read_text().replace("id: example", "id: mine"))
    (folder / "broken.yaml").write_text("schema: nope\n")
    assert main(["questionnaires", "--json"]) == 0
    captured = capsys.readouterr()
    listing = json.loads(captured.out)
    assert {(item["id"], item["source"]) for item in listing} >= {("mine", "user")}
    assert "broken.yaml" in captured.err
    assert "skipped" in captured.err


def test_questionnaires_text_listing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr", "questionnaires"]) == 0
    out = capsys.readouterr().out
    assert "example 1.0.0  Questionnaire d'exemple" in out


def test_validate_clean_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(EXAMPLE)]) == 0
    assert capsys.readouterr().out == ""


def test_validate_problems_exit_1_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(EXAMPLE.read_text().replace("fr: Gouvernance", "de: Verwaltung"))
    also_bad = tmp_path / "dup.yaml"
    also_bad.write_text("a: 1\na: 2\n")
    assert main(["validate", str(bad), str(also_bad)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{bad}:45:12: GOV: 'fr' is required",
        f"{bad}:45:33: GOV: unknown field 'de'",
        f"{also_bad}:2:1: duplicate key 'a'",
    ]


def test_validate_without_a_path_is_a_usage_error() -> None:
    result = run("validate")
    assert result.returncode == 2
    assert "the following arguments are required: PATH" in result.stderr


PASSPHRASE_CANARY = "canary-on-argv-8d21"


@pytest.mark.parametrize(
    "argv",
    [
        ["keys", "generate", "--name", "k", "-o", "keys", "--passphrase", PASSPHRASE_CANARY],
        ["export", "1", "-o", "out", "--encrypt", f"--passphrase={PASSPHRASE_CANARY}"],
        ["sign", "a.yaml", "--key", "k.key", "-o", "b.zip", "--pass", PASSPHRASE_CANARY],
        ["export", "1", "-o", "out", "--encrypt", "--pas", PASSPHRASE_CANARY],
        ["--passphrase", PASSPHRASE_CANARY],  # argparse would quote it as an unknown command
        ["import", "a.yaml", "--password", PASSPHRASE_CANARY],
    ],
)
def test_a_passphrase_on_the_command_line_is_refused_without_echoing_it(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "compliance: error: a passphrase is never taken on the command line, where the shell "
        "history and the process list would keep it; use --passphrase-file F, or type it at the "
        "prompt\n"
    )


def test_the_refusal_holds_for_the_real_program_argv() -> None:
    result = run("export", "1", "-o", "x", "--encrypt", "--passphrase", PASSPHRASE_CANARY)
    assert result.returncode == 2
    assert PASSPHRASE_CANARY not in result.stdout + result.stderr


def test_after_a_double_dash_the_words_are_names_not_options(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["validate", "--", str(tmp_path / "--passphrase")]) == 1
    assert "no such file" in capsys.readouterr().out


BAD_INPUTS = {
    "laughs.yaml": 'a: &a ["lol","lol"]\nb: [*a, *a]\n',
    "tag.yaml": "x: !!python/object/apply:os.system [echo pwned]\n",
    "dup.yaml": "id: a\nid: b\n",
    "empty.yaml": "",
    "list.yaml": "- 1\n- 2\n",
    "deep.yaml": "a: " + "[" * 200 + "]" * 200 + "\n",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gives_a_line_and_exit_1_without_traceback(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(BAD_INPUTS[name])
    result = run("validate", str(path))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}:")
    assert "Traceback" not in result.stdout + result.stderr
    assert "pwned" not in result.stdout.split(":", 3)[-1] or name == "tag.yaml"


def test_a_ten_megabyte_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * (10 * 1024 * 1024) + b"\n")
    result = run("validate", str(path))
    assert result.returncode == 1
    assert "over the 5,242,880-byte limit" in result.stdout


def test_invalid_utf8_and_a_folder(tmp_path: Path) -> None:
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("title: café\n".encode("latin-1"))
    result = run("validate", str(latin), str(tmp_path))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{latin}:1:11: is not valid UTF-8 (byte 0xe9); save the file as UTF-8",
        f"{tmp_path}:1:1: is a folder, not a questionnaire; give the path of the file",
    ]


def test_runs_from_another_directory(tmp_path: Path) -> None:
    result = run("questionnaires", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert any(item["id"] == "example" for item in json.loads(result.stdout))
    assert str(REPO) in result.stdout or "_data" in result.stdout
