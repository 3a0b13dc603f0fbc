"""Provides :class:`PackDialog`: what an answer pack holds, its language and where it goes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, Static

from compliance.tui.safe import plain
from compliance.tui.strings import tr

__all__ = ["PackChoice", "PackDialog"]


@dataclass(frozen=True, slots=True)
class PackChoice:
    """What the user chose: the domains (in order), the pack's language and its path."""

    domains: tuple[str, ...]
    lang: str
    output: Path


class PackDialog(ModalScreen[PackChoice | None]):
    """Ticks the domains (all by default), picks the language and the output path."""

    DEFAULT_CSS = """
    PackDialog Checkbox, PackDialog RadioSet { border: none; padding: 0; height: auto; }
    PackDialog RadioSet { layout: horizontal; }
    PackDialog RadioButton { width: auto; margin-right: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, domains: list[tuple[str, str]], *, output: Path, lang: str = "en") -> None:
        super().__init__(classes="dialog")
        self.domains = domains
        """``(id, title)`` of each domain that applies."""
        self.output = output
        self.lang = lang

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box", id="pk-box"):
            yield Label(plain(tr("pk.title", self.lang)), classes="dialog-text")
            for index, (_, title) in enumerate(self.domains):
                yield Checkbox(plain(title), True, id=f"pk-domain-{index}")
            yield Label(plain(tr("pk.language", self.lang)))
            with RadioSet(id="pk-lang"):
                # A pack is English or French (its headers and the answers read back): in an
                # Arabic interface English is offered first.
                yield RadioButton("English", self.lang != "fr", id="pk-en")
                yield RadioButton("Français", self.lang == "fr", id="pk-fr")
            yield Label(plain(tr("pk.output", self.lang)))
            yield Input(str(self.output), id="pk-output")
            yield Static("", id="pk-problem", classes="problem")
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("pk.write", self.lang), variant="primary", id="pk-write")
                yield Button(tr("pk.cancel", self.lang), id="pk-cancel")

    def on_mount(self) -> None:
        self.query_one("#pk-write", Button).focus()

    def chosen(self) -> PackChoice | None:
        """The choice, or None (the problem shown) when no domain is ticked or no path given."""
        problem = self.query_one("#pk-problem", Static)
        domains = tuple(
            domain_id
            for index, (domain_id, _) in enumerate(self.domains)
            if self.query_one(f"#pk-domain-{index}", Checkbox).value
        )
        if not domains:
            problem.update(plain("✗ " + tr("pk.no_domain", self.lang)))
            return None
        text = self.query_one("#pk-output", Input).value.strip()
        if not text:
            problem.update(plain("✗ " + tr("pk.no_output", self.lang)))
            return None
        output = Path(text).expanduser()
        if output.suffix.casefold() != ".xlsx":
            output = output.with_name(output.name + ".xlsx")
        lang = "fr" if self.query_one("#pk-fr", RadioButton).value else "en"
        return PackChoice(domains, lang, output)

    @on(Button.Pressed, "#pk-write")
    @on(Input.Submitted, "#pk-output")
    def _write(self, event: Button.Pressed | Input.Submitted) -> None:
        event.stop()
        choice = self.chosen()
        if choice is not None:
            self.dismiss(choice)

    @on(Button.Pressed, "#pk-cancel")
    def action_cancel(self) -> None:
        """Closes the dialog without writing anything."""
        self.dismiss(None)
