"""Provides :class:`CountryPicker`: a country chosen by typing part of its name or code."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from compliance.countries import match_countries
from compliance.tui.safe import plain

__all__ = ["CountryPicker", "match_countries"]


class CountryPicker(Vertical):
    """A search box over the reference countries; the list below shows the matches."""

    @dataclass
    class Changed(Message):
        """A country was picked."""

        picker: CountryPicker
        code: str | None

        @property
        def control(self) -> CountryPicker:
            """The picker that changed."""
            return self.picker

    @dataclass
    class Listed(Message):
        """The matches of a search are shown below the box (a form may make room for them)."""

        picker: CountryPicker
        matches: OptionList

    def __init__(
        self,
        countries: dict[str, str],
        *,
        value: str | None = None,
        placeholder: str = "",
        compact: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="country-picker")
        self.countries = countries
        """Names by ISO 3166 code."""
        self.code = value
        self.placeholder = placeholder
        self.compact = compact

    def _label(self, code: str) -> str:
        return f"{code}  {self.countries.get(code, '')}"

    def compose(self) -> ComposeResult:
        yield Input(
            self._label(self.code) if self.code else "",
            placeholder=self.placeholder,
            classes="country-search",
            compact=self.compact,
        )
        yield OptionList(classes="country-matches")

    def matches(self, query: str) -> list[str]:
        """The codes ``query`` finds, best first (:func:`compliance.countries.match_countries`)."""
        return match_countries(self.countries, query)

    @on(Input.Changed, ".country-search")
    def _search(self, event: Input.Changed) -> None:
        event.stop()
        options = self.query_one(OptionList)
        options.clear_options()
        if self.code and event.value == self._label(self.code):
            options.display = False
            return
        found = self.matches(event.value)
        options.add_options([Option(plain(self._label(c)), id=c) for c in found])
        options.display = bool(found)
        if found:
            options.highlighted = 0
            self.post_message(self.Listed(self, options))

    @on(Input.Submitted, ".country-search")
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one(OptionList)
        if options.display and options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            if option.id:
                self.pick(option.id)

    @on(OptionList.OptionSelected, ".country-matches")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.pick(event.option.id)

    def pick(self, code: str) -> None:
        """Chooses ``code``, shows it in the box and tells the parent."""
        self.code = code
        self.query_one(Input).value = self._label(code)
        self.query_one(OptionList).display = False
        self.post_message(self.Changed(self, code))

    def on_mount(self) -> None:
        self.query_one(OptionList).display = False
