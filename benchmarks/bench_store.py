"""Measures the workspace store against its budgets (DESIGN section 12), as ratios to floors.

- An answer write, durability included (WAL + ``synchronous=FULL``, one transaction with its audit
  entry, the role check and the revision it was based on, as the terminal UI writes it): budget
  under 5 ms on SQLite, under 10 ms on PostgreSQL (which also sends its change notification).
- Listing 500 clients with their latest scores (open the workspace: engine, connection, revision
  check without Alembic; then the query): budget a quarter of a minimal Textual app's first paint,
  both measured in the same run (the app in a fresh process, to its first ``pilot.pause()``).
  The cold figure (a fresh process importing SQLAlchemy too) is printed beside it: importing
  SQLAlchemy is the TUI's start-up cost to hide (import the store off the first paint's path).

Run from a checkout: ``python benchmarks/bench_store.py`` (set ``COMPLIANCE_TEST_POSTGRES_URL`` to
measure PostgreSQL writes too). Prints one line per figure; exits 1 when a budget is missed.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

WRITE_BUDGET_MS = 5.0
POSTGRES_WRITE_BUDGET_MS = 10.0
LISTING_BUDGET = 0.25
"""Opening the workspace and listing 500 clients: at most a quarter of the first paint."""

FIRST_PAINT = """
import asyncio, time
start = time.perf_counter()
from textual.app import App, ComposeResult
from textual.widgets import Static

class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("ready")

async def main() -> None:
    async with Minimal().run_test() as pilot:
        await pilot.pause()
        print(time.perf_counter() - start)

