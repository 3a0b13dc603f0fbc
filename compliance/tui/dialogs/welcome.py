"""Provides :class:`Welcome`: three lines on what the tool does, and a sample client on offer."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from compliance.tui.strings import tr

__all__ = ["Welcome"]


class Welcome(ModalScreen[bool]):
    """Shown on a first run (an empty workspace); answers True to create the sample client."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close(False)", "Close")]
    """Escape starts with an empty workspace."""

    def __init__(self, *, lang: str = "en") -> None:
        super().__init__(classes="dialog")
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="welcome-box"):
            yield Static(tr("welcome.title", self.lang), classes="dialog-title")
            for line in ("welcome.line1", "welcome.line2", "welcome.line3"):
                yield Static(tr(line, self.lang), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("welcome.sample", self.lang), variant="primary", id="sample")
                yield Button(tr("welcome.empty", self.lang), id="empty")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "sample")

    def action_close(self, sample: bool) -> None:
        """Closes the welcome (``sample``: create the sample client)."""
        self.dismiss(sample)
