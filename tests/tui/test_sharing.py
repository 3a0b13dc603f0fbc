"""Two people on one workspace, through Pilot: a conflict is shown (keep theirs / use mine) and
nothing is lost, screens follow the store, comments are saved after a pause or on leaving the
field, and a failed comment save keeps the text, says so once and is retried (issue 19)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import RadioButton, RadioSet, Static, TextArea

from compliance.errors import WorkspaceBusy
from compliance.store import answer_history, load_assessment, open_workspace, save_answer
from compliance.tui.app import ComplianceApp
from compliance.tui.dialogs.conflict import ConflictDialog
from compliance.tui.screens import AssessmentScreen
from compliance.tui.session import Session
from tests.tui.conftest import import_sample, settle


def _text(screen: object, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())  # type: ignore[attr-defined]


def _choose(screen: AssessmentScreen, index: int) -> None:
    screen.query_one("#q-answer", RadioSet).query(RadioButton)[index].value = True


async def _assessment_screen(app: ComplianceApp, pilot: object) -> AssessmentScreen:
    await settle(app, pilot)  # type: ignore[arg-type]
    screen = app.screen
    assert isinstance(screen, AssessmentScreen)
    return screen


async def test_two_screens_editing_one_answer_see_the_conflict_and_lose_nothing(
    ws_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    aid = import_sample(ws_path)
    monkeypatch.setenv("COMPLIANCE_USER", "amina")
    amina = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=aid)
    amina.follow_seconds = 3600  # Amina answers before her screen would have followed
    async with amina.run_test(size=(100, 30)) as pa:
        a_screen = await _assessment_screen(amina, pa)
        await a_screen.goto("gov01.maturity")
        monkeypatch.setenv("COMPLIANCE_USER", "youssef")
        youssef = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=aid)
        async with youssef.run_test(size=(100, 30)) as pb:
            b_screen = await _assessment_screen(youssef, pb)
            await b_screen.goto("gov01.maturity")
            _choose(b_screen, 1)  # Youssef: maturity 1
            await settle(youssef, pb)
            assert b_screen.saved.startswith("✓")
            _choose(a_screen, 2)  # Amina, on her stale screen: maturity 2
            await settle(amina, pa)
            dialog = amina.screen
            assert isinstance(dialog, ConflictDialog)
            head, theirs, mine = (_text(dialog, s) for s in ("#cf-head", "#cf-theirs", "#cf-mine"))
            print(f"\n--- Amina's screen ---\n{head}\n{theirs}\n{mine}")
            assert "changed by youssef at" in head
            assert theirs.endswith(": 1") and mine.endswith(": 2")
            with open_workspace(ws_path) as ws:  # nothing was overwritten unseen
                assert load_assessment(ws, aid).answers["gov01.maturity"].value == 1
            await pa.click("#mine")  # "use mine"
            await settle(amina, pa)
            with open_workspace(ws_path) as ws:
                assert load_assessment(ws, aid).answers["gov01.maturity"].value == 2
                history = answer_history(ws, aid, "gov01.maturity")
            assert [(e.actor, e.new["value"]) for e in history[-2:]] == [
                ("youssef", 1),
                ("amina", 2),
            ]
            # Youssef's screen follows the store (a bounded wait, not a speed assertion)
            for _ in range(40):
                await pb.pause(0.1)
                if b_screen.session.value_of("gov01.maturity") == 2:
                    break
            await settle(youssef, pb)
            assert b_screen.session.value_of("gov01.maturity") == 2
            by = _text(b_screen, "#q-by")
            print(f"--- Youssef's screen ---\n{by}")
            assert by.startswith("Answered by amina at ")


async def test_keep_theirs_shows_their_answer(
    ws_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    aid = import_sample(ws_path)
    monkeypatch.setenv("COMPLIANCE_USER", "amina")
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=aid)
    app.follow_seconds = 3600
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _assessment_screen(app, pilot)
        await screen.goto("gov01.maturity")
        with open_workspace(ws_path, actor="youssef") as other:
            save_answer(other, aid, "gov01.maturity", 4)
        _choose(screen, 0)
        await settle(app, pilot)
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("escape")  # keep theirs (also the focused button)
        await settle(app, pilot)
        assert screen.session.value_of("gov01.maturity") == 4
    with open_workspace(ws_path) as ws:
        assert load_assessment(ws, aid).answers["gov01.maturity"].value == 4


async def test_a_comment_is_saved_after_a_pause_or_on_leaving_not_per_key(
    ws_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    aid = import_sample(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=aid)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _assessment_screen(app, pilot)
        await screen.goto("gov01.lead")
        before = len(answer_history(app.open_store(), aid, "gov01.lead"))
        screen.query_one("#q-comment", TextArea).focus()
        await pilot.press(*"signed")
        await pilot.pause()
        assert len(answer_history(app.open_store(), aid, "gov01.lead")) == before  # not per key
        await pilot.press("tab")  # leaves the field
        await settle(app, pilot)
        history = answer_history(app.open_store(), aid, "gov01.lead")
        assert len(history) == before + 1
        assert history[-1].action == "answer.comment"
        assert history[-1].new["comment"].endswith("signed")


async def test_a_failed_comment_save_keeps_the_text_says_so_once_and_retries(
    ws_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import compliance.tui.screens.assessment as assessment_module

    monkeypatch.setattr(assessment_module, "COMMENT_RETRY", 0.2)
    real = Session.write_comment
    failures = iter([True, True, True])

    def flaky(self: Session, question_id: str, comment: str | None, **kw: object) -> None:
        if next(failures, False):
            raise WorkspaceBusy("the workspace is busy")
        real(self, question_id, comment, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Session, "write_comment", flaky)
    errors: list[str] = []
    aid = import_sample(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=aid)
    monkeypatch.setattr(app, "error", errors.append)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _assessment_screen(app, pilot)
        await screen.goto("gov01.lead")
        box = screen.query_one("#q-comment", TextArea)
        box.focus()
        await pilot.press(*"kept")
        await pilot.press("tab")
        await settle(app, pilot)
        assert box.has_class("unsaved") and box.text.endswith("kept")
        assert "not saved" in screen.saved
        for _ in range(30):
            await pilot.pause(0.1)
            if not screen.unsaved_comments:
                break
        assert not box.has_class("unsaved")
        assert len(errors) == 1  # one message, not one per try
    with open_workspace(ws_path) as ws:
        assert (load_assessment(ws, aid).answers["gov01.lead"].comment or "").endswith("kept")


@pytest.mark.postgres
async def test_a_paused_server_is_shown_and_the_screen_keeps_answering_keys(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backends of the test's own database are stopped (SIGSTOP): a save waits, the status
    line says the workspace is not answering, keys keep moving the card; after SIGCONT the save
    lands. Only this test's database is touched, never the server's other work."""
    import os
    import signal

    import psycopg
    from sqlalchemy.engine import make_url

    from compliance.store import import_assessment, read_assessment_file
    from tests.store.conftest import _libpq
    from tests.tui.conftest import SAMPLE

    assessment, _ = read_assessment_file(SAMPLE, lambda: "")
    with open_workspace(postgres_url) as ws:
        aid = import_assessment(ws, assessment)
    app = ComplianceApp(workspace=postgres_url, welcome=False, open_assessment=aid)
    app.follow_seconds = 3600
    database = make_url(postgres_url).database
    stopped: list[int] = []
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _assessment_screen(app, pilot)
        await screen.goto("gov01.maturity")
        with psycopg.connect(_libpq(postgres_url), autocommit=True) as admin:
            rows = admin.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                (database,),
            ).fetchall()
        try:
            for (pid,) in rows:
                os.kill(pid, signal.SIGSTOP)
                stopped.append(pid)
            assert stopped  # the app's pooled connection is among them
            _choose(screen, 0)  # maturity 0: the save now waits for the stopped server
            for _ in range(80):  # a bounded wait for the status (shown after NOT_ANSWERING)
                await pilot.pause(0.1)
                if "not answering" in screen.saved:
                    break
            assert "not answering" in screen.saved
            assert screen.saving == 1
            before = screen.current
            await pilot.press("pagedown")  # the UI still answers keys
            await pilot.pause()
            assert screen.current != before
            assert screen.saving == 1  # while the save still waits
        finally:
            for pid in stopped:
                os.kill(pid, signal.SIGCONT)
        await settle(app, pilot)
        assert screen.saving == 0
        assert screen.saved.startswith("✓")
    with open_workspace(postgres_url) as ws:
        assert load_assessment(ws, aid).answers["gov01.maturity"].value == 0
