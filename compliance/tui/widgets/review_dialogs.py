"""Provides the review's dialogs: the folder to open, and a decision with its comment.

Both are modal; Escape cancels (None). Text passed in (a file name, an organisation) comes from
bundles and is shown literally through :func:`compliance.review.text.clean`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from compliance.review.decisions import STATUSES
from compliance.review.text import clean
from compliance.tui.keys import KeySpec, bindings, relabel
from compliance.tui.strings import STRINGS, tr

__all__ = ["DecideDialog", "FolderDialog", "decision_label"]

_KEYS = [KeySpec("escape", "cancel", "key.cancel")]
_CSS = """
DecideDialog, FolderDialog { align: center middle; }
DecideDialog > Vertical, FolderDialog > Vertical {
    width: 72; height: auto; border: thick $accent; background: $surface; padding: 1 2;
}
.review-problem { color: $error; height: auto; }
"""


def decision_label(status: str, lang: str) -> str:
    """A decision status (``revision_requested``) in words; an unknown one as it is."""
    key = f"rv.decision.{status}"
    return tr(key, lang) if key in STRINGS else status


class FolderDialog(ModalScreen[str | None]):
    """Asks for the folder of bundles to review."""

    DEFAULT_CSS = _CSS
    BINDINGS: ClassVar[list[BindingType]] = list(bindings(_KEYS))

    def __init__(self, value: str = "", *, lang: str = "en") -> None:
        super().__init__()
        self.value = value
        self.lang = lang

    def on_mount(self) -> None:
        relabel(self, _KEYS, self.lang)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(tr("rv.folder", self.lang))
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
    BINDINGS: ClassVar[list[BindingType]] = list(bindings(_KEYS))

    def __init__(self, about: str, *, verified: bool, lang: str = "en") -> None:
        super().__init__()
        self.about = about
        self.verified = verified
        self.lang = lang

    def on_mount(self) -> None:
        relabel(self, _KEYS, self.lang)

    def compose(self) -> ComposeResult:
        statuses = STATUSES if self.verified else tuple(s for s in STATUSES if s != "accepted")
        with Vertical():
            yield Label(Text(tr("rv.decide_on", self.lang, about=clean(self.about, limit=200))))
            yield Select(
                [(decision_label(s, self.lang), s) for s in statuses],
                prompt=tr("rv.status", self.lang),
                id="decide-status",
            )
            yield Input(placeholder=tr("rv.comment", self.lang), id="decide-comment")
            yield Static("", id="decide-problem", classes="review-problem")
            yield Button(tr("rv.record", self.lang), variant="primary", id="decide-ok")

    def _finish(self) -> None:
        status = self.query_one("#decide-status", Select).value
        comment = self.query_one("#decide-comment", Input).value.strip()
        problem = self.query_one("#decide-problem", Static)
        if not isinstance(status, str):
            problem.update(tr("rv.need_status", self.lang))
            return
        if not comment:
            problem.update(tr("rv.need_comment", self.lang))
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
