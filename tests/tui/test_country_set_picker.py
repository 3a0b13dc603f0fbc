"""The many-country picker through Pilot: search, ticks, removal, literal names, stored tuples."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import App, ComposeResult
from textual.widgets import Button, Input, OptionList, Static

from compliance.store import create_assessment, create_client, load_assessment, open_workspace
from compliance.tui.app import ComplianceApp
from compliance.tui.screens import AssessmentScreen
from compliance.tui.widgets import QuestionCard
from compliance.tui.widgets.country_set_picker import CountrySetPicker
from tests.conftest import EXAMPLE
from tests.tui.conftest import settle

COUNTRIES = {
    "DE": "Germany",
    "ES": "Spain",
    "FR": "France",
    "GN": "Guinea",
    "GQ": "Equatorial Guinea",
    "GW": "Guinea-Bissau",
    "MA": "Morocco",
    "XM": "[bold]Tagged[/] [@click=app.quit]land\x1b[31m",
}


class _Host(App[None]):
    """One picker on its own; every Changed it posts is kept."""

    def __init__(self, picker: CountrySetPicker) -> None:
        super().__init__()
        self.picker = picker
        self.changes: list[tuple[str, ...] | None] = []

    def compose(self) -> ComposeResult:
        yield self.picker

    def on_mount(self) -> None:
        self.picker.query_one(Input).focus()

    @on(CountrySetPicker.Changed)
    def _changed(self, event: CountrySetPicker.Changed) -> None:
        self.changes.append(event.codes)


def _last(app: _Host) -> tuple[str, ...] | None:
    """The value of the last Changed message."""
    return app.changes[-1]


def _listed(picker: CountrySetPicker) -> list[str]:
    options = picker.query_one(OptionList)
    if not options.display:
        return []
    return [str(options.get_option_at_index(i).id) for i in range(options.option_count)]


def _rows(picker: CountrySetPicker) -> list[str]:
    options = picker.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def _chosen_line(picker: CountrySetPicker) -> str:
    return str(picker.query_one(".country-set-chosen", Static).render())


async def test_typing_filters_by_name_and_by_code() -> None:
    app = _Host(CountrySetPicker(COUNTRIES))
    async with app.run_test() as pilot:
        picker = app.picker
        assert _listed(picker) == []  # nothing chosen, nothing typed: no list
        await pilot.press(*"guin")
        assert _listed(picker) == ["GN", "GW", "GQ"]  # names starting with it, then a word of one
        await pilot.press("ctrl+u", *"ma")
        assert _listed(picker) == ["MA", "DE"]  # the exact code first, then names holding "ma"
        await pilot.press("ctrl+u", *"es")
        assert _listed(picker)[0] == "ES"
        await pilot.press("ctrl+u", *"zz")
        assert _listed(picker) == []
        await pilot.press("backspace", "backspace", *"equatorial", "space", "g")
        assert picker.query_one(Input).value == "equatorial g"  # space and backspace edit
        assert _listed(picker) == ["GQ"]
        assert app.changes == []


async def test_enter_ticks_the_first_match_and_the_value_stays_in_code_order() -> None:
    app = _Host(CountrySetPicker(COUNTRIES))
    async with app.run_test() as pilot:
        picker = app.picker
        search = picker.query_one(Input)
        await pilot.press(*"spa", "enter")
        assert app.changes == [("ES",)]
        assert search.value == ""  # ready for the next country
        await pilot.press(*"fran", "enter")
        await pilot.press(*"germ", "enter")
        assert _last(app) == ("DE", "ES", "FR")  # sorted by code, not by order of choice
        assert picker.value == ("DE", "ES", "FR")
        assert _chosen_line(picker) == "Chosen (3): Germany (DE), Spain (ES), France (FR)"
        await pilot.press(*"spa", "enter")  # Enter on a ticked country unticks it
        assert _last(app) == ("DE", "FR")
        await pilot.press("enter")  # an empty box changes nothing
        assert _last(app) == ("DE", "FR") and len(app.changes) == 4


async def test_down_moves_into_the_list_where_space_and_enter_toggle() -> None:
    app = _Host(CountrySetPicker(COUNTRIES))
    async with app.run_test() as pilot:
        picker = app.picker
        options = picker.query_one(OptionList)
        await pilot.press(*"guinea", "down")
        assert options.has_focus
        await pilot.press("space")  # Guinea
        await pilot.press("down", "space")  # Guinea-Bissau
        await pilot.press("down", "enter")  # Equatorial Guinea
        assert app.changes == [("GN",), ("GN", "GW"), ("GN", "GQ", "GW")]
        assert _rows(picker) == [
            "[✓] GN  Guinea",
            "[✓] GW  Guinea-Bissau",
            "[✓] GQ  Equatorial Guinea",
        ]
        await pilot.press("space")  # untick Equatorial Guinea, its row stays to tick again
        assert _last(app) == ("GN", "GW")
        assert _rows(picker)[2] == "[ ] GQ  Equatorial Guinea"
        assert picker.query_one(Input).value == "guinea"  # the search is kept in the list
        await pilot.press("up", "up", "up")  # up from the first row: back to the search box
        assert picker.query_one(Input).has_focus
        assert _last(app) == ("GN", "GW")


async def test_delete_unticks_and_ctrl_l_clears_everything_to_none() -> None:
    app = _Host(CountrySetPicker(COUNTRIES, value=("MA", "FR", "ES")))
    async with app.run_test() as pilot:
        picker = app.picker
        assert _listed(picker) == ["ES", "FR", "MA"]  # an empty box lists the chosen ones
        assert picker.query_one(Button).display
        await pilot.press("down", "down", "delete")  # France
        assert app.changes == [("ES", "MA")]
        assert _listed(picker) == ["ES", "MA"]
        await pilot.press("backspace")  # the highlight stays in place: now Morocco
        assert _last(app) == ("ES",)
        await pilot.press("delete")
        assert _last(app) is None  # nothing chosen: the answer is cleared
        assert _listed(picker) == []
        assert picker.query_one(Input).has_focus  # the list went, the focus did not
        assert not picker.query_one(Button).display
        assert _chosen_line(picker) == "No country chosen"
        await pilot.press(*"morocco", "enter", *"spain", "enter")
        assert _last(app) == ("ES", "MA")
        await pilot.press("ctrl+l")
        assert _last(app) is None
        assert picker.value is None and _listed(picker) == []
        count = len(app.changes)
        await pilot.press("ctrl+l")  # nothing more to clear: no message
        assert len(app.changes) == count


async def test_the_clear_button_clears_everything() -> None:
    app = _Host(CountrySetPicker(COUNTRIES, value=("FR", "ES")))
    async with app.run_test() as pilot:
        await pilot.click(".country-set-clear")
        assert app.changes == [None]
        assert app.picker.query_one(Input).has_focus


async def test_names_with_markup_are_shown_literally() -> None:
    app = _Host(CountrySetPicker(COUNTRIES))
    async with app.run_test() as pilot:
        picker = app.picker
        await pilot.press(*"tagged")
        name = "[bold]Tagged[/] [@click=app.quit]land\\x1b[31m"  # the escape shown, inert
        assert _rows(picker) == [f"[ ] XM  {name}"]
        await pilot.pause()
        drawn = picker.query_one(OptionList).render_line(0).text
        assert f"[ ] XM  {name}" in drawn
        await pilot.press("enter")
        assert app.changes == [("XM",)]
        line = _chosen_line(picker)
        assert line == f"Chosen (1): {name} (XM)"
        assert "\x1b" not in line
        await pilot.click(".country-set-chosen")  # a click link would have quit
        assert app.is_running


async def test_an_unknown_code_of_a_stored_answer_is_kept_and_can_be_removed() -> None:
    app = _Host(CountrySetPicker(COUNTRIES, value=("ZZ", "FR"), lang="fr"))
    async with app.run_test() as pilot:
        picker = app.picker
        assert _chosen_line(picker) == "Choisis (2)\u00a0: France (FR), (inconnu) (ZZ)"
        await pilot.press(*"spa", "enter")
        assert app.changes == [("ES", "FR", "ZZ")]
        await pilot.press("down", "down", "down", "delete")
        assert _last(app) == ("ES", "FR")


# --- on the assessment screen ---------------------------------------------------------------


def _multi_assessment(user_dirs: Path, path: Path) -> int:
    """An assessment of the example made to ask for several backup countries."""
    folder = user_dirs / "questionnaires"
    folder.mkdir(exist_ok=True)
    text = EXAMPLE.read_text(encoding="utf-8")
    hosting = "          - id: xfr01.hosting\n            kind: country\n"
    assert text.count("id: example\n") == 1 and text.count(hosting) == 1
    text = text.replace("id: example\n", "id: multi-country\n")
    text = text.replace(hosting, hosting + "            multiple: true\n")
    (folder / "multi-country.yaml").write_text(text, encoding="utf-8")
    with open_workspace(path) as workspace:
        client = create_client(workspace, "Atlas Contact")
        return create_assessment(workspace, client, "multi-country")


async def test_several_countries_reach_the_store_as_a_tuple(user_dirs: Path, ws_path: Path) -> None:
    assessment_id = _multi_assessment(user_dirs, ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        await screen.goto("xfr01.hosting")
        await pilot.pause()
        picker = screen.query_one("#q-answer", CountrySetPicker)
        assert picker.query_one(Input).has_focus  # focus_answer: the search box
        await pilot.press(*"spain", "enter", *"france", "enter", *"ma", "enter")
        await pilot.pause()
        answer = screen.session.answer("xfr01.hosting")
        assert answer is not None and answer.value == ("ES", "FR", "MA")
        assert screen.current == "xfr01.hosting"  # Enter ticked: it did not move on
        await pilot.press("down", "down", "delete")  # France, from the list of chosen ones
        await pilot.pause()
    with open_workspace(ws_path) as workspace:
        stored = load_assessment(workspace, assessment_id)
    assert stored.answers["xfr01.hosting"].value == ("ES", "MA")


async def test_clearing_every_country_clears_the_answer(user_dirs: Path, ws_path: Path) -> None:
    assessment_id = _multi_assessment(user_dirs, ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        await screen.goto("xfr01.hosting")
        await pilot.pause()
        await pilot.press(*"morocco", "enter")
        await pilot.pause()
        assert screen.session.answer("xfr01.hosting") is not None
        await screen.goto("xfr01.tools")  # away and back: the card shows what is stored
        await screen.goto("xfr01.hosting")
        await pilot.pause()
        picker = screen.query_one("#q-answer", CountrySetPicker)
        assert picker.value == ("MA",)
        assert "Morocco (MA)" in _chosen_line(picker)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert screen.session.answer("xfr01.hosting") is None
        assert screen.query_one(QuestionCard).current is None
    with open_workspace(ws_path) as workspace:
        assert "xfr01.hosting" not in load_assessment(workspace, assessment_id).answers
