"""Provides :class:`ResultsScreen`: the score, the domains, the flows and the remediation plan.

It shows the app's latest result and redraws whenever the debounced scoring worker produces a new
one. A report is rendered by :func:`compliance.report.render.render` in a worker and written where
the user says, and signs the assessment into a bundle with a key the user names.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from compliance.errors import ComplianceError
from compliance.model.result import Result
from compliance.tui.dialogs import Prompt
from compliance.tui.format import (
    bar,
    number,
    percent,
    rating_text,
    reasons_text,
    refs_text,
    status_text,
)
from compliance.tui.keys import KeySpec, bindings
from compliance.tui.loading import load_domain
from compliance.tui.safe import clean, plain
from compliance.tui.screens.base import BaseScreen
from compliance.tui.session import Session
from compliance.tui.strings import tr
from compliance.tui.widgets.key_footer import KeyFooter
from compliance.tui.widgets.title_bar import TitleBar

__all__ = ["ResultsScreen"]

REPORT_FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".pdf": "pdf"}


def report_available() -> bool:
    """Whether the report module is installed."""
    return importlib.util.find_spec("compliance.report.render") is not None


def _heading(title: str) -> Text:
    """A section title on its own line. Only the title is styled: a style given to
    ``Text(...)`` itself covers everything appended later (the whole section was underlined)."""
    text = Text("\n")
    text.append(title, style="bold underline")
    text.append("\n")
    return text


class ResultsScreen(BaseScreen):
    """Where the assessment stands, and what to do next."""

    CSS_PATH = "results.tcss"

    KEYS: ClassVar[list[KeySpec]] = [
        KeySpec("escape", "back", "key.back", True),
        KeySpec("w", "report", "key.report", True),
        KeySpec("s", "sign", "key.sign", True),
        KeySpec("f", "flows", "key.flows", True),
    ]
    BINDINGS: ClassVar[list[BindingType]] = list(bindings(KEYS))

    def __init__(self) -> None:
        super().__init__(id="results")
        self.session: Session = self.open_session()

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="rs-body"):
            yield Static("", id="rs-overall")
            yield Static("", id="rs-domains")
            yield Static("", id="rs-flows")
            yield Static("", id="rs-plan")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "result", self._result_changed, init=False)
        self.refresh_text()

    def _result_changed(self, result: Result | None) -> None:
        self.refresh_text()

    def refresh_text(self) -> None:
        result = self.session.result
        overall = self.query_one("#rs-overall", Static)
        if result is None:
            overall.update(tr("as.scoring", self.lang))
            return
        overall.update(self.overall_text(result))
        self.query_one("#rs-domains", Static).update(self.domains_text(result))
        self.query_one("#rs-flows", Static).update(self.flows_text(result))
        self.query_one("#rs-plan", Static).update(self.plan_text(result))

    def overall_text(self, result: Result) -> Text:
        """The headline: score, rating, coverage, caps."""
        lang = self.lang
        questionnaire = self.session.questionnaire
        text = plain(self.session.client, style="bold")
        text.append(" · ")
        text.append(plain(questionnaire.title.get(lang)))
        text.append(f"\n{tr('rs.overall', lang)}: ", style="bold")
        text.append(bar(result.overall.score, 30))
        text.append("  ")
        text.append(rating_text(questionnaire, result.overall.rating, lang))
        text.append(f"\n{tr('rs.coverage', lang)}: {percent(result.overall.coverage)}%")
        if result.overall.incomplete:
            text.append(f" ({tr('rs.incomplete', lang)})", style="italic")
        if result.overall.caps:
            ids = ", ".join(cap.id for cap in result.overall.caps)
            text.append("\n⚠ ")
            text.append(plain(tr("rs.capped", lang, ids=ids), style="bold"))
        return text

    def domains_text(self, result: Result) -> Text:
        """One bar per domain, its number beside it."""
        lang = self.lang
        titles = {d.id: d.title.get(lang) for d in self.session.questionnaire.domains}
        text = _heading(tr("rs.domains", lang))
        width = max((len(t) for t in titles.values()), default=10)
        width = min(width, 24)
        for domain in result.domains:
            title = clean(titles.get(domain.id, domain.id))[:width].ljust(width)
            text.append(f"{title} ")
            text.append(bar(domain.score, 20))
            text.append(f"  {percent(domain.coverage)}%\n", style="dim")
        return text

    def flows_text(self, result: Result) -> Text:
        """Each flow with its status and the reasons behind it, with their articles."""
        lang = self.lang
        questionnaire = self.session.questionnaire
        text = _heading(tr("rs.flows", lang))
        if not result.flows:
            text.append(tr("rs.no_flows", lang) + "\n")
        for flow in result.flows:
            text.append("• ")
            text.append(plain(flow.name, style="bold"))
            text.append("  ")
            text.append(status_text(flow.status, lang))
            text.append("\n")
            text.append(reasons_text(flow, questionnaire, lang, indent="    "))
        return text

    def plan_text(self, result: Result) -> Text:
        """The remediation plan, most points first."""
        lang = self.lang
        questionnaire = self.session.questionnaire
        text = _heading(tr("rs.plan", lang))
        if not result.remediation:
            text.append(tr("rs.no_plan", lang) + "\n")
        for number_, item in enumerate(result.remediation, start=1):
            text.append(f"{number_}. ")
            text.append(plain(f"{item.control} {item.title.get(lang)}", style="bold"))
            text.append(f"  {tr('rs.impact', lang, impact=number(item.impact))}")
            if item.critical:
                text.append(f"  ⚠ {tr('rs.critical', lang)}", style="bold")
            text.append("\n   ")
            text.append(plain(item.remediation.get(lang), single_line=False))
            cited = refs_text(questionnaire, dict(item.refs), lang)
            if cited:
                text.append(f"\n   {cited}", style="dim")
            text.append("\n")
        return text

    # --- actions --------------------------------------------------------------------------

    def action_back(self) -> None:
        """Returns to the previous screen."""
        self.dismiss()

    def action_flows(self) -> None:
        """Opens the data flows (the ones already open, if the results were opened from them)."""
        self.capp.show("flows")

    def action_sign(self) -> None:
        """Asks for the key, its passphrase and where to write, then signs in a worker."""

        def check(value: str) -> str | None:
            return None if Path(value).expanduser().is_file() else tr("rs.no_file", self.lang)

        self.app.push_screen(Prompt(tr("ask.sign_key", self.lang), check=check), self._sign_key)

    def _sign_key(self, key: str | None) -> None:
        if key:
            self.app.push_screen(
                Prompt(tr("ask.sign_passphrase", self.lang), password=True),
                lambda passphrase: self._sign_passphrase(Path(key).expanduser(), passphrase),
            )

    def _sign_passphrase(self, key: Path, passphrase: str | None) -> None:
        if not passphrase:
            return
        suggestion = str(Path.cwd() / f"bundle-{self.session.assessment_id}.zip")

        def check(value: str) -> str | None:
            path = Path(value).expanduser()
            if path.suffix.lower() != ".zip":
                return tr("rs.sign_kind", self.lang)
            return None if path.parent.is_dir() else f"{path.parent}: no such folder"

        self.app.push_screen(
            Prompt(tr("ask.sign_path", self.lang), value=suggestion, check=check),
            lambda output: self._sign_to(key, passphrase, output),
        )

    def _sign_to(self, key: Path, passphrase: str, output: str | None) -> None:
        if output:
            self.sign_bundle(key, passphrase, Path(output).expanduser())

    @work(thread=True, exclusive=True, group="sign", description="sign")
    def sign_bundle(self, key_path: Path, passphrase: str, output: Path) -> None:
        """Signs the assessment as it stands into a verified bundle at ``output``."""
        session = self.session
        step, steps = self.progress_from_worker, 3
        try:
            step("work.loading", 0, steps)
            load_domain()
            from compliance.signing.keys import load_private_key
            from compliance.signing.sign import sign_assessment

            step("work.unlocking_key", 1, steps)
            key = load_private_key(key_path, passphrase)
            step("work.signing", 2, steps)
            sign_assessment(
                session.from_store(),  # re-read: never sign a stale copy
                session.questionnaire,
                key,
                output,
                valid_days=365,
                lang=self.lang,
            )
        except ComplianceError as error:
            self.app.call_from_thread(self.capp.error, str(error))
            return
        finally:
            self.app.call_from_thread(self.progress_done)
        self.app.call_from_thread(
            self.notify,
            tr("rs.signed", self.lang, path=clean(output), key_id=key.key_id[:16]),
            markup=False,
        )

    def action_report(self) -> None:
        """Asks where to write the report, then renders it in a worker."""
        if not report_available():
            self.notify(tr("rs.coming_report", self.lang), markup=False)
            return
        suggestion = str(Path.cwd() / f"report-{self.session.assessment_id}-{self.lang}.html")

        def check(value: str) -> str | None:
            path = Path(value).expanduser()
            if path.suffix.lower() not in REPORT_FORMATS:
                return tr("rs.report_kind", self.lang)
            return None if path.parent.is_dir() else f"{path.parent}: no such folder"

        self.app.push_screen(
            Prompt(tr("ask.report_path", self.lang), value=suggestion, check=check),
            self._report_to,
        )

    def _report_to(self, value: str | None) -> None:
        if value:
            self.write_report(Path(value).expanduser())

    @work(thread=True, exclusive=True, group="report", description="report")
    def write_report(self, path: Path) -> None:
        """Renders the report of the assessment as it stands and writes it to ``path``."""
        session = self.session
        fmt = REPORT_FORMATS[path.suffix.lower()]
        step, steps = self.progress_from_worker, 4
        try:
            step("work.loading", 0, steps)
            load_domain()
            from compliance.engine.scoring import score
            from compliance.files import write_atomically
            from compliance.report.render import render

            step("work.scoring", 1, steps)
            assessment = session.from_store()  # re-read: never report a stale copy
            result = score(session.questionnaire, assessment)
            step("work.rendering", 2, steps, fmt=fmt.upper())
            data = render(session.questionnaire, assessment, result, lang=self.lang, fmt=fmt)
            step("work.writing", 3, steps, name=clean(path.name))
            write_atomically(path, data)
        except ComplianceError as error:
            self.app.call_from_thread(self.capp.error, str(error))
            return
        except OSError as error:
            self.app.call_from_thread(self.capp.error, f"{path}: {error.strerror or error}")
            return
        finally:
            self.app.call_from_thread(self.progress_done)
        self.app.call_from_thread(
            self.notify, tr("rs.report_written", self.lang, path=clean(path)), markup=False
        )
