"""The flow form's polish: a visible focus, framed drop-downs that stay above the buttons, country
search by name prefix, SCC modules named as such, data categories, and the Law 09-08 basis only
where data leaves Morocco."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.containers import Horizontal, VerticalScroll
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, DataTable, Input, OptionList, Select, Static

from compliance.loader import load_questionnaire
from compliance.model.assessment import flow_leaves_morocco, leaves_morocco
from compliance.store import load_assessment, open_workspace
from compliance.tui.app import ComplianceApp
from compliance.tui.dialogs import FlowForm
from compliance.tui.dialogs.flow_form import mechanism_choices
from compliance.tui.screens import FlowsScreen
from compliance.tui.widgets import CountryPicker
from tests.helpers import REPO
from tests.tui.conftest import import_sample, open_from_assessment, settle

EXAMPLE = REPO / "questionnaires" / "example" / "questionnaire.yaml"


async def _form(app: ComplianceApp, pilot: Pilot[Any], row: int) -> tuple[FlowsScreen, FlowForm]:
    screen = await open_from_assessment(app, pilot, "flows")
    assert isinstance(screen, FlowsScreen)
    screen.query_one(DataTable).move_cursor(row=row)
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, FlowForm)
    return screen, form


def _below_fields_and_above_buttons(form: FlowForm, dropdown: Widget) -> None:
    fields = form.query_one("#flow-fields", VerticalScroll).region
    save = form.query_one("#f-save", Button).region
    shown = dropdown.region
    assert shown.height >= 3
    assert shown.bottom <= fields.bottom <= save.y, (shown, fields, save)
    assert dropdown.styles.border_top[0] == "round"  # framed


def test_leaving_morocco_is_read_as_the_law_09_08_gate_reads_it() -> None:
    assert not leaves_morocco("FR", "FR", ["MA"])  # inbound: France to Morocco
    assert leaves_morocco("MA", "MA", ["US"])
    assert leaves_morocco(None, "MA", ["FR"])  # no origin: the exporter's country
    assert not leaves_morocco("MA", "MA", ["MA", None])  # stays in Morocco
    assert leaves_morocco("MA", "FR", ["MA", "IE"])  # stored in Ireland


def test_an_scc_module_says_it_is_one_in_both_languages() -> None:
    questionnaire = load_questionnaire(EXAMPLE, use_cache=False)
    assert dict(mechanism_choices(questionnaire, "en"))["scc_module_2"] == (
        "SCC module 2 (controller to processor)"
    )
    assert dict(mechanism_choices(questionnaire, "fr"))["scc_module_3"] == (
        "CCT, module 3 (sous-traitant à sous-traitant)"
    )


async def test_an_inbound_flow_has_no_moroccan_basis_and_an_outbound_one_has(
    ws_path: Path,
) -> None:
    assessment_id = import_sample(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, form = await _form(app, pilot, 0)  # f1: France to Morocco
        table = screen.query_one(DataTable)
        assert str(table.get_cell("f1", "basis")) == "— not needed"
        assert "(unknown)" not in str(table.get_cell("f1", "basis"))
        assert not form.query_one("#f-basis", Select).display
        assert not form.query_one("#f-basis-label").display
        # the importer moves to Ireland and the exporter to Morocco: now data leaves Morocco
        form.query_one("#f-exporter-country", CountryPicker).pick("MA")
        form.query_one("#f-importer-country", CountryPicker).pick("IE")
        await pilot.pause()
        assert form.query_one("#f-basis", Select).display
        assert form.query_one("#f-basis-label").display
        await pilot.press("escape")
        await pilot.pause()
        table.move_cursor(row=1)  # f2: Morocco to the United States
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FlowForm)
        assert app.screen.query_one("#f-basis", Select).display
        assert str(table.get_cell("f2", "basis")) == "(unknown)"  # needed and not given


async def test_a_hidden_basis_keeps_its_stored_value(ws_path: Path) -> None:
    assessment_id = import_sample(ws_path)
    with open_workspace(ws_path) as workspace:
        flow = load_assessment(workspace, assessment_id).flows[0]
    assert not flow_leaves_morocco(flow)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        _, form = await _form(app, pilot, 0)
        form.query_one("#f-basis", Select).value = "consent"  # hidden: not read
        built = form.build()
        assert not isinstance(built, str)
        assert built.ma_basis == flow.ma_basis


async def test_data_categories_are_typed_with_commas_and_stored_as_a_list(ws_path: Path) -> None:
    assessment_id = import_sample(ws_path)
    app = ComplianceApp(lang="fr", workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        _, form = await _form(app, pilot, 0)
        field = form.query_one("#f-data-categories", Input)
        field.value = " identité, coordonnées ;enregistrements d'appels,, identité "
        form.query_one("#f-subject-categories", Input).value = "clients, prospects"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, FlowForm)
        with open_workspace(ws_path) as workspace:
            stored = load_assessment(workspace, assessment_id).flows[0]
        assert stored.data_categories == ("identité", "coordonnées", "enregistrements d'appels")
        assert stored.subject_categories == ("clients", "prospects")
        # shown again as typed, and a category too long is refused on one line
        app.screen.query_one(DataTable).move_cursor(row=0)
        await pilot.press("e")
        await pilot.pause()
        again = app.screen
        assert isinstance(again, FlowForm)
        field = again.query_one("#f-data-categories", Input)
        assert field.value == "identité, coordonnées, enregistrements d'appels"
        field.value = "x" * 101
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FlowForm)
        problem = str(again.query_one("#f-problem", Static).render())
        assert "Catégories de données\u00a0: au plus 100 entrées" in problem
        assert again.focused is field


async def test_moro_finds_morocco_first_in_a_framed_list_above_the_buttons(ws_path: Path) -> None:
    assessment_id = import_sample(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        _, form = await _form(app, pilot, 0)
        search = form.query_one("#f-importer-country Input", Input)
        search.focus()
        await pilot.pause()
        search.value = ""
        await pilot.press(*"Moro")
        await pilot.pause()
        await pilot.pause()
        matches = form.query_one("#f-importer-country OptionList", OptionList)
        assert matches.display
        assert [matches.get_option_at_index(i).id for i in range(2)] == ["MA", "KM"]
        _below_fields_and_above_buttons(form, matches)
        await pilot.press("enter")
        assert form.query_one("#f-importer-country", CountryPicker).code == "MA"


async def test_a_drop_down_opens_framed_and_never_over_the_save_button(ws_path: Path) -> None:
    assessment_id = import_sample(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        _, form = await _form(app, pilot, 0)
        select = form.query_one("#f-importer-role", Select)
        select.focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert select.expanded
        _below_fields_and_above_buttons(form, select.query_one("SelectOverlay"))


async def test_the_focused_field_stands_out(ws_path: Path) -> None:
    assessment_id = import_sample(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        _, form = await _form(app, pilot, 0)
        name = form.query_one("#f-name", Input)
        purpose = form.query_one("#f-purpose", Input)
        name.focus()
        await pilot.pause()
        row, other = name.parent, purpose.parent
        assert isinstance(row, Horizontal) and isinstance(other, Horizontal)
        assert row.styles.background != other.styles.background
        label, other_label = row.query_one(".form-label"), other.query_one(".form-label")
        assert label.styles.text_style.bold and not other_label.styles.text_style.bold
        assert name.styles.background != purpose.styles.background
