"""The flow form through Pilot: every field the transfer rules read, filled in from the keyboard.

A flow is filled in entirely through the form and reaches the store as entered; a granted CNDP
transfer request (F118) takes a flow out of ``blocked``, and one decided before it was filed is
refused; an imported flow saved untouched stays identical;
dates and numbers that do not read are refused on one line; the form's keys follow the language.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, Static

from compliance.model.assessment import (
    CndpRecord,
    Contract,
    Flow,
    Party,
    Tia,
    TransferProcedure,
)
from compliance.store import (
    import_assessment,
    load_assessment,
    open_workspace,
    read_assessment_file,
)
from compliance.tui.app import SCORE_DELAY, ComplianceApp
from compliance.tui.dialogs import FlowForm
from compliance.tui.safe import clean
from compliance.tui.screens import FlowsScreen
from compliance.tui.widgets import CountryPicker
from compliance.tui.widgets.toggles import Ticks, TriTick
from tests.tui.conftest import SAMPLE, import_sample, open_from_assessment, settle

FIXTURE = SAMPLE


def _stored(path: Path, assessment_id: int) -> tuple[Flow, ...]:
    with open_workspace(path) as workspace:
        return load_assessment(workspace, assessment_id).flows


async def _flows(app: ComplianceApp, pilot: Pilot[Any]) -> FlowsScreen:
    flows = await open_from_assessment(app, pilot, "flows")
    assert isinstance(flows, FlowsScreen)
    return flows


async def _form(app: ComplianceApp, pilot: Pilot[Any], key: str) -> FlowForm:
    await pilot.press(key)
    await pilot.pause()
    form = app.screen
    assert isinstance(form, FlowForm)
    return form


async def _type(pilot: Pilot[Any], form: FlowForm, selector: str, text: str) -> None:
    """Focuses a text field and types ``text`` over what it holds, key by key."""
    field = form.query_one(selector, Input)
    field.focus()
    await pilot.pause()
    field.value = ""
    await pilot.press(*text)


def _fill(form: FlowForm, selector: str, text: str) -> None:
    """Puts ``text`` in a text field (as a paste would: quicker than typing it under Pilot)."""
    form.query_one(selector, Input).value = text


async def _country(pilot: Pilot[Any], form: FlowForm, which: str, typed: str) -> None:
    """Types into a country search and takes the first match with Enter."""
    await _type(pilot, form, f"#f-{which}-country Input", typed)
    await pilot.press("enter")
    await pilot.pause()


async def _space(pilot: Pilot[Any], form: FlowForm, selector: str, times: int = 1) -> None:
    form.query_one(selector).focus()
    await pilot.pause()
    for _ in range(times):
        await pilot.press("space")


async def _rescored(app: ComplianceApp, pilot: Pilot[Any]) -> None:
    await settle(app, pilot)
    await pilot.pause(SCORE_DELAY + 0.1)
    await settle(app, pilot)


def _status_cell(screen: FlowsScreen, flow_id: str) -> str:
    return str(screen.query_one(DataTable).get_cell(flow_id, "status"))


async def test_a_flow_filled_in_through_the_form_is_stored_as_entered(ws_path: Path) -> None:
    assessment_id = import_sample(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _flows(app, pilot)
        form = await _form(app, pilot, "a")
        assert form.query_one("#f-id", Input).value == "f3"
        await _type(pilot, form, "#f-name", "Payroll to US")
        _fill(form, "#f-purpose", "Payroll")
        _fill(form, "#f-exporter-name", "Atlas")
        await _country(pilot, form, "exporter", "morocco")
        form.query_one("#f-exporter-role", Select).value = "controller"
        form.query_one("#f-exporter-ma-role", Select).value = "controller"
        _fill(form, "#f-importer-name", "PayCo")
        dpf = form.query_one("#f-importer-dpf", TriTick)
        assert not dpf.display  # no country yet: nothing to certify
        await _country(pilot, form, "importer", "US")
        assert form.query_one("#f-importer-country", CountryPicker).code == "US"
        assert dpf.display  # the US adequacy covers certified importers only
        assert not form.query_one("#f-importer-commercial").display  # that is Canada's
        form.query_one("#f-importer-role", Select).value = "processor"
        form.query_one("#f-importer-ma-role", Select).value = "processor"
        await _space(pilot, form, "#f-importer-dpf")
        # data: health (the first special category) ticked with Space, national ID numbers yes,
        # criminal data no (ticked, then unticked: a known no)
        await _space(pilot, form, "#f-special")
        await _space(pilot, form, "#f-national-id")
        await _space(pilot, form, "#f-criminal", times=2)
        form.query_one("#f-frequency", Select).value = "periodic"
        await _type(pilot, form, "#f-subjects", "12 000")
        form.query_one("#f-mechanism", Select).value = "scc_module_2"
        await _space(pilot, form, "#f-dpa")
        await _space(pilot, form, "#f-scc")
        await _space(pilot, form, "#f-subprocessors", times=2)
        await _space(pilot, form, "#f-tia")
        await _type(pilot, form, "#f-tia-date", "2026-04-01")
        form.query_one("#f-tia-conclusion", Select).value = "measures_needed"
        measures = form.query_one("#f-measures", Ticks)
        measures.select("exporter_held_keys")
        measures.select("encryption_in_transit")
        form.query_one("#f-planned", Ticks).select("mfa")
        form.query_one("#f-basis", Select).value = "cndp_authorisation"
        _fill(form, "#f-receipt", "D-2026-001")
        _fill(form, "#f-authorisation", "A-2026-002")
        form.query_one("#f-f118-status", Select).value = "granted"
        _fill(form, "#f-f118-filed", "2026-04-10")
        _fill(form, "#f-f118-decided", "2026-05-01")
        _fill(form, "#f-f118-reference", "AT-77")
        _fill(form, "#f-first-transfer", "2026-06-01")
        await _space(pilot, form, "#f-onward")  # f1, the first other flow
        form.query_one("#f-planned").focus()
        await pilot.pause()
        await pilot.press("ctrl+s")  # saves from a list, not only from a text field
        await _rescored(app, pilot)
        assert app.screen is screen  # saved and closed
        result = app.result
        assert result is not None
        found = next(f for f in result.flows if f.id == "f3")
        assert found.morocco.status == "ready"  # every question of the Law 09-08 gate answered
    expected = Flow(
        id="f3",
        name="Payroll to US",
        purpose="Payroll",
        exporter=Party(name="Atlas", country="MA", role="controller", ma_role="controller"),
        importer=Party(
            name="PayCo", country="US", role="processor", ma_role="processor", dpf_certified=True
        ),
        origin="MA",
        destination="US",
        special_categories=("health",),
        national_id=True,
        criminal_data=False,
        subjects_count=12_000,
        frequency="periodic",
        contract=Contract(dpa_art28=True, scc_signed=True, subprocessors_authorised=False),
        gdpr_mechanism="scc_module_2",
        tia=Tia(done=True, date=dt.date(2026, 4, 1), conclusion="measures_needed"),
        measures=("encryption_in_transit", "exporter_held_keys"),
        measures_planned=("mfa",),
        ma_basis="cndp_authorisation",
        cndp=CndpRecord(
            declaration_receipt="D-2026-001",
            authorisation="A-2026-002",
            transfer=TransferProcedure(
                status="granted",
                filed_on=dt.date(2026, 4, 10),
                decided_on=dt.date(2026, 5, 1),
                reference="AT-77",
            ),
        ),
        first_transfer_date=dt.date(2026, 6, 1),
        onward=("f1",),
    )
    stored = _stored(ws_path, assessment_id)
    assert stored[-1] == expected


async def test_untouched_ticks_stay_unknown_on_a_new_flow(ws_path: Path) -> None:
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=import_sample(ws_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await _flows(app, pilot)
        form = await _form(app, pilot, "a")
        form.query_one("#f-name", Input).value = "Minimal"
        form.query_one("#f-exporter-name", Input).value = "Atlas"
        form.query_one("#f-exporter-country", CountryPicker).pick("MA")
        form.query_one("#f-importer-name", Input).value = "Client"
        form.query_one("#f-importer-country", CountryPicker).pick("FR")
        national_id = form.query_one("#f-national-id", TriTick)
        assert "?" in str(national_id.render())  # unknown is shown as such, not as a no
        built = form.build()
        assert isinstance(built, Flow)
        assert built.national_id is None and built.criminal_data is None
        assert built.contract == Contract() and built.tia == Tia()
        assert built.subjects_count is None and built.frequency is None
        assert built.cndp == CndpRecord() and built.first_transfer_date is None
        national_id.value = True
        national_id.value = False  # ticked, then unticked: the user says no
        await pilot.pause()
        assert "?" not in str(national_id.render())
        built = form.build()
        assert isinstance(built, Flow)
        assert built.national_id is False and built.criminal_data is None


async def test_a_granted_f118_unblocks_the_flow(ws_path: Path) -> None:
    assessment_id = import_sample(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _flows(app, pilot)
        form = await _form(app, pilot, "a")
        _fill(form, "#f-name", "HR files to a US group company")
        _fill(form, "#f-exporter-name", "Atlas")
        await _country(pilot, form, "exporter", "MA")
        _fill(form, "#f-importer-name", "Group HR")
        await _country(pilot, form, "importer", "US")
        await _space(pilot, form, "#f-national-id")
        await _space(pilot, form, "#f-criminal", times=2)
        form.query_one("#f-basis", Select).value = "cndp_authorisation"
        _fill(form, "#f-receipt", "D-1")
        _fill(form, "#f-authorisation", "A-1")
        form.query_one("#f-f118-status", Select).value = "not_filed"
        await _type(pilot, form, "#f-first-transfer", "2026-06-01")
        await pilot.press("ctrl+s")
        await _rescored(app, pilot)
        assert app.screen is screen

        def morocco() -> str:
            result = app.result
            assert result is not None
            found = next(f for f in result.flows if f.id == "f3")
            return found.morocco.status

        # transferring since June to a state not on the CNDP list with no F118 filed: unlawful
        assert morocco() == "blocked"
        assert screen.status_of("f3") == "blocked"
        assert "blocked" in _status_cell(screen, "f3")
        table = screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index("f3"))
        await pilot.pause()
        form = await _form(app, pilot, "e")
        assert form.flow is not None and form.flow.id == "f3"
        form.query_one("#f-f118-status", Select).value = "granted"
        _fill(form, "#f-f118-filed", "2026-05-20")
        _fill(form, "#f-f118-decided", "2026-05-15")  # before it was filed
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, FlowForm)  # refused, nothing saved
        problem = str(form.query_one("#f-problem", Static).render())
        assert problem.startswith("✗ cndp.transfer") and "before it was filed" in problem
        _fill(form, "#f-f118-filed", "2026-05-02")
        await pilot.press("ctrl+s")
        await _rescored(app, pilot)
        assert app.screen is screen
        assert morocco() == "ready"
        assert screen.status_of("f3") == "ready"
        assert "ready" in _status_cell(screen, "f3")
    stored = _stored(ws_path, assessment_id)[-1]
    assert stored.cndp.transfer == TransferProcedure(
        status="granted", filed_on=dt.date(2026, 5, 2), decided_on=dt.date(2026, 5, 15)
    )


async def test_an_imported_flow_saved_untouched_stays_identical(ws_path: Path) -> None:
    assessment_id = import_sample(ws_path)
    before = _stored(ws_path, assessment_id)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _flows(app, pilot)
        table = screen.query_one(DataTable)
        for row in range(len(before)):
            table.move_cursor(row=row)
            await pilot.pause()
            form = await _form(app, pilot, "e")
            assert form.flow == before[row]
            assert form.build() == before[row]
            form.query_one("#f-mechanism", Select).focus()
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert app.screen is screen
    assert _stored(ws_path, assessment_id) == before


async def test_fields_the_form_does_not_show_survive_an_edit(ws_path: Path) -> None:
    """Description, regime, locations... kept; a name with a control character kept exactly."""
    assessment, _ = read_assessment_file(FIXTURE, lambda: "")
    rich = assessment.flows[1].model_copy(
        update={
            "name": "Backups\x07 in US",
            "description": "Nightly",
            "regime": "eu_gdpr",
            "storage_locations": ("US", "IE"),
            "access_locations": ("MA",),
            "data_categories": ("contact",),
            "mode": "api",
            "origin": "MA",
            "destination": "IE",  # not the importer's country: kept when that does not change
            "importer": assessment.flows[1].importer.model_copy(update={"commercial_org": True}),
            "onward": ("f9",),  # a flow since deleted
        }
    )
    assessment = assessment.model_copy(update={"flows": (assessment.flows[0], rich)})
    with open_workspace(ws_path) as workspace:
        assessment_id = import_assessment(workspace, assessment)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _flows(app, pilot)
        screen.query_one(DataTable).move_cursor(row=1)
        await pilot.pause()
        form = await _form(app, pilot, "e")
        shown = form.query_one("#f-name", Input).value
        assert shown == clean("Backups\x07 in US") != "Backups\x07 in US"  # shown cleaned
        assert form.build() == rich
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        # an edit changes only what it edits
        screen.query_one(DataTable).move_cursor(row=1)
        await pilot.pause()
        form = await _form(app, pilot, "e")
        form.query_one("#f-frequency", Select).value = "one_off"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    stored = _stored(ws_path, assessment_id)[1]
    assert stored == rich.model_copy(update={"frequency": "one_off"})


async def test_bad_dates_and_numbers_are_refused_on_one_line(ws_path: Path) -> None:
    assessment_id = import_sample(ws_path)
    before = _stored(ws_path, assessment_id)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await _flows(app, pilot)
        form = await _form(app, pilot, "a")
        form.query_one("#f-name", Input).value = "Bad"
        form.query_one("#f-exporter-name", Input).value = "Atlas"
        form.query_one("#f-exporter-country", CountryPicker).pick("MA")
        form.query_one("#f-importer-name", Input).value = "Client"
        form.query_one("#f-importer-country", CountryPicker).pick("FR")
        problem = form.query_one("#f-problem", Static)
        form.query_one("#f-importer-name", Input).value = ""
        await pilot.press("ctrl+s")
        assert str(problem.render()) == "✗ Give the name and the country of the importer"
        assert form.focused is form.query_one("#f-importer-name")
        form.query_one("#f-importer-name", Input).value = "Client"
        cases = [
            ("#f-subjects", "12a", "Data subjects (number)"),
            ("#f-subjects", "-3", "Data subjects (number)"),
            ("#f-subjects", "10000000001", "Data subjects (number)"),
            ("#f-tia-date", "2026-13-01", "Date of the TIA"),
            ("#f-f118-decided", "31/04/2026", "Decided on"),
            ("#f-first-transfer", "2026-02-30", "First transfer date"),
            ("#f-first-transfer", "20260201", "First transfer date"),
        ]
        for selector, typed, label in cases:
            _fill(form, selector, typed)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is form, typed
            text = str(problem.render())
            assert text.startswith("✗ ") and label in text and "\n" not in text, text
            assert problem.region.height == 1, text  # one line at 80 columns
            assert form.focused is form.query_one(selector), typed  # taken to the field
            form.query_one(selector, Input).value = ""
        _fill(form, "#f-first-transfer", "12/03/2026")  # day first, as written in Morocco
        await pilot.press("ctrl+s")  # all fixed: it saves
        await settle(app, pilot)
        assert not isinstance(app.screen, FlowForm)
    after = _stored(ws_path, assessment_id)
    assert len(after) == len(before) + 1
    assert after[-1].first_transfer_date == dt.date(2026, 3, 12)  # stored as the ISO date


async def test_the_form_keys_are_in_french_when_the_interface_is(ws_path: Path) -> None:
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=import_sample(ws_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await _flows(app, pilot)
        await pilot.press("f2")  # French before opening
        await pilot.pause()
        form = await _form(app, pilot, "e")

        def described() -> dict[str, str]:
            return {key: active.binding.description for key, active in form.active_bindings.items()}

        assert described()["ctrl+s"] == "Enregistrer"
        assert described()["escape"] == "Annuler"
        assert str(form.query_one("#f-save").render()) == "Enregistrer"
        assert "Cases\u00a0:" in str(form.query_one("#f-hint").render())  # French typography
        # the language changes under the open form (the app tells every screen on the stack;
        # F2 itself is not active over a modal): keys and text follow, values stay
        form.query_one("#f-frequency", Select).value = "one_off"
        app.lang = "en"
        await pilot.pause()
        assert described()["ctrl+s"] == "Save"
        assert "Ticks:" in str(form.query_one("#f-hint").render())
        assert form.query_one("#f-frequency", Select).value == "one_off"
        assert form.query_one("#f-mechanism", Select).value == "scc_module_2"
        frequency = form.query_one("#f-frequency", Select)
        frequency.focus()
        await pilot.press("enter")  # opens the choices
        assert frequency.expanded
        await pilot.press("escape")  # closes them, not the form
        assert not frequency.expanded and app.screen is form
        await pilot.press("escape")  # cancels
        await pilot.pause()
        assert isinstance(app.screen, FlowsScreen)


async def test_the_form_is_walked_top_to_bottom_at_80x24(ws_path: Path) -> None:
    """Tab visits every field in reading order, and each one scrolls into view."""
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=import_sample(ws_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await _flows(app, pilot)
        form = await _form(app, pilot, "a")
        form.query_one("#f-exporter-country", CountryPicker).pick("MA")
        form.query_one("#f-importer-country", CountryPicker).pick("US")
        await pilot.pause()
        fields = form.query_one("#flow-fields")
        seen: list[str] = []
        for _ in range(60):
            focused = form.focused
            assert focused is not None
            name = focused.id or (focused.parent.id if focused.parent else None) or "?"
            if seen and name == seen[0]:
                break
            seen.append(name)
            if fields in focused.ancestors:
                for _ in range(100):  # the scroll follows the focus (later on a busy machine)
                    if fields.region.contains_region(focused.region):
                        break
                    await pilot.pause(0.02)
                assert fields.region.contains_region(focused.region), name
            await pilot.press("tab")
        assert seen == [
            "f-id",
            "f-name",
            "f-purpose",
            "f-exporter-name",
            "f-exporter-country",
            "f-exporter-role",
            "f-exporter-ma-role",
            "f-importer-name",
            "f-importer-country",
            "f-importer-role",
            "f-importer-ma-role",
            "f-importer-dpf",  # shown: the importer is in the US
            "f-data-categories",
            "f-subject-categories",
            "f-special",
            "f-national-id",
            "f-criminal",
            "f-frequency",
            "f-subjects",
            "f-mechanism",
            "f-dpa",
            "f-scc",
            "f-subprocessors",
            "f-tia",
            "f-tia-date",
            "f-tia-conclusion",
            "f-measures",
            "f-planned",
            "f-basis",  # shown: the data leaves Morocco
            "f-receipt",
            "f-authorisation",
            "f-f118-status",
            "f-f118-filed",
            "f-f118-decided",
            "f-f118-reference",
            "f-first-transfer",
            "f-onward",
            "f-save",
            "f-cancel",
        ]
