"""Provides the review's dialogs: the folder to open, and a decision with its comment.

Both are modal; Escape cancels (None). Text passed in (a file name, an organisation) comes from
bundles and is shown literally through :func:`compliance.review.text.clean`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from compliance.review.decisions import STATUSES
from compliance.review.text import clean

__all__ = ["DecideDialog", "FolderDialog"]

_STATUS_LABELS = {
    "accepted": "Accepted",
    "revision_requested": "Revision requested",
    "rejected": "Rejected",
}
_CSS = """
DecideDialog, FolderDialog { align: center middle; }
DecideDialog > Vertical, FolderDialog > Vertical {
    width: 72; height: auto; border: thick $accent; background: $surface; padding: 1 2;
}
.review-problem { color: $error; height: auto; }
"""


class FolderDialog(ModalScreen[str | None]):
    """Asks for the folder of bundles to review."""

    DEFAULT_CSS = _CSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, value: str = "") -> None:
        super().__init__()
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Folder of signed bundles to review:")
            yield Input(self.value, id="folder-input")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        self.dismiss(text or None)

    def action_cancel(self) -> None:
        """Closes without a folder."""
        self.dismiss(None)


class DecideDialog(ModalScreen[tuple[str, str] | None]):
    """Asks for a decision (status and comment) on one submission."""

    DEFAULT_CSS = _CSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, about: str, *, verified: bool) -> None:
        super().__init__()
        self.about = about
        self.verified = verified

    def compose(self) -> ComposeResult:
        statuses = STATUSES if self.verified else tuple(s for s in STATUSES if s != "accepted")
        with Vertical():
            yield Label(Text(f"Decision on {clean(self.about, limit=200)}"))
            yield Select(
                [(_STATUS_LABELS[s], s) for s in statuses],
                prompt="Status",
                id="decide-status",
            )
            yield Input(placeholder="Comment (why)", id="decide-comment")
            yield Static("", id="decide-problem", classes="review-problem")
            yield Button("Record decision", variant="primary", id="decide-ok")

    def _finish(self) -> None:
        status = self.query_one("#decide-status", Select).value
        comment = self.query_one("#decide-comment", Input).value.strip()
        problem = self.query_one("#decide-problem", Static)
        if not isinstance(status, str):
            problem.update("Choose a status.")
            return
        if not comment:
            problem.update("Write a comment: the organisation will read it.")
            return
        self.dismiss((status, comment))

    @on(Input.Submitted, "#decide-comment")
    def _submitted(self) -> None:
        self._finish()

    @on(Button.Pressed, "#decide-ok")
    def _pressed(self) -> None:
        self._finish()

    def action_cancel(self) -> None:
        """Closes without a decision."""
        self.dismiss(None)
