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

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from compliance.errors import ComplianceError
from compliance.review.detail import (
    Verified,
    checks,
    how_to_trust,
    html_copy,
    open_verified,
    report_text,
)
from compliance.review.text import clean
from compliance.signing.words import verdict_words
from compliance.tui.keys import KeySpec, bindings, relabel
from compliance.tui.strings import STRINGS, tr
from compliance.typography import colon, number

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


def _indented(title: str, lines: list[str]) -> Group:
    """``title`` over ``lines``, each indented with a hanging indent when it wraps (a line that
    starts with spaces is indented that much more), all as literal text."""
    grid = Table.grid(padding=0, expand=True)
    grid.add_column(width=2)
    grid.add_column(ratio=1)
    for line in lines:
        text = line.lstrip(" ")
        cell: RenderableType = _literal(text)
        if len(line) > len(text):
            cell = Padding(cell, (0, 0, 0, len(line) - len(text)))
        grid.add_row("", cell)
    return Group(_literal(title), grid)


def _status_word(status: str, lang: str) -> str:
    key = f"st.{status}"
    return tr(key, lang) if key in STRINGS else status


def _results(verified: Verified, lang: str = "en") -> list[str]:
    result = verified.result
    overall = result.overall
    summary = verified.submission.summary
    lines = [
        tr(
            "rv.overall",
            lang,
            score=number(overall.score, lang),
            rating=overall.rating if summary is None else summary.rating_label(lang),
            coverage=number(overall.coverage, lang),
        )
        + (tr("rv.provisional", lang) if overall.incomplete else ""),
    ]
    lines += [
        tr(
            "rv.domain",
            lang,
            id=d.id,
            score=number(d.score, lang),
            coverage=number(d.coverage, lang),
        )
        for d in result.domains
    ]
    for flow in result.flows:
        status = _status_word(flow.status, lang)
        lines.append(
            tr(
                "rv.flow",
                lang,
                id=flow.id,
                name=flow.name,
                status=status,
                score=number(flow.score, lang),
            )
        )
        lines += [f"      {r.code}: {r.message.get(lang)}" for r in flow.reasons]
    return lines


