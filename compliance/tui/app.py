"""Provides :class:`ComplianceApp`, the terminal UI, and :func:`run` that the CLI calls.

The first screen paints before anything heavy loads: the workspace store (SQLAlchemy), the
questionnaire catalogue and scoring all run in workers. The app owns what every screen shares: the
open workspace, the catalogue, the open assessment (:class:`~compliance.tui.session.Session`), its
latest score (re-computed in a debounced, exclusive worker), the language and the theme.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, cast, runtime_checkable

from textual import work
from textual.app import App
from textual.binding import BindingType
from textual.reactive import reactive, var
from textual.timer import Timer
from textual.worker import get_current_worker

from compliance.errors import ComplianceError
from compliance.tui.keys import KeySpec, bindings, relabel
from compliance.tui.loading import load_domain, load_store, resume_collection
from compliance.tui.messages import ResultReady, WorkspaceChanged
from compliance.tui.strings import LANGUAGES, next_language, tr

if TYPE_CHECKING:
    from compliance.catalog import CatalogEntry
    from compliance.model.assessment import Assessment
    from compliance.model.questionnaire import Questionnaire
    from compliance.model.result import Result
    from compliance.store.workspace import Workspace
    from compliance.tui.session import Session

__all__ = ["BIDI_EXPLICIT", "BIDI_IMPLICIT", "SCORE_DELAY", "ComplianceApp", "run"]

SCORE_DELAY = 0.3
FOLLOW_SECONDS = 1.0
"""How often the app asks the store whether someone else changed it (changes show within 2 s)."""
"""Seconds of quiet after the last answer before the assessment is scored again."""


@runtime_checkable
class _ShowsProgress(Protocol):
    """A screen that shows the steps of long work (every screen of the app does)."""

    def progress_from_worker(
        self, text_key: str, done: int, total: int | None = None, **values: str
    ) -> None: ...

    def progress_done(self) -> None: ...


_PALETTE = KeySpec("ctrl+p", "command_palette", "key.palette", False)
"""Textual's own command palette key, which its footer shows as "palette": relabelled with the
app's keys so that it follows the language too."""


