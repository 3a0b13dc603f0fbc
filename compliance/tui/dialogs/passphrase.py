"""Provides :class:`NewPassphrase`: a new passphrase, typed twice, never echoed.

A passphrase that protects something new (an encrypted export, a signing key) is asked with a
confirmation: a typing slip would otherwise lock the file for good. Two different entries, or an
empty one, are said at once in the dialog, which stays open with both boxes cleared.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from compliance.tui.safe import plain
from compliance.tui.strings import tr

__all__ = ["NewPassphrase", "passphrase_problem"]


def passphrase_problem(first: str, second: str, lang: str) -> str | None:
    """Why two entries of a new passphrase are refused, or None."""
    if not first:
        return tr("pp.empty", lang)
    if first != second:
        return tr("pp.differ", lang)
    return None


class NewPassphrase(ModalScreen[str | None]):
    """Asks a new passphrase and its confirmation; Enter accepts, Escape cancels (None)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, *, lang: str = "en") -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(plain(self.question), classes="dialog-text")
            yield Label(tr("pp.first", self.lang))
            yield Input(password=True, id="pp-first")
            yield Label(tr("pp.second", self.lang))
            yield Input(password=True, id="pp-second")
            yield Static("", id="pp-problem", classes="problem")
            yield Static(tr("pp.keys", self.lang), classes="hint")

    @on(Input.Submitted, "#pp-first")
    def _first(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value:
            self.query_one("#pp-second", Input).focus()

    @on(Input.Submitted, "#pp-second")
    def _second(self, event: Input.Submitted) -> None:
        event.stop()
        first = self.query_one("#pp-first", Input)
        second = self.query_one("#pp-second", Input)
        problem = passphrase_problem(first.value, second.value, self.lang)
        if problem is None:
            self.dismiss(first.value)
            return
        self.query_one("#pp-problem", Static).update(plain(f"✗ {problem}"))
        first.value = second.value = ""
        first.focus()

    def action_cancel(self) -> None:
        """Closes the dialog without a passphrase."""
        self.dismiss(None)
