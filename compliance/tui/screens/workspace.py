"""Provides :class:`WorkspaceScreen`: the clients, their assessments, and what can be done to them.

Master and detail: the clients on the left, and on the right the assessments of the highlighted
client only, under that client's name, so that a row on the right never reads as belonging to the
client beside it. Enter opens the highlighted assessment whichever side has the focus.

The screen is a face on the workspace service (:mod:`compliance.workspace`), which the CLI uses
too: it asks, shows and tells, and the service lists, changes, imports and exports. The workspace
is opened, scored and listed in thread workers, so the screen paints at once and never waits on the
database.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Label, Static
from textual.worker import get_current_worker

from compliance.errors import ComplianceError
from compliance.paths import in_folder
from compliance.tui import dialogs  # each dialog is imported when first shown
from compliance.tui.format import coverage_text, number, rating_text
from compliance.tui.keys import KeySpec, bindings
from compliance.tui.loading import load_domain, load_store
from compliance.tui.messages import WorkspaceChanged
from compliance.tui.safe import clean, plain
from compliance.tui.screens.base import BaseScreen
from compliance.tui.strings import tr
from compliance.tui.widgets.key_footer import KeyFooter
from compliance.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from compliance.catalog import CatalogEntry
    from compliance.migrate import MigrationReport
    from compliance.store.assessments import AssessmentInfo
    from compliance.store.clients import Client
    from compliance.store.workspace import Workspace
    from compliance.tui.dialogs.signing_keys import MadeKey
    from compliance.workspace.transfer import Imported

__all__ = ["WorkspaceScreen"]

T = TypeVar("T")

_IMPORT_STEPS = ("loading", "opening_store", "reading_file", "scoring", "saving")
"""The steps of an import, each shown as ``work.<step>`` (the last three told by the service)."""


@dataclass(frozen=True, slots=True)
class Row:
    """One assessment as the table shows it."""

    info: AssessmentInfo
    coverage: Decimal | None
    problem: str | None = None
    """Why it cannot be scored, when it cannot."""


class WorkspaceScreen(BaseScreen):
    """Clients on the left, the highlighted client's assessments on the right."""

    KEYS: ClassVar[list[KeySpec]] = [
        # Enter is checked before the tables, so it opens the highlighted assessment from either.
        KeySpec("enter", "open", "ws.key.open", True, priority=True),
        KeySpec("o", "open", "ws.key.open", False),
        KeySpec("n", "new_client", "ws.key.new_client", True),
        KeySpec("s", "start", "ws.key.start", True),
        KeySpec("d", "duplicate", "ws.key.new_cycle", True),
        KeySpec("e", "export", "ws.key.export", True),
        KeySpec("i", "import", "ws.key.import", True),
        KeySpec("r", "rename", "ws.key.rename", False),
        KeySpec("x,delete", "delete", "ws.key.delete", False),
        KeySpec("k", "new_key", "ws.key.new_key", False),
        KeySpec("v", "review", "ws.key.review", False),
        KeySpec("a", "audit", "ws.key.audit", False),
        KeySpec("q", "app.quit", "key.quit", False),
    ]
    """The footer shows what a consultant does every day; F1 lists them all."""
    BINDINGS: ClassVar[list[BindingType]] = list(bindings(KEYS))

    @dataclass
    class Listed(Message):
        """The clients are listed (the screen is ready to use)."""

        clients: int

    def __init__(self) -> None:
        super().__init__(id="workspace")
        self.clients: list[Client] = []
        self.rows: list[Row] = []
        """The assessments shown: always those of :attr:`rows_client`."""
        self.rows_client: int | None = None
        """The client whose assessments :attr:`rows` are."""
        self.client_id: int | None = None
        """The highlighted client."""
        self.highlight_id: int | None = None
        """An assessment to highlight once listed (one just made)."""
        self.rows_for: Client | None = None
        """The client's summary when its assessments were last asked for (they are asked
        again when it changes)."""
        self.select_client: str | None = None
        """A client to highlight once listed, by name (the one a file was imported into)."""
        self.offered_welcome = False
        self.listed = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(tr("ws.loading", self.lang), id="ws-where", classes="status")
        with Horizontal(id="ws-body"):
            with Vertical(id="ws-clients"):
                yield Label(
                    tr("key.clients", self.lang), classes="pane-title", id="ws-clients-title"
                )
                yield DataTable(id="clients", cursor_type="row", zebra_stripes=True)
            with Vertical(id="ws-assessments"):
                yield Label(
                    tr("ws.assessments_none", self.lang),
                    classes="pane-title",
                    id="ws-assess-title",
                )
                yield DataTable(id="assessments", cursor_type="row", zebra_stripes=True)
        yield Static("", id="ws-hint", classes="hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._columns()
        if not self.capp.opening:
            self.reload(before_paint=True)

    def on_resize(self, event: events.Resize) -> None:
        """The clients take a third of a wide terminal (at most 44 columns), 28 at 80."""
        self.query_one("#ws-clients").styles.width = max(28, min(44, event.size.width // 3))

    def on_screen_resume(self) -> None:
        """Lists the workspace after the first paint when it could not be listed before it."""
        if not self.listed and not self.capp.opening:
            self.call_after_refresh(self.reload)

    def _columns(self) -> None:
        self._client_columns()
        table = self.query_one("#assessments", DataTable)
        table.clear(columns=True)
        for key in ("id", "questionnaire", "cycle", "progress", "score", "rating"):
            table.add_column(plain(tr(f"col.{key}", self.lang)), key=key)

    def refresh_text(self) -> None:
        self._columns()
        self._fill_clients()
        self._fill_assessments()
        self._where()

    # --- loading --------------------------------------------------------------------------

    def reload(self, *, before_paint: bool = False) -> None:
        """Lists the clients: a quick look first while the store is not open, then in full.

        The quick look reads a SQLite workspace through the standard library (14 ms for 500
        clients), less than painting the screen twice; the full listing (SQLAlchemy, the store
        opened and migrated if need be, stale scores refreshed) follows in a worker after the
        paint. Any doubt (no file yet, another schema, a lock) leaves the listing to that worker,
        which ``before_paint`` leaves for later (:meth:`on_screen_resume`).
        """
        if self.capp.workspace is None:
            from compliance.workspace.listing import quick_clients

            quick = quick_clients(self.capp.location)
            if quick:
                self._listed(quick)
                self.call_after_refresh(self._reload_fully)
                return
            if before_paint:
                return
        self._reload_fully()

    @work(thread=True, exclusive=True, group="list", description="list")
    def _reload_fully(self) -> None:
        """Opens the workspace if needed, lists the clients, then refreshes stale scores."""
        load_store()
        from compliance.workspace import listing

        try:
            workspace = self.capp.open_store()
            found = listing.clients(workspace, fresh=False)  # the scores cached: fast
            self.app.call_from_thread(self._listed, found)
            load_domain()  # pydantic: after the listing

            def scoring(done: int, total: int) -> None:
                self.progress_from_worker(
                    "work.scoring_n", done, total, n=str(done + 1), count=str(total)
                )

            if listing.refresh(workspace, progress=scoring):  # then bring stale scores up to date
                self.app.call_from_thread(
                    self._listed, listing.clients(workspace, fresh=False), True
                )
            self.capp.catalog()  # read now, so starting or opening an assessment need not wait
        except ComplianceError as error:
            self.app.call_from_thread(self.capp.error, str(error))
        finally:
            self.app.call_from_thread(self.progress_done)

    def _listed(self, clients: list[Client], rescored: bool = False) -> None:
        first = not self.listed
        self.listed = True
        self.clients = clients
        self._where()
        self._fill_clients()
        if rescored and self.client_id is not None:
            self.load_assessments(self.client_id)
        if first:
            self.post_message(self.Listed(len(clients)))
        if not clients and not self.offered_welcome and self.capp.welcome:
            self.offered_welcome = True
            self.app.push_screen(dialogs.Welcome(lang=self.lang), self._welcomed)

    def _where(self) -> None:
        workspace = self.capp.workspace
        if workspace is not None:
            self.query_one("#ws-where", Static).update(
                plain(tr("ws.where", self.lang, where=workspace.where))
            )

    def _client_columns(self) -> None:
        """The client table's columns, as wide as their longest entry.

        Widths are given, not left to DataTable's automatic sizing: that measures new rows when
        the app is next idle, and in a busy terminal a table filled twice in a row (listed, then
        re-scored) kept its first, label-wide name column ("Sud Co"; seen by the tmux test in CI).
        """
        table = self.query_one("#clients", DataTable)
        table.clear(columns=True)
        # Labels and cells go in as Text: a str would be parsed as rich markup on every paint.
        for key, label, cells in (
            ("name", tr("col.client", self.lang), [plain(c.name) for c in self.clients]),
            ("count", tr("col.count", self.lang), [plain(c.assessments) for c in self.clients]),
        ):
            width = max([plain(label).cell_len, *(cell.cell_len for cell in cells)])
            table.add_column(plain(label), key=key, width=width)

    def _fill_clients(self) -> None:
        table = self.query_one("#clients", DataTable)
        self._client_columns()
        self.query_one("#ws-clients-title", Label).update(
            tr("ws.clients_title", self.lang, count=len(self.clients))
            if self.clients
            else tr("key.clients", self.lang)
        )
        for client in self.clients:
            table.add_row(plain(client.name), plain(client.assessments), key=str(client.id))
        ids = [c.id for c in self.clients]
        wanted = next((c.id for c in self.clients if c.name == self.select_client), None)
        if wanted is not None:
            self.select_client = None
            self.client_id = wanted
        if self.client_id in ids:
            table.move_cursor(row=ids.index(self.client_id))
        else:
            self.client_id = ids[0] if ids else None
        shown = self.client_named(self.client_id)
        if shown is None:
            self._show_client(None)
        elif self.rows_client != shown.id:
            self._show_client(shown.id)
            self.rows_for = shown
            self.call_after_refresh(self.load_assessments, shown.id)  # after this paint
        elif shown != self.rows_for:  # its assessments changed (a count, a date, a score)
            self.rows_for = shown
            self.call_after_refresh(self.load_assessments, shown.id)
        self.query_one("#ws-hint", Static).update(
            tr("ws.no_clients", self.lang) if not self.clients else ""
        )

    @on(DataTable.RowHighlighted, "#clients")
    def _client_highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value
        if key is not None and int(key) != self.client_id:
            self.client_id = int(key)
            self._show_client(int(key))
            self.rows_for = self.client_named(int(key))
            self.load_assessments(int(key))

    def _show_client(self, client_id: int | None) -> None:
        """Empties the assessments pane for another client (its own rows follow from a worker):
        rows of the client highlighted before never show under this one's name."""
        self.rows_client = client_id
        self.rows = []
        self._fill_assessments()

    def client_named(self, client_id: int | None) -> Client | None:
        """The listed client of that id, if any."""
        return next((c for c in self.clients if c.id == client_id), None)

    @work(thread=True, exclusive=True, group="assessments", description="list assessments")
    def load_assessments(self, client_id: int) -> None:
        """Lists a client's assessments with their coverage (scored here, off the UI)."""
        load_domain()
        from compliance.workspace import listing

        worker = get_current_worker()
        workspace = self.capp.open_store()
        infos = listing.assessments(workspace, client_id, fresh=False)
        if worker.is_cancelled:  # a newer listing was asked for: never show an older one
            return
        self.app.call_from_thread(
            self._assessments_listed, client_id, [Row(info, None) for info in infos]
        )
        rows = [
            Row(info, *listing.scored(workspace, info, self.capp.questionnaire)) for info in infos
        ]
        if not worker.is_cancelled:
            self.app.call_from_thread(self._assessments_listed, client_id, rows)

    def _assessments_listed(self, client_id: int, rows: list[Row]) -> None:
        if client_id != self.client_id:
            return
        self.rows_client = client_id
        self.rows = rows
        self._fill_assessments()

    def _fill_assessments(self) -> None:
        table = self.query_one("#assessments", DataTable)
        cursor = table.cursor_row
        shown = [row.info.id for row in self.rows]
        table.clear()
        client = self.client_named(self.rows_client)
        self.query_one("#ws-assess-title", Label).update(
            plain(tr("ws.assessments_none", self.lang))
            if client is None
            else plain(tr("ws.assessments_of", self.lang, name=client.name))
        )
        for row in self.rows:
            info = row.info
            questionnaire = self.capp.questionnaire(
                info.questionnaire_id, info.questionnaire_version, load=False
            )
            table.add_row(
                plain(info.id),
                plain(info.questionnaire_id),
                plain(info.cycle),
                plain(coverage_text(row.coverage, self.lang)),
                plain(number(info.score, self.lang)),
                rating_text(questionnaire, info.rating, self.lang)
                if row.problem is None
                else plain(tr("ws.cannot_score", self.lang).format(reason=row.problem)),
                key=str(info.id),
            )
        if self.highlight_id in shown:
            table.move_cursor(row=shown.index(self.highlight_id))
            self.highlight_id = None
        elif 0 < cursor < len(self.rows):
            table.move_cursor(row=cursor)  # listed again: the cursor stays where it was
        hint = self.query_one("#ws-hint", Static)
        if client is not None and not self.rows and client.assessments == 0:
            hint.update(plain(tr("ws.no_assessment_of", self.lang, name=client.name)))
        elif self.clients:
            hint.update("")

    def on_workspace_changed(self, message: WorkspaceChanged) -> None:
        """Reloads after a change made elsewhere (an assessment closed, a sample added)."""
        self.reload()

    # --- selection helpers ------------------------------------------------------------------

    def selected_client(self) -> Client | None:
        """The highlighted client."""
        client = self.client_named(self.client_id)
        if client is None:
            self.notify(tr("need.client", self.lang))
        return client

    def selected_assessment(self) -> AssessmentInfo | None:
        """The highlighted assessment."""
        table = self.query_one("#assessments", DataTable)
        if self.rows and 0 <= table.cursor_row < len(self.rows):
            return self.rows[table.cursor_row].info
        self.notify(tr("need.assessment", self.lang))
        return None

    def _change(
        self,
        change: Callable[[Workspace], T],
        done: Callable[[T], str],
        then: Callable[[T], object] | None = None,
    ) -> None:
        """Makes a change through the workspace service in a worker (keys keep working), then
        says it is done (``done``'s text), lists the workspace again and runs ``then``; or shows
        why it could not be made."""
        workspace = self.capp.workspace
        if workspace is None:
            return
        load_domain()
        values: list[T] = []

        def made() -> None:
            value = values[0]
            self.notify(done(value), markup=False)
            self.reload()
            if then is not None:
                then(value)

        self.in_background(
            lambda: values.append(change(workspace)),
            made,
            lambda error: self.capp.error(str(error)),
        )

    # --- actions --------------------------------------------------------------------------

    def action_new_client(self) -> None:
        """Asks for a name and creates the client."""
        self.app.push_screen(dialogs.Prompt(tr("ask.client_name", self.lang)), self._create_client)

    def _create_client(self, name: str | None) -> None:
        from compliance.workspace import changes

        def select(client_id: int) -> None:
            self.client_id = client_id

        if name:
            self._change(
                lambda workspace: changes.create_client(workspace, name),
                lambda _: tr("done.created", self.lang, name=clean(name)),
                select,
            )

    def action_start(self) -> None:
        """Asks which questionnaire and starts an assessment of the selected client."""
        client = self.selected_client()
        if client is not None:
            self._offer_questionnaires(client.id)

    @work(thread=True, exclusive=True, group="catalog", description="questionnaires")
    def _offer_questionnaires(self, client_id: int) -> None:
        """Reads the installed questionnaires (on a first run, parsing them takes a moment)."""
        self.progress_from_worker("work.questionnaires", 0, None)
        try:
            found = self.capp.catalog()
        except ComplianceError as error:
            self.app.call_from_thread(self.capp.error, str(error))
            return
        finally:
            self.app.call_from_thread(self.progress_done)
        from compliance.catalog import main_first

        ordered = main_first(found)
        newest = {e.questionnaire.id: e.questionnaire.version for e in reversed(ordered)}
        choices = [
            (
                f"{e.questionnaire.id}@{e.questionnaire.version}",
                f"{e.questionnaire.title.get(self.lang)} ({e.questionnaire.id} "
                f"{e.questionnaire.version}, {e.questionnaire.question_count} questions"
                + (
                    ""
                    if newest[e.questionnaire.id] == e.questionnaire.version
                    else tr("label.older_version", self.lang)
                )
                + ")",
            )
            for e in ordered
        ]
        self.app.call_from_thread(
            self.app.push_screen,
            dialogs.Choose(tr("ask.questionnaire", self.lang), choices, self._preselect(ordered)),
            lambda chosen: self._start(client_id, chosen),
        )

    def _preselect(self, ordered: list[CatalogEntry]) -> str | None:
        """The newest version of the questionnaire the selected client used last, else of the
        first questionnaire offered (the main one, see :func:`compliance.catalog.main_first`)."""
        used = [row.info.questionnaire_id for row in self.rows]
        ids = [e.questionnaire.id for e in ordered]
        wanted = used[-1] if used and used[-1] in ids else (ids[0] if ids else None)
        for entry in ordered:
            if entry.questionnaire.id == wanted:
                return f"{entry.questionnaire.id}@{entry.questionnaire.version}"
        return None

    def _start(self, client_id: int, chosen: str | None) -> None:
        from compliance.workspace import changes

        if not chosen:
            return
        questionnaire_id, version = chosen.split("@")
        self._change(
            lambda workspace: changes.start_assessment(
                workspace, client_id, questionnaire_id, version
            ),
            lambda assessment_id: tr("done.started", self.lang, id=assessment_id),
            self.capp.open_assessment,
        )

    def action_open(self) -> None:
        """Opens the highlighted assessment of the highlighted client (from either table)."""
        if self.capp.opening:
            return  # one is on its way: a second Enter must not open it twice
        client = self.client_named(self.client_id)
        if client is not None and client.assessments == 0 and not self.rows:
            self.notify(tr("ws.no_assessment_of", self.lang, name=clean(client.name)), markup=False)
            return
        info = self.selected_assessment()
        if info is not None:
            self.capp.open_assessment(info.id)

    @on(DataTable.RowSelected, "#assessments")
    def _assessment_chosen(self, event: DataTable.RowSelected) -> None:
        """A click on an assessment opens it (Enter is the screen's own key)."""
        if event.row_key.value is not None:
            self.capp.open_assessment(int(event.row_key.value))

    def action_duplicate(self) -> None:
        """Starts the client's next cycle from the highlighted assessment, once confirmed: a
        copy, or, when a newer version of its questionnaire is installed, a migration to the
        version chosen (choosing is confirming)."""
        info = self.selected_assessment()
        if info is not None:
            self._offer_cycle_versions(info)

    def _next_cycle(self, info: AssessmentInfo) -> int:
        """The cycle a new cycle of ``info``'s client gets (the service numbers it the same)."""
        return max([row.info.cycle for row in self.rows] + [info.cycle]) + 1

    @work(thread=True, exclusive=True, group="catalog", description="questionnaire versions")
    def _offer_cycle_versions(self, info: AssessmentInfo) -> None:
        """Reads which newer versions are installed (the catalogue may take a moment)."""
        try:
            found = self.capp.catalog()
        except ComplianceError as error:
            self.app.call_from_thread(self.capp.error, str(error))
            return
        from compliance.workspace.migration import newer_versions

        newer = newer_versions(info, found)
        self.app.call_from_thread(self._ask_cycle_version, info, newer)

    def _ask_cycle_version(self, info: AssessmentInfo, newer: list[str]) -> None:
        if not newer:
            question = tr(
                "ws.ask_cycle",
                self.lang,
                client=clean(info.client),
                id=info.id,
                questionnaire=f"{info.questionnaire_id} {info.questionnaire_version}",
                cycle=info.cycle,
                next=self._next_cycle(info),
            )
            self.app.push_screen(
                dialogs.Confirm(question, lang=self.lang, safe=True),
                lambda yes: self._new_cycle(info, None) if yes else None,
            )
            return
        name = info.questionnaire_id
        choices = [
            (version, tr("cycle.on_version", self.lang, name=name, version=version))
            for version in newer
        ]
        choices.append(
            (
                info.questionnaire_version,
                tr("cycle.same_version", self.lang, name=name, version=info.questionnaire_version),
            )
        )
        question = tr(
            "ws.ask_cycle_version",
            self.lang,
            client=clean(info.client),
            id=info.id,
            cycle=info.cycle,
        )
        self.app.push_screen(
            dialogs.Choose(question, choices, newer[0]),
            lambda chosen: self._new_cycle(info, chosen) if chosen else None,
        )

    def _new_cycle(self, info: AssessmentInfo, version: str | None) -> None:
        from compliance.workspace import changes, migration

        cycle = self._next_cycle(info)

        def made(new_id: int) -> None:
            self.highlight_id = new_id  # the new cycle is highlighted once listed
            self.load_assessments(info.client_id)

        if version is None or version == info.questionnaire_version:
            self._change(
                lambda workspace: changes.new_cycle(workspace, info.id),
                lambda new_id: tr(
                    "ws.made_cycle",
                    self.lang,
                    cycle=cycle,
                    client=clean(info.client),
                    id=new_id,
                    source=info.id,
                ),
                made,
            )
            return

        def done(made: tuple[int, MigrationReport]) -> str:
            new_id, report = made
            return tr(
                "done.migrated",
                self.lang,
                id=new_id,
                version=version,
                carried=len(report.carried),
                kept=len(report.unfit),
                lost=len(report.lost),
                before=number(report.before.score, self.lang),
                after=number(report.after.score, self.lang),
            )

        self._change(
            lambda workspace: migration.new_cycle_on(workspace, info.id, version),
            done,
            lambda made_: made(made_[0]),
        )

    def action_rename(self) -> None:
        """Asks for a new name of the selected client."""
        client = self.selected_client()
        if client is None:
            return
        self.app.push_screen(
            dialogs.Prompt(tr("ask.rename", self.lang), value=clean(client.name)),
            lambda name: self._rename(client.id, name),
        )

    def _rename(self, client_id: int, name: str | None) -> None:
        from compliance.workspace import changes

        if name:
            self._change(
                lambda workspace: changes.rename_client(workspace, client_id, name),
                lambda _: tr("done.renamed", self.lang),
            )

    def action_delete(self) -> None:
        """Deletes the selected client and its assessments, after a confirmation."""
        client = self.selected_client()
        if client is None:
            return
        question = tr("ask.delete_client", self.lang, name=clean(client.name))
        self.app.push_screen(
            dialogs.Prompt(question),
            lambda typed: self._delete(client.id, typed),
        )

    def _delete(self, client_id: int, typed: str | None) -> None:
        from compliance.workspace import changes

        def unselect(_: None) -> None:
            self.client_id = None

        if typed:
            self._change(
                lambda workspace: changes.delete_client(workspace, client_id, confirm=typed),
                lambda _: tr("done.deleted", self.lang),
                unselect,
            )

    # --- audit log --------------------------------------------------------------------------

    def action_audit(self) -> None:
        """Shows the audit log of the highlighted client (or of every client, when none is)."""
        client = next((c for c in self.clients if c.id == self.client_id), None)
        self.app.push_screen(
            dialogs.AuditDialog(
                self.capp.open_store,
                None if client is None else (client.id, client.name),
                lang=self.lang,
            )
        )

    # --- review -----------------------------------------------------------------------------

    def action_review(self) -> None:
        """Asks for a folder of signed bundles and opens the review of them."""

        def check(value: str) -> str | None:
            return None if Path(value).expanduser().is_dir() else f"{value}: no such folder"

        self.app.push_screen(
            dialogs.Prompt(tr("ask.review_folder", self.lang), value=str(Path.cwd()), check=check),
            self._review_folder,
        )

    def _review_folder(self, value: str | None) -> None:
        if not value:
            return
        from compliance.signing.trust import TrustStore

        try:
            trust = TrustStore.load()
        except ComplianceError as error:
            self.capp.error(str(error))
            return
        self.capp.show(
            "review",
            trust=trust,
            workspace=None if self.capp.location is None else str(self.capp.location),
            folder=Path(value).expanduser(),
            lang=self.lang,
        )

    # --- import and export ------------------------------------------------------------------

    def action_import(self) -> None:
        """Asks for a file (and its passphrase when encrypted) and imports it."""
        from compliance.paths import documents_dir

        folder = documents_dir()

        def check(value: str) -> str | None:
            path = in_folder(folder, value)
            return None if path.is_file() else tr("ws.no_file", self.lang, path=clean(path))

        self.app.push_screen(
            dialogs.Prompt(
                tr("ws.import_where", self.lang, folder=clean(folder)),
                value=f"{folder}{os.sep}",
                check=check,
            ),
            lambda value: self._import_from(in_folder(folder, value) if value else None),
        )

    def _import_from(self, path: Path | None) -> None:
        if path is None:
            return
        load_domain()
        from compliance.workspace.transfer import is_encrypted_file

        try:
            encrypted = is_encrypted_file(path)
        except ComplianceError as error:
            self.capp.error(str(error))
            return
        if encrypted:
            self.app.push_screen(
                dialogs.Prompt(tr("ask.passphrase", self.lang), password=True),
                partial(self._import_with, path),
            )
        else:
            self.import_file(path, None)

    def _import_with(self, path: Path, passphrase: str | None) -> None:
        if passphrase:
            self.import_file(path, passphrase)

    def _steps(self, steps: tuple[str, ...], path: Path) -> Callable[[str], None]:
        """Shows each step of work on a file as ``work.<step>``, numbered among ``steps`` (from a
        worker; the service tells its own steps by name)."""

        def step(name: str) -> None:
            text_key, done = f"work.{name}", steps.index(name)
            self.progress_from_worker(text_key, done, len(steps), name=clean(path.name))

        return step

    @work(thread=True, group="transfer", description="import")
    def import_file(self, path: Path, passphrase: str | None) -> None:
        """Reads, checks and stores an assessment file (a bad one changes nothing)."""
        imported = self._import(path, passphrase)
        if imported is not None:
            self.app.call_from_thread(self._imported, path, imported)

    def _import(self, path: Path, passphrase: str | None, *, once: bool = False) -> Imported | None:
        """Imports an assessment file through the service, showing each step (in a worker);
        what was imported, or None after saying what went wrong."""

        step = self._steps(_IMPORT_STEPS, path)
        try:
            step("loading")
            load_domain()
            from compliance.workspace.transfer import import_file

            step("opening_store")
            workspace = self.capp.open_store()
            return import_file(workspace, path, lambda: passphrase or "", progress=step, once=once)
        except ComplianceError as error:
            self.app.call_from_thread(self.capp.error, str(error))
            return None
        finally:
            self.app.call_from_thread(self.progress_done)

    def _imported(self, path: Path, imported: Imported) -> None:
        self.notify(
            tr(
                "ws.imported",
                self.lang,
                name=clean(path.name),
                id=imported.assessment_id,
                client=clean(imported.client),
            ),
            markup=False,
        )
        self.select_client = imported.client  # shown with its new assessment highlighted
        self.highlight_id = imported.assessment_id
        self.reload()

    def action_export(self) -> None:
        """Asks how (encrypted or plain), where (the documents folder by default, the name saying
        which), and for an encrypted file a new passphrase, typed twice; then writes it."""
        info = self.selected_assessment()
        if info is None:
            return
        choices = [
            ("encrypted", tr("ws.export_encrypted", self.lang)),
            ("plain", tr("ws.export_plain", self.lang)),
        ]
        question = tr("ws.export_how", self.lang, id=info.id, client=clean(info.client))
        self.app.push_screen(
            dialogs.Choose(question, choices, "encrypted"),
            lambda how: self._export_where(info, how == "encrypted") if how else None,
        )

    def _export_where(self, info: AssessmentInfo, encrypted: bool) -> None:
        from compliance.paths import documents_dir
        from compliance.workspace.transfer import export_name

        folder = documents_dir()
        name = export_name(info.client, info.questionnaire_id, info.cycle, encrypted=encrypted)

        def check(value: str) -> str | None:
            return self._output_problem(in_folder(folder, value), encrypted)

        self.app.push_screen(
            dialogs.Prompt(
                tr("ask.export_path", self.lang),
                value=str(folder / name),
                check=check,
                note=tr("out.where", self.lang, folder=clean(folder)),
            ),
            lambda value: (
                self._export_to(info.id, in_folder(folder, value), encrypted) if value else None
            ),
        )

    def _output_problem(self, path: Path, encrypted: bool) -> str | None:
        """Why an export cannot be written to ``path`` (in the interface language), or None."""
        from compliance.workspace.transfer import ENCRYPTED_SUFFIX, PLAIN_SUFFIX

        if path.is_dir():
            return tr("ws.is_folder", self.lang, path=clean(path))
        if not path.parent.is_dir():
            return tr("ws.folder_missing", self.lang, folder=clean(path.parent))
        suffix = path.suffix.lower()
        if encrypted and suffix != ENCRYPTED_SUFFIX:
            return tr("ws.name_encrypted", self.lang, name=clean(path.with_suffix(".cmpl").name))
        if not encrypted and suffix == ENCRYPTED_SUFFIX:
            return tr("ws.name_plain", self.lang, name=clean(path.with_suffix(PLAIN_SUFFIX).name))
        return None

    def _export_to(self, assessment_id: int, path: Path, encrypted: bool) -> None:
        if path.exists():  # a file of the same name is replaced only once confirmed
            self.app.push_screen(
                dialogs.Confirm(tr("ws.ask_replace", self.lang, path=clean(path)), lang=self.lang),
                lambda yes: self._export_as(assessment_id, path, encrypted) if yes else None,
            )
            return
        self._export_as(assessment_id, path, encrypted)

    def _export_as(self, assessment_id: int, path: Path, encrypted: bool) -> None:
        if not encrypted:
            self.export_file(assessment_id, path, None)
            return
        self.app.push_screen(
            dialogs.NewPassphrase(
                tr("ws.export_passphrase", self.lang, name=clean(path.name)), lang=self.lang
            ),
            partial(self._export_encrypted, assessment_id, path),
        )

    def _export_encrypted(self, assessment_id: int, path: Path, passphrase: str | None) -> None:
        if passphrase:
            self.export_file(assessment_id, path, passphrase)

    @work(thread=True, group="transfer", description="export")
    def export_file(self, assessment_id: int, path: Path, passphrase: str | None) -> None:
        """Writes an assessment file, encrypted when a passphrase is given, atomically."""
        steps = ("loading", "exporting", *(("encrypting",) if passphrase else ()), "writing")
        step = self._steps(steps, path)
        try:
            step("loading")
            load_domain()
            from compliance.workspace.transfer import export_file

            export_file(self.capp.open_store(), assessment_id, path, passphrase, progress=step)
        except ComplianceError as error:
            self.app.call_from_thread(self.capp.error, str(error))
            return
        finally:
            self.app.call_from_thread(self.progress_done)
        done = "ws.exported_encrypted" if passphrase else "done.exported"
        self.app.call_from_thread(
            self.notify, tr(done, self.lang, path=clean(path)), markup=False, timeout=10
        )

    # --- signing keys -----------------------------------------------------------------------

    def action_new_key(self) -> None:
        """Makes a signing key pair (as ``compliance keys generate`` does), in the documents
        folder's ``keys`` by default; it is offered first when signing next."""
        from compliance.paths import documents_dir

        self.app.push_screen(
            dialogs.NewKey(documents_dir() / "keys", lang=self.lang), self._key_made
        )

    def _key_made(self, made: MadeKey | None) -> None:
        if made is None:
            return
        self.capp.remember(signing_key=str(made.private))
        self.notify(
            tr(
                "ws.key_made",
                self.lang,
                name=clean(made.name),
                private=clean(made.private),
                public=clean(made.public),
                key_id=made.key_id[:16],
            ),
            markup=False,
            timeout=30,
        )

    # --- the sample client ------------------------------------------------------------------

    def _welcomed(self, sample: bool | None) -> None:
        if sample:
            self.create_sample()

    @work(thread=True, group="transfer", description="create sample")
    def create_sample(self) -> None:
        """Imports the sample fixture as a client, so a newcomer sees a filled assessment."""
        from compliance.workspace.transfer import sample_fixture

        fixture = sample_fixture()
        # once: two people pressing "sample" at the same time get one sample client
        imported = None if fixture is None else self._import(fixture, None, once=True)
        if imported is not None:
            self.app.call_from_thread(self._sampled, imported.organisation)

    def _sampled(self, name: str) -> None:
        self.notify(tr("done.sample", self.lang, name=clean(name)), markup=False)
        self.reload()
