"""Provides :class:`Choice`, :class:`Tick`, :class:`TriTick` and :class:`Ticks`: radio buttons,
checkboxes (two- and three-state) and selection lists that show their state by a symbol, not by
colour alone (blank when off, ``?`` when unknown)."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Checkbox, OptionList, RadioButton, RadioSet, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

from compliance.tui.safe import plain

__all__ = ["Choice", "Choices", "Tick", "Ticks", "TriTick"]


class Choice(RadioButton):
    """A radio button: ● when chosen, blank when not; a long label wraps (with ``height: auto``).

    Textual's toggle buttons are one line tall, so a long option was cut short at 80 columns and
    the user could not read what they were choosing.
    """

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "●" if self.value else " "
        return super()._button

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Widget's own measure (the rendered label at this width), not ToggleButton's "1".
        return max(1, Widget.get_content_height(self, container, viewport, width))


class Choices(RadioSet):
    """A radio set whose keyboard highlight starts on the option already chosen.

    Textual's starts on the first option, so with an answer given, Down then Enter chose the
    option the answer already was (seen driving the TUI in tmux).
    """

    def on_mount(self) -> None:
        # After RadioSet's own mount handler, which highlights the first option.
        self.call_later(self._highlight_chosen)

    def _highlight_chosen(self) -> None:
        buttons = list(self.query(RadioButton))
        chosen = next((index for index, button in enumerate(buttons) if button.value), None)
        if chosen is not None:
            self._selected = chosen  # Textual's own highlight (version pinned exactly)


class Tick(Checkbox):
    """A checkbox: ✓ when ticked, blank when not."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "✓" if self.value else " "
        return super()._button


class Ticks(SelectionList[str]):
    """A selection list: ✓ beside each chosen option, blank beside the others; a long option
    wraps onto the next lines (with ``text-wrap: wrap``), its tick on the first.

    Textual's selection list takes one line per option (line ``y`` is option ``y``), so its
    boxes landed on the wrong options once one wrapped; this draws them from the option list's
    own line map instead (Textual is pinned exactly).
    """

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # The options wrap in the width left of the tick box, as the option list lays them out.
        gutter = self._get_left_gutter_width()
        return super().get_content_height(container, viewport, width - gutter)

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)
        try:
            index, offset = self._lines[self.scroll_offset.y + y]
            option = self.get_option_at_index(index)
        except (IndexError, OptionDoesNotExist):
            return line
        underlying = next(iter(line)).style or self.rich_style
        assert underlying is not None
        gutter = self._get_left_gutter_width()
        if offset:  # a wrapped option's next line: no box
            return Strip([Segment(" " * gutter, underlying), *line])
        component = "selection-list--button"
        if option.value in self._selected:
            component += "-selected"
        if self.highlighted == index:
            component += "-highlighted"
        button = self.get_component_rich_style(component)
        side = Style.from_color(button.bgcolor, underlying.bgcolor) + Style(meta={"option": index})
        button += Style(meta={"option": index})
        mark = "✓" if option.value in self._selected else " "
        return Strip(
            [
                Segment(ToggleButton.BUTTON_LEFT, side),
                Segment(mark, button),
                Segment(ToggleButton.BUTTON_RIGHT, side),
                Segment(" ", underlying),
                *line,
            ]
        )


class TriTick(Tick):
    """A yes/no tick that also shows unknown: ``?`` until known, then ✓ (yes) or blank (no)."""

    def __init__(self, label: str, stored: bool | None, *, id: str) -> None:
        super().__init__(plain(label), stored is True, id=id, compact=True)
        self.stored = stored
        """The value on opening (None: unknown)."""
        self.touched = False
        """Whether the value was changed since the form opened."""

    @property
    def answer(self) -> bool | None:
        """What to save: the stored value until the tick is changed, then what it shows."""
        return self.value if self.touched else self.stored

    def watch_value(self) -> None:
        self.touched = True
        super().watch_value()

    @property
    def _button(self) -> Content:
        if self.value or self.answer is not None:
            return super()._button
        self.BUTTON_INNER = "?"
        return super(Tick, self)._button  # the plain toggle's button, with "?" inside