class ComplianceApp(App[None]):
    """The compliance toolkit in the terminal."""

    CSS_PATH = str(Path(__file__).with_name("app.tcss"))
    TITLE = tr("app.title", "en")
    KEYS: ClassVar[list[KeySpec]] = [
        # F1 and F3 take priority so they work inside dialogs too (Textual lets a modal dialog
        # block the app's other keys); "?" does not, or it could not be typed in a text box.
        # F2 stays out of dialogs: most of them cannot redraw their text in the other language.
        KeySpec("f1", "help", "key.help", True, priority=True),
        KeySpec("question_mark", "help", "key.help", False),
        KeySpec("f2", "toggle_language", "key.lang", True),
        KeySpec("f3", "toggle_theme", "key.theme", False, priority=True),
        KeySpec("ctrl+q", "quit", "key.quit", False, priority=True),  # from any dialog too
        KeySpec("ctrl+r", "refresh", "key.refresh", False),
    ]
    BINDINGS: ClassVar[list[BindingType]] = list(bindings(KEYS))

    lang: reactive[str] = reactive("en", init=False)
    """The interface language, ``en``, ``fr`` or ``ar``; questionnaire text follows it."""
    result: var[Result | None] = var(None)
    """The latest score of the open assessment."""

    def __init__(
        self,
        lang: str | None = None,
        *,
        workspace: str | Path | None = None,
        open_assessment: int | None = None,
        welcome: bool = True,
    ) -> None:
        super().__init__()
        from compliance.settings import load_settings

        self.settings = load_settings()
        """What the user config remembers (language, theme, the last signing key)."""
        remembered = self.settings.lang if lang is None else lang
        self.set_reactive(ComplianceApp.lang, remembered if remembered in LANGUAGES else "en")
        if self.settings.theme is not None:
            self.theme = self.settings.theme
        self.location = workspace
        """``--workspace``: a SQLite path or a PostgreSQL URL (None: the default)."""
        self.start_assessment = open_assessment
        self.opening = open_assessment is not None
        """Whether an assessment is being loaded to open over the workspace."""
        self.welcome = welcome
        """Whether an empty workspace greets the user with the welcome dialog."""
        self.workspace: Workspace | None = None
        self.session: Session | None = None
        self._catalog: list[CatalogEntry] | None = None
        self._lock = threading.Lock()
        self._settings_lock = threading.Lock()
        self._score_timer: Timer | None = None
        self.follow_seconds = FOLLOW_SECONDS
        """How often this app asks the store for changes by others."""
        self._watcher: Any = None
        """The store's :class:`~compliance.store.changes.ChangeWatcher`, made on first use."""

    # --- start-up -------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.title = tr("app.title", self.lang)
        relabel(self, [*self.KEYS, _PALETTE], self.lang)
        self.show("workspace")
        if self.settings.problem is not None:
            self.notify(self.settings.problem, severity="warning", markup=False, timeout=8)
        if self.start_assessment is not None:
            self.open_assessment(self.start_assessment)

    def on_ready(self) -> None:
        resume_collection()
        self.set_interval(self.follow_seconds, self._follow_tick)

    # --- following the store ---------------------------------------------------------------

    def _follow_tick(self) -> None:
        if self.workspace is not None:
            self._follow_worker()

    @work(thread=True, exclusive=True, group="follow", description="follow the store")
    def _follow_worker(self) -> None:
        """Asks the store whether someone else changed anything (one cheap query, or none on
        PostgreSQL without a notification) and, if so, has the screens re-read."""
        workspace = self.workspace
        if workspace is None:
            return
        try:
            if self._watcher is None:
                from compliance.store.changes import ChangeWatcher

                # From the start of the log: what others changed before this first tick (while
                # the screens were reading) is caught now rather than missed for good.
                self._watcher = ChangeWatcher(workspace, since=0)
            changed = self._watcher.others_changed()
        except ComplianceError:
            return  # an unreachable server is reported by the save that fails, not every second
        if changed and not get_current_worker().is_cancelled:
            self.call_from_thread(self.store_changed)

    def store_changed(self) -> None:
        """Has every screen re-read what it shows from the store (others changed something)."""
        for screen in self.screen_stack:
            screen.post_message(WorkspaceChanged())
        if self.session is not None:
            self._reread_session(self.session)

    @work(thread=True, exclusive=True, group="reread", description="re-read the assessment")
    def _reread_session(self, session: Session) -> None:
        try:
            if not session.changed_in_store():
                return
            session.reload()
        except ComplianceError as error:
            self.call_from_thread(self.error, str(error))
            return
        self.call_from_thread(self._session_reread, session)

    def _session_reread(self, session: Session) -> None:
        if session is not self.session:
            return
        self.result = None
        for screen in self.screen_stack:
            shown = getattr(screen, "show_store_state", None)
            if callable(shown):
                shown()
        self.rescore(now=True)

    async def action_quit(self) -> None:
        """Quits, asking first when typed answers could not be saved (the assessment keeps them
        as drafts: quitting would lose them)."""
        drafts: dict[str, Any] = {}
        for screen in self.screen_stack:
            drafts.update(getattr(screen, "drafts", {}))
        if not drafts:
            self.exit()
            return
        from compliance.tui.dialogs import Confirm

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()

        question = tr("as.quit_drafts", self.lang, ids=", ".join(drafts))
        self.push_screen(Confirm(question, lang=self.lang), answered)

    def action_refresh(self) -> None:
        """Re-reads what the screens show from the store (the others' changes too)."""
        self.store_changed()

    def open_store(self) -> Workspace:
        """The workspace, opened on first use (blocking: call it from a worker)."""
        load_store()
        with self._lock:
            if self.workspace is None:
                from compliance.store.workspace import open_workspace

                self.workspace = open_workspace(self.location)
            return self.workspace

    def catalog(self) -> list[CatalogEntry]:
        """The installed questionnaires, loaded on first use (blocking the first time)."""
        load_domain()
        with self._lock:
            if self._catalog is None:
                from compliance.catalog import entries

                self._catalog = entries()[0]
            return self._catalog

    def questionnaire(
        self, questionnaire_id: str, version: str, *, load: bool = True
    ) -> Questionnaire | None:
        """An installed questionnaire by id and version, or None.

        With ``load=False`` (on the UI thread) the catalogue is not loaded when it is not yet.
        """
        if not load and self._catalog is None:
            return None
        for entry in self.catalog():
            if (
                entry.questionnaire.id == questionnaire_id
                and entry.questionnaire.version == version
            ):
                return entry.questionnaire
        return None

    # --- navigation ---------------------------------------------------------------------------

    def show(self, name: str, **arguments: Any) -> None:
        """Shows the screen registered as ``name`` (:data:`compliance.tui.screens.NAMED`).

        A screen of that name already in the stack is brought back, the screens above it closed,
        so going back and forth between screens never grows the stack; a screen given arguments,
        or not in the stack, is made anew.
        """
        from compliance.tui.screens import named

        kind = named(name)
        stack = self.screen_stack
        found = next((i for i, s in enumerate(stack) if isinstance(s, kind)), None)
        if arguments or found is None:
            self.push_screen(kind(**arguments))
            return
        for _ in stack[found + 1 :]:
            self.pop_screen()

    def error(self, message: str) -> None:
        """Shows an error as a notification (its text is never read as markup)."""
        self.notify(
            message, title=tr("error", self.lang), severity="error", markup=False, timeout=8
        )

    def on_unmount(self) -> None:
        if self._watcher is not None:
            self._watcher.close()
        if self.workspace is not None:
            self.workspace.close()

    # --- the open assessment --------------------------------------------------------------

    def open_assessment(self, assessment_id: int) -> None:
        """Loads an assessment in a worker and shows it; the current screen shows the steps."""
        self.opening = True
        screen = self.screen
        self._load_session(assessment_id, screen if isinstance(screen, _ShowsProgress) else None)

    @work(thread=True, exclusive=True, group="open", description="open assessment")
    def _load_session(self, assessment_id: int, screen: _ShowsProgress | None) -> None:
        def step(text_key: str, done: int) -> None:
            if screen is not None:
                screen.progress_from_worker(text_key, done, 3)

        try:
            step("work.loading", 0)
            load_domain()
            from compliance.tui.session import Session

            step("work.opening_store", 1)
            workspace = self.open_store()
            step("work.reading_assessment", 2)
            session = Session.open(workspace, assessment_id, self.questionnaire)
        except ComplianceError as error:
            self.call_from_thread(self._not_opened, str(error))
            return
        finally:
            if screen is not None:
                self.call_from_thread(screen.progress_done)
        self.call_from_thread(self._show_session, session)

    def _not_opened(self, message: str) -> None:
        self.opening = False
        self.error(message)
        for screen in self.screen_stack:
            screen.post_message(WorkspaceChanged())

    def _show_session(self, session: Session) -> None:
        from compliance.tui.screens import named

        self.opening = False
        self.session = session
        self.result = None
        self.push_screen(named("assessment")())  # always anew: it shows this session

    def close_session(self) -> None:
        """Forgets the open assessment (its answers are already in the store)."""
        if self._score_timer is not None:
            self._score_timer.stop()
        self.session = None
        self.result = None
        for screen in self.screen_stack:
            screen.post_message(WorkspaceChanged())

    def rescore(self, *, now: bool = False) -> None:
        """Scores the open assessment again after ``SCORE_DELAY`` of quiet (debounced)."""
        if self._score_timer is not None:
            self._score_timer.stop()
        if now:
            self._score()
        else:
            self._score_timer = self.set_timer(SCORE_DELAY, self._score)

    def _score(self) -> None:
        session = self.session
        if session is not None:
            self._score_worker(session.questionnaire, session.assessment, session.revision)

    @work(thread=True, exclusive=True, group="score", description="score")
    def _score_worker(
        self, questionnaire: Questionnaire, assessment: Assessment, revision: int
    ) -> None:
        load_domain()
        from compliance.engine.scoring import score

        try:
            result = score(questionnaire, assessment)
        except ComplianceError as error:
            self.call_from_thread(self.error, str(error))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(ResultReady(result, revision))

    def on_result_ready(self, message: ResultReady) -> None:
        if self.session is not None and message.revision == self.session.revision:
            self.session.result = message.result
            self.result = message.result

    # --- language, theme, help --------------------------------------------------------------

    def watch_lang(self, lang: str) -> None:
        self.title = tr("app.title", lang)
        relabel(self, [*self.KEYS, _PALETTE], lang)
        for screen in self.screen_stack:
            apply = getattr(screen, "apply_language", None)
            if apply is not None:
                apply()

    def action_toggle_language(self) -> None:
        """Switches to the next language, en → fr → ar → en (remembered for the next run)."""
        self.lang = next_language(self.lang)
        self.remember(lang=self.lang)

    def action_toggle_theme(self) -> None:
        """Switches between the dark and the light theme (remembered for the next run)."""
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"
        self.remember(theme=self.theme)

    def remember(self, **changes: str | None) -> None:
        """Keeps ``changes`` (see :class:`~compliance.settings.Settings`) in the user config for
        the next run (written in a worker)."""
        from dataclasses import replace

        self.settings = replace(self.settings, **changes)
        self._save_settings()

    @work(thread=True, group="settings", description="remember settings")
    def _save_settings(self) -> None:
        from compliance.settings import save_settings

        # Each write takes the newest settings under the lock: whichever of two quick presses of
        # F2 writes last, the file ends with the language shown.
        with self._settings_lock:
            settings = self.settings
            try:
                save_settings(
                    lang=settings.lang, theme=settings.theme, signing_key=settings.signing_key
                )
            except ComplianceError as error:
                self.call_from_thread(self.error, str(error))

    def action_command_palette(self) -> None:
        """Textual's command palette, its search box labelled in the interface language."""
        from textual.command import CommandPalette

        from compliance.tui.commands import QuestionScreen

        # is_open takes App[object]; App is invariant in its return type, hence the cast
        open_already = CommandPalette.is_open(cast("App[object]", self))
        if self.use_command_palette and not open_already:
            what = "cmd.find_question" if isinstance(self.screen, QuestionScreen) else "cmd.find"
            self.push_screen(
                CommandPalette(placeholder=tr(what, self.lang), id="--command-palette")
            )

    def action_help(self) -> None:
        """Shows the keys of the current screen and of the app by task, and the signs."""
        from compliance.tui.dialogs.help import HelpScreen, help_for

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(help_for(self, self.lang))


