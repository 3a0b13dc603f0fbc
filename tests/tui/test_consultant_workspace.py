"""The consultant's workspace through Pilot: master and detail, Enter, the keys shown, a confirmed
new cycle, exports named for what they are, signing keys and what the app remembers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Button, DataTable, Input, Label, OptionList, Static

from compliance import filecrypt
from compliance.settings import load_settings, settings_path
from compliance.signing.keys import load_private_key
from compliance.store import create_assessment, create_client, list_assessments, open_workspace
from compliance.tui.app import ComplianceApp
from compliance.tui.dialogs import (
    Choose,
    Confirm,
    HelpScreen,
    NewKey,
    NewPassphrase,
    Prompt,
    UnlockKey,
    Welcome,
)
from compliance.tui.screens import AssessmentScreen, WorkspaceScreen
from compliance.tui.widgets.key_footer import KeyFooter
from tests.tui.conftest import settle


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys and exports are encrypted with the weakest allowed parameters, for speed."""
    monkeypatch.setattr(filecrypt, "DEFAULT_PARAMS", filecrypt.MINIMUM_PARAMS)
    monkeypatch.setattr(filecrypt.encrypt, "__kwdefaults__", {"params": filecrypt.MINIMUM_PARAMS})
    from compliance.signing import keys

    monkeypatch.setattr(keys, "DEFAULT_PARAMS", filecrypt.MINIMUM_PARAMS)
    monkeypatch.setattr(keys.generate_key, "__kwdefaults__", {"params": filecrypt.MINIMUM_PARAMS})


def _two_clients(path: Path) -> dict[str, int]:
    """Atlas with one assessment, Sahara with two: the case where aligned rows misled."""
    with open_workspace(path) as workspace:
        atlas = create_client(workspace, "Atlas")
        sahara = create_client(workspace, "Sahara")
        return {
            "atlas": create_assessment(workspace, atlas, "example"),
            "sahara1": create_assessment(workspace, sahara, "example"),
            "sahara2": create_assessment(workspace, sahara, "example"),
        }


def _workspace(app: ComplianceApp) -> WorkspaceScreen:
    screen = app.screen
    assert isinstance(screen, WorkspaceScreen), screen
    return screen


def _title(screen: WorkspaceScreen) -> str:
    return str(screen.query_one("#ws-assess-title", Label).render())


