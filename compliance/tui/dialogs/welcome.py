"""Provides :class:`Welcome`: three lines on what the tool does, and a sample client on offer.

It is the first thing a newcomer sees, so the language can be switched here (F2, remembered for
the next run like anywhere else) and the dialog redraws itself in it.
"""

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

_LINES = ("welcome.line1", "welcome.line2", "welcome.line3")


class Welcome(ModalScreen[bool]):
    """Shown on a first run (an empty workspace); answers True to create the sample client."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close(False)", "Close"),
        Binding("f2", "app.toggle_language", "Language", show=False),
    ]
    """Escape starts with an empty workspace; F2 switches the language."""

    def __init__(self, *, lang: str = "en") -> None:
        super().__init__(classes="dialog")
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="welcome-box"):
            yield Static(tr("welcome.title", self.lang), classes="dialog-title", id="welcome-title")
            for line in _LINES:
                yield Static(tr(line, self.lang), classes="dialog-text", id=line.replace(".", "-"))
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("welcome.sample", self.lang), variant="primary", id="sample")
                yield Button(tr("welcome.empty", self.lang), id="empty")
            yield Static(tr("welcome.keys", self.lang), classes="hint", id="welcome-keys")

    def apply_language(self) -> None:
        """Redraws the dialog in the app's language (F2 was pressed)."""
        self.lang = getattr(self.app, "lang", self.lang)
        self.query_one("#welcome-title", Static).update(tr("welcome.title", self.lang))
        for line in _LINES:
            self.query_one(f"#{line.replace('.', '-')}", Static).update(tr(line, self.lang))
        for button, text in (("#sample", "welcome.sample"), ("#empty", "welcome.empty")):
            found = self.query_one(button, Button)
            found.label = tr(text, self.lang)
            found.refresh(layout=True)  # as wide as the new label
        self.query_one("#welcome-keys", Static).update(tr("welcome.keys", self.lang))

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "sample")

    def action_close(self, sample: bool) -> None:
        """Closes the welcome (``sample``: create the sample client)."""
        self.dismiss(sample)
