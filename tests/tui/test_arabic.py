"""The interface in Arabic: a complete catalogue a terminal can draw, F2 through three languages,
remembered, and an Arabic questionnaire shown in Arabic."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Button, Static

from compliance.model.questionnaire import Questionnaire
from compliance.settings import load_settings, settings_path
from compliance.store import import_assessment, open_workspace, read_assessment_file
from compliance.tui.app import ComplianceApp
from compliance.tui.dialogs import HelpScreen, Welcome
from compliance.tui.format import refs_text
from compliance.tui.help_content import key_name
from compliance.tui.screens import AssessmentScreen, WorkspaceScreen
from compliance.tui.strings import LANGUAGES, STRINGS, next_language, tr
from compliance.tui.widgets import QuestionCard
from compliance.tui.widgets.key_footer import KeyFooter
from tests.helpers import REPO
from tests.tui.conftest import settle

SCREENING = REPO / "questionnaires" / "ma-screening" / "1.2.0"
MEETING = SCREENING / "fixtures" / "typical-first-meeting.yaml"
OFFSHORING = REPO / "questionnaires" / "ma-offshoring" / "1.2.0"

ARABIC_LETTER = re.compile("[\u0621-\u064a]")
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
HARAKAT = re.compile("[\u064b-\u065f\u0670]")
TATWEEL = "\u0640"
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
NOT_WORDS = frozenset({"key.lang", "help.k.tab", "tia.date_hint"})
"""Entries with no Arabic letter on purpose: the next language's code (``FR``, ``AR``, ``EN``), key
caps as the keyboard prints them (``Tab, Shift+Tab``) and a date's pattern in a box 10 cells wide
(``DD/MM/YYYY``, as the Arabic hints around it spell it)."""


def _latin_words(text: str) -> bool:
    return re.search("[A-Za-z]", PLACEHOLDER.sub("", text)) is not None


def test_every_entry_has_arabic_with_the_placeholders_of_the_english() -> None:
    for key, (en, _fr, ar) in STRINGS.items():
        assert sorted(PLACEHOLDER.findall(ar)) == sorted(PLACEHOLDER.findall(en)), key
        if _latin_words(en) and key not in NOT_WORDS:
            assert ARABIC_LETTER.search(ar), (key, ar)
    assert tr("as.question_of", "ar", n=3, total=20) == "السؤال 3 من 20"
    assert tr("key.lang", "ar") == "EN"


def test_arabic_entries_hold_nothing_a_terminal_cannot_draw_in_its_cell() -> None:
    for key, (_en, _fr, ar) in STRINGS.items():
        assert not HARAKAT.search(ar), (key, ar)
        assert TATWEEL not in ar, key
        assert not BIDI_CONTROLS.search(ar), (key, ar)
        assert unicodedata.normalize("NFC", ar) == ar, key
        for char in set(ar):
            if "\u0600" <= char <= "\u06ff":  # every Arabic character is one cell, none combines
                assert cell_len(char) == 1 and not unicodedata.combining(char), (key, char)
    # lam-alef: two letters, two cells, though a shaping terminal draws one ligature
    assert cell_len("لا ينطبق") == len("لا ينطبق") == 8
    assert cell_len("ﻻ") == 1  # the presentation form is never written: it is one cell, not two
    assert all(c < "\ufb50" or c > "\ufeff" for _, _, ar in STRINGS.values() for c in ar)


def test_the_checks_catch_what_they_look_for() -> None:
    assert HARAKAT.search("مكوَّنون") and BIDI_CONTROLS.search("\u2068MA\u2069")
    assert _latin_words("Quit") and not _latin_words("{id}") and not _latin_words("✗ {problem}")
    assert not ARABIC_LETTER.search("EN")


def test_f2_goes_through_the_three_languages_in_order() -> None:
    assert LANGUAGES == ("en", "fr", "ar")
    assert [next_language(lang) for lang in LANGUAGES] == ["fr", "ar", "en"]
    assert next_language("de") == "en"
    # the footer label names the language F2 switches to
    assert [tr("key.lang", lang) for lang in LANGUAGES] == ["FR", "AR", "EN"]


def test_arabic_keys_numbers_and_citations() -> None:
    from decimal import Decimal

    from compliance.tui.format import bar, coverage_text, number
    from compliance.tui.screens.tia import probability_text

    assert key_name("enter", "ar") == "إدخال" and key_name("ctrl+s", "ar") == "Ctrl+S"
    assert key_name("escape", "ar") == "Esc"
    assert number(Decimal("92.95"), "ar") == "92,95"
    assert coverage_text(Decimal("21.9"), "ar") == "21%"
    assert tr("as.coverage", "ar", coverage=21) == "21% مجاب عنه"
    assert bar(Decimal("57.31"), 10, "ar").plain.endswith("  57,31")
    assert probability_text(Decimal("0.0366"), "ar") == "3,66%"
    questionnaire = Questionnaire.model_validate(_yaml(SCREENING / "questionnaire.yaml"))
    cited = refs_text(questionnaire, {"law-09-08": ("43",), "gdpr": ("44", "46")}, "ar")
    cited = cited.replace("\u00a0", " ")  # the engine's no-break spaces keep a citation whole
    assert (
        cited
        == "المادة 43 من القانون رقم 09.08 · المادتان 44 و46 من اللائحة العامة لحماية البيانات"
    )
    # The card cites like the results screen and the reports in every language: short names.
    refs = {"law-09-08": ("43",), "gdpr": ("44", "46")}
    assert refs_text(questionnaire, refs, "en").replace("\u00a0", " ") == (
        "Law 09-08 Art. 43 · GDPR Art. 44, 46"
    )
    assert refs_text(questionnaire, refs, "fr").replace("\u00a0", " ") == (
        "Loi 09-08 art. 43 · RGPD art. 44, 46"
    )


def _yaml(path: Path) -> object:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _footer(app: ComplianceApp) -> str:
    return str(app.screen.query_one(KeyFooter).render())


async def test_f2_cycles_on_the_workspace_and_the_footer_says_what_comes_next(
    ws_path: Path,
) -> None:
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.lang == "en" and _footer(app).endswith("f2 FR")
        await pilot.press("f2")
        await settle(app, pilot)
        assert app.lang == "fr" and _footer(app).endswith("f2 AR")
        await pilot.press("f2")
        await settle(app, pilot)
        assert app.lang == "ar" and _footer(app).endswith("f2 EN")
        assert _footer(app).startswith("⏎ فتح n عميل جديد")
        assert app.title == tr("app.title", "ar")
        palette = [
            binding.description
            for found in app._bindings.key_to_bindings.values()
            for binding in found
            if binding.action == "command_palette"
        ]
        assert palette == ["لوحة الأوامر"]  # Textual's own key, in the footers that show it
        assert load_settings().lang == "ar"
        await pilot.press("f2")
        await settle(app, pilot)
        assert app.lang == "en" and _footer(app).endswith("f2 FR")
    assert json.loads(settings_path().read_text())["lang"] == "en"


async def test_arabic_is_remembered_for_the_next_run(ws_path: Path) -> None:
    app = ComplianceApp(workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2", "f2")
        await settle(app, pilot)
    assert json.loads(settings_path().read_text()) == {"lang": "ar"}
    again = ComplianceApp(workspace=ws_path, welcome=False)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        assert again.lang == "ar"
        assert isinstance(again.screen, WorkspaceScreen)
        assert "f1 مساعدة" in _footer(again)
        await pilot.press("f1")
        await settle(again, pilot)
        assert isinstance(again.screen, HelpScreen)
        assert dict(again.screen.keys).get("n") == "إضافة عميل"
        note = str(again.screen.query_one("#help-arabic", Static).render())
        assert "من اليسار إلى اليمين" in note and "HTML" in note  # how to read it, and where else


async def test_f2_on_the_welcome_goes_through_the_three_languages(ws_path: Path) -> None:
    app = ComplianceApp(workspace=ws_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        welcome = app.screen
        assert isinstance(welcome, Welcome)
        seen = []
        for _ in LANGUAGES:
            await pilot.press("f2")
            await settle(app, pilot)
            seen.append((app.lang, str(welcome.query_one("#welcome-title", Static).render())))
        assert seen == [("fr", "Bienvenue"), ("ar", "مرحبا"), ("en", "Welcome")]
        await pilot.press("f2", "f2")
        await settle(app, pilot)
        assert str(welcome.query_one("#sample", Button).label) == "إنشاء عميل نموذجي"
        assert "F2: English" in str(welcome.query_one("#welcome-keys", Static).render())
    assert load_settings().lang == "ar"


def _import_meeting(path: Path) -> int:
    assessment, _ = read_assessment_file(MEETING, lambda: "")
    with open_workspace(path) as workspace:
        return import_assessment(workspace, assessment)


async def test_an_arabic_questionnaire_shows_its_arabic_texts_in_the_assessment(
    ws_path: Path,
) -> None:
    questionnaire = Questionnaire.model_validate(_yaml(SCREENING / "questionnaire.yaml"))
    assessment_id = _import_meeting(ws_path)
    app = ComplianceApp("ar", workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        assert screen.current is not None
        everything = {**questionnaire.profile_by_id, **questionnaire.questions_by_id}
        question = everything[screen.current]
        arabic = question.text.get("ar")
        assert ARABIC_LETTER.search(arabic) and arabic != question.text.get("en")
        card = screen.query_one(QuestionCard)
        shown = " ".join(str(s.render()) for s in card.query(Static))
        assert arabic in shown.replace("\n", " ") or arabic[:30] in shown
        assert "الإجابة" in tr("help.g.answer", "ar")
        await pilot.press("f2")  # on to English: the same question in English
        await settle(app, pilot)
        shown = " ".join(str(s.render()) for s in card.query(Static))
        assert question.text.get("en")[:30] in shown


class _Terminal:
    """A stand-in for the terminal's output: what was written, and whether it is a terminal."""

    def __init__(self, tty: bool) -> None:
        self.tty = tty
        self.written: list[str] = []

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> int:
        self.written.append(text)
        return len(text)

    def flush(self) -> None:
        pass


