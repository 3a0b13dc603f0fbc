"""Provides :class:`AuditDialog`: the workspace's append-only audit log, newest first.

Read-only. It shows the entries of one client (or of every client, ``t`` toggles) as the
``compliance audit`` command reads them (:func:`compliance.store.audit.entries`): when (UTC), who,
what (action and target), old -> new. Every stored text is shown through
:func:`compliance.text.shown`, never as markup. The log is read in a thread worker, so a slow
server never blocks the UI; Escape closes the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from compliance.errors import ComplianceError
from compliance.tui.safe import clean, plain
from compliance.tui.strings import tr

if TYPE_CHECKING:
    from compliance.store.audit import AuditEntry
    from compliance.store.workspace import Workspace

__all__ = ["AuditDialog", "change_text"]


def _value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        if "value" in value:
            return _value(value["value"])
        if "name" in value:
            return _value(value["name"])
        return ", ".join(f"{key}: {_value(item)}" for key, item in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(_value(v) for v in value)
    return str(value)


def change_text(old: Any, new: Any) -> str:
    """``old → new`` on one line, control characters escaped (empty when neither is stored)."""
    if old is None and new is None:
        return ""
    return clean(f"{_value(old)} → {_value(new)}")


class AuditDialog(ModalScreen[None]):
    """The audit entries of ``client`` (``(id, name)``) or of the whole workspace."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss(None)", "Close"),
        Binding("t", "toggle_clients", "Toggle"),
    ]

    def __init__(
        self,
        open_store: Callable[[], Workspace],
        client: tuple[int, str] | None,
        *,
        lang: str = "en",
    ) -> None:
        super().__init__(classes="dialog")
        self.open_store = open_store
        self.client = client
        self.all_clients = client is None
        self.lang = lang
        self.entries: list[AuditEntry] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="audit-box"):
            yield Static("", classes="dialog-title", id="audit-title")
            yield DataTable(id="audit", cursor_type="row", zebra_stripes=True)
            # The highlighted entry's change in full: at 80 columns the table has no room for it.
            yield Static("", id="audit-change")
            yield Static(tr("audit.loading", self.lang), classes="dim", id="audit-status")
            yield Static(tr("audit.keys", self.lang), classes="dim")

    def on_mount(self) -> None:
        table = self.query_one("#audit", DataTable)
        for key in ("when", "who", "what", "change"):
            table.add_column(tr(f"audit.{key}", self.lang), key=key)
        self._title()
        self.load()

    def _title(self) -> None:
        if self.all_clients or self.client is None:
            title = tr("audit.title_all", self.lang)
        else:
            title = tr("audit.title_client", self.lang, name=clean(self.client[1]))
        self.query_one("#audit-title", Static).update(plain(title))

    def action_toggle_clients(self) -> None:
        """Switches between the highlighted client's entries and every client's."""
        if self.client is None:
            return
        self.all_clients = not self.all_clients
        self._title()
        self.query_one("#audit-status", Static).update(tr("audit.loading", self.lang))
        self.load()

    @work(thread=True, exclusive=True, group="audit", description="audit log")
    def load(self) -> None:
        """Reads the log off the UI thread, then shows it."""
        from compliance.store.audit import entries

        client_id = None if self.all_clients or self.client is None else self.client[0]
        try:
            found = entries(self.open_store(), client_id=client_id)
        except ComplianceError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._show, list(reversed(found)))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Shows the highlighted entry's change in full below the table."""
        row = event.cursor_row
        text = ""
        if 0 <= row < len(self.entries):
            entry = self.entries[row]
            text = change_text(entry.old, entry.new)
        self.query_one("#audit-change", Static).update(plain(text))

    def _failed(self, message: str) -> None:
        self.query_one("#audit-status", Static).update(plain(message))

    def _show(self, found: list[AuditEntry]) -> None:
        self.entries = found
        table = self.query_one("#audit", DataTable)
        table.clear()
        for entry in found:
            where = "" if entry.assessment_id is None else f" #{entry.assessment_id}"
            table.add_row(
                plain(entry.at[:19].replace("T", " ")),
                plain(entry.actor),
                plain(f"{entry.action} {entry.target}{where}"),
                plain(change_text(entry.old, entry.new)),
            )
        status = (
            tr("audit.count", self.lang, count=len(found)) if found else tr("audit.none", self.lang)
        )
        self.query_one("#audit-status", Static).update(status)
