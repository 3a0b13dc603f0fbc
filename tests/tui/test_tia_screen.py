"""The TIA screen through Pilot (issue 15, point 6): ``t`` on a flow opens its TIA, editing an input
moves the probability as the engine computes it, and the estimate is saved in the workspace."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Select, Static

from compliance.engine.tia import estimate, neutralised_bases
from compliance.model.tia import Quantitative
from compliance.report.tia import probability
from compliance.store import (
    import_assessment,
    load_assessment,
    open_workspace,
    read_assessment_file,
)
from compliance.tui.app import ComplianceApp
from compliance.tui.screens import FlowsScreen, TiaScreen
from compliance.tui.screens.tia import SAVE_DELAY
from tests.helpers import REPO
from tests.tui.conftest import open_from_assessment, settle

FIXTURE = REPO / "tests" / "report" / "tia" / "telecom-casablanca.yaml"
FLOW = "f1-telecom-crm"


def _import(path: Path) -> int:
    assessment, _ = read_assessment_file(FIXTURE, lambda: "")
    with open_workspace(path) as workspace:
        return import_assessment(workspace, assessment)


def _stored(path: Path, assessment_id: int) -> Quantitative:
    with open_workspace(path) as workspace:
        flow = load_assessment(workspace, assessment_id).flow(FLOW)
    assert flow is not None and flow.tia.quantitative is not None
    return flow.tia.quantitative


def _result(screen: TiaScreen) -> str:
    return str(screen.query_one("#tia-result", Static).render())


async def _open_tia(app: ComplianceApp, pilot: Any) -> TiaScreen:
    flows = await open_from_assessment(app, pilot, "flows")
    assert isinstance(flows, FlowsScreen)
    table = flows.query_one(DataTable)
    table.move_cursor(row=0)
    await pilot.press("t")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, TiaScreen)
    return screen


async def test_t_opens_the_tia_of_the_highlighted_flow_with_the_sheet_beside_the_bases(
    ws_path: Path,
) -> None:
    assessment_id = _import(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_tia(app, pilot)
        assert screen.flow_id == FLOW
        quantitative = _stored(ws_path, assessment_id)
        tia = screen.flow.tia
        expected = estimate(quantitative, neutralised_bases(tia)).probability
        assert probability(expected, "en") in _result(screen)
        assert "above" in _result(screen)
        for step in ("1 · The transfer", "3 · Law and practice", "6 · Re-evaluation"):
            assert any(step in str(s.render()) for s in screen.query(".tia-title").results(Static))
        bases = screen.query_one("#tia-bases", OptionList)
        sheet = screen.sheet
        assert sheet is not None and bases.option_count == len(sheet.bases)
        bases.highlighted = 0
        await pilot.pause()
        pane = str(screen.query_one("#tia-sheet", Static).render())
        assert sheet.bases[0].name.en in pane
        assert "checked against the primary text" in pane  # the first basis is verified


async def test_editing_an_input_moves_p_and_is_saved_in_the_store(ws_path: Path) -> None:
    assessment_id = _import(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_tia(app, pilot)
        before = _result(screen)
        box = screen.query_one("#tia-p_target-0", Input)
        box.focus()
        box.value = ""
        await pilot.press(*"0,2")  # a decimal comma reads too
        await pilot.pause()
        after = _result(screen)
        assert after != before
        edited = screen.quantitative
        assert edited is not None and edited.bases[0].p_target == Decimal("0.2")
        expected = estimate(edited, neutralised_bases(screen.flow.tia)).probability
        assert probability(expected, "en") in after
        await pilot.pause(SAVE_DELAY + 0.2)
        await settle(app, pilot)
        assert _stored(ws_path, assessment_id).bases[0].p_target == Decimal("0.2")
        assert screen.session.assessment.flow(FLOW) is not None


async def test_input_that_does_not_read_is_named_and_not_saved(ws_path: Path) -> None:
    assessment_id = _import(ws_path)
    stored = _stored(ws_path, assessment_id)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_tia(app, pilot)
        screen.query_one("#tia-p_compel-1", Input).value = "1.5"
        await pilot.pause()
        result = _result(screen)
        assert "P(compelled)" in result and "1.5 is outside 0..1" in result
        screen.query_one("#tia-tolerance", Input).value = "lots"
        await pilot.pause()
        await screen.run_action("save")
        await pilot.pause(SAVE_DELAY + 0.2)
        await settle(app, pilot)
        assert _stored(ws_path, assessment_id) == stored
        await pilot.press("escape")  # asks before leaving what does not read
        await pilot.pause()
        assert app.screen is not screen and not isinstance(app.screen, FlowsScreen)


async def test_the_screen_speaks_french(ws_path: Path) -> None:
    assessment_id = _import(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_tia(app, pilot)
        await pilot.press("f2")
        await pilot.pause()
        assert "P sur 5 ans" in _result(screen)
        assert "au-dessus" in _result(screen)
        titles = [str(s.render()) for s in screen.query(".tia-title").results(Static)]
        assert "1 · Le transfert" in titles and "6 · Réévaluation" in titles


def test_the_tia_screen_at_80_by_24(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a user sees on opening the TIA: the estimate on top, the steps, and step 3 with the
    highlighted basis's sheet entry beside the list of bases (looked at when updated)."""
    monkeypatch.chdir(tmp_path)
    assessment_id = _import(Path("workspace.sqlite"))
    app = ComplianceApp(workspace="workspace.sqlite", welcome=False, open_assessment=assessment_id)

    async def run_before(pilot: Pilot[Any]) -> None:
        await _open_tia(app, pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


async def test_a_flow_with_only_an_asserted_tia_is_shown_and_left_as_it_is(
    ws_path: Path,
) -> None:
    """The example's flow has only the older three fields and no country sheet: the screen says
    there is no basis to estimate, and a tolerance typed alone saves nothing."""
    from tests.tui.conftest import import_sample

    assessment_id = import_sample(ws_path)
    with open_workspace(ws_path) as workspace:
        before = load_assessment(workspace, assessment_id).flow("f1")
    assert before is not None and not before.tia.structured
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        flows = await open_from_assessment(app, pilot, "flows")
        flows.query_one(DataTable).move_cursor(row=0)
        await pilot.press("t")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, TiaScreen)
        assert "No basis to estimate" in _result(screen)
        assert "no country sheet" in str(screen.query_one("#tia-sheet-note", Static).render())
        screen.query_one("#tia-tolerance", Input).value = "0.01"
        await pilot.pause(SAVE_DELAY + 0.2)
        await settle(app, pilot)
        assert screen.quantitative is None
    with open_workspace(ws_path) as workspace:
        assert load_assessment(workspace, assessment_id).flow("f1") == before


