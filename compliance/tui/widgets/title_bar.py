"""Provides :class:`TitleBar`: the app's title on the top line, following the app's ``title``.

Textual's :class:`~textual.widgets.Header` is four widgets (icon, title, clock space) with their
stylesheet; the first frame of the workspace screen spent about 15 ms on it. The toolkit needs only
the title, in the interface language, so this is one line of text that watches ``App.title``.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

__all__ = ["TitleBar"]


class TitleBar(Widget):
    """The app's title, centred on the top line."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
        text-align: center;
        text-style: bold;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._title_changed)

    def _title_changed(self, _title: str) -> None:
        self.refresh()

    def render(self) -> Text:
        return Text(self.app.title)
