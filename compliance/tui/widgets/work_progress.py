"""Provides :class:`WorkProgress`: one line above the footer saying what long work is doing.

It is the last widget of the screen's flow (not docked: two widgets docked at the bottom would
cover each other, and the footer must stay visible), so it takes a line from the body while shown.

Workers report steps (``2/4 Checking the file``) through
:meth:`compliance.tui.screens.base.BaseScreen.progress`; the line shows a bar drawn with characters
and the count in digits (never colour alone) and, while a step lasts, the seconds it has taken, so a
slow step (a PDF, a key derivation) is visibly alive. It is hidden when no work runs.
"""

from __future__ import annotations

from time import monotonic

from rich.text import Text
from textual.timer import Timer
from textual.widget import Widget

from compliance.tui.safe import clean

__all__ = ["WorkProgress"]

BAR_WIDTH = 12


class WorkProgress(Widget):
    """The progress of the screen's long work (hidden when idle)."""

    DEFAULT_CSS = """
    WorkProgress {
        height: 1;
        display: none;
        background: $boost;
        padding: 0 1;
    }
    WorkProgress.-busy {
        display: block;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="work-progress")
        self.text = ""
        self.done = 0
        self.total: int | None = None
        self._since = monotonic()
        self._ticker: Timer | None = None

    @property
    def busy(self) -> bool:
        """Whether work is being shown."""
        return self.has_class("-busy")

    def step(self, text: str, done: int, total: int | None) -> None:
        """Shows step ``done`` of ``total`` (None: of unknown length), described by ``text``."""
        self.text = clean(text)
        self.done = done
        self.total = total
        self._since = monotonic()
        self.add_class("-busy")
        if self._ticker is None and self.is_mounted:
            self._ticker = self.set_interval(1.0, self.refresh)
        self.refresh()

    def on_mount(self) -> None:
        if self.busy and self._ticker is None:
            self._ticker = self.set_interval(1.0, self.refresh)

    def finish(self) -> None:
        """Hides the line: the work is over (done or failed)."""
        self.remove_class("-busy")
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None

    def render(self) -> Text:
        line = Text()
        if self.total:
            filled = round(BAR_WIDTH * min(self.done, self.total) / self.total)
            line.append("■" * filled, style="bold")
            line.append("□" * (BAR_WIDTH - filled), style="dim")
            line.append(f" {self.done}/{self.total}  ")
        line.append(self.text)
        seconds = int(monotonic() - self._since)
        if seconds >= 1:
            line.append(f"  {seconds} s", style="dim")
        return line
