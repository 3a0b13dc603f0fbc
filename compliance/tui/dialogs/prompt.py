"""Provides :class:`Prompt`: one line of text (or a passphrase, never echoed) or nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from compliance.tui.safe import plain

__all__ = ["Prompt"]


class Prompt(ModalScreen[str | None]):
    """Asks for one value; Enter accepts it, Escape cancels (None)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    """Escape closes the dialog without a value."""

    def __init__(
        self,
        question: str,
        *,
        value: str = "",
        password: bool = False,
        allow_empty: bool = False,
        check: Callable[[str], str | None] | None = None,
        note: str | None = None,
    ) -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.value = value
        self.password = password
        self.allow_empty = allow_empty
        self.check = check
        """Returns why a value is refused, or None to accept it."""
        self.note = note
        """A line under the box (where a file goes, say)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(plain(self.question), classes="dialog-text")
            yield Input(self.value, password=self.password, id="prompt-input")
            if self.note:
                yield Static(plain(self.note, single_line=False), id="prompt-note", classes="hint")
            yield Static("", id="prompt-problem", classes="problem")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value if self.password else event.value.strip()
        if not value and not self.allow_empty:
            return
        problem = self.check(value) if self.check and value else None
        if problem:
            self.query_one("#prompt-problem", Static).update(plain(f"✗ {problem}"))
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        """Closes the dialog without a value."""
        self.dismiss(None)
