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
    """Offers ``(id, label)`` choices; Enter picks, Escape cancels (None).

    ``selected`` is the id highlighted at first (default: the first choice)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    """Escape closes the dialog without a choice."""

    def __init__(
        self, question: str, choices: list[tuple[str, str]], selected: str | None = None
    ) -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.choices = choices
        self.selected = selected

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(plain(self.question), classes="dialog-text")
            yield OptionList(
                *(Option(plain(label), id=key) for key, label in self.choices), id="choices"
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            keys = [key for key, _ in self.choices]
            options.highlighted = keys.index(self.selected) if self.selected in keys else 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Closes the dialog without a choice."""
        self.dismiss(None)
