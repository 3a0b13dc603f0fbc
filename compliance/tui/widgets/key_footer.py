"""Provides :class:`KeyFooter`: the keys of the screen on one line, drawn as text.

Textual's :class:`~textual.widgets.Footer` is a widget per key, rebuilt after every change of
bindings (focus moving from one widget to another is one, even when the keys shown stay the same).
Opening the assessment screen rebuilt it seven times, and its widgets and stylesheet were a tenth of
the first frame. This footer is one line of text, redrawn only when what it shows (key,
description, enabled) changes, once per refresh however many changes arrived. A click on a key
presses it, as with Textual's footer.

When the keys do not fit the width, the screen's last ones are left out whole (they stay in the
help screen) rather than cut in the middle of a word, and the app's own keys (F1 Help, which lists
them all, and F2) stay.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

__all__ = ["KeyFooter"]

Shown = tuple[tuple[str, str, str, bool, bool], ...]
"""``(key, shown key, description, enabled, the app's own)`` for each key of the footer, in
order."""


class KeyFooter(Widget):
    """The screen's keys, shown as ``key Description`` pairs (disabled ones dimmed)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-footer--key"}

    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    KeyFooter > .key-footer--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: Shown = ()
        self._spans: list[tuple[int, int, str]] = []
        self._pending = False

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._update()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if not self._pending and self.is_attached and screen is self.screen:
            self._pending = True
            self.call_after_refresh(self._update)

    def _wanted(self) -> Shown:
        seen: set[str] = set()
        shown: list[tuple[str, str, str, bool, bool]] = []
        for node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                display = self.app.get_key_display(binding)
                shown.append((binding.key, display, binding.description, enabled, node is self.app))
        return tuple(shown)

    def _fitting(self) -> Shown:
        """The keys to draw: all of them, or without the screen's last ones when they would
        not fit the width."""
        shown = list(self._shown)
        width = self.size.width

        def length() -> int:
            return sum(cell_len(f"{display} {text} ") for _, display, text, _, _ in shown) - 1

        while width and length() > width:
            own = [i for i, item in enumerate(shown) if not item[4]]
            if len(own) <= 1:
                break
            del shown[own[-1]]
        return tuple(shown)

    def _update(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        wanted = self._wanted()
        if wanted != self._shown:
            self._shown = wanted
            self.refresh()

    def render(self) -> Text:
        line = Text()
        self._spans = []
        key_style = self.get_component_rich_style("key-footer--key")
        for key, display, description, enabled, _ in self._fitting():
            start = line.cell_len
            if line:
                line.append(" ")
            line.append(display, style=key_style if enabled else "dim")
            line.append(f" {description}", style="" if enabled else "dim")
            self._spans.append((start, line.cell_len, key))
        return line

    def on_click(self, event: events.Click) -> None:
        """Presses the key whose label was clicked."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for start, end, key in self._spans:
            if start <= offset.x < end:
                self.app.simulate_key(key)
                return
