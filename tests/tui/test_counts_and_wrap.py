"""The card numbers questions as the questionnaire does (stable whatever the answers, the total
the chooser shows), says how many apply, announces questions an answer brings in, and Ctrl+N
searches from the start after the last question, saying so."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from compliance.store import create_assessment, create_client, open_workspace
from compliance.tui.app import ComplianceApp
from compliance.tui.screens import AssessmentScreen
from tests.tui.conftest import settle


def _new(path: Path) -> int:
    with open_workspace(path) as workspace:
        client = create_client(workspace, "Atlas Contact")
        return create_assessment(workspace, client, "ma-offshoring")


def _where(screen: AssessmentScreen) -> str:
    return str(screen.query_one("#q-where", Static).render())


async def test_the_question_number_and_total_do_not_move_when_answers_change(
    ws_path: Path,
) -> None:
    assessment_id = _new(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        total = screen.session.questionnaire.question_count  # what the chooser shows
        assert _where(screen).startswith("Profile question 1 of ")
        await screen.goto("trn01.items")
        first = _where(screen)
        applicable = sum(1 for i in screen.items if not i.profile)
        assert first.startswith(f"Question 49 of {total}, {applicable} apply to you")
        for question_id, value in [
            ("foreign_clients", "yes"),
            ("telephony", "yes"),
            ("outbound_marketing", "yes"),
            ("data_leave_morocco", "yes"),
        ]:
            item = screen.item(question_id)
            assert item is not None and screen.answer(item, value)
            await settle(app, pilot)
        now = sum(1 for i in screen.items if not i.profile)
        assert now > applicable  # more questions apply: the number and total stay
        await screen.goto("trn01.items")
        assert _where(screen).startswith(f"Question 49 of {total}, {now} apply to you")


async def test_ctrl_n_after_the_last_question_searches_from_the_start_and_says_so(
    ws_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(AssessmentScreen, "notify", lambda self, message, **_: said.append(message))
    assessment_id = _new(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        last = screen.items[-1]
        assert screen.answer(last, last.question.option_ids()[0])
        await settle(app, pilot)
        await screen.goto(last.id)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert screen.current == "role"  # the first unanswered, from the start
        assert said and "from the start" in said[-1]


async def test_questions_an_answer_brings_in_are_announced(
    ws_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(AssessmentScreen, "notify", lambda self, message, **_: said.append(message))
    assessment_id = _new(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        before = {i.id for i in screen.items}
        item = screen.item("gov02.policy")
        assert item is not None and screen.answer(item, "both_laws")
        await settle(app, pilot)
        new = [i.id for i in screen.items if i.id not in before]
        assert new == ["gov02.reviewed"]
        assert said and "1 more question" in said[-1] and "Ctrl+N" in said[-1]
