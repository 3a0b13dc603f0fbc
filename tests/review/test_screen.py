"""Pilot tests of the Review screen in a tiny host app: triage, drill-down, compare, decide."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, ProgressBar, Select, Static
from textual.widgets.data_table import ColumnKey

from compliance.review.decisions import list_decisions
from compliance.store.workspace import open_workspace
from compliance.tui.screens.review import COLUMNS, ReviewScreen
from compliance.tui.widgets.review_dialogs import DecideDialog
from compliance.tui.widgets.review_views import CompareView, DetailView
from compliance.typography import NBSP
from tests.review.conftest import NOW, Inbox, shown_text
from tests.signing.conftest import Signer


class Host(App[None]):
    """Shows one review screen."""

    def __init__(self, screen: ReviewScreen) -> None:
        super().__init__()
        self.review = screen

    def on_mount(self) -> None:
        self.push_screen(self.review)


async def _settle(app: App[None], pilot: Pilot[None]) -> None:
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


def _screen(inbox: Inbox, signer: Signer, tmp_path: Path, opened: list[str]) -> ReviewScreen:
    return ReviewScreen(
        signer.trust,
        workspace=str(tmp_path / "ws.sqlite"),
        folder=inbox.folder,
        now=NOW,
        opener=opened.append,
    )


class LanguageHost(Host):
    """A host that switches language as the app does: set ``lang``, then ``apply_language``."""

    lang = "fr"

    def action_toggle_language(self) -> None:
        self.lang = "fr" if self.lang == "en" else "en"
        for screen in self.screen_stack:
            apply = getattr(screen, "apply_language", None)
            if apply is not None:
                apply()


def _row_of(screen: ReviewScreen, name: str) -> int:
    return [s.name for s in screen.shown].index(name)


async def test_the_inbox_lists_verdicts_and_shows_hostile_text_literally(
    inbox: Inbox, signer: Signer, tmp_path: Path
) -> None:
    screen = _screen(inbox, signer, tmp_path, [])
    app = Host(screen)
    async with app.run_test(size=(160, 40)) as pilot:
        await _settle(app, pilot)
        table = screen.query_one(DataTable)
        assert table.row_count == 8
        bar = screen.query_one(ProgressBar)
        assert bar.total == 8 and bar.progress == 8
        assert {s.name: (s.status, s.verdict.reason) for s in screen.shown} == inbox.expected
        column = {key: index for index, key in enumerate(COLUMNS)}
        tampered = table.get_row_at(_row_of(screen, "e-tampered.zip"))
        assert str(tampered[column["file"]]) == "e-tampered.zip"
        assert str(tampered[column["verdict"]]) == "Invalid: tampered"
        assert str(tampered[column["organisation"]]) == "Atlas Contact (unverified)"
        assert str(tampered[column["signer"]]) == "Alice"  # the claimed key is in the store
        assert [str(tampered[column[k]]) for k in ("rating", "score")] == ["", ""]
        untrusted = table.get_row_at(_row_of(screen, "f-untrusted.zip"))
        assert str(untrusted[column["verdict"]]) == "Invalid: untrusted key"
        assert str(untrusted[column["signer"]]).startswith("unknown key ")
        malformed = table.get_row_at(_row_of(screen, "g-malformed.zip"))
        assert str(malformed[column["verdict"]]) == "Invalid: not a bundle"
        assert str(malformed[column["organisation"]]) == ""  # nothing could be read
        valid = table.get_row_at(_row_of(screen, "a-first.zip"))
        assert str(valid[column["verdict"]]) == "Valid"
        assert str(valid[column["rating"]]) == "Not ready"  # the band's label, not its id
        hostile = table.get_row_at(_row_of(screen, "h-hostile.zip"))
        org = hostile[column["organisation"]]
        assert isinstance(org, Text)
        assert "[bold red]Evil[/]" in org.plain and "\x1b" not in org.plain
        assert org.spans == []  # never parsed as markup
        await pilot.press("s")  # sort by rating
        assert screen.sort == "rating"
        screen.query_one("#review-filter", Input).value = "invalid"
        await pilot.pause()
        assert table.row_count == 3
        assert "bundles: 8, invalid: 3; shown: 3" in str(
            screen.query_one("#review-status", Static).render()
        )


async def test_drill_down_opens_the_html_only_for_a_verified_bundle(
    inbox: Inbox, signer: Signer, tmp_path: Path
) -> None:
    opened: list[str] = []
    screen = _screen(inbox, signer, tmp_path, opened)
    app = Host(screen)
    async with app.run_test(size=(160, 40)) as pilot:
        await _settle(app, pilot)
        table = screen.query_one(DataTable)
        table.move_cursor(row=_row_of(screen, "a-first.zip"))
        await pilot.press("enter")
        await _settle(app, pilot)
        view = app.screen
        assert isinstance(view, DetailView) and view.verified is not None
        checks = shown_text(view.query_one("#detail-checks", Static))
        assert "signed by Alice" in checks and "re-scored" in checks
        report = str(view.query_one("#detail-report", Static).render())
        assert "Report" in report and "f1" in shown_text(view.query_one("#detail-results", Static))
        await pilot.press("b")
        assert len(opened) == 1 and opened[0].startswith("file://")
        assert view.opened is not None and view.opened.read_bytes() == view.verified.html
        assert view.opened.stat().st_mode & 0o777 == 0o600
        await pilot.press("escape")
        table.move_cursor(row=_row_of(screen, "e-tampered.zip"))
        await pilot.press("enter")
        await _settle(app, pilot)
        view = app.screen
        assert isinstance(view, DetailView) and view.verified is None
        checks = shown_text(view.query_one("#detail-checks", Static))
        assert "verification failed (tampered): data/result.json was changed" in checks
        assert str(view.query_one("#detail-report", Static).render()) == ""
        await pilot.press("b")
        assert len(opened) == 1  # nothing opened for an invalid bundle


async def test_compare_two_cycles(inbox: Inbox, signer: Signer, tmp_path: Path) -> None:
    screen = _screen(inbox, signer, tmp_path, [])
    app = Host(screen)
    async with app.run_test(size=(160, 40)) as pilot:
        await _settle(app, pilot)
        table = screen.query_one(DataTable)
        table.move_cursor(row=_row_of(screen, "a-first.zip"))
        await pilot.press("c")
        table.move_cursor(row=_row_of(screen, "b-second.zip"))
        await pilot.press("c")
        await _settle(app, pilot)
        view = app.screen
        assert isinstance(view, CompareView) and view.comparison is not None
        body = str(view.query_one("#compare-body", Static).render())
        assert "gov01.lead: yes -> no" in body


async def test_a_decision_is_recorded_and_shown(
    inbox: Inbox, signer: Signer, tmp_path: Path
) -> None:
    screen = _screen(inbox, signer, tmp_path, [])
    app = Host(screen)
    async with app.run_test(size=(160, 40)) as pilot:
        await _settle(app, pilot)
        table = screen.query_one(DataTable)
        table.move_cursor(row=_row_of(screen, "c-other.zip"))
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DecideDialog)
        dialog.query_one(Select).value = "revision_requested"
        comment = dialog.query_one("#decide-comment", Input)
        comment.value = "Send the TIA for flow f2"
        comment.focus()
        await pilot.pause()
        await pilot.press("enter")
        await _settle(app, pilot)
        assert app.screen is screen, str(dialog.query_one("#decide-problem", Static).render())
        row = table.get_row_at(_row_of(screen, "c-other.zip"))
        assert str(row[9]) == "Revision requested"
    with open_workspace(tmp_path / "ws.sqlite") as ws:
        [decision] = list_decisions(ws)
    assert (decision.status, decision.comment, decision.submission.file) == (
        "revision_requested",
        "Send the TIA for flow f2",
        "c-other.zip",
    )


async def test_an_invalid_bundle_cannot_be_accepted_in_the_dialog(
    inbox: Inbox, signer: Signer, tmp_path: Path
) -> None:
    screen = _screen(inbox, signer, tmp_path, [])
    app = Host(screen)
    async with app.run_test(size=(160, 40)) as pilot:
        await _settle(app, pilot)
        screen.query_one(DataTable).move_cursor(row=_row_of(screen, "g-malformed.zip"))
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DecideDialog)
        values = [value for _, value in dialog.query_one(Select)._options]
        assert "accepted" not in values and "rejected" in values
        await pilot.press("escape")
        assert app.screen is screen


async def test_open_a_folder_from_the_dialog(inbox: Inbox, signer: Signer, tmp_path: Path) -> None:
    screen = ReviewScreen(signer.trust, workspace=str(tmp_path / "ws.sqlite"), now=NOW)
    app = Host(screen)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        assert screen.query_one(DataTable).row_count == 0
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one(Input).value = str(inbox.folder)
        await pilot.press("enter")
        await _settle(app, pilot)
        assert screen.query_one(DataTable).row_count == 8


async def test_the_review_speaks_french_and_follows_the_language_switch(
    inbox: Inbox, signer: Signer, tmp_path: Path
) -> None:
    screen = ReviewScreen(
        signer.trust,
        workspace=str(tmp_path / "ws.sqlite"),
        folder=inbox.folder,
        now=NOW,
        lang="fr",
    )
    app = LanguageHost(screen)
    async with app.run_test(size=(160, 40)) as pilot:
        await _settle(app, pilot)
        table = screen.query_one(DataTable)

        def headers() -> list[str]:
            return [str(table.columns[ColumnKey(key)].label) for key in COLUMNS]

        def status() -> str:
            return shown_text(screen.query_one("#review-status", Static))

        def descriptions() -> set[str]:
            return {b.binding.description for b in screen.active_bindings.values()}

        assert "Signataire" in headers() and "Flux à risque" in headers()
        assert "paquets : 8, invalides : 3 ; affichés : 8, tri : verdict" in status()
        assert "Ouvrir" in descriptions()
        verdicts = {str(table.get_row_at(row)[1]) for row in range(table.row_count)}
        verdicts = {v.replace(NBSP, " ") for v in verdicts}
        assert {"Invalide : altéré", "Invalide : clé non approuvée", "Valide"} <= verdicts
        assert not {v for v in verdicts if "-" in v}  # no reason code left
        app.action_toggle_language()
        await pilot.pause()
        assert "Signer" in headers() and "Flows at risk" in headers()
        assert "bundles: 8, invalid: 3; shown: 8, sorted by verdict" in status()
        assert "Open folder" in descriptions()
        assert table.row_count == 8
