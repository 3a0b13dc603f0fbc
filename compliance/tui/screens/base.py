"""Provides :class:`BaseScreen`: a screen whose keys and text follow the interface language."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import events, on
from textual.screen import Screen

from compliance.tui.keys import KeySpec, relabel

if TYPE_CHECKING:
    from compliance.tui.app import ComplianceApp

__all__ = ["BaseScreen"]


class BaseScreen(Screen[None]):
    """A screen of the app; ``KEYS`` are its bindings, relabelled when the language changes."""

    KEYS: ClassVar[list[KeySpec]] = []
    """The screen's keys (``BINDINGS`` is made from them)."""

    @property
    def capp(self) -> ComplianceApp:
        """The app, typed."""
        return cast("ComplianceApp", self.app)

    @property
    def lang(self) -> str:
        """The interface language."""
        return self.capp.lang

    @on(events.Mount)
    def _keys_in_language(self) -> None:
        """Describes the keys in the current language from the start."""
        if self.lang != "en":
            relabel(self, self.KEYS, self.lang)

    def apply_language(self) -> None:
        """Relabels the keys and redraws the text in the current language."""
        relabel(self, self.KEYS, self.lang)
        self.refresh_text()

    def refresh_text(self) -> None:
        """Redraws the screen's own text (override)."""
