"""The workspace commands through ``compliance.cli.main``: output, exit codes, one-line errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from compliance import filecrypt, store
from compliance.cli import main
from compliance.model.assessment import Assessment
from compliance.store.transfer import assessment_bytes

CANARY = "canary passphrase 5b1e"


@pytest.fixture
def sample_file(sample: Assessment, tmp_path: Path) -> Path:
    path = tmp_path / "sample.json"
    path.write_bytes(assessment_bytes(sample))
    return path


@pytest.fixture
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI encrypts with the default (strong) parameters; tests use the minimum for speed."""
    monkeypatch.setattr(filecrypt, "DEFAULT_PARAMS", filecrypt.MINIMUM_PARAMS)
    monkeypatch.setattr(filecrypt.encrypt, "__kwdefaults__", {"params": filecrypt.MINIMUM_PARAMS})


def _one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("compliance: ")
    return lines[0]


def test_empty_workspace_listings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clients"]) == 0
    assert capsys.readouterr().out == "No clients in this workspace.\n"
    assert main(["assessments", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_import_then_list_as_json(sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(sample_file)]) == 0
    assert "as assessment 1 of client 'Atlas Relation Client SARL'" in capsys.readouterr().out
    assert main(["assessments", "--json"]) == 0
    [item] = json.loads(capsys.readouterr().out)
    assert {"id", "client", "questionnaire", "updated", "score"} <= set(item)
    assert (item["id"], item["client"], item["questionnaire"]) == (
        1,
        "Atlas Relation Client SARL",
        "example",
    )
    assert isinstance(item["score"], str) and float(item["score"]) > 0
    assert main(["clients", "--json"]) == 0
    [client] = json.loads(capsys.readouterr().out)
    assert (client["name"], client["assessments"], client["score"]) == (
        "Atlas Relation Client SARL",
        1,
        item["score"],
    )
    assert main(["assessments"]) == 0
    assert "example 1.0.0 cycle 1  draft  score" in capsys.readouterr().out


def test_export_import_export_through_the_cli_is_byte_identical(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(sample_file), "--client", "Client A"]) == 0
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert main(["export", "1", "-o", str(first)]) == 0
    assert main(["import", str(first), "--client", "Client B"]) == 0
    assert main(["export", "2", "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes() == sample_file.read_bytes()
    capsys.readouterr()
    assert main(["clients", "--json"]) == 0
    assert [c["name"] for c in json.loads(capsys.readouterr().out)] == ["Client A", "Client B"]


def test_workspace_option_picks_another_workspace(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.sqlite"
    assert main(["import", str(sample_file), "--workspace", str(other)]) == 0
    capsys.readouterr()
    assert main(["clients", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["clients", "--json", "--workspace", str(other)]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_workspace_before_the_command_is_the_one_written_and_listed(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chosen = tmp_path / "chosen.sqlite"
    assert main(["--workspace", str(chosen), "import", str(sample_file)]) == 0
    capsys.readouterr()
    assert chosen.is_file()
    assert main(["--workspace", str(chosen), "clients", "--json"]) == 0
    assert [c["name"] for c in json.loads(capsys.readouterr().out)] == [
        "Atlas Relation Client SARL"
    ]
    assert main(["clients", "--json"]) == 0  # the default workspace was not touched
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.usefixtures("fast_kdf")
def test_encrypted_export_and_import_with_a_passphrase_file(
    sample_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(CANARY + "\n", encoding="utf-8")
    assert main(["import", str(sample_file)]) == 0
    sealed = tmp_path / "export.enc"
    argv = ["export", "1", "-o", str(sealed), "--encrypt", "--passphrase-file", str(secret)]
    assert main(argv) == 0
    data = sealed.read_bytes()
    assert filecrypt.is_encrypted(data)
    assert b"Atlas" not in data
    assert sealed.stat().st_mode & 0o077 == 0
    monkeypatch.setenv("COMPLIANCE_PASSPHRASE", CANARY)
    assert main(["import", str(sealed), "--client", "Decrypted"]) == 0
    out, err = capsys.readouterr()
    assert CANARY not in out + err
    with store.open_workspace() as ws:
        assert store.export_assessment(ws, 2) == sample_file.read_bytes()


@pytest.mark.usefixtures("fast_kdf")
@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ("wrong-passphrase", "wrong passphrase"),
        ("header", "header of the encrypted file was altered"),
        ("ciphertext", "encrypted content was altered"),
        ("truncated", "truncated"),
    ],
)
def test_a_bad_encrypted_file_is_refused_with_one_clear_line(
    *,
    damage: str,
    message: str,
    sample_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COMPLIANCE_PASSPHRASE", CANARY)
    assert main(["import", str(sample_file)]) == 0
    sealed = tmp_path / "export.enc"
    assert main(["export", "1", "-o", str(sealed), "--encrypt"]) == 0
    data = bytearray(sealed.read_bytes())
    if damage == "wrong-passphrase":
        monkeypatch.setenv("COMPLIANCE_PASSPHRASE", "a wrong guess")
    elif damage == "header":
        data[20] ^= 0x01  # inside the salt
    elif damage == "ciphertext":
        data[-30] ^= 0x01
    else:
        del data[-100:]
    sealed.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["import", str(sealed)]) == 1
    out, err = capsys.readouterr()
    line = _one_error_line(err)
    assert message in line and str(sealed) in line
    assert CANARY not in out + err
    assert main(["assessments", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1  # nothing was imported


def test_bad_input_exits_1_with_one_sentence(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "compliance.assessment/v1", "answers": 3}', encoding="utf-8")
    cases = [
        ["import", str(bad)],
        ["import", str(tmp_path / "missing.json")],
        ["export", "42", "-o", str(tmp_path / "out.json")],
        ["export", "1", "-o", str(tmp_path / "no" / "such" / "dir.json")],
        ["clients", "--workspace", "mysql://db/x"],
    ]
    for argv in cases:
        assert main(argv) == 1, argv
        _one_error_line(capsys.readouterr().err)
    assert main(["assessments", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_encrypting_without_a_passphrase_source_is_refused(
    sample_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("COMPLIANCE_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["import", str(sample_file)]) == 0
    out = tmp_path / "out.enc"
    assert main(["export", "1", "-o", str(out), "--encrypt"]) == 1
    assert "--passphrase-file" in _one_error_line(capsys.readouterr().err)
    assert not out.exists()


def test_the_passphrase_cannot_be_given_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x"
    assert main(["export", "1", "-o", str(out), "--encrypt", "--passphrase", CANARY]) == 2
    captured = capsys.readouterr()
    assert "never taken on the command line" in captured.err
    assert CANARY not in captured.out + captured.err
    assert not out.exists()


@pytest.mark.usefixtures("fast_kdf")
def test_a_cmpl_name_encrypts_and_import_knows_it_by_its_content(
    sample_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COMPLIANCE_PASSPHRASE", CANARY)
    assert main(["import", str(sample_file)]) == 0
    sealed = tmp_path / "atlas.cmpl"
    assert main(["export", "1", "-o", str(sealed)]) == 0  # the name asks for encryption
    assert filecrypt.is_encrypted(sealed.read_bytes())
    assert "wrote encrypted assessment 1" in capsys.readouterr().err
    renamed = tmp_path / "atlas-renamed.bin"  # known by its first bytes whatever its name
    renamed.write_bytes(sealed.read_bytes())
    assert main(["import", str(renamed), "--client", "Renamed"]) == 0
    assert main(["import", str(sealed), "--client", "Sealed"]) == 0
    capsys.readouterr()
    assert main(["clients", "--json"]) == 0
    names = sorted(c["name"] for c in json.loads(capsys.readouterr().out))
    assert "Renamed" in names and "Sealed" in names


@pytest.mark.usefixtures("fast_kdf")
def test_a_misleading_export_name_is_refused_before_the_passphrase(
    sample_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("COMPLIANCE_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # a prompt would fail otherwise
    assert main(["import", str(sample_file)]) == 0
    capsys.readouterr()
    out = tmp_path / "atlas.json"
    assert main(["export", "1", "-o", str(out), "--encrypt"]) == 1
    line = _one_error_line(capsys.readouterr().err)
    assert "an encrypted export is not JSON; name it atlas.cmpl" in line
    assert not out.exists()


def test_a_cmpl_file_that_is_not_encrypted_is_refused_on_import(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "plain.cmpl"
    fake.write_bytes(sample_file.read_bytes())
    assert main(["import", str(fake)]) == 1
    line = _one_error_line(capsys.readouterr().err)
    assert str(fake) in line and "named as an encrypted assessment (.cmpl) but is not one" in line
    assert main(["assessments", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