asyncio.run(main())
"""

LISTING = """
import sys, time
start = time.perf_counter()
from compliance.store.workspace import open_workspace
from compliance.store.clients import list_clients
workspace = open_workspace(sys.argv[1])
clients = list_clients(workspace)
elapsed = time.perf_counter() - start
assert len(clients) == 500 and all(c.latest_score is not None for c in clients), len(clients)
assert "alembic" not in sys.modules
print(elapsed)
"""


def _fresh_process(code: str, *args: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            check=True,
        ).stdout
        times.append(float(out.strip().splitlines()[-1]))
    return statistics.median(times)


def _write_times(location: str, writes: int = 500) -> list[float]:
    from compliance import store

    with store.open_workspace(location, actor="bench") as ws:
        name = f"Bench {os.getpid()} {time.time_ns()}"
        client = store.create_client(ws, name)
        aid = store.create_assessment(ws, client, "example")
        for i in range(20):  # warm the connection pool and statement cache
            store.save_answer(ws, aid, f"warm.{i}", i)
        seen: dict[str, int] = {}
        times = []
        for i in range(writes):
            question = f"q.{i % 50}"
            start = time.perf_counter()
            seen[question] = store.save_answer(
                ws, aid, question, i, comment="c", based_on=seen.get(question, 0)
            )
            times.append(time.perf_counter() - start)
        store.delete_client(ws, client, confirm=name)  # a shared workspace is left as it was found
    return times


def _warm_listing(location: str, runs: int = 7) -> float:
    from compliance.store.clients import list_clients
    from compliance.store.workspace import open_workspace

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        workspace = open_workspace(location)
        clients = list_clients(workspace)
        times.append(time.perf_counter() - start)
        workspace.close()
        assert len(clients) == 500
        assert all(c.latest_score is not None for c in clients)
    return statistics.median(times)


IMPORT_SQLALCHEMY = """
import time
start = time.perf_counter()
import sqlalchemy
print(time.perf_counter() - start)
"""


def _raw_commit_times(path: str, writes: int = 500) -> list[float]:
    """The floor: a bare sqlite3 one-row transaction in WAL with synchronous=FULL."""
    import sqlite3

    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)")
    times = []
    for i in range(writes):
        start = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT OR REPLACE INTO t VALUES (?, ?)", (i % 50, str(i)))
        connection.execute("COMMIT")
        times.append(time.perf_counter() - start)
    connection.close()
    return times


def _populate(location: str) -> float:
    from compliance import store
    from compliance.model.assessment import Assessment

    start = time.perf_counter()
    with store.open_workspace(location, actor="bench") as ws:
        base = Assessment.model_validate(
            {
                "questionnaire": {"id": "example", "version": "1.0.0"},
                "as_of": "2025-01-01",
                "organisation": {"name": "x", "country": "MA"},
                "answers": {"gov01.lead": "yes", "gov02.share": 60},
            }
        )
        for n in range(500):
            org = base.organisation.model_copy(update={"name": f"Client {n:03d}"})
            store.import_assessment(ws, base.model_copy(update={"organisation": org}))
        store.refresh_scores(ws)
    return time.perf_counter() - start


@contextmanager
def _scratch_database(admin: str) -> Iterator[str]:
    """A database of its own on the server, dropped afterwards (the server's other databases
    may belong to other programs and other schema revisions)."""
    import uuid

    import psycopg
    from sqlalchemy.engine import make_url

    def libpq(url: str) -> str:
        return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)

    name = f"compliance_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(libpq(admin), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(libpq(admin), autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _report_writes(name: str, times: list[float], budget: float = WRITE_BUDGET_MS) -> bool:
    median = statistics.median(times) * 1000
    p95 = sorted(times)[int(len(times) * 0.95)] * 1000
    ok = median < budget
    print(
        f"{name} answer write (durable, audited): median {median:.2f} ms, p95 {p95:.2f} ms; "
        f"budget {budget:.0f} ms -> {median / budget:.2f} of budget "
        f"{'OK' if ok else 'MISSED'}"
    )
    return ok


def main() -> int:
    """Runs every measurement and returns the exit code."""
    os.environ.setdefault("COMPLIANCE_CACHE_DIR", tempfile.mkdtemp(prefix="bench-cache-"))
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-store-") as folder:
        floor = statistics.median(_raw_commit_times(str(Path(folder) / "raw.sqlite")))
        print(f"floor: bare sqlite3 one-row commit, WAL + synchronous=FULL: {floor * 1000:.2f} ms")
        writes = _write_times(str(Path(folder) / "writes.sqlite"))
        ok &= _report_writes("SQLite", writes)
        print(f"  = {statistics.median(writes) / floor:.1f}x the bare commit floor")
        postgres = os.environ.get("COMPLIANCE_TEST_POSTGRES_URL")
        if postgres:
            with _scratch_database(postgres) as scratch:
                ok &= _report_writes(
                    "PostgreSQL", _write_times(scratch), budget=POSTGRES_WRITE_BUDGET_MS
                )
        listing_db = str(Path(folder) / "listing.sqlite")
        print(f"(setup: 500 clients imported and scored in {_populate(listing_db):.1f} s)")
        paint = _fresh_process(FIRST_PAINT)
        warm = _warm_listing(listing_db)
        cold = _fresh_process(LISTING, listing_db)
        sqlalchemy_import = _fresh_process(IMPORT_SQLALCHEMY)
    ratio = warm / paint
    listed = ratio <= LISTING_BUDGET
    print(
        f"floor: minimal Textual app, fresh process to first pilot.pause(): {paint * 1000:.0f} ms"
    )
    print(
        f"open workspace + list 500 clients with latest scores: {warm * 1000:.1f} ms = "
        f"{ratio:.3f}x the floor; budget {LISTING_BUDGET}x {'OK' if listed else 'MISSED'}"
    )
    print(
        f"(cold, fresh process: {cold * 1000:.0f} ms = {cold / paint:.2f}x the floor, of which "
        f"import sqlalchemy {sqlalchemy_import * 1000:.0f} ms; no Alembic, no pydantic imported)"
    )
    return 0 if ok and listed else 1


if __name__ == "__main__":
    raise SystemExit(main())
