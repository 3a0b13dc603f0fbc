"""A hurried new user's mistakes get a clear answer (issue 14, point 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.cli import main
from compliance.filecrypt import MINIMUM_PARAMS
from compliance.signing.keys import file_stem, generate_key, load_private_key
from tests.helpers import REPO

FIXTURE = REPO / "questionnaires" / "example" / "fixtures" / "processor-with-us-backups.yaml"


@pytest.mark.parametrize(
    ("name", "magic"),
    [("out.html", b"<!DOCTYPE html>"), ("out.md", b"# "), ("OUT.HTM", b"<!DOCTYPE html>")],
)
def test_report_takes_its_format_from_the_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, magic: bytes
) -> None:
    out = tmp_path / name
    assert main(["report", str(FIXTURE), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(magic)
    assert f"wrote {out} (" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["--format", "md", "-o", "out.pdf"], "--format md does not match the output"),
        (["--format", "html", "-o", "out.md"], "--format html does not match the output"),
        (["-o", "out.txt"], "cannot tell the report format from"),
    ],
)
def test_report_refuses_a_format_its_file_name_does_not_say(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], expected: str
) -> None:
    arguments = [str(tmp_path / a) if a.startswith("out.") else a for a in arguments]
    assert main(["report", str(FIXTURE), *arguments]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_report_as_pdf_by_its_extension(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    assert main(["report", str(FIXTURE), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF-")


def test_sign_with_the_public_key_names_the_private_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    private, public, _ = generate_key(
        "Sud Contact DPO", tmp_path, "pass phrase", params=MINIMUM_PARAMS
    )
    monkeypatch.setenv("COMPLIANCE_PASSPHRASE", "pass phrase")
    code = main(["sign", str(FIXTURE), "--key", str(public), "-o", str(tmp_path / "b.zip")])
    err = capsys.readouterr().err
    assert code == 1
    assert (
        f"{public} is the public key, which only verifies; sign with the private key file " in err
    )
    assert str(private) in err
    assert "chmod" not in err and "not an encrypted" not in err


def test_key_names_take_spaces_and_the_file_name_is_derived_and_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMPLIANCE_PASSPHRASE", "pass phrase")
    code = main(["keys", "generate", "--name", "Sud Contact DPO", "-o", str(tmp_path / "keys")])
    out = capsys.readouterr().out
    assert code == 0
    private = tmp_path / "keys" / "Sud-Contact-DPO.key"
    assert f"wrote {private} (encrypted, mode 0600) and {private.with_suffix('.pub.pem')}" in out
    assert load_private_key(private, "pass phrase").name == "Sud Contact DPO"
    assert file_stem("Équipe  DPO / Rabat") == "Equipe-DPO-Rabat"
    assert file_stem("日本") == "key"


def test_keys_generate_help_says_what_a_name_may_hold(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["keys", "generate", "--help"])
    assert "spaces and accents welcome" in " ".join(capsys.readouterr().out.split())


def test_a_folder_given_as_an_assessment_is_said_in_good_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score", str(tmp_path)]) == 1
    assert "is a folder, not an assessment; give the path of the file" in capsys.readouterr().err


def test_one_install_hint_for_pdf_the_readmes() -> None:
    from compliance.report.pdf import INSTALL_HINT

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "pip install '.[pdf]'" in INSTALL_HINT and "pip install '.[pdf]'" in readme
    assert "libharfbuzz-subset0" in INSTALL_HINT and "libharfbuzz-subset0" in readme
    shipped = "".join(p.read_text(encoding="utf-8") for p in (REPO / "compliance").rglob("*.py"))
    assert "compliance-ma[pdf]" not in shipped
