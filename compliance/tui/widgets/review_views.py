"""Provides the review's read-only views: one submission in detail, and two cycles compared.

Each view verifies again in a thread worker (the file may have changed since the inbox was read)
and shows only what verified: the checks that passed, the results, and the report rendered by this
toolkit from the verified data, all as literal text (no markup, no control characters). The
bundle's HTML report opens in the browser only for a bundle that verified in full, from a private
temporary copy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from compliance.errors import ComplianceError
from compliance.review.detail import Verified, checks, html_copy, open_verified, report_text
from compliance.review.text import clean

if TYPE_CHECKING:
    from compliance.review.compare import Comparison
    from compliance.review.inbox import Submission
    from compliance.signing.trust import TrustStore

__all__ = ["CompareView", "DetailView"]

Opener = Callable[[str], object]
_CSS = """
DetailView, CompareView { align: center middle; }
DetailView > Vertical, CompareView > Vertical {
    width: 95%; height: 95%; border: thick $accent; background: $surface;
}
#detail-head, #compare-head { height: auto; padding: 0 1; text-style: bold; }
VerticalScroll { padding: 0 1; }
"""


def _literal(text: str) -> Text:
    return Text(clean(text, single_line=False, limit=2_000_000))


def _results(verified: Verified) -> list[str]:
    result = verified.result
    overall = result.overall
    lines = [
        f"Overall score {overall.score} - rating {overall.rating} - coverage {overall.coverage} %"
        + (" (provisional)" if overall.incomplete else ""),
    ]
    lines += [f"  domain {d.id}: {d.score} (coverage {d.coverage} %)" for d in result.domains]
    for flow in result.flows:
        lines.append(f"  flow {flow.id} ({flow.name}): {flow.status}, score {flow.score}")
        lines += [f"      {r.code}: {r.message.get('en')}" for r in flow.reasons]
    return lines


class DetailView(ModalScreen[None]):
    """One submission, read-only: verification, results and report text."""

    DEFAULT_CSS = _CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_view", "Back"),
        Binding("b", "open_html", "Open HTML in browser"),
    ]

    def __init__(
        self,
        submission: Submission,
        trust: TrustStore,
        *,
        now: dt.datetime | None = None,
        lang: str = "en",
        opener: Opener | None = None,
    ) -> None:
        super().__init__()
        self.submission = submission
        self.trust = trust
        self.now = now
        self.lang = lang
        self.opener = opener
        self.verified: Verified | None = None
        self.opened: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"{clean(self.submission.name)} - verifying..."), id="detail-head")
            with VerticalScroll(id="detail-body"):
                yield Static(Text(""), id="detail-checks")
                yield Static(Text(""), id="detail-results")
                yield Static(Text(""), id="detail-report")
            yield Footer()

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="review-detail")
    def _load(self) -> None:
        submission, verified = open_verified(self.submission.path, self.trust, now=self.now)
        report = "" if verified is None else report_text(verified, lang=self.lang)
        self.app.call_from_thread(self._show, submission, verified, report)

    def _show(self, submission: Submission, verified: Verified | None, report: str) -> None:
        self.submission = submission
        self.verified = verified
        summary = submission.summary
        head = f"{submission.status}: {clean(submission.name)}"
        if summary is not None:
            head += f" - {clean(summary.organisation)} - report {summary.report_id}"
        self.query_one("#detail-head", Static).update(Text(head))
        self.query_one("#detail-checks", Static).update(
            _literal("Verification\n" + "\n".join(f"  {line}" for line in checks(submission)))
        )
        if verified is not None:
            self.query_one("#detail-results", Static).update(
                _literal("\nResults\n" + "\n".join(_results(verified)))
            )
            self.query_one("#detail-report", Static).update(_literal("\nReport\n\n" + report))

    def action_open_html(self) -> None:
        """Opens the verified HTML report in the browser, from a private copy."""
        if self.verified is None:
            self.notify(
                "Only the report of a bundle that verified can be opened.", severity="error"
            )
            return
        try:
            self.opened = html_copy(self.verified)
        except ComplianceError as error:
            self.notify(clean(error.message), severity="error")
            return
        if self.opener is None:
            import webbrowser

            webbrowser.open(self.opened.as_uri())
        else:
            self.opener(self.opened.as_uri())
        self.notify("Opened the verified HTML report in the browser.")

    def action_dismiss_view(self) -> None:
        """Back to the inbox."""
        self.dismiss(None)


def _comparison_lines(comparison: Comparison) -> list[str]:
    a, b = comparison.before, comparison.after
    lines = [
        f"Organisation {comparison.registration_id}: {a.organisation}",
        f"  before: report {a.report_id}, issued {a.issued_at}, score {a.score} ({a.rating})",
        f"  after:  report {b.report_id}, issued {b.issued_at}, score {b.score} ({b.rating})",
    ]
    if comparison.flags:
        lines.append(f"  FLAGS: {', '.join(comparison.flags)}")
    for title, changes in (
        ("Ratings", comparison.ratings),
        ("Scores", comparison.scores),
        ("Flows", comparison.flows),
        ("Answers", comparison.answers),
    ):
        lines.append(f"{title}: {len(changes)} changed")
        for c in changes:
            before = "-" if c.before is None else clean(c.before, limit=100)
            after = "-" if c.after is None else clean(c.after, limit=100)
            lines.append(f"  {c.item}: {before} -> {after}")
    return lines


class CompareView(ModalScreen[None]):
    """Two submissions of one organisation: what changed between the cycles."""

    DEFAULT_CSS = _CSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_view", "Back")]

    def __init__(
        self, first: Path, second: Path, trust: TrustStore, *, now: dt.datetime | None = None
    ) -> None:
        super().__init__()
        self.paths = (first, second)
        self.trust = trust
        self.now = now
        self.comparison: Comparison | None = None
        self.problem: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Comparing..."), id="compare-head")
            with VerticalScroll():
                yield Static(Text(""), id="compare-body")
            yield Footer()

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="review-compare")
    def _load(self) -> None:
        from compliance.review.compare import compare

        opened = []
        for path in self.paths:
            submission, verified = open_verified(path, self.trust, now=self.now)
            if verified is None:
                why = f"{path.name} did not verify ({submission.verdict.reason})"
                self.app.call_from_thread(self._show, None, why)
                return
            opened.append(verified)
        try:
            comparison = compare(opened[0], opened[1])
        except ComplianceError as error:
            self.app.call_from_thread(self._show, None, error.message)
            return
        self.app.call_from_thread(self._show, comparison, None)

    def _show(self, comparison: Comparison | None, problem: str | None) -> None:
        self.comparison = comparison
        self.problem = problem
        head = self.query_one("#compare-head", Static)
        body = self.query_one("#compare-body", Static)
        if comparison is None:
            head.update(Text("Cannot compare"))
            body.update(_literal(problem or ""))
            return
        head.update(Text(f"{self.paths[0].name} -> {self.paths[1].name}"))
        body.update(_literal("\n".join(_comparison_lines(comparison))))

    def action_dismiss_view(self) -> None:
        """Back to the inbox."""
        self.dismiss(None)
