"""Provides :class:`HelpScreen` (F1): the keys of the screen below grouped by task, and the signs.

What it lists is built by :mod:`compliance.tui.help_content` from the screen's own bindings and
the app's, so it follows the keys the screen really has; the scroll is shown (a scrollbar and a
"more below" line) when the help is longer than the terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from compliance.tui.help_content import Bound, HelpGroup, help_groups, screen_kind, symbols
from compliance.tui.strings import tr

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from compliance.tui.keys import KeySpec

__all__ = ["HelpScreen", "help_for"]


def _bound(screen: Screen[Any], node: object, keys: list[KeySpec] | None) -> list[Bound]:
    """The enabled bindings ``node`` contributes to ``screen``: those of its ``keys`` in their
    declared order (each with the keys that work now), or every binding of a dialog."""
    active = {
        key: found
        for key, found in screen.active_bindings.items()
        if found.node is node and found.enabled and not found.binding.system
    }
    if keys is None:
        return [Bound(k, a.binding.action, a.binding.description) for k, a in active.items()]
    bound = []
    for spec in keys:
        working = [
            key
            for key in (part.strip() for part in spec.keys.split(","))
            if key in active and active[key].binding.action == spec.action
        ]
        if working:
            label = active[working[0]].binding.description
            bound.append(Bound(",".join(working), spec.action, label))
    return bound


def help_for(app: App[Any], lang: str) -> HelpScreen:
    """The help of the screen ``app`` shows: its keys, the app's, and the signs."""
    screen = app.screen
    # A screen of the app lists its keys in KEYS; a dialog has only BINDINGS (Textual's own
    # bindings are left out by help_groups either way).
    kind = screen_kind(type(screen).__name__)
    app_keys: list[KeySpec] = getattr(app, "KEYS", [])
    if screen.is_modal:
        # A dialog blocks the app's keys but those with priority (F1, F3, Ctrl+Q): list those.
        app_bound = [
            Bound(key.keys, key.action, tr(key.text, lang)) for key in app_keys if key.priority
        ]
    else:
        app_bound = _bound(screen, app, app_keys)
    groups = help_groups(
        _bound(screen, screen, getattr(screen, "KEYS", None) or None),
        app_bound,
        kind,
        lang,
        palette=bool(getattr(app, "ENABLE_COMMAND_PALETTE", True)),
    )
    return HelpScreen(groups, symbols(kind, lang), lang=lang)


class HelpScreen(ModalScreen[None]):
    """The keys by task, then the signs; Escape, F1, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "dismiss(None)", "Close"),
    ]
    """The keys that close the help."""

    def __init__(
        self, groups: list[HelpGroup], signs: list[HelpGroup], *, lang: str = "en"
    ) -> None:
        super().__init__(classes="dialog")
        self.groups = groups
        self.signs = signs
        self.lang = lang
        self.keys: list[tuple[str, str]] = [row for group in groups for row in group.rows]
        """Every ``(keys, what they do)`` row, in the order shown."""
        self.more_below = False
        """Whether part of the help is below the visible part (and the help says so)."""

    def _width(self) -> int:
        """The keys column: as wide as the widest keys, at most 22 cells."""
        rows = [row for group in self.groups + self.signs for row in group.rows]
        return min(max((cell_len(keys) for keys, _ in rows), default=4), 22)

    def _groups(self, groups: list[HelpGroup]) -> Group:
        """Each group as its title over a two-column grid, the key columns aligned throughout."""
        parts: list[Text | Table] = []
        for group in groups:
            parts.append(Text("\n" + group.title, style="bold underline"))
            table = Table.grid(padding=(0, 2))
            table.add_column(style="bold", width=self._width())
            table.add_column(overflow="fold")
            for keys, text in group.rows:
                table.add_row(Text(keys), Text(text))
            parts.append(table)
        return Group(*parts)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="help-frame"):
            yield Static(tr("help.title", self.lang), classes="dialog-title")
            with VerticalScroll(id="help-box"):
                yield Static(self._groups(self.groups), id="help-keys")
                yield Static(Text("\n" + tr("help.signs", self.lang).upper(), style="bold"))
                yield Static(self._groups(self.signs), id="help-signs")
                yield Static(
                    Text("\n" + tr("help.arabic_title", self.lang), style="bold underline")
                )
                yield Static(Text(tr("help.arabic", self.lang)), id="help-arabic")
                yield Static(Text("\n" + tr("help.end", self.lang), style="dim"))
            yield Static("", id="help-more")
            yield Static(tr("help.close", self.lang), classes="dim")

    def on_mount(self) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        box.focus()
        self.watch(box, "scroll_y", self._scrolled)
        self.call_after_refresh(self._scrolled)

    def on_resize(self) -> None:
        self.call_after_refresh(self._scrolled)

    def _scrolled(self, _value: float | None = None) -> None:
        """Says there is more below for as long as there is."""
        box = self.query_one("#help-box", VerticalScroll)
        self.more_below = box.max_scroll_y > 0 and box.scroll_y < box.max_scroll_y
        hint = tr("help.more", self.lang) if self.more_below else ""
        self.query_one("#help-more", Static).update(hint)
