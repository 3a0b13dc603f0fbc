"""Provides :class:`ConflictDialog`: someone else changed what you were saving.

Shows who changed it and when, their value and yours; "Keep theirs" (the focus, and Escape) drops
your change, "Use mine" saves yours over theirs. Nothing is overwritten unseen either way.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from compliance.errors import WorkspaceConflict
from compliance.tui.safe import plain
from compliance.tui.strings import tr

__all__ = ["ConflictDialog", "shown"]


def shown(value: Any) -> str:
    """A stored value as one short line (an answer's value and comment, a list, a name)."""
    if value is None:
        return "—"
    if isinstance(value, dict):
        parts = [shown(value.get("value"))] if "value" in value else []
        if value.get("comment"):
            parts.append(f"« {value['comment']} »")
        if "name" in value and "value" not in value:
            parts.append(str(value["name"]))
        return " ".join(parts) or "—"
    if isinstance(value, list | tuple):
        return ", ".join(shown(v) for v in value)
    return str(value)


class ConflictDialog(ModalScreen[str]):
    """Answers ``"theirs"`` or ``"mine"``."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "choose('theirs')", "Theirs")]

    def __init__(self, conflict: WorkspaceConflict, mine: Any, *, lang: str = "en") -> None:
        super().__init__(classes="dialog")
        self.conflict = conflict
        self.mine = mine
        self.lang = lang

    def compose(self) -> ComposeResult:
        c = self.conflict
        when = (c.at or "")[:19].replace("T", " ")
        head = tr("cf.changed", self.lang, what=c.target, who=c.actor or "?", when=when)
        head = head[:1].upper() + head[1:]
        with Vertical(classes="dialog-box", id="conflict"):
            yield Static(plain(head, single_line=False), classes="dialog-text", id="cf-head")
            yield Static(
                plain(f"{tr('cf.theirs', self.lang)}: {shown(c.theirs)}", single_line=False),
                id="cf-theirs",
            )
            yield Static(
                plain(f"{tr('cf.mine', self.lang)}: {shown(self.mine)}", single_line=False),
                id="cf-mine",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("cf.keep_theirs", self.lang), variant="primary", id="theirs")
                yield Button(tr("cf.use_mine", self.lang), variant="warning", id="mine")

    def on_mount(self) -> None:
        self.query_one("#theirs", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "theirs")

    def action_choose(self, choice: str) -> None:
        """Closes the dialog with ``choice``."""
        self.dismiss(choice)
