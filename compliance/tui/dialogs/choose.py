"""Provides :class:`Choose`: one choice out of a list, or nothing."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from compliance.tui.safe import plain

__all__ = ["Choose"]


class Choose(ModalScreen[str | None]):
    """Offers ``(id, label)`` choices; Enter picks, Escape cancels (None)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    """Escape closes the dialog without a choice."""

    def __init__(self, question: str, choices: list[tuple[str, str]]) -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(plain(self.question), classes="dialog-text")
            yield OptionList(
                *(Option(plain(label), id=key) for key, label in self.choices), id="choices"
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            options.highlighted = 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Closes the dialog without a choice."""
        self.dismiss(None)
