"""Provides :class:`CountrySetPicker`: several countries, each found by typing part of its name.

The many-country counterpart of :class:`~compliance.tui.widgets.country_picker.CountryPicker`.
Typing in the search box lists the matching countries, each marked ``[✓]`` when chosen and ``[ ]``
when not; with the box empty the list shows the chosen countries. Down moves into the list, where
Enter or space ticks or unticks the highlighted country and Delete or Backspace unticks it; Enter
in the search box ticks or unticks the first match and empties the box for the next country.
Ctrl+L (or the clear button) unticks them all. The value is the tuple of chosen ISO 3166 codes in
code order, None when none is chosen.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from compliance.tui.safe import plain
from compliance.tui.strings import tr
from compliance.tui.widgets.country_picker import match_countries

__all__ = ["CountrySetPicker"]


class _Matches(OptionList):
    """The list under the search box: space ticks, Delete unticks, Up from the top goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", "Tick or untick", show=False),
        Binding("delete,backspace,ctrl+d", "untick", "Untick", show=False),
    ]

    @property
    def picker(self) -> CountrySetPicker:
        """The picker this list belongs to."""
        return self.query_ancestor(CountrySetPicker)

    def action_cursor_up(self) -> None:
        if not self.highlighted:  # on the first option (or none): back to the search box
            self.picker.query_one(Input).focus()
            return
        super().action_cursor_up()

    def action_tick(self) -> None:
        """Ticks or unticks the highlighted country."""
        option = self.highlighted_option
        if option is not None and option.id:
            self.picker.toggle(option.id)

    def action_untick(self) -> None:
        """Unticks the highlighted country."""
        option = self.highlighted_option
        if option is not None and option.id:
            self.picker.untick(option.id)


