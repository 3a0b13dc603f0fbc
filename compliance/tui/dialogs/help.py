"""Provides :class:`HelpScreen`: every key of the screen below and of the whole app."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from compliance.tui.strings import tr

__all__ = ["HelpScreen"]


class HelpScreen(ModalScreen[None]):
    """Lists ``(key, description)`` pairs; Escape, F1 or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "dismiss(None)", "Close"),
    ]
    """The keys that close the help."""

    def __init__(self, keys: list[tuple[str, str]], *, lang: str = "en") -> None:
        super().__init__(classes="dialog")
        self.keys = keys
        self.lang = lang

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        for key, description in self.keys:
            table.add_row(Text(key), Text(description))
        table.add_row(Text("ctrl+p"), Text(tr("help.palette", self.lang)))
        with VerticalScroll(classes="dialog-box", id="help-box"):
            yield Static(tr("help.title", self.lang), classes="dialog-title")
            yield Static(table)
            yield Static(tr("help.close", self.lang), classes="dim")
