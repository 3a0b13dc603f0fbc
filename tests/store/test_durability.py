"""Durability: kills, two writers, a busy, read-only or full workspace never lose saved answers."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url

from compliance import store
from compliance.errors import WorkspaceBusy, WorkspaceFull, WorkspaceReadOnly
from compliance.store.workspace import Workspace
from tests.helpers import REPO

WRITER = Path(__file__).with_name("writer.py")


def _spawn(location: str, assessment_id: int, prefix: str, count: int, *extra: str) -> Any:
    return subprocess.Popen(
        [sys.executable, str(WRITER), location, str(assessment_id), prefix, str(count), *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def _go(process: Any) -> None:
    """Waits until the writer has imported everything, then lets it write."""
    line = process.stdout.readline()
    assert line == "ready\n", line + process.stderr.read()
    process.stdin.write("go\n")
    process.stdin.flush()


def _acknowledged(output: str) -> list[int]:
    """The writes a writer reported as returned (a line cut by the kill does not count)."""
    lines = output.split("\n")[:-1]
    return [int(line) for line in lines if line.isdigit()]


def _new_assessment(location: str) -> int:
    with store.open_workspace(location, actor="setup") as ws:
        return store.create_assessment(ws, store.create_client(ws, "Atlas"), "example")


def _integrity(location: str) -> None:
    if "://" in location:
        return
    with sqlite3.connect(location) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


@pytest.mark.slow
def test_killing_a_writer_at_random_moments_loses_no_returned_answer(workspace_url: str) -> None:
    rounds, writes = 20, 1000
    aid = _new_assessment(workspace_url)
    rng = random.Random(9_08)
    acknowledged: dict[str, list[int]] = {}
    pending = _spawn(workspace_url, aid, "r0", writes)
    for n in range(rounds):
        process = pending
        _go(process)
        if n + 1 < rounds:  # the next writer imports while this one writes
            pending = _spawn(workspace_url, aid, f"r{n + 1}", writes)
        first = process.stdout.readline()  # writes are under way: kill at a random moment
        time.sleep(rng.uniform(0.0, 0.3))
        process.kill()  # SIGKILL: no cleanup, no rollback handler, no atexit
        output = first + process.stdout.read()
        process.wait(timeout=10)
        process.stdin.close()
        process.stdout.close()
        process.stderr.close()
        acknowledged[f"r{n}"] = _acknowledged(output)
    mid_run = sum(1 for done in acknowledged.values() if len(done) < writes)
    assert mid_run >= rounds // 2, "most kills should land while answers are being written"
    _integrity(workspace_url)
    with store.open_workspace(workspace_url) as ws:
        answers = store.load_assessment(ws, aid).answers
    for prefix, done in acknowledged.items():
        for i in done:
            assert answers[f"{prefix}.{i}"].value == i, f"{prefix}.{i} was acknowledged but lost"
    stored = sum(len(done) for done in acknowledged.values())
    assert stored > 0
    # at most the write in flight of each round may be there without an acknowledgement
    assert stored <= len(answers) <= stored + rounds


def test_two_processes_writing_at_once_both_keep_every_answer(workspace_url: str) -> None:
    aid = _new_assessment(workspace_url)
    writers = [_spawn(workspace_url, aid, prefix, 150) for prefix in ("a", "b")]
    for process in writers:
        _go(process)
    outputs = [process.communicate(timeout=120)[0] for process in writers]
    assert [process.returncode for process in writers] == [0, 0]
    _integrity(workspace_url)
    with store.open_workspace(workspace_url) as ws:
        answers = store.load_assessment(ws, aid).answers
        history = store.answer_history(ws, aid, "a.0")
        login = ws.actor
    for prefix, output in zip(("a", "b"), outputs, strict=True):
        done = _acknowledged(output)
        busy = [line for line in output.splitlines() if line.startswith("busy")]
        assert len(done) + len(busy) == 150
        assert all(answers[f"{prefix}.{i}"].value == i for i in done)
    # on PostgreSQL the actor is the database login, whatever the program claims
    assert [e.actor for e in history] == ["writer" if ws.dialect == "sqlite" else login]


HOLD_LOCK = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
connection.execute("COMMIT")
"""


