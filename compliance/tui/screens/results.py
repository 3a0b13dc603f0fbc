"""Provides :class:`ResultsScreen`: the score, the domains, the flows and the remediation plan.

It shows the app's latest result and redraws whenever the debounced scoring worker produces a new
one. A report is rendered by :func:`compliance.report.render.render` in a worker and written where
the user says, and signs the assessment into a bundle with a key the user names.
"""

from __future__ import annotations

import importlib.util
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from compliance.errors import ComplianceError
from compliance.model.result import Result
from compliance.paths import documents_dir, in_folder
from compliance.tui import results_view as view
from compliance.tui.dialogs import Prompt
from compliance.tui.keys import KeySpec, bindings
from compliance.tui.loading import load_domain
from compliance.tui.safe import clean
from compliance.tui.screens.base import BaseScreen
from compliance.tui.session import Session
from compliance.tui.strings import tr
from compliance.tui.widgets.key_footer import KeyFooter
from compliance.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from compliance.signing.keys import SigningKey

__all__ = ["ResultsScreen"]

REPORT_FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".pdf": "pdf"}


def report_available() -> bool:
    """Whether the report module is installed."""
    return importlib.util.find_spec("compliance.report.render") is not None


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
            yield Static("", id="rs-next")
            yield Static("", id="rs-domains")
            yield Static("", id="rs-flows")
            yield Static("", id="rs-plan")
            yield Static("", id="rs-legend")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "result", self._result_changed, init=False)
        self.refresh_text()

    def _result_changed(self, result: Result | None) -> None:
        self.refresh_text()

    def on_resize(self) -> None:
        self.refresh_text()  # bars lengthen from 110 columns

    def refresh_text(self) -> None:
        result = self.session.result
        overall = self.query_one("#rs-overall", Static)
        if result is None:
            overall.update(tr("as.scoring", self.lang))
            return
        questionnaire, lang = self.session.questionnaire, self.lang
        overall.update(
            view.overall_part(questionnaire, result, self.session.client, lang, self.size.width)
        )
        self.query_one("#rs-next", Static).update(view.next_part(result, lang))
        self.query_one("#rs-domains", Static).update(
            view.domains_table(questionnaire, result, lang, self.size.width)
        )
        self.query_one("#rs-flows", Static).update(view.flows_part(questionnaire, result, lang))
        self.query_one("#rs-plan", Static).update(view.plan_part(questionnaire, result, lang))
        self.query_one("#rs-legend", Static).update(view.cited_legend(questionnaire, result, lang))

    # --- actions --------------------------------------------------------------------------

    def action_back(self) -> None:
        """Returns to the previous screen."""
        self.dismiss()

    def action_flows(self) -> None:
        """Opens the data flows (the ones already open, if the results were opened from them)."""
        self.capp.show("flows")

    def action_sign(self) -> None:
        """Unlocks the key (the last one used offered; a wrong passphrase said at once, the path
        kept), asks where to write (the documents folder), then signs in a worker."""
        from compliance.tui.dialogs import UnlockKey

        dialog = UnlockKey(self.capp.settings.signing_key or "", lang=self.lang)
        self.app.push_screen(dialog, lambda key: self._sign_where(key, dialog.path))

    def _sign_where(self, key: SigningKey | None, key_path: str) -> None:
        if key is None:
            return
        self.capp.remember(signing_key=key_path)
        folder = documents_dir()
        suggestion = str(folder / f"bundle-{self.session.assessment_id}.zip")

        def check(value: str) -> str | None:
            path = in_folder(folder, value)
            if path.suffix.lower() != ".zip":
                return tr("rs.sign_kind", self.lang)
            return None if path.parent.is_dir() else f"{path.parent}: no such folder"

        self.app.push_screen(
            Prompt(
                tr("ask.sign_path", self.lang),
                value=suggestion,
                check=check,
                note=tr("out.where", self.lang, folder=clean(folder)),
            ),
            partial(self._sign_to, key, folder),
        )

    def _sign_to(self, key: SigningKey, folder: Path, output: str | None) -> None:
        if output:
            self.sign_bundle(key, in_folder(folder, output))

    @work(thread=True, exclusive=True, group="sign", description="sign")
    def sign_bundle(self, key: SigningKey, output: Path) -> None:
        """Signs the assessment as it stands into a verified bundle at ``output`` with ``key``
        (unlocked by :class:`~compliance.tui.dialogs.signing_keys.UnlockKey`)."""
        session = self.session
        step, steps = self.progress_from_worker, 2
        try:
            step("work.loading", 0, steps)
            load_domain()
            from compliance.signing.sign import sign_assessment

            step("work.signing", 1, steps)
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
        folder = documents_dir()
        suggestion = str(folder / f"report-{self.session.assessment_id}-{self.lang}.html")

        def check(value: str) -> str | None:
            path = in_folder(folder, value)
            if path.suffix.lower() not in REPORT_FORMATS:
                return tr("rs.report_kind", self.lang)
            return None if path.parent.is_dir() else f"{path.parent}: no such folder"

        self.app.push_screen(
            Prompt(
                tr("ask.report_path", self.lang),
                value=suggestion,
                check=check,
                note=tr("out.where", self.lang, folder=clean(folder)),
            ),
            partial(self._report_to, folder),
        )

    def _report_to(self, folder: Path, value: str | None) -> None:
        if value:
            self.write_report(in_folder(folder, value))

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
