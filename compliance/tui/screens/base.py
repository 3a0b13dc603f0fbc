"""Provides :class:`BaseScreen`: a screen whose keys and text follow the interface language.

A screen reads what the app shares (the workspace, the open assessment, the language) through
:class:`~compliance.tui.host.Host`, and asks it to show another screen by name; it never imports the
app or another screen.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from functools import partial
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events, on
from textual.screen import Screen

from compliance.errors import ComplianceError
from compliance.tui.keys import KeySpec, relabel
from compliance.tui.strings import tr

if TYPE_CHECKING:
    from textual.timer import Timer

    from compliance.tui.host import Host
    from compliance.tui.session import Session
    from compliance.tui.widgets.work_progress import WorkProgress

__all__ = ["NOT_ANSWERING", "BaseScreen"]

NOT_ANSWERING = 4.0
"""Seconds a save may wait before the screen says the workspace is not answering."""


class BaseScreen(Screen[None]):
    """A screen of the app; ``KEYS`` are its bindings, relabelled when the language changes."""

    KEYS: ClassVar[list[KeySpec]] = []
    """The screen's keys (``BINDINGS`` is made from them)."""

    saving: int = 0
    """Store writes under way (in workers)."""
    not_answering: bool = False
    """Whether the screen says the workspace is not answering (a write waits too long)."""
    _slow: Timer | None = None

    @property
    def capp(self) -> Host:
        """The app, as the screens see it."""
        return cast("Host", self.app)

    def open_session(self) -> Session:
        """The open assessment, read from the app (by a screen shown only while one is open)."""
        session = self.capp.session
        if session is None:
            raise RuntimeError(f"{type(self).__name__} is shown only while an assessment is open")
        return session

    @property
    def lang(self) -> str:
        """The interface language."""
        return self.capp.lang

    @on(events.Mount)
    def _keys_in_language(self) -> None:
        """Describes the keys in the current language from the start."""
        if self.lang != "en":
            relabel(self, self.KEYS, self.lang)

    def apply_language(self) -> None:
        """Relabels the keys and redraws the text in the current language."""
        relabel(self, self.KEYS, self.lang)
        self.refresh_text()

    def refresh_text(self) -> None:
        """Redraws the screen's own text (override)."""

    # --- long work ------------------------------------------------------------------------

    def _work_progress(self) -> WorkProgress:
        from compliance.tui.widgets.work_progress import WorkProgress

        found = self.query(WorkProgress)
        if found:
            return found.first()
        line = WorkProgress()
        self.mount(line)
        return line

    def progress(self, text_key: str, done: int, total: int | None = None, **values: str) -> None:
        """Shows a step of long work above the footer (UI thread; from a worker, see below).

        ``text_key`` names the step's text in the catalogue, in the interface language.
        """
        self._work_progress().step(tr(text_key, self.lang, **values), done, total)

    def progress_from_worker(
        self, text_key: str, done: int, total: int | None = None, **values: str
    ) -> None:
        """:meth:`progress`, called from a worker thread."""
        self.app.call_from_thread(self.progress, text_key, done, total, **values)

    def progress_done(self) -> None:
        """Hides the progress line: the work ended, well or not (UI thread)."""
        from compliance.tui.widgets.work_progress import WorkProgress

        for line in self.query(WorkProgress):
            line.finish()

    # --- the store, off the UI thread ----------------------------------------------------------

    def in_background(
        self,
        job: Callable[[], object],
        done: Callable[[], None],
        failed: Callable[[ComplianceError], None],
    ) -> None:
        """Runs a store write in a worker (a session's writes keep their order, see
        :class:`~compliance.tui.session.Session`), then ``done`` or ``failed`` on the UI thread.
        Keys keep working meanwhile; a write waiting longer than ``NOT_ANSWERING`` seconds is
        shown by :meth:`show_not_answering`."""
        self.saving += 1
        if self._slow is None:
            self._slow = self.set_timer(NOT_ANSWERING, self._not_answering)

        def run() -> None:
            try:
                job()
            except ComplianceError as error:
                then: Callable[[], None] = partial(failed, error)
            except Exception as error:
                then = partial(failed, ComplianceError(f"{type(error).__name__}: {error}"))
            else:
                then = done
            with suppress(RuntimeError):  # the app is closing; what reached the store is saved
                self.app.call_from_thread(self._finished, then)

        self.run_worker(run, thread=True, group="save", description="save", exit_on_error=False)

    def _finished(self, then: Callable[[], None]) -> None:
        self.saving -= 1
        if self.saving == 0:
            self.not_answering = False
            if self._slow is not None:
                self._slow.stop()
                self._slow = None
        if self.is_attached:
            then()

    def _not_answering(self) -> None:
        self._slow = None
        if self.saving:
            self.not_answering = True
            self.show_not_answering()

    def show_not_answering(self) -> None:
        """Says the workspace is not answering while a write waits (a notice by default)."""
        self.notify(tr("as.not_answering", self.lang), severity="warning", markup=False)