def _said(app: ComplianceApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_the_detail_shows_only_the_highlighted_clients_assessments_under_its_name(
    ws_path: Path,
) -> None:
    ids = _two_clients(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = _workspace(app)
        assert [c.name for c in screen.clients] == ["Atlas", "Sahara"]
        assert _title(screen) == "Assessments of Atlas"
        assert [r.info.id for r in screen.rows] == [ids["atlas"]]
        assert screen.query_one("#assessments", DataTable).row_count == 1
        await pilot.press("down")  # the clients table has the focus
        await settle(app, pilot)
        assert _title(screen) == "Assessments of Sahara"
        assert sorted(r.info.id for r in screen.rows) == [ids["sahara1"], ids["sahara2"]]
        assert {r.info.client for r in screen.rows} == {"Sahara"}


async def test_a_new_cycle_is_confirmed_said_and_stays_with_its_client(ws_path: Path) -> None:
    ids = _two_clients(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = _workspace(app)
        await pilot.press("d")  # on Atlas's only assessment
        await settle(app, pilot)
        confirm = app.screen
        assert isinstance(confirm, Confirm)
        asked = str(confirm.query_one(".dialog-text", Static).render())
        assert "Atlas" in asked and "cycle 2" in asked and f"Assessment {ids['atlas']}" in asked
        await pilot.press("escape")  # no: nothing is made
        await settle(app, pilot)
        with open_workspace(ws_path) as workspace:
            assert len(list_assessments(workspace)) == 3
        await pilot.press("d")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert _title(screen) == "Assessments of Atlas"
        assert sorted(r.info.cycle for r in screen.rows) == [1, 2]
        new = next(r.info for r in screen.rows if r.info.cycle == 2)
        table = screen.query_one("#assessments", DataTable)
        assert screen.rows[table.cursor_row].info.id == new.id  # the new cycle is highlighted
        assert f"Cycle 2 of Atlas made: assessment {new.id}, a copy of assessment " in "".join(
            _said(app)
        )
        await pilot.press("down")
        await settle(app, pilot)
        assert sorted(r.info.cycle for r in screen.rows) == [1, 2]  # Sahara's own two
        assert {r.info.client for r in screen.rows} == {"Sahara"}
    with open_workspace(ws_path) as workspace:
        cycles = sorted((a.client, a.cycle) for a in list_assessments(workspace))
    assert cycles == [("Atlas", 1), ("Atlas", 2), ("Sahara", 1), ("Sahara", 2)]


async def test_enter_opens_the_highlighted_assessment_from_either_table(ws_path: Path) -> None:
    ids = _two_clients(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = _workspace(app)
        assert screen.query_one("#clients", DataTable).has_focus
        await pilot.press("down", "enter")  # Sahara, from the clients table
        await settle(app, pilot)
        assert isinstance(app.screen, AssessmentScreen)
        assert app.session is not None
        assert app.session.assessment_id in (ids["sahara1"], ids["sahara2"])
        await pilot.press("escape")
        await settle(app, pilot)
        screen = _workspace(app)
        screen.query_one("#assessments", DataTable).focus()
        await pilot.press("down", "enter")  # from the assessments table: the second row
        await settle(app, pilot)
        assert isinstance(app.screen, AssessmentScreen)
        assert app.session is not None
        assert app.session.assessment_id == screen.rows[1].info.id


async def test_enter_on_a_client_without_assessments_says_how_to_start_one(
    ws_path: Path,
) -> None:
    with open_workspace(ws_path) as workspace:
        create_client(workspace, "Empty Co")
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, WorkspaceScreen)
        assert "Empty Co has no assessment yet: press s to start one." in _said(app)


async def test_the_footer_shows_the_daily_keys_and_f1_lists_every_action(ws_path: Path) -> None:
    _two_clients(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        footer = str(app.screen.query_one(KeyFooter).render())
        assert footer.startswith("⏎ Open n New client s Start d New cycle e Export i Import")
        assert footer.endswith("f1 Help f2 FR")
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        listed = {text: keys for keys, text in help_screen.keys}
        for text, keys in [
            ("Open the highlighted assessment", "Enter, o"),
            ("Rename the highlighted client", "r"),
            ("Delete what is highlighted (asks first)", "x, Del"),
            ("Review signed bundles you received", "v"),
            ("Audit log: who changed what, and when", "a"),
            (
                "Make a signing key pair (as 'compliance keys generate'), the passphrase "
                "asked twice",
                "k",
            ),
        ]:
            assert listed.get(text) == keys, (text, help_screen.keys)


async def test_in_french_at_80_columns_no_key_is_cut_and_help_stays(ws_path: Path) -> None:
    _two_clients(ws_path)
    app = ComplianceApp("fr", workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        footer = str(app.screen.query_one(KeyFooter).render())
        assert len(footer) <= 80 and "…" not in footer
        assert footer.startswith("⏎ Ouvrir n Nouveau client")
        assert "f1 Aide" in footer
    app = ComplianceApp("fr", workspace=ws_path, welcome=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        footer = str(app.screen.query_one(KeyFooter).render())
        assert "i Importer" in footer and "e Exporter" in footer  # room for every one


async def test_the_main_questionnaire_is_first_and_preselected(ws_path: Path) -> None:
    with open_workspace(ws_path) as workspace:
        create_client(workspace, "New Co")
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        chooser = app.screen
        assert isinstance(chooser, Choose)
        keys = [key for key, _ in chooser.choices]
        assert keys[0] == "ma-offshoring@1.2.0"
        assert keys[-1].startswith("example@")  # the worked example comes last
        options = chooser.query_one(OptionList)
        assert options.highlighted == 0


# --- language and theme, remembered -----------------------------------------------------------


async def test_language_and_theme_are_remembered_for_the_next_run(ws_path: Path) -> None:
    _two_clients(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2", "f3")
        await settle(app, pilot)
    assert json.loads(settings_path().read_text()) == {"lang": "fr", "theme": "textual-light"}
    again = ComplianceApp(workspace=ws_path, welcome=False)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        assert again.lang == "fr" and again.theme == "textual-light"
        assert _title(_workspace(again)) == "Évaluations du client Atlas"
    told = ComplianceApp("en", workspace=ws_path, welcome=False)  # --lang en: this run only
    async with told.run_test(size=(80, 24)) as pilot:
        await settle(told, pilot)
        assert told.lang == "en"
    assert load_settings().lang == "fr"


async def test_a_bad_settings_file_is_said_and_the_defaults_used(ws_path: Path) -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text('{"lang": "fr", "lang": "en"}')
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.lang == "en"
        assert any("settings file" in m and "defaults" in m for m in _said(app))
        await pilot.press("f2")
        await settle(app, pilot)
    assert load_settings().lang == "fr"  # rewritten whole


async def test_f2_on_the_welcome_switches_it_to_french_and_remembers(ws_path: Path) -> None:
    app = ComplianceApp(workspace=ws_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        welcome = app.screen
        assert isinstance(welcome, Welcome)
        await pilot.press("f2")
        await settle(app, pilot)
        assert app.lang == "fr"
        assert str(welcome.query_one("#welcome-title", Static).render()) == "Bienvenue"
        assert str(welcome.query_one("#sample", Button).label) == "Créer un client d'exemple"
        await pilot.press("escape")
        await settle(app, pilot)
    assert load_settings().lang == "fr"


# --- signing keys -----------------------------------------------------------------------------


async def test_a_key_is_made_from_the_tui_with_the_passphrase_confirmed(
    ws_path: Path, user_dirs: Path
) -> None:
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("k")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NewKey)
        folder = Path(dialog.query_one("#key-folder", Input).value)
        assert folder == user_dirs / "documents" / "keys"  # the documents folder by default
        await pilot.press(*"Sud DPO", "enter")  # Enter goes to the next empty box
        assert dialog.query_one("#pp-first", Input).has_focus  # the folder is filled in
        await pilot.press(*"one phrase", "enter", *"another", "enter")
        await pilot.pause()
        problem = str(dialog.query_one("#key-problem", Static).render())
        assert "differ" in problem
        assert dialog.query_one("#pp-first", Input).value == ""
        assert dialog.query_one("#key-name", Input).value == "Sud DPO"  # kept
        assert not folder.exists()
        await pilot.press(*"same phrase", "enter", *"same phrase", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, WorkspaceScreen)
        said = "".join(_said(app))
        assert "compliance trust add" in said and "Sud-DPO.pub.pem" in said
    key = load_private_key(folder / "Sud-DPO.key", "same phrase")
    assert key.name == "Sud DPO" and key.key_id[:16] in said
    assert load_settings().signing_key == str(folder / "Sud-DPO.key")


async def test_a_wrong_passphrase_is_said_at_once_and_the_key_path_kept(
    ws_path: Path, tmp_path: Path
) -> None:
    from compliance.signing.keys import generate_key

    private, _, key_id = generate_key("Signer", tmp_path / "keys", "right phrase")
    got: list[object] = []
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(UnlockKey(str(private)), got.append)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, UnlockKey)
        assert dialog.query_one("#key-passphrase", Input).has_focus  # the path is offered
        await pilot.press(*"wrong", "enter")
        await settle(app, pilot)
        assert app.screen is dialog  # still open, at the first wrong passphrase
        assert "wrong passphrase" in str(dialog.query_one("#key-problem", Static).render())
        assert dialog.query_one("#key-path", Input).value == str(private)
        assert dialog.query_one("#key-passphrase", Input).value == ""
        await pilot.press(*"right phrase", "enter")
        await settle(app, pilot)
    assert [getattr(k, "key_id", None) for k in got] == [key_id]


# --- exports ----------------------------------------------------------------------------------


async def test_an_encrypted_export_is_a_cmpl_in_the_documents_folder_and_imports_back(
    ws_path: Path, user_dirs: Path
) -> None:
    ids = _two_clients(ws_path)
    documents = user_dirs / "documents"
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = _workspace(app)
        await pilot.press("e")
        await pilot.pause()
        how = app.screen
        assert isinstance(how, Choose)
        assert how.query_one(OptionList).highlighted == 0  # encrypted, first and preselected
        await pilot.press("enter")
        await pilot.pause()
        where = app.screen
        assert isinstance(where, Prompt)
        offered = Path(where.query_one(Input).value)
        assert offered == documents / "Atlas-example-cycle-1.cmpl"
        assert str(documents) in str(where.query_one("#prompt-note", Static).render())
        where.query_one(Input).value = str(documents / "atlas.json")  # misleading: refused
        await pilot.press("enter")
        await pilot.pause()
        assert "atlas.cmpl" in str(where.query_one("#prompt-problem", Static).render())
        where.query_one(Input).value = "atlas.cmpl"  # a bare name: in the documents folder
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewPassphrase)
        await pilot.press(*"secret one", "enter", *"secret one", "enter")
        await settle(app, pilot)
        exported = documents / "atlas.cmpl"
        assert filecrypt.is_encrypted(exported.read_bytes())
        assert f"Encrypted export written to {exported}" in _said(app)
        await pilot.press("i")
        await pilot.pause()
        ask = app.screen
        assert isinstance(ask, Prompt)
        assert ask.query_one(Input).value.startswith(str(documents))
        ask.query_one(Input).value = "atlas.cmpl"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Prompt) and app.screen.password  # known by its content
        await pilot.press(*"secret one", "enter")
        await settle(app, pilot)
        assert _title(screen) == "Assessments of Atlas"
        assert sorted(r.info.cycle for r in screen.rows) == [1, 2]
        assert any("atlas.cmpl imported as assessment" in m for m in _said(app))
    with open_workspace(ws_path) as workspace:
        atlas = [a for a in list_assessments(workspace) if a.client == "Atlas"]
    assert len(atlas) == 2 and ids["atlas"] in {a.id for a in atlas}


async def test_a_plain_export_is_a_json_and_a_cmpl_name_is_refused_for_it(
    ws_path: Path, user_dirs: Path
) -> None:
    _two_clients(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.dismiss("plain")
        await pilot.pause()
        where = app.screen
        assert isinstance(where, Prompt)
        assert where.query_one(Input).value.endswith("Atlas-example-cycle-1.json")
        where.query_one(Input).value = "atlas.cmpl"
        await pilot.press("enter")
        await pilot.pause()
        assert "atlas.json" in str(where.query_one("#prompt-problem", Static).render())
        where.query_one(Input).value = "atlas.json"
        await pilot.press("enter")
        await settle(app, pilot)
    written = (user_dirs / "documents" / "atlas.json").read_bytes()
    assert not filecrypt.is_encrypted(written) and b"Atlas" in written


async def test_enter_twice_opens_the_assessment_once(ws_path: Path) -> None:
    _two_clients(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AssessmentScreen)
        assert sum(isinstance(s, AssessmentScreen) for s in app.screen_stack) == 1


async def test_an_export_over_an_existing_file_asks_first(ws_path: Path, user_dirs: Path) -> None:
    _two_clients(ws_path)
    existing = user_dirs / "documents" / "atlas.json"
    existing.write_text("keep me")
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.dismiss("plain")
        await pilot.pause()
        app.screen.dismiss("atlas.json")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, Confirm)
        assert "already exists" in str(confirm.query_one(".dialog-text", Static).render())
        await pilot.press("enter")  # No has the focus: nothing is replaced
        await settle(app, pilot)
        assert existing.read_text() == "keep me"
        await pilot.press("e")
        await pilot.pause()
        app.screen.dismiss("plain")
        await pilot.pause()
        app.screen.dismiss("atlas.json")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
    assert b"Atlas" in existing.read_bytes()
