"""The assessment screen through Pilot: answers reach the store, conditions, N/A, language."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, RadioButton, RadioSet, SelectionList, Static, TextArea, Tree

from compliance.store import (
    create_assessment,
    create_client,
    import_assessment,
    load_assessment,
    open_workspace,
    read_assessment_file,
)
from compliance.tui.app import SCORE_DELAY, ComplianceApp
from compliance.tui.commands import QuestionCommands
from compliance.tui.screens import AssessmentScreen
from compliance.tui.widgets import QuestionCard
from tests.helpers import REPO
from tests.tui.conftest import settle


def _new_assessment(path: Path, name: str = "Atlas Contact") -> int:
    with open_workspace(path) as workspace:
        client = create_client(workspace, name)
        return create_assessment(workspace, client, "example")


async def _open(app: ComplianceApp, pilot: object) -> AssessmentScreen:
    await settle(app, pilot)  # type: ignore[arg-type]
    screen = app.screen
    assert isinstance(screen, AssessmentScreen)
    return screen


def _choose(screen: AssessmentScreen, index: int) -> None:
    """Presses the ``index``-th radio button of the card, as a click or Enter would."""
    radio = screen.query_one("#q-answer", RadioSet)
    radio.query(RadioButton)[index].value = True


async def test_answers_are_saved_at_once_and_the_score_follows(ws_path: Path) -> None:
    assessment_id = _new_assessment(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot)
        assert screen.current == "role"  # the profile comes first
        first = app.result
        assert first is not None
        _choose(screen, 0)  # role: controller
        await settle(app, pilot)  # saved in a worker: the screen keeps answering keys
        assert screen.saved.startswith("✓")
        await screen.goto("gov01.lead")
        _choose(screen, 0)  # yes
        await pilot.pause()
        await pilot.pause(SCORE_DELAY + 0.1)
        await settle(app, pilot)
        assert app.result is not None
        assert app.result.overall.score != first.overall.score
        status = str(screen.query_one("#as-status", Static).render())
        assert "saved" in status and "Score" in status
    with open_workspace(ws_path) as workspace:
        stored = load_assessment(workspace, assessment_id)
    assert stored.profile["role"] == "controller"
    assert stored.answers["gov01.lead"].value == "yes"


async def test_a_condition_shows_and_hides_a_question(ws_path: Path) -> None:
    assessment_id = _new_assessment(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot)
        ids = [i.id for i in screen.items]
        assert "gov01.maturity" not in ids  # only when a lead is named
        await screen.goto("gov01.lead")
        _choose(screen, 0)
        await settle(app, pilot)  # saved in a worker
        assert "gov01.maturity" in [i.id for i in screen.items]
        assert "gov01.maturity" in screen.nodes
        tree = screen.query_one("#as-tree", Tree)
        assert tree.cursor_node is screen.nodes["gov01.lead"]  # the cursor stays on the question
        assert screen.current == "gov01.lead"
        _choose(screen, 1)  # no
        await settle(app, pilot)
        assert "gov01.maturity" not in [i.id for i in screen.items]
        assert "gov01.maturity" not in screen.nodes
        assert tree.cursor_node is screen.nodes["gov01.lead"]


async def test_not_applicable_where_allowed_only(ws_path: Path) -> None:
    assessment_id = _new_assessment(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot)
        await screen.goto("gov01.lead")
        screen.action_toggle_na()  # not allowed here
        await pilot.pause()
        assert screen.session.answer("gov01.lead") is None
        await screen.goto("gov02.last")  # the date box has the focus: x would be typed
        await pilot.press("f6")
        await pilot.pause()
        answer = screen.session.answer("gov02.last")
        assert answer is not None and answer.is_na
    with open_workspace(ws_path) as workspace:
        assert load_assessment(workspace, assessment_id).answers["gov02.last"].is_na


async def test_typed_answers_are_checked_before_saving(ws_path: Path) -> None:
    assessment_id = _new_assessment(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot)
        await screen.goto("gov02.share")
        box = screen.query_one("#q-answer", Input)
        box.value = "150"  # above the maximum
        await pilot.pause()
        assert screen.session.answer("gov02.share") is None
        assert "maximum" in str(screen.query_one("#q-problem", Static).render())
        box.value = "95"
        await settle(app, pilot)  # saved in a worker
        answer = screen.session.answer("gov02.share")
        assert answer is not None and answer.value == 95
        screen.query_one("#q-comment", TextArea).text = "[bold]HR list[/] \x1b[2J"
        await pilot.pause()
        await screen.goto("xfr01.tools")
        selection = screen.query_one("#q-answer", SelectionList)
        selection.select("scc")
        selection.select("tia")
        await settle(app, pilot)  # the saves run in workers
    with open_workspace(ws_path) as workspace:
        stored = load_assessment(workspace, assessment_id)
    assert stored.answers["gov02.share"].comment == "[bold]HR list[/] \x1b[2J"
    assert stored.answers["xfr01.tools"].value == ("scc", "tia")


async def test_navigation_keys_and_next_unanswered(ws_path: Path) -> None:
    assessment_id = _new_assessment(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot)
        screen.query_one("#as-tree").focus()
        await pilot.press("n")
        assert screen.current == "sectors"
        await pilot.press("p")
        assert screen.current == "role"
        _choose(screen, 0)
        await pilot.pause()
        screen.query_one("#as-tree").focus()
        await pilot.press("u")
        assert screen.current == "sectors"


async def test_the_palette_finds_questions_and_controls(ws_path: Path) -> None:
    assessment_id = _new_assessment(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot)
        assert QuestionCommands in screen.COMMANDS
        provider = QuestionCommands(screen)
        hits = [hit async for hit in provider.search("training session")]
        assert hits
        await hits[0].command()
        await pilot.pause()
        assert screen.current == "gov02.last"
        app.action_command_palette()
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_the_language_switch_changes_questions_and_keys(ws_path: Path) -> None:
    assessment_id = _new_assessment(ws_path, "[bold]x[/] \x1b[31m")
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot)
        text = str(screen.query_one("#q-text", Static).render())
        assert text == "What is your role?"
        status = str(screen.query_one("#as-status", Static).render())
        assert "[bold]x[/]" in status and "\x1b" not in status
        await pilot.press("f2")
        await pilot.pause()
        assert app.lang == "fr"
        text = str(screen.query_one("#q-text", Static).render())
        assert text == "Quel est votre rôle ?"
        descriptions = {b.binding.description for b in screen.active_bindings.values()}
        assert "Suivante" in descriptions and "Next" not in descriptions
        card = screen.query_one(QuestionCard)
        assert card.lang == "fr"


async def test_a_long_option_wraps_instead_of_being_cut(ws_path: Path) -> None:
    with open_workspace(ws_path) as workspace:
        client = create_client(workspace, "Atlas Contact")
        assessment_id = create_assessment(workspace, client, "ma-offshoring")
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(72, 24)) as pilot:
        screen = await _open(app, pilot)
        await screen.goto("role")
        await pilot.pause()
        options = list(screen.query_one("#q-answer", RadioSet).query(RadioButton))
        first = options[0]
        assert str(first.label) == "Controller only (we decide the purposes)"
        assert first.size.height >= 2  # the button and the label do not fit on one line
        shown = " ".join(first.render_line(y).text for y in range(first.size.height))
        assert "…" not in shown and "purposes)" in shown


async def test_an_answer_updates_its_mark_and_its_domain_count_in_the_tree(ws_path: Path) -> None:
    assessment_id = _new_assessment(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot)
        for question_id in ("gov01.lead", "gov02.share"):  # one that gates others, one that not
            item = screen.item(question_id)
            assert item is not None and item.domain is not None
            key = item.domain.id

            def count(key: str = key) -> tuple[int, int]:
                words = str(screen.domain_nodes[key].label).replace(" ✓", "").split()
                done, total = words[-1].split("/")
                return int(done), int(total)

            done, total = count()
            screen.answer(item, "yes" if question_id == "gov01.lead" else 40)
            await settle(app, pilot)  # saved in a worker
            now_done, now_total = count()
            assert now_done == done + 1
            assert now_total >= total if question_id == "gov01.lead" else now_total == total
            screen._expand_to(question_id)
            assert str(screen.nodes[question_id].label).startswith("✓")


async def test_evidence_on_a_profile_question_says_why_not(
    ws_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(AssessmentScreen, "notify", lambda self, message, **_: said.append(message))
    assessment_id = _new_assessment(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot)
        await screen.goto("role")
        _choose(screen, 0)  # answered, and still no evidence: it is the profile
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        assert app.screen is screen  # no file picker
        assert said and "profile" in said[-1].lower()


async def test_the_keyboard_starts_on_the_option_already_chosen(ws_path: Path) -> None:
    fixture = REPO / "questionnaires/ma-offshoring/1.1.0/fixtures/telemarketing-france.yaml"
    assessment, _ = read_assessment_file(fixture, lambda: "")
    with open_workspace(ws_path) as workspace:
        assessment_id = import_assessment(workspace, assessment)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot)
        assert screen.current == "role" and screen.session.assessment.profile["role"] == "processor"
        await pilot.press("down", "enter")  # the option after "processor", not after the first
        await settle(app, pilot)  # saved in a worker
        assert screen.session.assessment.profile["role"] == "both"


async def test_long_ticked_options_wrap_with_their_box_on_the_first_line(ws_path: Path) -> None:
    with open_workspace(ws_path) as workspace:
        client = create_client(workspace, "Atlas Contact")
        assessment_id = create_assessment(workspace, client, "ma-offshoring")
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot)
        await screen.goto("special_data")
        await pilot.pause()
        ticks = screen.query_one("#q-answer", SelectionList)
        ticks.select("national_id")
        await pilot.pause()
        lines = [ticks.render_line(y).text for y in range(ticks.size.height)]
        shown = " ".join(line[4:].strip() for line in lines)
        assert "…" not in shown
        assert "(CIN/CNIE or foreign ID numbers)" in shown  # the end of a long option
        boxes = [line for line in lines if line.startswith("▐")]
        assert len(boxes) == ticks.option_count  # one box per option, not per line
        assert [line[1] for line in boxes].count("✓") == 1
        ticked = next(line for line in boxes if line[1] == "✓")
        assert "National identity" in ticked


@pytest.mark.parametrize(("size", "tree_at_least"), [((80, 24), 30), ((120, 40), 40)])
async def test_the_tree_widens_with_the_terminal_and_the_comment_shows_four_lines(
    ws_path: Path, size: tuple[int, int], tree_at_least: int
) -> None:
    assessment_id = _new_assessment(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=size) as pilot:
        screen = await _open(app, pilot)
        await screen.goto("gov01.lead")
        await pilot.pause()
        assert screen.query_one("#as-tree", Tree).outer_size.width >= tree_at_least
        comment = screen.query_one("#q-comment", TextArea)
        assert comment.content_size.height >= 4
        comment.focus()
        await pilot.press(*"line one", "enter", *"line two")  # Enter starts a new line
        assert comment.text == "line one\nline two"
