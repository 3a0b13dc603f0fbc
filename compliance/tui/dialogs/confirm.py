"""Provides :class:`Confirm`: a yes/no question that answers False unless told yes."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from compliance.tui.safe import plain
from compliance.tui.strings import tr

__all__ = ["Confirm"]


class Confirm(ModalScreen[bool]):
    """Asks to confirm something that cannot be undone; No has the focus."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", "No"),
        Binding("y", "answer(True)", "Yes", show=False),
        Binding("n", "answer(False)", "No", show=False),
    ]
    """Escape and n say no, y says yes."""

    def __init__(self, question: str, *, lang: str = "en") -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(plain(self.question, single_line=False), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("yes", self.lang), variant="error", id="yes")
                yield Button(tr("no", self.lang), variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        """Closes the dialog with ``value``."""
        self.dismiss(value)
