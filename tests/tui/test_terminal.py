"""The TUI in a real terminal: ``compliance`` started in tmux at 80×24 and driven by its keys.

Pilot drives the app inside the test's event loop; this test runs the command a user runs, in a
real pseudo-terminal, and reads the screen as the user sees it (``tmux capture-pane``). It walks the
newcomer's path: the welcome, the sample client, its assessment, an answer, the results, French,
and quitting. Without tmux it skips, except under ``CI=true`` where it fails (``.ci/run`` installs
tmux).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import compliance
from compliance.store import list_assessments, load_assessment, open_workspace

TIMEOUT = 30.0


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A detached 80×24 tmux session running ``compliance`` with its own folders."""
    if shutil.which("tmux") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("tmux is required under CI=true (.ci/run installs it)")
        pytest.skip("tmux is not installed")
    session = f"compliance-{uuid.uuid4().hex[:8]}"
    workspace = tmp_path / "workspace.sqlite"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path / "home"),
        "COMPLIANCE_DATA_DIR": str(tmp_path / "data"),
        "COMPLIANCE_CACHE_DIR": str(tmp_path / "cache"),
        "COMPLIANCE_CONFIG_DIR": str(tmp_path / "config"),
        "TERM": "xterm-256color",
        # The package the test imported, whether installed or run from a checkout on PYTHONPATH.
        "PYTHONPATH": str(Path(compliance.__file__).resolve().parents[1]),
    }
    exports = " ".join(shlex.quote(f"{key}={value}") for key, value in env.items())
    # env -i: the command runs in the tmux *server's* environment, which is whatever process
    # started the server (another test's COMPLIANCE_WORKSPACE, say), not this test's.
    command = (
        f"cd {shlex.quote(str(tmp_path))} && env -i {exports} {shlex.quote(sys.executable)}"
        f" -m compliance --workspace {shlex.quote(str(workspace))}"
    )
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "80", "-y", "24", command],
        check=True,
    )
    try:
        yield session, workspace
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False, capture_output=True)


def _screen(session: str) -> str:
    done = subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True, check=False
    )
    return done.stdout


def _wait_for(session: str, text: str) -> str:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        screen = _screen(session)
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never showed; the screen was:\n{_screen(session)}")


def _keys(session: str, *keys: str) -> None:
    for key in keys:  # one at a time, as a person types: a key sent with a focus change is lost
        subprocess.run(["tmux", "send-keys", "-t", session, key], check=True)
        time.sleep(0.15)


def test_a_newcomer_sees_a_filled_assessment_and_its_results(tmux: tuple[str, Path]) -> None:
    session, workspace = tmux
    _wait_for(session, "Create a sample client")
    _keys(session, "Enter")  # the welcome's first button: the sample
    _wait_for(session, "Sud Contact Marketing SARL")
    _wait_for(session, "ma-offshoring")
    _keys(session, "Enter", "Enter")  # the client, then its assessment
    screen = _wait_for(session, "answered")
    assert "Profile" in screen and "Results" in screen  # the tree, and the footer's keys
    _keys(session, "Down", "Enter")  # another role, on the focused question
    _wait_for(session, "saved")
    _keys(session, "F5")
    screen = _wait_for(session, "Overall")
    assert "Coverage" in screen
    _keys(session, "F2")
    _wait_for(session, "Retour")  # the footer in French
    _keys(session, "C-q")
    deadline = time.monotonic() + TIMEOUT
    while (
        time.monotonic() < deadline
        and session
        in subprocess.run(
            ["tmux", "list-sessions"], capture_output=True, text=True, check=False
        ).stdout
    ):
        time.sleep(0.1)
    assert workspace.is_file()  # the app's, not one this check would create
    with open_workspace(workspace) as store:
        (info,) = list_assessments(store)
        assessment = load_assessment(store, info.id)
    assert assessment.organisation.name == "Sud Contact Marketing SARL"
    assert assessment.answers  # a filled assessment, as the welcome promised
    assert assessment.profile["role"] != "processor"  # the sample's, changed by the key press
