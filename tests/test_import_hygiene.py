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


def _circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The import circles of a graph: its strongly connected components of more than one module
    (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_circle_finder_finds_circles() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert _circles(edges) == [["a", "b", "c"]]
    assert _circles({"a": {"b"}, "b": set()}) == []


def test_no_modules_import_each_other_in_a_circle() -> None:
    """The import graph as import-linter builds it (deferred and TYPE_CHECKING imports included)
    has no circle: the screens once formed one with the app (issue 20)."""
    import grimp

    graph = grimp.build_graph("compliance")
    edges = {m: graph.find_modules_directly_imported_by(m) & graph.modules for m in graph.modules}
    assert _circles(edges) == []
