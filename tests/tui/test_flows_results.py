"""The data-flows and results screens through Pilot: flows change readiness, results follow."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.geometry import Region
from textual.widgets import DataTable, Input, Select, Static

from compliance.settings import load_settings
from compliance.store import (
    create_assessment,
    create_client,
    load_assessment,
    open_workspace,
)
from compliance.tui.app import SCORE_DELAY, ComplianceApp
from compliance.tui.dialogs import Confirm, FlowForm, UnlockKey
from compliance.tui.dialogs.prompt import Prompt
from compliance.tui.screens import AssessmentScreen, FlowsScreen, ResultsScreen
from compliance.tui.widgets import CountryPicker
from tests.tui.conftest import import_sample, open_from_assessment, settle
from tests.tui.test_results_screen import shown


async def _flows(app: ComplianceApp, pilot: Any) -> FlowsScreen:
    flows = await open_from_assessment(app, pilot, "flows")
    assert isinstance(flows, FlowsScreen)
    return flows


async def test_flows_are_listed_with_their_status_in_words(ws_path: Path) -> None:
    assessment_id = import_sample(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _flows(app, pilot)
        table = screen.query_one(DataTable)
        assert table.row_count == 2
        statuses = [str(table.get_row_at(i)[1]) for i in range(2)]  # second: seen at 80 columns
        words = ("ready", "conditional", "not ready", "blocked")
        assert all(any(word in status for word in words) for status in statuses)
        reasons = str(screen.query_one("#fl-reasons", Static).render())
        assert str(table.get_row_at(0)[0]) in reasons  # the highlighted flow's findings
        assert "Art." in reasons  # each with the articles behind it
        table.move_cursor(row=1)
        await pilot.pause()
        assert str(table.get_row_at(1)[0]) in str(screen.query_one("#fl-reasons", Static).render())


async def test_add_edit_and_delete_a_flow(ws_path: Path) -> None:
    with open_workspace(ws_path) as workspace:
        client = create_client(workspace, "Flows Inc")
        assessment_id = create_assessment(workspace, client, "example")
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 40)) as pilot:
        screen = await _flows(app, pilot)
        await pilot.press("a")
        form: object = app.screen
        assert isinstance(form, FlowForm)
        mechanisms = [value for _, value in form.query_one("#f-mechanism", Select)._options]
        assert "scc_module_2" in mechanisms
        form.query_one("#f-name", Input).value = "CRM [@click=app.quit]x[/]"
        form.query_one("#f-exporter-name", Input).value = "EU Client"
        form.query_one("#f-importer-name", Input).value = "Flows Inc"
        picker = form.query_one("#f-exporter-country", CountryPicker)
        assert picker.matches("fran")[0] == "FR"
        picker.pick("FR")
        form.query_one("#f-importer-country", CountryPicker).pick("MA")
        form.action_save()
        await settle(app, pilot)
        await pilot.pause(SCORE_DELAY + 0.1)
        await settle(app, pilot)
        assert app.screen is screen
        table = screen.query_one(DataTable)
        assert table.row_count == 1
        assert "[@click=app.quit]" in str(table.get_row_at(0)[0])
        before = screen.status_of("f1")
        assert before is not None and before != "ready"
        # edit: the form opens on the flow; choose the SCCs and say they are signed
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, FlowForm)
        assert form.query_one("#f-id", Input).disabled
        form.query_one("#f-mechanism", Select).value = "scc_module_2"
        form.query_one("#f-scc").value = True  # type: ignore[attr-defined]
        form.action_save()
        await settle(app, pilot)
        with open_workspace(ws_path) as workspace:
            stored = load_assessment(workspace, assessment_id)
        assert stored.flows[0].gdpr_mechanism == "scc_module_2"
        assert stored.flows[0].contract.scc_signed is True
        tool = str(screen.query_one(DataTable).get_row_at(0)[3])
        assert tool == "SCC module 2 (controller to processor)"  # says it is an SCC module
        # delete, after a confirmation
        await pilot.press("x")
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(app, pilot)
        assert screen.query_one(DataTable).row_count == 0
    with open_workspace(ws_path) as workspace:
        assert load_assessment(workspace, assessment_id).flows == ()


async def test_results_follow_an_answer_after_the_debounce(ws_path: Path) -> None:
    assessment_id = import_sample(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assessment = app.screen
        assert isinstance(assessment, AssessmentScreen)
        assessment.action_results()
        await settle(app, pilot)
        results = app.screen
        assert isinstance(results, ResultsScreen)
        overall = "\n".join(shown(results, "overall"))
        plan = "\n".join(shown(results, "plan"))
        flows = "\n".join(shown(results, "flows"))
        assert "Atlas Contact" in overall
        assert "Backups in US" in flows and "Art." in flows
        assert "GOV-02" in plan or "XFR-01" in plan
        before = app.result
        assert before is not None
        item = assessment.item("gov01.lead")
        assert item is not None
        assert assessment.answer(item, "no")  # the card is under the results screen
        assert app.result is before  # scoring waits for the debounce
        await pilot.pause(SCORE_DELAY + 0.1)
        await settle(app, pilot)
        assert app.result is not before
        assert app.result.overall.score != before.overall.score
        assert "\n".join(shown(results, "overall")) != overall
        await pilot.press("s")  # signing asks for the key first
        await pilot.pause()
        assert isinstance(app.screen, UnlockKey)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen_stack[-1] is results


async def _results_of_sample(app: ComplianceApp, pilot: Any) -> ResultsScreen:
    results = await open_from_assessment(app, pilot, "results")
    assert isinstance(results, ResultsScreen)
    return results


async def test_the_report_action_writes_the_report(ws_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=import_sample(ws_path))
    async with app.run_test(size=(80, 24)) as pilot:
        results = await _results_of_sample(app, pilot)
        results._report_to(tmp_path, str(target))
        await settle(app, pilot)
    assert "Atlas Contact" in target.read_text(encoding="utf-8")


async def test_the_sign_action_writes_a_bundle_that_verifies(ws_path: Path, tmp_path: Path) -> None:
    import datetime as dt

    from compliance.filecrypt import MINIMUM_PARAMS
    from compliance.signing.keys import generate_key
    from compliance.signing.trust import TrustEntry, TrustStore
    from compliance.signing.verify import verify_bundle

    (tmp_path / "keys").mkdir(mode=0o700)
    private, public, key_id = generate_key("atlas", tmp_path / "keys", "pw", params=MINIMUM_PARAMS)
    target = tmp_path / "bundle.zip"
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=import_sample(ws_path))
    async with app.run_test(size=(80, 24)) as pilot:
        results = await _results_of_sample(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        unlock = app.screen
        assert isinstance(unlock, UnlockKey)
        unlock.query_one("#key-path", Input).value = str(private)
        unlock.query_one("#key-passphrase", Input).value = "wrong passphrase"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is unlock  # said at once, the path kept, before anything else
        assert "wrong passphrase" in str(unlock.query_one("#key-problem", Static).render())
        assert unlock.query_one("#key-path", Input).value == str(private)
        await pilot.press(*"pw", "enter")
        await settle(app, pilot)
        where = app.screen
        assert isinstance(where, Prompt)
        assert where.query_one(Input).value.endswith(".zip")
        where.dismiss(str(target))
        await settle(app, pilot)
        assert app.screen is results
    assert load_settings().signing_key == str(private)  # offered first the next time
    now = dt.datetime.now(dt.UTC)
    trust = TrustStore((TrustEntry(key_id, "Atlas", public.read_text(), now),))
    verdict = verify_bundle(target.read_bytes(), trust)
    assert verdict.ok, verdict.reason


async def test_only_the_section_titles_are_underlined(ws_path: Path) -> None:
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=import_sample(ws_path))
    async with app.run_test(size=(80, 24)) as pilot:
        results = await _results_of_sample(app, pilot)
        for part, title in (
            ("domains", "Domains"),
            ("flows", "Data flows"),
            (
                "plan",
                "Remediation plan (most points recoverable first; equal points by control id)",
            ),
        ):
            widget = results.query_one(f"#rs-{part}", Static)
            strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
            underlined = [
                "".join(s.text for s in strip if s.style and s.style.underline).strip()
                for strip in strips
            ]
            assert [line for line in underlined if line] == [title]


async def test_going_back_and_forth_between_flows_and_results_never_grows_the_stack(
    ws_path: Path,
) -> None:
    assessment_id = import_sample(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assessment = app.screen
        assert isinstance(assessment, AssessmentScreen)
        below = len(app.screen_stack)  # Textual's own first screen, the workspace, this one
        await pilot.press("f5")  # the results, then the flows from them, then back and forth
        await settle(app, pilot)
        results = app.screen
        assert isinstance(results, ResultsScreen)
        await pilot.press("f")
        await settle(app, pilot)
        flows = app.screen
        assert isinstance(flows, FlowsScreen)
        depth = len(app.screen_stack)
        assert depth == below + 2  # the questions, the results, the flows
        for _ in range(3):
            await pilot.press("r")  # back to the results already open: the flows close
            await settle(app, pilot)
            assert app.screen is results
            assert len(app.screen_stack) == depth - 1
            await pilot.press("f")
            await settle(app, pilot)
            assert isinstance(app.screen, FlowsScreen)
            assert len(app.screen_stack) == depth
        assert [type(s) for s in app.screen_stack].count(ResultsScreen) == 1
        await pilot.press("escape")  # flows -> results -> the questions
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is assessment
        await pilot.press("f4")  # from the questions: the flows, then the results from them
        await settle(app, pilot)
        again = app.screen
        assert isinstance(again, FlowsScreen)
        for _ in range(3):
            await pilot.press("r")
            await settle(app, pilot)
            assert isinstance(app.screen, ResultsScreen)
            await pilot.press("f")  # the flows the results were opened from
            await settle(app, pilot)
            assert app.screen is again
        assert len(app.screen_stack) == below + 1  # the questions, the flows