class DetailView(ModalScreen[bool]):
    """One submission, read-only: verification, results and report text.

    ``t`` reads the trust store again and verifies again; the view is dismissed with whether it
    did, so that the inbox verifies its folder again too.
    """

    DEFAULT_CSS = _CSS
    KEYS: ClassVar[list[KeySpec]] = [
        KeySpec("escape", "dismiss_view", "key.back"),
        KeySpec("b", "open_html", "rv.key.open_html"),
        KeySpec("t", "reload_trust", "rv.key.reload_trust"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = list(bindings(KEYS))

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
        self.trust_reloaded = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                Text(tr("rv.verifying_one", self.lang, name=clean(self.submission.name))),
                id="detail-head",
            )
            with VerticalScroll(id="detail-body"):
                yield Static(Text(""), id="detail-checks")
                yield Static(Text(""), id="detail-results")
                yield Static(Text(""), id="detail-report")
            yield Footer()

    def on_mount(self) -> None:
        relabel(self, self.KEYS, self.lang)
        self._load()

    @work(thread=True, exclusive=True, group="review-detail", description="verify bundle")
    def _load(self, reload_trust: bool = False) -> None:
        from compliance.signing.trust import TrustStore

        trust = self.trust
        if reload_trust and trust.folder is not None:
            try:
                trust = TrustStore.load(trust.folder)
            except ComplianceError as error:
                self.app.call_from_thread(self._failed, error.message)
                return
        submission, verified = open_verified(self.submission.path, trust, now=self.now)
        report = "" if verified is None else report_text(verified, lang=self.lang)
        trust_line = how_to_trust(submission, trust.folder)
        self.app.call_from_thread(self._show, submission, verified, report, trust_line, trust)

    def _failed(self, message: str) -> None:
        self.notify(clean(message), severity="error", markup=False)

    def _show(
        self,
        submission: Submission,
        verified: Verified | None,
        report: str,
        trust_line: str | None = None,
        trust: TrustStore | None = None,
    ) -> None:
        if trust is not None:
            self.trust = trust
        self.submission = submission
        self.verified = verified
        summary = submission.summary
        lang = self.lang
        head = f"{verdict_words(submission.verdict, lang)}{colon(lang)}{clean(submission.name)}"
        if summary is not None:
            head += tr(
                "rv.head_report",
                lang,
                organisation=clean(summary.organisation),
                report_id=summary.report_id,
            )
        self.query_one("#detail-head", Static).update(Text(head))
        said = checks(submission, lang=lang, trust_line=trust_line)
        self.query_one("#detail-checks", Static).update(
            _indented(tr("rv.verification", lang), said)
        )
        for part in ("#detail-results", "#detail-report"):
            self.query_one(part, Static).update(Text(""))
        if verified is not None:
            self.query_one("#detail-results", Static).update(
                _indented(f"\n{tr('rv.results', lang)}", _results(verified, lang))
            )
            self.query_one("#detail-report", Static).update(
                _literal(f"\n{tr('rv.report', lang)}\n\n" + report)
            )

    def action_open_html(self) -> None:
        """Opens the verified HTML report in the browser, from a private copy."""
        if self.verified is None:
            self.notify(tr("rv.html_unverified", self.lang), severity="error", markup=False)
            return
        try:
            self.opened = html_copy(self.verified, lang=self.lang)
        except ComplianceError as error:
            self.notify(clean(error.message), severity="error")
            return
        if self.opener is None:
            import webbrowser

            webbrowser.open(self.opened.as_uri())
        else:
            self.opener(self.opened.as_uri())
        self.notify(tr("rv.html_opened", self.lang), markup=False)

    def action_reload_trust(self) -> None:
        """Reads the trust store again and verifies this bundle again (after ``trust add``)."""
        self.trust_reloaded = True
        self.query_one("#detail-head", Static).update(
            Text(tr("rv.verifying_one", self.lang, name=clean(self.submission.name)))
        )
        self._load(True)

    def action_dismiss_view(self) -> None:
        """Back to the inbox (which verifies again when the trust store was read again)."""
        self.dismiss(self.trust_reloaded)


def _comparison_lines(comparison: Comparison, lang: str = "en") -> list[str]:
    a, b = comparison.before, comparison.after
    lines = [tr("rv.cmp_org", lang, id=comparison.registration_id, organisation=a.organisation)]
    for key, side in (("rv.cmp_before", a), ("rv.cmp_after", b)):
        lines.append(
            tr(
                key,
                lang,
                report_id=side.report_id,
                issued_at=side.issued_at,
                score=side.score,
                rating=side.rating,
            )
        )
    if comparison.flags:
        lines.append(tr("rv.cmp_flags", lang, flags=", ".join(comparison.flags)))
    for title, changes in (
        ("rv.cmp_ratings", comparison.ratings),
        ("rv.cmp_scores", comparison.scores),
        ("rv.cmp_flows", comparison.flows),
        ("rv.cmp_answers", comparison.answers),
    ):
        lines.append(tr("rv.cmp_changed", lang, title=tr(title, lang), count=len(changes)))
        for c in changes:
            before = "-" if c.before is None else clean(c.before, limit=100)
            after = "-" if c.after is None else clean(c.after, limit=100)
            lines.append(f"  {c.item}: {before} -> {after}")
    return lines


class CompareView(ModalScreen[None]):
    """Two submissions of one organisation: what changed between the cycles."""

    DEFAULT_CSS = _CSS
    KEYS: ClassVar[list[KeySpec]] = [KeySpec("escape", "dismiss_view", "key.back")]
    BINDINGS: ClassVar[list[BindingType]] = list(bindings(KEYS))

    def __init__(
        self,
        first: Path,
        second: Path,
        trust: TrustStore,
        *,
        now: dt.datetime | None = None,
        lang: str = "en",
    ) -> None:
        super().__init__()
        self.lang = lang
        self.paths = (first, second)
        self.trust = trust
        self.now = now
        self.comparison: Comparison | None = None
        self.problem: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(tr("rv.comparing", self.lang)), id="compare-head")
            with VerticalScroll():
                yield Static(Text(""), id="compare-body")
            yield Footer()

    def on_mount(self) -> None:
        relabel(self, self.KEYS, self.lang)
        self._load()

    @work(thread=True, exclusive=True, group="review-compare", description="compare bundles")
    def _load(self) -> None:
        from compliance.review.compare import compare

        opened = []
        for path in self.paths:
            submission, verified = open_verified(path, self.trust, now=self.now)
            if verified is None:
                why = tr(
                    "rv.not_verified",
                    self.lang,
                    name=path.name,
                    reason=submission.verdict.reason,
                )
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
            head.update(Text(tr("rv.cannot_compare", self.lang)))
            body.update(_literal(problem or ""))
            return
        head.update(Text(f"{self.paths[0].name} -> {self.paths[1].name}"))
        body.update(_literal("\n".join(_comparison_lines(comparison, self.lang))))

    def action_dismiss_view(self) -> None:
        """Back to the inbox."""
        self.dismiss(None)
