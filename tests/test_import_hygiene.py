"""The domain runs headless: checked statically (import-linter) and at run time (sys.modules).

A function-level deferred import is invisible to the static graph, so the run-time check in a fresh
interpreter is what proves the headless commands never load Textual.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib

import pytest

from tests.helpers import EXAMPLE, REPO

FIXTURE = REPO / "questionnaires" / "example" / "fixtures" / "processor-with-us-backups.yaml"

HEADLESS_COMMANDS = [
    ["clients", "--json"],
    ["assessments", "--json"],
    ["--version"],
    ["validate", str(EXAMPLE)],
    ["questionnaires", "--json"],
    ["verify", "--json", str(EXAMPLE)],
    ["score", str(FIXTURE)],
    ["review", str(REPO / "docs"), "--json"],
    ["report", str(FIXTURE), "--format", "md", "-o", "-"],
]

PROBE = """
import sys
from compliance.cli import main
try:
    main({argv!r})
except SystemExit:
    pass
heavy = sorted(m for m in ("textual", "rich", "compliance.tui") if m in sys.modules)
print("LOADED:" + ",".join(heavy))
"""


@pytest.mark.parametrize("argv", HEADLESS_COMMANDS, ids=lambda argv: argv[0])
def test_headless_commands_never_import_textual(argv: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=argv)],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "LOADED:"


@pytest.mark.parametrize(
    "module",
    ["compliance", "compliance.cli", "compliance.errors", "compliance.paths"],
)
def test_light_modules_import_nothing_heavy(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "heavy = [m for m in ('pydantic', 'yaml', 'jinja2', 'cryptography', 'sqlalchemy', "
        "'textual', 'weasyprint') if m in sys.modules]\n"
        "print(heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_import_linter_contracts_hold() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from importlinter.cli import lint_imports_command; lint_imports_command()",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    contracts = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["importlinter"]
    count = len(contracts["contracts"])
    assert count >= 4  # headless domain, layers, and the two screen contracts
    assert f"Contracts: {count} kept, 0 broken." in result.stdout