BIDI_EXPLICIT = "\x1b[8l"
"""ECMA-48 BDSM reset: the terminal shows each character in the cell it is written to. Terminals
that reorder right-to-left text themselves (VTE ≥ 0.58: GNOME Terminal and others) would otherwise
reorder each line of the screen, moving Arabic text across the panes; the others ignore it."""
BIDI_IMPLICIT = "\x1b[8h"
"""BDSM set: the terminal's own reordering again, for the shell after the UI closes."""


def _bidi_mode(sequence: str) -> None:
    """Sends ``sequence`` to the terminal, when the output is one."""
    import sys

    stream = sys.__stdout__
    if stream is not None and stream.isatty():
        stream.write(sequence)
        stream.flush()


def run(lang: str | None = None, workspace: str | Path | None = None) -> int:
    """Opens the terminal UI and returns an exit code when it closes (``lang``: None for the
    language remembered in the user config, else English).

    The terminal is asked not to reorder right-to-left text while the UI runs (README, "Arabic in
    the terminal"): Textual places every cell, so Arabic is written in logical order and stays in
    its pane."""
    _bidi_mode(BIDI_EXPLICIT)
    try:
        ComplianceApp(lang=lang, workspace=workspace).run()
    finally:
        _bidi_mode(BIDI_IMPLICIT)
    return 0