def test_a_writer_kept_waiting_too_long_gets_a_clear_busy_error(tmp_path: Path) -> None:
    location = str(tmp_path / "busy.sqlite")
    aid = _new_assessment(location)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, location],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline() == "locked\n"
    with store.open_workspace(location, busy_timeout=0.2) as ws:
        started = time.monotonic()
        with pytest.raises(WorkspaceBusy, match="busy: another program is writing"):
            store.save_answer(ws, aid, "gov01.lead", "yes")
        assert time.monotonic() - started >= 0.15  # it waited before giving up
        assert store.list_clients(ws)[0].name == "Atlas"  # readers are not blocked
        holder.stdin.write("release\n")
        holder.stdin.flush()
        holder.wait(timeout=10)
        store.save_answer(ws, aid, "gov01.lead", "yes")
        assert store.load_assessment(ws, aid).answers["gov01.lead"].value == "yes"
    _integrity(location)


def _saved_workspace(path: Path) -> int:
    with store.open_workspace(path) as ws:
        aid = store.create_assessment(ws, store.create_client(ws, "Atlas"), "example")
        for i in range(20):
            store.save_answer(ws, aid, f"q.{i}", i, comment="kept")
    return aid


def _all_saved(path: Path, aid: int) -> None:
    _integrity(str(path))
    with store.open_workspace(path) as ws:
        answers = store.load_assessment(ws, aid).answers
    assert {f"q.{i}" for i in range(20)} <= set(answers)
    assert all(answers[f"q.{i}"].value == i for i in range(20))


def test_a_read_only_workspace_gives_a_clear_error_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite"
    aid = _saved_workspace(path)
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    with store.open_workspace(read_only) as ws:
        assert len(store.load_assessment(ws, aid).answers) == 20
        with pytest.raises(WorkspaceReadOnly, match="read-only, so nothing was changed"):
            store.save_answer(ws, aid, "q.0", 99)
        with pytest.raises(WorkspaceReadOnly):
            store.create_client(ws, "Another")
        assert store.refresh_scores(ws) is not None  # computed, not cached: no error
    _all_saved(path, aid)


def test_a_full_workspace_gives_a_clear_error_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "full.sqlite"
    aid = _saved_workspace(path)
    with store.open_workspace(path) as ws:
        with ws.read() as connection:
            pages = connection.exec_driver_sql("PRAGMA page_count").scalar_one()

        @event.listens_for(ws.engine, "connect")
        def _cap(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute(f"PRAGMA max_page_count={pages + 3}")

        ws.engine.dispose()
        failed_at, error = None, None
        for i in range(200):
            try:
                store.save_answer(ws, aid, f"big.{i}", "x" * 20_000)
            except WorkspaceFull as full:
                failed_at, error = i, full
                break
        assert failed_at is not None, "the capped workspace never filled up"
        assert "is full" in str(error)
        assert "everything saved before is intact" in str(error)
    _all_saved(path, aid)
    with store.open_workspace(path) as ws:
        answers = store.load_assessment(ws, aid).answers
        assert f"big.{failed_at}" not in answers  # the failed write was undone whole
        assert all(f"big.{n}" in answers for n in range(failed_at))
        store.save_answer(ws, aid, "after", "yes")  # and without the cap it writes again


def test_postgres_sessions_editing_different_answers_keep_both(
    postgres_url: str, pg_login: Callable[[str], str]
) -> None:
    import threading

    aid = _new_assessment(postgres_url)
    from compliance.store.grants import grant_role

    urls = {person: pg_login(person) for person in ("amina", "youssef")}
    with store.open_workspace(postgres_url) as owner:
        for url in urls.values():
            grant_role(owner, make_url(url).username or "", "editor")
    first = store.open_workspace(urls["amina"])
    second = store.open_workspace(urls["youssef"])
    # Two sessions with overlapping transactions: the first holds its answer write open while
    # the second writes another answer of the same assessment.
    with first.write() as connection:
        from compliance.store.assessments import require_assessment

        require_assessment(connection, aid, first.where)
        thread = threading.Thread(target=store.save_answer, args=(second, aid, "gov02.share", 80))
        thread.start()
        time.sleep(0.3)
        assert thread.is_alive()  # it waits for the row lock instead of overwriting
    thread.join(timeout=10)
    barrier = threading.Barrier(2)

    def edit(ws: Workspace, prefix: str) -> None:
        barrier.wait()
        for i in range(40):
            store.save_answer(ws, aid, f"{prefix}.{i}", i)

    workers = [
        threading.Thread(target=edit, args=(first, "amina")),
        threading.Thread(target=edit, args=(second, "youssef")),
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    answers = store.load_assessment(first, aid).answers
    assert answers["gov02.share"].value == 80
    for prefix in ("amina", "youssef"):
        assert [answers[f"{prefix}.{i}"].value for i in range(40)] == list(range(40))
        assert (answers[f"{prefix}.0"].answered_by or "").startswith(f"{prefix}_")
    assert store.get_assessment(first, aid).revision == 1 + 1 + 80
    first.close()
    second.close()