# --- tia-tui: starting a TIA on the screen -------------------------------------------------------


def _import_without_tia(path: Path) -> int:
    """The fixture with the TIA of its first flow taken out: a flow whose TIA is still to do."""
    from compliance.model.tia import Tia

    assessment, _ = read_assessment_file(FIXTURE, lambda: "")
    flows = [f.model_copy(update={"tia": Tia()}) if f.id == FLOW else f for f in assessment.flows]
    with open_workspace(path) as workspace:
        return import_assessment(workspace, assessment.model_copy(update={"flows": tuple(flows)}))


def _stored_flow(path: Path, assessment_id: int) -> Any:
    with open_workspace(path) as workspace:
        return load_assessment(workspace, assessment_id)


async def _type(pilot: Any, screen: TiaScreen, widget_id: str, text: str) -> None:
    box = screen.query_one(f"#{widget_id}", Input)
    box.focus()
    box.value = ""
    await pilot.press(*text)
    await pilot.pause()


async def test_a_tia_is_started_on_the_screen_and_scored_from_the_store(ws_path: Path) -> None:
    """From a flow without a TIA: a basis marked applying with its justification gets its row at
    once, the use case, the dates and the four probabilities are typed, P shows, and the store
    holds the structured TIA the engine scores."""
    from compliance.engine.scoring import score

    assessment_id = _import_without_tia(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_tia(app, pilot)
        assert screen.flow_id == FLOW and not screen.flow.tia.structured
        assert len(screen.query(".tia-basis-row")) == 0
        sheet = screen.sheet
        assert sheet is not None
        first = sheet.bases[0].id
        bases = screen.query_one("#tia-bases", OptionList)
        bases.focus()
        bases.highlighted = 0
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert "applies" in str(bases.get_option_at_index(0).prompt)
        assert len(screen.query(".tia-basis-row")) == 1  # its estimate row, at once
        assert "Justification" in _result(screen)  # required: named until given
        await _type(pilot, screen, "tia-law-why", "The importer is a telecom operator.")
        assert screen.problem is None
        screen.query_one("#tia-use-case", Select).value = "remote_access_business"
        await pilot.pause()
        assert "7. remote access" in str(screen.query_one("#tia-step4", Static).render()).lower()
        await _type(pilot, screen, "tia-date", "01/05/2026")
        await _type(pilot, screen, "tia-review-by", "2027-05-01")
        await _type(pilot, screen, "tia-tolerance", "0.01")
        for name, value in zip(
            ("p_target", "p_compel", "p_readable", "p_challenge_fails"),
            ("0.02", "0.9", "1", "0.5"),
            strict=True,
        ):
            await _type(pilot, screen, f"tia-{name}-0", value)
        await _type(pilot, screen, "tia-why-0", "Seldom targeted; challenges rarely succeed.")
        assert screen.problem is None
        assert "P over 5 years" in _result(screen) and "4.42%" in _result(screen)
        await pilot.pause(SAVE_DELAY + 0.2)
        await settle(app, pilot)
        questionnaire = screen.session.questionnaire
    stored = _stored_flow(ws_path, assessment_id)
    tia = stored.flow(FLOW).tia
    assert tia.structured and tia.use_case == "remote_access_business"
    assert tia.law is not None and [(b.basis, b.applies) for b in tia.law] == [(first, True)]
    assert tia.law[0].justification == "The importer is a telecom operator."
    assert (tia.date.isoformat(), tia.review_by.isoformat()) == ("2026-05-01", "2027-05-01")
    assert tia.quantitative is not None and tia.quantitative.bases[0].basis == first
    scored = {f.id: f for f in score(questionnaire, stored).flows}[FLOW]
    assert scored.tia is not None and scored.tia.probability == Decimal("0.044197257254")


async def test_a_review_date_more_than_a_year_after_is_refused_in_the_field(
    ws_path: Path,
) -> None:
    assessment_id = _import(ws_path)
    before = _stored_flow(ws_path, assessment_id).flow(FLOW).tia
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_tia(app, pilot)
        await _type(pilot, screen, "tia-review-by", "01/07/2027")
        error = str(screen.query_one("#tia-date-error", Static).render())
        assert "more than a year after" in error and "2027-06-30" in error
        assert screen.query_one("#tia-review-by", Input).has_class("-invalid")
        await _type(pilot, screen, "tia-date", "2026-13-01")
        assert "is not a date" in str(screen.query_one("#tia-date-error", Static).render())
        await screen.run_action("save")
        await pilot.pause(SAVE_DELAY + 0.2)
        await settle(app, pilot)
        await pilot.press("f2")
        await pilot.pause()
        assert "n'est pas une date" in str(screen.query_one("#tia-date-error", Static).render())
    assert _stored_flow(ws_path, assessment_id).flow(FLOW).tia == before


async def test_a_measure_is_added_and_removed(ws_path: Path) -> None:
    assessment_id = _import(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_tia(app, pilot)
        count = len(screen.flow.tia.supplementary or ())
        sheet = screen.sheet
        assert sheet is not None
        basis = sheet.bases[0].id
        screen.query_one("#tia-measure-kind", Select).value = "contractual"
        await _type(pilot, screen, "tia-measure-bases", "nowhere.b9")
        await _type(pilot, screen, "tia-measure-text", "Warrant canary in the contract")
        await pilot.press("enter")
        await pilot.pause()
        assert "nowhere.b9 is not a basis" in str(
            screen.query_one("#tia-measure-note", Static).render()
        )
        await _type(pilot, screen, "tia-measure-bases", basis)
        await pilot.press("enter")
        await pilot.pause(SAVE_DELAY + 0.2)
        await settle(app, pilot)
        added = _stored_flow(ws_path, assessment_id).flow(FLOW).tia.supplementary
        assert len(added) == count + 1
        assert (added[-1].kind, added[-1].neutralises) == ("contractual", (basis,))
        measures = screen.query_one("#tia-measures", OptionList)
        measures.focus()
        measures.highlighted = count
        await pilot.press("delete")
        await pilot.pause(SAVE_DELAY + 0.2)
        await settle(app, pilot)
        assert len(_stored_flow(ws_path, assessment_id).flow(FLOW).tia.supplementary) == count


async def test_what_the_engine_would_refuse_is_named_and_not_saved(ws_path: Path) -> None:
    """A measure against a basis step 3 does not assess: the scorer would refuse the TIA, so the
    screen names the problem and the store keeps step 3 as it read, without the measure."""
    assessment_id = _import_without_tia(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_tia(app, pilot)
        sheet = screen.sheet
        assert sheet is not None and len(sheet.bases) > 1
        bases = screen.query_one("#tia-bases", OptionList)
        bases.focus()
        bases.highlighted = 0
        await pilot.press("a")
        await pilot.pause()
        await _type(pilot, screen, "tia-law-why", "It reaches the importer.")
        await _type(pilot, screen, "tia-measure-bases", sheet.bases[1].id)
        await _type(pilot, screen, "tia-measure-text", "Encryption with keys kept in France")
        await pilot.press("enter")
        await pilot.pause(SAVE_DELAY + 0.2)
        await settle(app, pilot)
        assert "step 3 (law) does not assess" in _result(screen)
    stored = _stored_flow(ws_path, assessment_id).flow(FLOW).tia
    assert stored.law is not None and stored.law[0].justification == "It reaches the importer."
    assert stored.supplementary is None
