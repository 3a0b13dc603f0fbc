"""Provides :class:`FlowsScreen`: the data flows of the open assessment and their readiness.

The status of each flow comes from the latest score (the engine's transfer rules); adding,
editing or deleting a flow saves it through the session and asks for a new score.
"""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from compliance.errors import ComplianceError
from compliance.model.assessment import Assessment, Flow, flow_leaves_morocco
from compliance.model.result import Result
from compliance.tui.dialogs import Confirm, FlowForm
from compliance.tui.dialogs.flow_form import basis_choices, mechanism_choices
from compliance.tui.format import reasons_text, status_text
from compliance.tui.keys import KeySpec, bindings
from compliance.tui.safe import clean, plain
from compliance.tui.screens.base import BaseScreen
from compliance.tui.session import Session
from compliance.tui.strings import tr
from compliance.tui.widgets.key_footer import KeyFooter
from compliance.tui.widgets.title_bar import TitleBar

__all__ = ["FlowsScreen"]


class FlowsScreen(BaseScreen):
    """A table of flows with their readiness status."""

    CSS_PATH = "flows.tcss"

    KEYS: ClassVar[list[KeySpec]] = [
        KeySpec("escape", "back", "key.back", True),
        KeySpec("a", "add", "key.add", True),
        KeySpec("enter,e", "edit", "key.edit", True),
        KeySpec("delete,x", "delete", "key.delete", True),
        KeySpec("r", "results", "key.results", True),
        KeySpec("t", "tia", "key.tia", True),
    ]
    BINDINGS: ClassVar[list[BindingType]] = list(bindings(KEYS))

    def __init__(self) -> None:
        super().__init__(id="flows")
        self.session: Session = self.open_session()

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="fl-title", classes="status")
        yield DataTable(id="flow-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="fl-hint", classes="hint")
        with VerticalScroll(id="fl-reasons-pane"):
            yield Static("", id="fl-reasons")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "result", self._result_changed, init=False)
        self.refresh_text()
        self.query_one(DataTable).focus()

    def _result_changed(self, result: Result | None) -> None:
        self._fill()

    def refresh_text(self) -> None:
        title = plain(tr("fl.title", self.lang), style="bold")
        title.append(" · ")
        title.append(plain(self.session.client))
        self.query_one("#fl-title", Static).update(title)
        table = self.query_one(DataTable)
        table.clear(columns=True)
        # The status comes second: at 80 columns the last columns are off screen.
        for key in ("flow", "status", "route", "mechanism", "basis"):
            table.add_column(plain(tr(f"col.{key}", self.lang)), key=key)
        self._fill()

    def status_of(self, flow_id: str) -> str | None:
        """The readiness of a flow in the latest score (None until scored)."""
        result = self.session.result
        if result is None:
            return None
        found = next((f for f in result.flows if f.id == flow_id), None)
        return found.status if found else None

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        unknown = tr("fl.unknown", self.lang)
        not_needed = tr("fl.basis_not_needed", self.lang)  # no data leaves Morocco
        tools = dict(mechanism_choices(self.session.questionnaire, self.lang))
        bases = dict(basis_choices(self.session.questionnaire, self.lang))
        for flow in self.session.assessment.flows:
            status = self.status_of(flow.id)
            table.add_row(
                plain(flow.name),
                status_text(status, self.lang) if status else plain("…"),
                plain(f"{flow.exporter.country} → {flow.importer.country}"),
                plain(tools.get(flow.gdpr_mechanism or "", flow.gdpr_mechanism or unknown)),
                plain(bases.get(flow.ma_basis or "", flow.ma_basis or unknown))
                if flow_leaves_morocco(flow)
                else plain(not_needed),
                key=flow.id,
            )
        if self.session.assessment.flows:
            table.move_cursor(row=min(row, table.row_count - 1))
        self.query_one("#fl-hint", Static).update(
            "" if self.session.assessment.flows else tr("fl.none", self.lang)
        )
        self._show_reasons()

    @on(DataTable.RowHighlighted, "#flow-table")
    def _highlighted(self) -> None:
        self._show_reasons()

    def _show_reasons(self) -> None:
        """The findings behind the highlighted flow's status, with their articles."""
        flow = self.selected()
        result = self.session.result
        found = (
            next((f for f in result.flows if f.id == flow.id), None)
            if flow is not None and result is not None
            else None
        )
        text = Text()
        if found is not None:
            text.append(plain(found.name, style="bold"))
            text.append("  ")
            text.append(status_text(found.status, self.lang))
            text.append("\n")
            text.append(reasons_text(found, self.session.questionnaire, self.lang))
        self.query_one("#fl-reasons", Static).update(text)

    def selected(self) -> Flow | None:
        """The highlighted flow."""
        flows = self.session.assessment.flows
        row = self.query_one(DataTable).cursor_row
        return flows[row] if flows and 0 <= row < len(flows) else None

    def action_back(self) -> None:
        """Returns to the questions."""
        self.dismiss()

    def action_results(self) -> None:
        """Opens the results (the ones already open, if the flows were opened from them)."""
        self.capp.show("results")

    def action_add(self) -> None:
        """Opens an empty flow form."""
        form = FlowForm(self.session.questionnaire, self.session.assessment.flows, lang=self.lang)
        self.app.push_screen(form, lambda flow: self.save(flow, new=True))

    def action_edit(self) -> None:
        """Opens the highlighted flow in the form."""
        flow = self.selected()
        if flow is None:
            return
        form = FlowForm(
            self.session.questionnaire, self.session.assessment.flows, flow, lang=self.lang
        )
        self.app.push_screen(form, lambda edited: self.save(edited, new=False))

    def action_tia(self) -> None:
        """Opens the transfer impact assessment of the highlighted flow."""
        flow = self.selected()
        if flow is None:
            self.notify(tr("tia.no_flow", self.lang), markup=False)
            return
        self.capp.show("tia", flow_id=flow.id)

    @on(DataTable.RowSelected)
    def _chosen(self) -> None:
        self.action_edit()

    def save(self, flow: Flow | None, *, new: bool) -> None:
        """Saves a flow from the form (None: the form was cancelled) in a worker: keys keep
        working while the store works."""
        if flow is None:
            return
        session = self.session
        self.in_background(
            lambda: session.write_flow(flow, new=new),
            partial(self._saved, flow, new),
            self._failed,
        )

    def _saved(self, flow: Flow, new: bool) -> None:
        self.session.apply_flow(flow, new=new)
        self.notify(tr("fl.added", self.lang, name=clean(flow.name)), markup=False)
        self._fill()
        self.capp.rescore()

    def _failed(self, error: ComplianceError) -> None:
        self.capp.error(str(error))

    def action_delete(self) -> None:
        """Deletes the highlighted flow after a confirmation."""
        flow = self.selected()
        if flow is None:
            return
        question = tr("ask.delete_flow", self.lang, name=clean(flow.name))
        self.app.push_screen(Confirm(question, lang=self.lang), partial(self._delete_if, flow.id))

    def _delete_if(self, flow_id: str, yes: bool | None) -> None:
        if yes:
            self.delete(flow_id)

    def delete(self, flow_id: str) -> None:
        """Deletes a flow (and its mentions as an onward flow) in a worker."""
        session = self.session
        read: list[Assessment] = []
        self.in_background(
            lambda: read.append(session.write_delete_flow(flow_id)),
            lambda: self._deleted(read[0]),
            self._failed,
        )

    def _deleted(self, assessment: Assessment) -> None:
        self.session.apply_read(assessment)
        self.notify(tr("fl.deleted", self.lang))
        self._fill()
        self.capp.rescore()
