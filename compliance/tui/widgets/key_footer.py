"""Provides :class:`KeyFooter`: Textual's footer, rebuilt only when the keys it shows change.

Textual's :class:`~textual.widgets.Footer` rebuilds all its key widgets after every change of
bindings, and focus moving from one widget to another is such a change, even when the keys shown
stay the same. Opening the assessment screen moved the focus often enough to rebuild the footer
seven times (a third of the screen's cost). This footer notes what it would show (key, text,
enabled) and rebuilds only when that differs, once per refresh however many changes arrived.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

__all__ = ["KeyFooter"]

Shown = tuple[tuple[str, str, str, bool], ...]


class KeyFooter(Footer):
    """A compact footer of the screen's keys, without the command-palette entry."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True, show_command_palette=False)
        self._shown: Shown | None = None
        self._pending = False

    def _wanted(self) -> Shown:
        return tuple(
            (binding.key, binding.action, binding.description, enabled)
            for (_node, binding, enabled, _tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Schedules one rebuild for the next refresh (Textual's hook, called on every change)."""
        # Textual's own handler marks the bindings ready and recomposes; this one defers to it
        # only when the keys shown differ (the attribute is Textual's: version pinned exactly).
        self._bindings_ready = True
        if not screen.app.app_focus or self._pending:
            return
        if self.is_attached and screen is self.screen:
            self._pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        wanted = self._wanted()
        if wanted != self._shown:
            self._shown = wanted
            await self.recompose()
