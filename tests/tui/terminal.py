"""A real terminal for walk tests: ``compliance`` started in a detached tmux session.

Pilot drives the app inside the test's event loop; a :class:`Terminal` runs the command a user
runs, in a real pseudo-terminal, and reads the screen as the user sees it (``tmux
capture-pane``). Each walk (officer, consultant, regulator) drives one with its keys and checks
what the screen shows and what the store holds. Without tmux the fixture skips, except under
``CI=true`` where it fails (``.ci/run`` installs tmux).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pytest

import compliance

TIMEOUT = 30.0
"""How long a walk waits for a text to show before it fails with the screen it saw."""


class Terminal:
    """A tmux session running ``python -m compliance ARGS``, its own folders under ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.session = f"compliance-{uuid.uuid4().hex[:8]}"
        self.workspace = root / "workspace.sqlite"
        self.home = root / "home"
        self.home.mkdir(parents=True, exist_ok=True)
        self.documents = root / "documents"
        self.documents.mkdir(parents=True, exist_ok=True)
        self.env: dict[str, str] = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.home),
            "COMPLIANCE_DATA_DIR": str(root / "data"),
            "COMPLIANCE_CACHE_DIR": str(root / "cache"),
            "COMPLIANCE_CONFIG_DIR": str(root / "config"),
            "COMPLIANCE_DOCUMENTS_DIR": str(root / "documents"),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            # The package the test imported, whether installed or run from a checkout on PYTHONPATH.
            "PYTHONPATH": str(Path(compliance.__file__).resolve().parents[1]),
        }

    def command_line(self, args: Sequence[str], extra_env: Mapping[str, str] | None = None) -> str:
        """The shell line that runs ``python -m compliance ARGS`` in this terminal's environment."""
        env = {**self.env, **(extra_env or {})}
        exports = " ".join(shlex.quote(f"{key}={value}") for key, value in env.items())
        argv = " ".join(shlex.quote(arg) for arg in args)
        # env -i: the command runs in the tmux *server's* environment, which is whatever process
        # started the server (another test's COMPLIANCE_WORKSPACE, say), not this test's.
        return (
            f"cd {shlex.quote(str(self.root))} && env -i {exports}"
            f" {shlex.quote(sys.executable)} -m compliance {argv}"
        )

    def run(
        self, *args: str, extra_env: Mapping[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        """Runs a CLI command (not in tmux) in the same environment, e.g. ``trust add``."""
        return subprocess.run(
            ["sh", "-c", self.command_line(args, extra_env)],
            capture_output=True,
            text=True,
            check=False,
            stdin=subprocess.DEVNULL,
        )

    def start(
        self,
        *args: str,
        width: int = 80,
        height: int = 24,
        extra_env: Mapping[str, str] | None = None,
    ) -> None:
        """Starts the TUI (``--workspace`` this terminal's, unless ``args`` name one)."""
        if "--workspace" not in args:
            args = ("--workspace", str(self.workspace), *args)
        subprocess.run(
            [
                "tmux",
                "new-session",
                "-d",
                "-s",
                self.session,
                "-x",
                str(width),
                "-y",
                str(height),
                self.command_line(args, extra_env),
            ],
            check=True,
        )

    def screen(self) -> str:
        """What the terminal shows now, as text."""
        done = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.session],
            capture_output=True,
            text=True,
            check=False,
        )
        return done.stdout

    def wait_for(self, text: str, timeout: float = TIMEOUT) -> str:
        """Waits until ``text`` shows and returns the screen; fails with the screen it saw."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never showed; the screen was:\n{self.screen()}")

    def wait_gone(self, text: str, timeout: float = TIMEOUT) -> str:
        """Waits until ``text`` no longer shows and returns the screen."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text not in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never went away; the screen was:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        """Presses keys one at a time, as a person types."""
        # One at a time: a key sent together with a focus change is lost.
        for key in keys:
            subprocess.run(["tmux", "send-keys", "-t", self.session, key], check=True)
            time.sleep(0.15)

    def type(self, text: str) -> None:
        """Types ``text`` literally (no key names), then pauses as a person would."""
        subprocess.run(["tmux", "send-keys", "-t", self.session, "-l", text], check=True)
        time.sleep(0.2)

    def running(self) -> bool:
        """Whether the session (and so the app) is still running."""
        listed = subprocess.run(
            ["tmux", "list-sessions"], capture_output=True, text=True, check=False
        ).stdout
        return self.session in listed

    def wait_exit(self, timeout: float = TIMEOUT) -> None:
        """Waits until the app has quit (its tmux session ends)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.running():
            time.sleep(0.1)
        assert not self.running(), f"the app did not quit; the screen was:\n{self.screen()}"

    def close(self) -> None:
        """Ends the session, whatever state it is in."""
        subprocess.run(
            ["tmux", "kill-session", "-t", self.session], check=False, capture_output=True
        )


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    """A :class:`Terminal` under this test's folder, closed afterwards."""
    if shutil.which("tmux") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("tmux is required under CI=true (.ci/run installs it)")
        pytest.skip("tmux is not installed")
    term = Terminal(tmp_path)
    try:
        yield term
    finally:
        term.close()
