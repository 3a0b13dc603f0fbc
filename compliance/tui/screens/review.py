"""Provides :class:`ReviewScreen`: the regulator's inbox of signed bundles.

Opening a folder verifies every bundle in a thread worker while a progress bar advances (progress
is posted at most twenty times a second, so the interface stays responsive with 1,000 bundles).
The table lists each submission (file name, verdict in words, organisation, signer, rating label,
score, date, flags, blocked or not-ready flows, decision, questionnaire) with sort and filter; an
INVALID bundle shows what it claims, marked unverified. Enter opens a read-only detail, ``c`` on
two rows compares them, ``d`` records a decision in the workspace, ``t`` reads the trust store
again and verifies the folder again (opening a folder does too, so a key trusted with
``compliance trust add`` counts at once). Every value from a bundle is shown as literal text.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, ProgressBar, Static
from textual.worker import get_current_worker

from compliance.errors import ComplianceError
from compliance.review.text import clean
from compliance.review.triage import SORTS, select, sort_submissions
from compliance.signing.keys import grouped
from compliance.signing.words import verdict_words
from compliance.tui.keys import KeySpec, bindings, relabel
from compliance.tui.strings import tr
from compliance.tui.widgets.review_dialogs import DecideDialog, FolderDialog, decision_label
from compliance.tui.widgets.review_views import CompareView, DetailView, Opener
from compliance.typography import number

if TYPE_CHECKING:
    from compliance.review.decisions import Decision
    from compliance.review.inbox import Submission
    from compliance.signing.trust import TrustStore

__all__ = ["COLUMNS", "ReviewScreen"]

COLUMNS = (
    "file",
    "verdict",
    "organisation",
    "signer",
    "rating",
    "score",
    "date",
    "flags",
    "flows_at_risk",
    "decision",
    "questionnaire",
)
"""The table's column keys; each header is the catalogue string ``rv.col.<key>``. The file name
and the verdict in words come first, so that at 80 columns every row can be told apart."""
_STYLE = {"VALID": "green", "EXPIRED": "yellow", "INVALID": "bold red"}
_PROGRESS_INTERVAL = 0.05
_NAME_LIMIT = 40


def _cell(value: object, style: str = "", limit: int = 120) -> Text:
    return Text(clean(value, limit=limit), style=style)


def _count(count: int, lang: str) -> str:
    """``count`` with its thousands grouped (``1,000``; ``1 000`` in French)."""
    return number(count, lang, 0, group=True)


def _claimed_cells(submission: Submission, lang: str) -> tuple[Text, Text, Text]:
    """Organisation, signer and date of a bundle that failed: what it claims, marked unverified."""
    claims = submission.claims
    if claims is None:
        blank = _cell("")
        return blank, blank, blank
    unverified = "italic"
    organisation = _cell("")
    if claims.organisation is not None:
        name = clean(claims.organisation, limit=_NAME_LIMIT)
        organisation = _cell(name + tr("rv.unverified", lang), unverified)
    signer = _cell("")
    if submission.claimed_signer is not None:
        signer = _cell(submission.claimed_signer, unverified, limit=_NAME_LIMIT)
    elif claims.key_id is not None:
        signer = _cell(tr("rv.unknown_key", lang, id=grouped(claims.key_id)[:9]), "bold")
    date = _cell((claims.issued_at or "")[:10], unverified)
    return organisation, signer, date


def row_cells(submission: Submission, decision: str | None, lang: str = "en") -> tuple[Text, ...]:
    """The table cells of a submission, in the order of :data:`COLUMNS`.

    The verdict is words of ``lang`` (``Invalid: tampered``), the rating its band's label. A
    bundle that failed shows what it claims (organisation, signer, date), marked unverified, and
    no rating or score. Bundle data is always literal text.
    """
    verdict = verdict_words(submission.verdict, lang)
    s = submission.summary
    flags = ", ".join(submission.flags)
    decision = None if decision is None else decision_label(decision, lang)
    name = _cell(submission.name, "bold", limit=_NAME_LIMIT)
    if s is None:
        organisation, signer, date = _claimed_cells(submission, lang)
        return (
            name,
            _cell(verdict, _STYLE["INVALID"]),
            organisation,
            signer,
            _cell(""),
            _cell(""),
            date,
            _cell(flags, "bold red" if flags else ""),
            _cell(""),
            _cell(decision or ""),
            _cell(""),
        )
    return (
        name,
        _cell(verdict, _STYLE.get(submission.status, "")),
        _cell(s.organisation, limit=_NAME_LIMIT),
        _cell(s.signer, limit=_NAME_LIMIT),
        _cell(s.rating_label(lang)),
        _cell(number(s.score, lang)),
        _cell(s.issued_at[:10]),
        _cell(flags, "bold red" if flags else ""),
        _cell(f"{s.flows_at_risk}/{s.flows}", "bold" if s.flows_at_risk else ""),
        _cell(decision or ""),
        _cell(f"{s.questionnaire_id} {s.questionnaire_version}"),
    )


class ReviewScreen(Screen[None]):
    """The inbox: verify a folder of bundles, triage, drill down, compare, decide."""

    DEFAULT_CSS = """
    ReviewScreen #review-status { height: 1; padding: 0 1; }
    ReviewScreen #review-filter { height: 3; }
    ReviewScreen ProgressBar { height: 1; padding: 0 1; }
    ReviewScreen DataTable { height: 1fr; }
    """
    KEYS: ClassVar[list[KeySpec]] = [
        KeySpec("o", "open_folder", "rv.key.open_folder"),
        KeySpec("s", "cycle_sort", "rv.key.sort"),
        KeySpec("slash", "focus_filter", "rv.key.filter"),
        KeySpec("c", "compare", "rv.key.compare"),
        KeySpec("d", "decide", "rv.key.decide"),
        KeySpec("t", "reload_trust", "rv.key.reload_trust"),
        KeySpec("escape", "leave", "key.back"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = list(bindings(KEYS))

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
        self.loading = False
        """Whether a folder is being verified (progress messages count only then)."""
        self.said: tuple[str, dict[str, object], str] | None = ("rv.idle", {}, "")
        """The status line as a catalogue key, its values and style (None: literal text)."""

    def compose(self) -> ComposeResult:
        yield Static(Text(tr("rv.idle", self.lang)), id="review-status")
        yield Input(placeholder=tr("rv.filter_hint", self.lang), id="review-filter")
        yield ProgressBar(total=None, show_eta=False, id="review-progress")
        yield DataTable(id="review-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        relabel(self, self.KEYS, self.lang)
        self._columns()
        self.query_one(DataTable).focus()
        if self.folder is not None:
            self.load(self.folder)

    # --- loading --------------------------------------------------------------------------

    def load(self, folder: Path) -> None:
        """Verifies every bundle of ``folder`` in a worker, with the trust store read again."""
        self.folder = folder
        self.loading = True
        self.submissions = []
        self.marked = None
        self._fill()
        self.query_one(ProgressBar).update(total=None, progress=0)
        self._say("rv.loading", folder=clean(folder))
        self._verify(folder)

    @work(thread=True, exclusive=True, group="review-inbox", description="verify inbox")
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
            trust = self._fresh_trust()
            found = scan(
                folder,
                trust,
                now=self.now,
                progress=progress,
                cancelled=lambda: worker.is_cancelled,
            )
            if worker.is_cancelled:
                return
            with open_workspace(self.workspace) as ws:
                submissions = flag_replays(found, seen_submissions(ws), trust=trust, now=self.now)
                record_seen(ws, submissions)
                decisions = {k: d.status for k, d in latest_decisions(ws).items()}
        except ComplianceError as error:
            self.app.call_from_thread(self._failed, error.message)
            return
        self.app.call_from_thread(self._loaded, submissions, decisions, trust)

    def _fresh_trust(self) -> TrustStore:
        """The trust store as its folder holds it now (a key added since is trusted at once);
        a store given without a folder (tests, a caller's own) is kept as it is."""
        from compliance.signing.trust import TrustStore

        if self.trust.folder is None:
            return self.trust
        return TrustStore.load(self.trust.folder)

    @on(Progress)
    def _progress(self, message: ReviewScreen.Progress) -> None:
        if not self.loading:  # posted before the end but delivered after it: the summary stays
            return
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)
        self._say("rv.progress", done=message.done, total=message.total)

    def _failed(self, message: str) -> None:
        self.loading = False
        self.said = None
        self._status(clean(message), "bold red")
        self.notify(clean(message), severity="error", markup=False)

    def _loaded(
        self, submissions: list[Submission], decisions: dict[str, str], trust: TrustStore
    ) -> None:
        self.loading = False
        self.trust = trust
        self.submissions = submissions
        self.decisions = decisions
        total = len(submissions)
        self.query_one(ProgressBar).update(total=max(total, 1), progress=max(total, 1))
        self._fill()

    # --- table ----------------------------------------------------------------------------

    def _status(self, text: str, style: str = "") -> None:
        self.query_one("#review-status", Static).update(Text(text, style=style))

    def _say(self, key: str, style: str = "", **values: object) -> None:
        """Shows the catalogue string ``key`` as the status line (counts grouped, as literal
        text), and remembers it to say it again when the language changes."""
        self.said = (key, values, style)
        shown = {k: _count(v, self.lang) if isinstance(v, int) else v for k, v in values.items()}
        self._status(tr(key, self.lang, **shown), style)

    def _columns(self) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        table.clear(columns=True)
        for key in COLUMNS:
            table.add_column(tr(f"rv.col.{key}", self.lang), key=key)

    def apply_language(self) -> None:
        """Follows the app's language (F2): keys, headers, filter hint, status line and rows."""
        self.lang = str(getattr(self.app, "lang", self.lang))
        relabel(self, self.KEYS, self.lang)
        self.query_one("#review-filter", Input).placeholder = tr("rv.filter_hint", self.lang)
        row = self.query_one(DataTable).cursor_row
        self._columns()
        self._fill()
        self.query_one(DataTable).move_cursor(row=row)
        if self.said is not None and not (self.folder is not None and self.submissions):
            key, values, style = self.said
            self._say(key, style, **values)

    def _fill(self) -> None:
        table: DataTable[Text] = self.query_one(DataTable)
        table.clear()
        self.shown = sort_submissions(select(self.submissions, self.terms), self.sort)
        for index, submission in enumerate(self.shown):
            cells = row_cells(submission, self.decisions.get(submission.sha256), self.lang)
            table.add_row(*cells, key=str(index))
        if self.folder is not None and self.submissions:
            invalid = sum(1 for s in self.submissions if s.summary is None)
            lang = self.lang
            line = tr(
                "rv.summary",
                lang,
                count=_count(len(self.submissions), lang),
                invalid=_count(invalid, lang),
                shown=_count(len(self.shown), lang),
                sort=tr(f"rv.sort.{self.sort}", lang),
            )
            if self.marked is not None:
                line += tr("rv.summary_marked", lang, name=clean(self.marked.name))
            self.said = None  # the summary is made again by every fill
            self._status(line)

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

            def closed(trust_reloaded: bool | None) -> None:
                if trust_reloaded and self.folder is not None:
                    self.load(self.folder)

            self.app.push_screen(
                DetailView(
                    submission, self.trust, now=self.now, lang=self.lang, opener=self.opener
                ),
                closed,
            )

    # --- actions --------------------------------------------------------------------------

    def action_open_folder(self) -> None:
        """Asks for a folder and reviews it."""

        def chosen(value: str | None) -> None:
            if value:
                self.load(Path(value).expanduser())

        self.app.push_screen(FolderDialog(str(self.folder or ""), lang=self.lang), chosen)

    def action_reload_trust(self) -> None:
        """Reads the trust store again and verifies the folder again (after ``trust add``)."""
        if self.folder is None:
            self.notify(tr("rv.idle", self.lang), markup=False)
            return
        self.load(self.folder)

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
            self.notify(tr("rv.marked", self.lang, name=clean(submission.name)), markup=False)
            return
        first, self.marked = self.marked, None
        self.app.push_screen(
            CompareView(first.path, submission.path, self.trust, now=self.now, lang=self.lang)
        )

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

        self.app.push_screen(
            DecideDialog(about, verified=submission.status == "VALID", lang=self.lang), chosen
        )

    @work(thread=True, group="review-decide", description="record decision")
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
        status = decision_label(decision.status, self.lang)
        self.notify(
            tr("rv.recorded", self.lang, status=status, name=clean(submission.name)), markup=False
        )

    def action_leave(self) -> None:
        """Leaves the review (when it was pushed over another screen)."""
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
