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
    """Asks to confirm something; No has the focus, unless ``safe`` (something that adds and
    removes nothing, such as a new cycle): then Yes has it, so Enter confirms."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", "No"),
        Binding("y", "answer(True)", "Yes", show=False),
        Binding("n", "answer(False)", "No", show=False),
    ]
    """Escape and n say no, y says yes."""

    def __init__(self, question: str, *, lang: str = "en", safe: bool = False) -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.lang = lang
        self.safe = safe

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(plain(self.question, single_line=False), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    tr("yes", self.lang), variant="primary" if self.safe else "error", id="yes"
                )
                yield Button(
                    tr("no", self.lang), variant="default" if self.safe else "primary", id="no"
                )

    def on_mount(self) -> None:
        self.query_one("#yes" if self.safe else "#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        """Closes the dialog with ``value``."""
        self.dismiss(value)