class CountrySetPicker(Vertical):
    """A search box over the reference countries, a list to tick them in, and the chosen ones."""

    DEFAULT_CSS = """
    CountrySetPicker {
        height: auto;
    }
    CountrySetPicker > .country-set-matches {
        height: auto;
        max-height: 8;
    }
    CountrySetPicker > .country-set-row {
        height: auto;
    }
    CountrySetPicker .country-set-chosen {
        width: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "into_list", "Into the list", show=False),
        Binding("ctrl+l", "clear_all", "Clear all", show=False),
    ]

    @dataclass
    class Changed(Message):
        """The chosen countries changed (None: none is chosen any more)."""

        picker: CountrySetPicker
        codes: tuple[str, ...] | None

        @property
        def control(self) -> CountrySetPicker:
            """The picker that changed."""
            return self.picker

    def __init__(
        self,
        countries: dict[str, str],
        *,
        value: Iterable[str] = (),
        lang: str = "en",
        placeholder: str = "",
        compact: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="country-set-picker")
        self.countries = countries
        """Names by ISO 3166 code."""
        self.chosen: set[str] = set(value)
        """The chosen codes (one not in ``countries`` is kept, shown as unknown)."""
        self.lang = lang
        self.placeholder = placeholder
        self.compact = compact

    @property
    def codes(self) -> tuple[str, ...]:
        """The chosen codes in code order."""
        return tuple(sorted(self.chosen))

    @property
    def value(self) -> tuple[str, ...] | None:
        """The answer: the chosen codes in code order, None when there are none."""
        return self.codes or None

    # --- drawing --------------------------------------------------------------------------

    def _country_name(self, code: str) -> str:
        return self.countries.get(code) or tr("fl.unknown", self.lang)

    def _prompt(self, code: str) -> Text:
        ticked = code in self.chosen
        text = Text("[✓] " if ticked else "[ ] ", style="bold" if ticked else "")
        text.append_text(plain(f"{code}  {self._country_name(code)}"))
        return text

    def _chosen_text(self) -> Text:
        if not self.chosen:
            return Text(tr("cs.none", self.lang), style="italic")
        text = Text(tr("cs.chosen", self.lang, count=len(self.chosen)), style="bold")
        for i, code in enumerate(self.codes):
            if i:
                text.append(", ")
            text.append_text(plain(f"{self._country_name(code)} ({code})"))
        return text

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder=self.placeholder, classes="country-set-search", compact=self.compact
        )
        yield _Matches(classes="country-set-matches")
        with Horizontal(classes="country-set-row"):
            yield Static(self._chosen_text(), classes="country-set-chosen")
            yield Button(tr("cs.clear", self.lang), compact=True, classes="country-set-clear")
        yield Static(tr("cs.keys", self.lang), classes="country-set-keys dim")

    def on_mount(self) -> None:
        self._fill()
        self._show_chosen()

    def _fill(self, index: int = 0) -> None:
        """Lists the matches of the search (the chosen countries when it is empty)."""
        options = self.query_one(_Matches)
        had_focus = options.has_focus
        query = self.query_one(Input).value
        shown = match_countries(self.countries, query) if query.strip() else list(self.codes)
        options.clear_options()
        options.add_options([Option(self._prompt(code), id=code) for code in shown])
        options.display = bool(shown)
        if shown:
            options.highlighted = min(index, len(shown) - 1)
        elif had_focus:
            self.query_one(Input).focus()

    def _show_chosen(self) -> None:
        self.query_one(".country-set-chosen", Static).update(self._chosen_text())
        self.query_one(".country-set-clear", Button).display = bool(self.chosen)

    def _changed(self, code: str | None = None) -> None:
        """Redraws after a change (``code``'s row in place) and tells the parent."""
        if code is not None:
            with suppress(OptionDoesNotExist):  # not listed: nothing to redraw
                self.query_one(_Matches).replace_option_prompt(code, self._prompt(code))
        self._show_chosen()
        self.post_message(self.Changed(self, self.value))

    # --- changing -------------------------------------------------------------------------

    def toggle(self, code: str) -> None:
        """Ticks ``code`` when it is not chosen, unticks it when it is."""
        if code in self.chosen:
            self.chosen.discard(code)
        else:
            self.chosen.add(code)
        self._changed(code)

    def untick(self, code: str) -> None:
        """Unticks ``code`` (in the list of chosen countries, its row goes)."""
        if code not in self.chosen:
            return
        self.chosen.discard(code)
        if self.query_one(Input).value.strip():
            self._changed(code)
            return
        options = self.query_one(_Matches)
        self._fill(options.highlighted or 0)
        self._changed()

    def clear_all(self) -> None:
        """Unticks every country."""
        if not self.chosen:
            return
        self.chosen.clear()
        options = self.query_one(_Matches)
        self._fill(options.highlighted or 0)
        self._changed()

    # --- keys and events ------------------------------------------------------------------

    def action_into_list(self) -> None:
        """Moves from the search box down into the list."""
        options = self.query_one(_Matches)
        if not (self.query_one(Input).has_focus and options.display and options.option_count):
            raise SkipAction()
        if options.highlighted is None:
            options.highlighted = 0
        options.focus()

    def action_clear_all(self) -> None:
        """Unticks every country (Ctrl+L)."""
        self.clear_all()

    @on(Input.Changed, ".country-set-search")
    def _search(self, event: Input.Changed) -> None:
        event.stop()
        self._fill()

    @on(Input.Submitted, ".country-set-search")
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one(_Matches)
        option = options.highlighted_option if options.display else None
        if not event.value.strip() or option is None or not option.id:
            return  # an empty box lists the chosen countries: Enter there changes nothing
        self.toggle(option.id)
        event.input.value = ""

    @on(OptionList.OptionSelected, ".country-set-matches")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.toggle(event.option.id)

    @on(OptionList.OptionHighlighted, ".country-set-matches")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    @on(Button.Pressed, ".country-set-clear")
    def _clear_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.clear_all()
        self.query_one(Input).focus()
