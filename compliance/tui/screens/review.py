"""Provides :class:`ReviewScreen`: the regulator's inbox of signed bundles.

Opening a folder verifies every bundle in a thread worker while a progress bar advances (progress
is posted at most twenty times a second, so the interface stays responsive with 1,000 bundles).
The table lists each submission (organisation, signer, date, questionnaire and version, score,
rating, blocked or not-ready flows, verdict, flags, decision) with sort and filter; an INVALID
bundle shows only its file name and reason. Enter opens a read-only detail, ``c`` on two rows
compares them, ``d`` records a decision in the workspace. Every value from a bundle is shown as
literal text.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, ProgressBar, Static
from textual.worker import get_current_worker

from compliance.errors import ComplianceError
from compliance.review.text import clean
from compliance.review.triage import SORTS, select, sort_submissions
from compliance.tui.widgets.review_dialogs import DecideDialog, FolderDialog
from compliance.tui.widgets.review_views import CompareView, DetailView, Opener

if TYPE_CHECKING:
    from compliance.review.decisions import Decision
    from compliance.review.inbox import Submission
    from compliance.signing.trust import TrustStore

__all__ = ["COLUMNS", "ReviewScreen"]

COLUMNS = (
    "Verdict",
    "Organisation",
    "Signer",
    "Date",
    "Questionnaire",
    "Score",
    "Rating",
    "Flows at risk",
    "Flags",
    "Decision",
    "File",
)
_STYLE = {"VALID": "green", "EXPIRED": "yellow", "INVALID": "bold red"}
_PROGRESS_INTERVAL = 0.05


def _cell(value: object, style: str = "") -> Text:
    return Text(clean(value, limit=120), style=style)


def row_cells(submission: Submission, decision: str | None) -> tuple[Text, ...]:
    """The table cells of a submission; an INVALID one shows only its reason and file name."""
    verdict = submission.status
    if submission.verdict.reason and verdict == "INVALID":
        verdict = f"INVALID ({submission.verdict.reason})"
    s = submission.summary
    flags = ", ".join(submission.flags)
    if s is None:
        blank = _cell("-", "dim")
        return (
            _cell(verdict, _STYLE["INVALID"]),
            *(blank,) * 7,
            _cell(flags),
            _cell(decision or ""),
            _cell(submission.name),
        )
    return (
        _cell(verdict, _STYLE.get(submission.status, "")),
        _cell(s.organisation),
        _cell(s.signer),
        _cell(s.issued_at[:10]),
        _cell(f"{s.questionnaire_id} {s.questionnaire_version}"),
        _cell(s.score or "-"),
        _cell(s.rating),
        _cell(f"{s.flows_at_risk}/{s.flows}", "bold" if s.flows_at_risk else ""),
        _cell(flags, "bold red" if flags else ""),
        _cell(decision or ""),
        _cell(submission.name),
    )


class ReviewScreen(Screen[None]):
    """The inbox: verify a folder of bundles, triage, drill down, compare, decide."""

    DEFAULT_CSS = """
    ReviewScreen #review-status { height: 1; padding: 0 1; }
    ReviewScreen #review-filter { height: 3; }
    ReviewScreen ProgressBar { height: 1; padding: 0 1; }
    ReviewScreen DataTable { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "open_folder", "Open folder"),
        Binding("s", "cycle_sort", "Sort"),
        Binding("slash", "focus_filter", "Filter"),
        Binding("c", "compare", "Compare"),
        Binding("d", "decide", "Decide"),
        Binding("escape", "leave", "Back"),
    ]

    class Progress(Message):
        """Posted by the worker: ``done`` of ``total`` bundles verified."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

    def __init__(
        self,
        trust: TrustStore,
        *,
        workspace: str | None = None,
        folder: Path | None = None,
        now: dt.datetime | None = None,
        lang: str = "en",
        opener: Opener | None = None,
    ) -> None:
        super().__init__()
        self.trust = trust
        self.workspace = workspace
        self.folder = folder
        self.now = now
        self.lang = lang
        self.opener = opener
        self.submissions: list[Submission] = []
        self.decisions: dict[str, str] = {}
        self.shown: list[Submission] = []
        self.sort = "verdict"
        self.terms: list[str] = []
        self.marked: Submission | None = None
        self.handled_keys = 0

    def compose(self) -> ComposeResult:
        yield Static(Text("Open a folder of signed bundles (o)."), id="review-status")
        yield Input(
            placeholder="Filter: invalid, flagged, at-risk, rating=ID, a name...",
            id="review-filter",
        )
        yield ProgressBar(total=None, show_eta=False, id="review-progress")
        table: DataTable[Text] = DataTable(id="review-table", cursor_type="row", zebra_stripes=True)
        table.add_columns(*COLUMNS)
        yield table
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        if self.folder is not None:
            self.load(self.folder)

    # --- loading --------------------------------------------------------------------------

    def load(self, folder: Path) -> None:
        """Verifies every bundle of ``folder`` in a worker."""
        self.folder = folder
        self.submissions = []
        self.marked = None
        self._fill()
        self.query_one(ProgressBar).update(total=None, progress=0)
        self._status(f"Verifying the bundles of {folder}...")
        self._verify(folder)

    @work(thread=True, exclusive=True, group="review-inbox")
    def _verify(self, folder: Path) -> None:
        from compliance.review.compare import flag_replays
        from compliance.review.decisions import latest_decisions, record_seen, seen_submissions
        from compliance.review.inbox import scan
        from compliance.store.workspace import open_workspace

        worker = get_current_worker()
        last = 0.0

        def progress(done: int, total: int, _submission: Submission) -> None:
            nonlocal last
            clock = time.monotonic()
            if done == total or clock - last >= _PROGRESS_INTERVAL:
                last = clock
                self.post_message(self.Progress(done, total))

        try:
            found = scan(
                folder,
                self.trust,
                now=self.now,
                progress=progress,
                cancelled=lambda: worker.is_cancelled,
            )
            if worker.is_cancelled:
                return
            with open_workspace(self.workspace) as ws:
                submissions = flag_replays(found, seen_submissions(ws))
                record_seen(ws, submissions)
                decisions = {k: d.status for k, d in latest_decisions(ws).items()}
        except ComplianceError as error:
            self.app.call_from_thread(self._failed, error.message)
            return
        self.app.call_from_thread(self._loaded, submissions, decisions)

    @on(Progress)
    def _progress(self, message: ReviewScreen.Progress) -> None:
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)
        self._status(f"Verifying {message.done:,}/{message.total:,} bundles...")

    def _failed(self, message: str) -> None:
        self._status(clean(message), "bold red")
        self.notify(clean(message), severity="error")

    def _loaded(self, submissions: list[Submission], decisions: dict[str, str]) -> None:
        self.submissions = submissions
        self.decisions = decisions
        total = len(submissions)
        self.query_one(ProgressBar).update(total=max(total, 1), progress=max(total, 1))
        self._fill()

    # --- table ----------------------------------------------------------------------------

    def _status(self, text: str, style: str = "") -> None:
        self.query_one("#review-status", Static).update(Text(text, style=style))

    def _fill(self) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        table.clear()
        self.shown = sort_submissions(select(self.submissions, self.terms), self.sort)
        for index, submission in enumerate(self.shown):
            table.add_row(
                *row_cells(submission, self.decisions.get(submission.sha256)), key=str(index)
            )
        if self.folder is not None and self.submissions:
            invalid = sum(1 for s in self.submissions if s.summary is None)
            self._status(
                f"{len(self.submissions)} bundles, {invalid} invalid; {len(self.shown)} shown, "
                f"sorted by {self.sort}"
                + (f"; marked {clean(self.marked.name)}" if self.marked else "")
            )

    def current(self) -> Submission | None:
        """The submission under the cursor."""
        table: DataTable[Text] = self.query_one(DataTable)
        if not self.shown or table.cursor_row < 0 or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def on_key(self) -> None:
        """Counts keys handled (the benchmark's responsiveness probe)."""
        self.handled_keys += 1

    @on(Input.Changed, "#review-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.terms = event.value.split()
        self._fill()

    @on(Input.Submitted, "#review-filter")
    def _filter_done(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        submission = self.current()
        if submission is not None:
            self.app.push_screen(
                DetailView(submission, self.trust, now=self.now, lang=self.lang, opener=self.opener)
            )

    # --- actions --------------------------------------------------------------------------

    def action_open_folder(self) -> None:
        """Asks for a folder and reviews it."""

        def chosen(value: str | None) -> None:
            if value:
                self.load(Path(value).expanduser())

        self.app.push_screen(FolderDialog(str(self.folder or "")), chosen)

    def action_cycle_sort(self) -> None:
        """Sorts by the next key: verdict, rating, organisation, date."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._fill()

    def action_focus_filter(self) -> None:
        """Moves to the filter box."""
        self.query_one("#review-filter", Input).focus()

    def action_compare(self) -> None:
        """Marks the current row; on a second row, compares the two."""
        submission = self.current()
        if submission is None:
            return
        if self.marked is None or self.marked is submission:
            self.marked = submission
            self.notify(f"Marked {clean(submission.name)}; press c on another row to compare.")
            return
        first, self.marked = self.marked, None
        self.app.push_screen(CompareView(first.path, submission.path, self.trust, now=self.now))

    def action_decide(self) -> None:
        """Asks for a decision on the current submission and records it."""
        submission = self.current()
        if submission is None:
            return
        about = submission.name
        if submission.summary is not None:
            about = f"{submission.summary.organisation} ({submission.name})"

        def chosen(value: tuple[str, str] | None) -> None:
            if value is not None:
                self._record(submission, *value)

        self.app.push_screen(DecideDialog(about, verified=submission.status == "VALID"), chosen)

    @work(thread=True, group="review-decide")
    def _record(self, submission: Submission, status: str, comment: str) -> None:
        from compliance.review.decisions import decide
        from compliance.store.workspace import open_workspace

        try:
            with open_workspace(self.workspace) as ws:
                decision = decide(ws, submission, status, comment)
        except ComplianceError as error:
            self.app.call_from_thread(self._failed, error.message)
            return
        self.app.call_from_thread(self._decided, submission, decision)

    def _decided(self, submission: Submission, decision: Decision) -> None:
        self.decisions[submission.sha256] = decision.status
        self._fill()
        self.notify(f"Recorded {decision.status} for {clean(submission.name)}.")

    def action_leave(self) -> None:
        """Leaves the review (when it was pushed over another screen)."""
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