def test_the_terminal_is_asked_not_to_reorder_while_the_ui_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from compliance.tui import app as app_module

    terminal = _Terminal(tty=True)
    seen_while_running: list[list[str]] = []

    def fake_run(self: ComplianceApp) -> None:
        seen_while_running.append(list(terminal.written))
        raise RuntimeError("the UI failed")

    monkeypatch.setattr(sys, "__stdout__", terminal)
    monkeypatch.setattr(ComplianceApp, "run", fake_run)
    with pytest.raises(RuntimeError):
        app_module.run("ar")
    assert seen_while_running == [["\x1b[8l"]]  # explicit mode before the first paint
    assert terminal.written == ["\x1b[8l", "\x1b[8h"]  # and the shell's mode back, even so
    piped = _Terminal(tty=False)
    monkeypatch.setattr(sys, "__stdout__", piped)
    monkeypatch.setattr(ComplianceApp, "run", lambda self: None)
    assert app_module.run("ar") == 0
    assert piped.written == []  # nothing sent to a file or a pipe


def _dialog_actions() -> set[tuple[str, str]]:
    """Every ``(dialog, action)`` of the dialogs' own bindings."""
    import importlib
    import inspect
    import pkgutil

    from textual.binding import Binding

    from compliance.tui import dialogs
    from compliance.tui.help_content import _TEXTUAL_OWN, _base

    found = set()
    for module_info in pkgutil.iter_modules(dialogs.__path__):
        module = importlib.import_module(f"compliance.tui.dialogs.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            for binding in cls.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.action not in _TEXTUAL_OWN:
                    found.add((cls.__name__, _base(binding.action)))
    return found


def test_every_dialog_key_is_described_in_every_language() -> None:
    """A dialog's keys have English labels in Textual's bindings; the help shows the catalogue's
    description instead, so none is left in English in Arabic or French."""
    actions = _dialog_actions()
    assert ("Confirm", "answer") in actions and ("AuditDialog", "toggle_clients") in actions
    missing = sorted((dialog, a) for dialog, a in actions if f"help.d.{a}" not in STRINGS)
    assert not missing, missing


async def test_the_main_questionnaire_shows_its_arabic_texts_in_the_assessment(
    ws_path: Path,
) -> None:
    from compliance.store import create_assessment, create_client

    questionnaire = Questionnaire.model_validate(_yaml(OFFSHORING / "questionnaire.yaml"))
    with open_workspace(ws_path) as workspace:
        client = create_client(workspace, "شركة الأطلس")
        assessment_id = create_assessment(workspace, client, "ma-offshoring", version="1.2.0")
    app = ComplianceApp("ar", workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        card = screen.query_one(QuestionCard)
        for _ in range(2):  # a profile question, then one of the domains
            assert screen.current is not None
            everything = {**questionnaire.profile_by_id, **questionnaire.questions_by_id}
            question = everything[screen.current]
            arabic = question.text.get("ar")
            assert ARABIC_LETTER.search(arabic) and arabic != question.text.get("en")
            shown = " ".join(str(s.render()) for s in card.query(Static)).replace("\n", " ")
            assert arabic[:30] in shown
            first_domain = next(iter(questionnaire.questions_by_id))
            await screen.goto(first_domain)
            await settle(app, pilot)


async def test_the_answer_pack_dialog_offers_english_in_an_arabic_interface(
    ws_path: Path, tmp_path: Path
) -> None:
    from textual.widgets import RadioButton

    from compliance.tui.dialogs.answer_pack import PackDialog

    app = ComplianceApp("ar", workspace=ws_path, welcome=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        dialog = PackDialog([("GOV", "الحكامة")], output=tmp_path / "pack.xlsx", lang="ar")
        await app.push_screen(dialog)
        await pilot.pause()
        assert dialog.query_one("#pk-en", RadioButton).value  # one language chosen, not none
        choice = dialog.chosen()
        assert choice is not None and choice.lang == "en"


GLOSSARY_EXCEPTIONS = {
    ("fl.gdpr_role.joint_controller", "controller"): "the glossary's own joint-controller term",
    ("fl.dpf", "private-life"): "Data Privacy Framework is a proper name, not private life",
}
"""Where the glossary's check does not apply, and why."""


def test_the_catalogue_uses_the_glossary_terms() -> None:
    from compliance.glossary import load_glossary, misses
    from compliance.model.base import Text

    glossary = load_glossary("ar")
    found = {
        (key, miss.term.id)
        for key, (en, fr, ar) in STRINGS.items()
        for miss in misses(Text(en=en, fr=fr, ar=ar), glossary)
    }
    assert found == set(GLOSSARY_EXCEPTIONS), sorted(found ^ set(GLOSSARY_EXCEPTIONS))
    assert misses(Text(en="GDPR tool", fr="-", ar="أداة اللائحة"), glossary)  # the check bites


@pytest.mark.parametrize("action", ["flows", "results", "tia"])
async def test_f2_cycles_the_three_languages_on_every_screen(ws_path: Path, action: str) -> None:
    from tests.tui.conftest import import_sample, open_from_assessment

    assessment_id = import_sample(ws_path)
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_from_assessment(app, pilot, "flows" if action == "tia" else action)
        if action == "tia":
            await screen.run_action("tia")
            await settle(app, pilot)
            screen = app.screen
        assert type(screen).__name__.lower().startswith(action)
        seen = []
        for _ in LANGUAGES:
            await pilot.press("f2")
            await settle(app, pilot)
            assert app.screen is screen  # the same screen, redrawn
            seen.append((app.lang, _footer(app).rsplit(" ", 1)[-1]))
        assert seen == [("fr", "AR"), ("ar", "EN"), ("en", "FR")]
        await pilot.press("f2", "f2")
        await settle(app, pilot)
        assert f"esc {tr('key.back', 'ar')}" in _footer(app)


async def test_the_palette_names_questions_and_controls_in_arabic(ws_path: Path) -> None:
    from compliance.tui.commands import QuestionCommands

    assessment_id = _import_meeting(ws_path)
    app = ComplianceApp("ar", workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        provider = QuestionCommands(app.screen)
        kinds = {help_text for _, _, help_text in provider._targets()}
        assert kinds == {"ضابط", "سؤال"}


async def test_the_palette_search_box_speaks_the_interface_language(ws_path: Path) -> None:
    from textual.command import CommandInput, CommandPalette

    assessment_id = _import_meeting(ws_path)
    app = ComplianceApp("ar", workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        box = app.screen.query_one(CommandInput)
        assert box.placeholder == tr("cmd.find_question", "ar")
        await pilot.press("escape")
        await pilot.press("escape")  # back to the workspace
        await settle(app, pilot)
        assert isinstance(app.screen, WorkspaceScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == "البحث عن أمر…"
