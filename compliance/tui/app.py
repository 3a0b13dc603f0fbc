"""Provides the terminal application.

This first screen lists the installed questionnaires; the workspace, assessment, flows and results
screens come with the [tui] issue.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from compliance.catalog import entries

__all__ = ["ComplianceApp", "run"]


class ComplianceApp(App[None]):
    """The compliance toolkit in the terminal."""

    TITLE = "Compliance — Law 09-08 / GDPR"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "quit", "Quit")]

    def __init__(self, lang: str = "en") -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="intro")
        yield DataTable(id="questionnaires", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        loaded, errors = entries()
        intro = self.query_one("#intro", Static)
        intro.update(
            f"{len(loaded)} questionnaire(s) installed"
            + (f"; {len(errors)} could not be loaded (run 'compliance validate')" if errors else "")
        )
        table = self.query_one("#questionnaires", DataTable)
        table.add_columns("Id", "Version", "Title", "Controls", "Questions")
        for entry in loaded:
            q = entry.questionnaire
            table.add_row(
                q.id, q.version, q.title.get(self.lang), str(q.control_count), str(q.question_count)
            )


def run(lang: str = "en") -> int:
    """Opens the terminal UI and returns an exit code when it closes."""
    ComplianceApp(lang=lang).run()
    return 0
