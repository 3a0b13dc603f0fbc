"""Writing the files a user asks for: atomic, and never over a device, folder or pipe."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from compliance.cli import main
from compliance.errors import OutputError
from compliance.files import write_atomically
from tests.helpers import REPO

FIXTURE = REPO / "questionnaires" / "example" / "fixtures" / "processor-with-us-backups.yaml"


def test_a_file_is_written_and_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomically(target, b"first")
    write_atomically(target, b"second", mode=0o600)
    assert target.read_bytes() == b"second"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary left behind


def test_what_is_not_a_regular_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(OutputError, match="is not a regular file"):
        write_atomically(pipe, b"data")
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    with pytest.raises(OutputError, match="is not a regular file"):
        write_atomically(tmp_path, b"data")
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "elsewhere")
    with pytest.raises(OutputError, match="is not a regular file"):
        write_atomically(link, b"data")


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"the folder .* does not exist"):
        write_atomically(tmp_path / "nope" / "out.txt", b"data")


def test_the_report_command_refuses_a_pipe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert main(["report", str(FIXTURE), "--format", "md", "-o", str(pipe)]) == 1
    assert "is not a regular file" in capsys.readouterr().err
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
