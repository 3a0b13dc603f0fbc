"""Helpers for the report tests: fixtures to render, external tools, and an HTML inventory."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
FIXTURES = HERE / "fixtures"


def assessment_fixtures() -> list[Path]:
    """Our fixtures, plus every assessment fixture shipped with a questionnaire."""
    own = sorted(FIXTURES.glob("*.yaml"))
    shipped = sorted((REPO / "questionnaires").glob("**/fixtures/*.yaml"))
    return [
        path
        for path in own + shipped
        if "compliance.assessment/v1" in path.read_text(encoding="utf-8", errors="replace")
    ]


def pdf_fixtures(fixtures: list[Path]) -> list[Path]:
    """The fixtures rendered to PDF in the tests: ours, and the first of each questionnaire.

    A PDF of the full Law 09-08 questionnaire takes seconds; every fixture is still rendered to
    HTML and Markdown, and the PDF is that HTML laid out.
    """
    chosen = [path for path in fixtures if path.parent == FIXTURES]
    seen: set[Path] = set()
    for path in fixtures:
        if path.parent != FIXTURES and path.parent not in seen:
            seen.add(path.parent)
            chosen.append(path)
    return chosen


def tool(name: str) -> str:
    """The path of an external program; missing fails under CI and skips elsewhere."""
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{name} is required in CI (.ci/run installs it) but is not installed")
    pytest.skip(f"{name} is not installed")


@contextmanager
def isolated_env(root: Path) -> Iterator[None]:
    """User folders under ``root``, for module-scoped fixtures (the autouse one is per test)."""
    with pytest.MonkeyPatch.context() as mp:
        for key, sub in (
            ("COMPLIANCE_DATA_DIR", "data"),
            ("COMPLIANCE_CACHE_DIR", "cache"),
            ("COMPLIANCE_CONFIG_DIR", "config"),
            ("COMPLIANCE_QUESTIONNAIRES", "questionnaires"),
        ):
            mp.setenv(key, str(root / sub))
        yield


def chromium_dump(html_file: Path, *, net_log: Path | None = None) -> str:
    """The DOM after headless Chromium loaded ``html_file`` (scripts would have run by then)."""
    binary = tool("chromium")
    with tempfile.TemporaryDirectory() as profile:
        command = [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=2000",
            "--dump-dom",
        ]
        if net_log is not None:
            command.append(f"--log-net-log={net_log}")
        command.append(html_file.as_uri())
        done = subprocess.run(command, capture_output=True, text=True, timeout=90, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class Inventory(HTMLParser):
    """Every tag and attribute of an HTML document, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.extend((tag, name, value or "") for name, value in attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def inventory(html: str) -> Inventory:
    parsed = Inventory()
    parsed.feed(html)
    parsed.close()
    return parsed
