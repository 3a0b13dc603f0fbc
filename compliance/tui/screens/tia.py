"""Provides :class:`TiaScreen`: the transfer impact assessment of one flow, step by step.

Opened with ``t`` on the flows screen. One section per EDPB step: the transfer and the tool (read
from the flow; the flow form edits them), the destination's law and practice with the country
sheet beside the bases (the highlighted basis's sheet entry: what it allows, who can be compelled,
oversight, redress, the four European Essential Guarantees, its sources and whether it was checked
against its primary text), the supplementary measures with a warning for a measure that cannot be
effective in the flow's use case, the quantitative estimate, the procedural steps and the
re-evaluation.

The TIA can be started here: step 3 (for each basis of the sheet, whether it applies, ``a`` on the
list, and why), step 4 (the EDPB use case; supplementary measures added and removed), step 6 (the
TIA's date and the re-evaluation date, typed ``DD/MM/YYYY`` or ``YYYY-MM-DD``, at most a year
apart) and the quantitative inputs are editable. A basis marked applying gets its estimate row at
once. The quantitative inputs: the period, the tolerance and, per legal basis that applies
(or already estimated), the four yearly probabilities and a justification. Every change is read at
once; the probability over the period, the comparison with the tolerance and the sensitivity are
computed by the engine and shown as the inputs change. Input that does not read is named on the
result line and not saved; input that reads is saved a moment after the last keystroke, through the
session's ordered writer like every other change of the assessment (Ctrl+S saves at once).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from compliance.errors import ComplianceError
from compliance.model.assessment import Flow
from compliance.model.dates import parse_date
from compliance.model.tia import (
    EFFECTIVE_USE_CASES,
    INPUTS,
    MAX_PERIOD_YEARS,
    USE_CASES,
    MeasureKind,
    Quantitative,
    SupplementaryMeasure,
    Tia,
    UseCase,
    review_limit,
)
from compliance.tui.dialogs import Confirm
from compliance.tui.keys import KeySpec, bindings
from compliance.tui.safe import clean, plain
from compliance.tui.screens.base import BaseScreen
from compliance.tui.strings import LANGUAGES, tr
from compliance.tui.widgets.key_footer import KeyFooter
from compliance.tui.widgets.title_bar import TitleBar
from compliance.typography import colon, number

if TYPE_CHECKING:
    from textual.timer import Timer

    from compliance.engine.tia import Estimate, Sensitivity
    from compliance.model.country_sheet import CountrySheet, LegalBasis
    from compliance.model.reference import ReferenceData
    from compliance.tui.session import Session

__all__ = ["SAVE_DELAY", "TiaScreen", "probability_text"]

SAVE_DELAY = 0.6
"""Seconds after the last keystroke before input that reads is saved."""


def _input_name(name: str, lang: str) -> str:
    """One of the four probabilities of a basis (:data:`INPUTS`) named in ``lang``: ``p_target``
    as ``P(target)``, ``P(ciblage)``, ``P(الاستهداف)``."""
    return tr(f"tia.in.{name}", lang)


def _use_case_name(use_case: str, lang: str) -> str:
    """A use case named as the TIA document names it; the screen's own short name in a language
    the document's table does not have yet."""
    from compliance.report.tia_strings import USE_CASE_NAMES

    names: tuple[str, ...] = USE_CASE_NAMES[use_case]
    index = LANGUAGES.index(lang) if lang in LANGUAGES else 0
    return names[index] if index < len(names) else tr(f"tia.uc.{use_case}", lang)


def probability_text(value: Decimal, lang: str) -> str:
    """A probability as a percentage with two decimals, or two significant digits when smaller
    (``0.0012%``), so a small risk never reads as zero: as the TIA document writes it."""
    from compliance.report.tia import probability

    return probability(value, lang)


def _number(text: str) -> Decimal:
    """A number typed in either language (``0.05``, ``0,05``); ValueError saying what is wrong."""
    from compliance.typography import parse_number

    return parse_number(text)


class _Unreadable(Exception):
    """An input that does not read: which one, and why (both in the interface language)."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class TiaScreen(BaseScreen):
    """The TIA of one flow: its steps, the country sheet beside the bases, the live estimate."""

    CSS_PATH = "tia.tcss"

    KEYS: ClassVar[list[KeySpec]] = [
        KeySpec("escape", "back", "key.back", True),
        KeySpec("ctrl+s", "save", "key.save", True, priority=True),
        KeySpec("a", "applies", "key.tia_applies", True),
        KeySpec("delete", "remove_measure", "key.tia_remove", False),
    ]
    BINDINGS: ClassVar[list[BindingType]] = list(bindings(KEYS))

    def __init__(self, flow_id: str) -> None:
        super().__init__(id="tia")
        self.session: Session = self.open_session()
        self.flow_id = flow_id
        self.problem: str | None = None
        """Why the inputs do not read (None when they do)."""
        self.quantitative: Quantitative | None = None
        """The estimate the inputs give (None: no estimate, or input that does not read)."""
        self.dirty = False
        """Whether input that reads was changed and is not yet written."""
        self._save_timer: Timer | None = None
        flow = self.flow
        self._rows = self._basis_rows(flow)
        self._law: dict[str, dict[str, Any]] = {b.basis: b.model_dump() for b in flow.tia.law or ()}
        """Step 3 as edited: per basis, ``applies``, ``justification`` (and the kept ``eeg``)."""
        self._use_case: UseCase | None = flow.tia.use_case
        self._measures: list[SupplementaryMeasure] = list(flow.tia.supplementary or ())
        self.date_problem: str | None = None
        """Why the TIA date or the re-evaluation date does not read (shown in the field)."""
        self._dates: tuple[dt.date | None, dt.date | None] = (flow.tia.date, flow.tia.review_by)

    # --- what the screen shows ---------------------------------------------------------------

    @property
    def flow(self) -> Flow:
        found = self.session.assessment.flow(self.flow_id)
        if found is None:
            raise ComplianceError(f"the flow {self.flow_id} is no longer in the assessment")
        return found

    @property
    def reference(self) -> ReferenceData:
        from compliance.model.reference import ReferenceData

        return self.session.questionnaire.reference or ReferenceData()

    @property
    def country(self) -> str:
        from compliance.report.tia import tia_country

        return tia_country(self.flow) or self.flow.importer.country

    @property
    def sheet(self) -> CountrySheet | None:
        return self.reference.sheet(self.country)

    def _basis_rows(self, flow: Flow) -> list[str]:
        """The bases the estimate has a row for: those already estimated, then those the TIA says
        apply, in the sheet's order."""
        tia = flow.tia
        rows = [b.basis for b in tia.quantitative.bases] if tia.quantitative else []
        applying = [b.basis for b in tia.law or () if b.applies]
        sheet = self.sheet
        order = list(sheet.basis_ids()) if sheet is not None else []
        applying.sort(key=lambda b: order.index(b) if b in order else len(order))
        rows += [b for b in applying if b not in rows]
        return rows

    def basis_name(self, basis_id: str) -> str:
        sheet = self.sheet
        basis = sheet.basis(basis_id) if sheet is not None else None
        return basis.name.get(self.lang) if basis is not None else basis_id

    def compose(self) -> ComposeResult:
        flow = self.flow
        quantitative = flow.tia.quantitative
        yield TitleBar()
        yield Static("", id="tia-heading", classes="status")
        yield Static("", id="tia-result")
        with VerticalScroll(id="tia-body"):
            yield Static("", id="tia-step1-title", classes="tia-title")
            yield Static("", id="tia-step1", classes="tia-text")
            yield Static("", id="tia-step2-title", classes="tia-title")
            yield Static("", id="tia-step2", classes="tia-text")
            yield Static("", id="tia-step3-title", classes="tia-title")
            yield Static("", id="tia-sheet-note", classes="tia-text")
            with Horizontal(id="tia-law"):
                yield OptionList(id="tia-bases")
                with VerticalScroll(id="tia-sheet-pane"):
                    yield Static("", id="tia-sheet")
            yield Static("", id="tia-law-hint", classes="tia-text")
            yield Input("", id="tia-law-why", classes="tia-why")
            yield Static("", id="tia-step4-title", classes="tia-title")
            yield Select[str](
                [(tr(f"tia.uc.{case}", self.lang), case) for case in USE_CASES],
                prompt=tr("tia.use_case_prompt", self.lang),
                value=self._use_case or Select.NULL,
                id="tia-use-case",
            )
            yield Static("", id="tia-step4", classes="tia-text")
            yield OptionList(id="tia-measures")
            with Horizontal(classes="tia-pair"):
                yield Select[str](
                    [(tr(f"tia.kind.{kind}", self.lang), kind) for kind in _KINDS],
                    value="technical",
                    allow_blank=False,
                    id="tia-measure-kind",
                )
                yield Input("", id="tia-measure-bases")
            yield Input("", id="tia-measure-text", classes="tia-why")
            yield Static("", id="tia-measure-note", classes="tia-text")
            yield Static("", id="tia-calc-title", classes="tia-title")
            with Horizontal(classes="tia-pair"):
                yield Static("", id="tia-period-label", classes="tia-label")
                yield Input(
                    str(quantitative.period_years) if quantitative else "5",
                    id="tia-period",
                    classes="tia-short",
                )
                yield Static("", id="tia-tolerance-label", classes="tia-label")
                yield Input(
                    self._decimal(quantitative.tolerance) if quantitative else "",
                    id="tia-tolerance",
                    classes="tia-short",
                )
            given = {b.basis: b for b in quantitative.bases} if quantitative else {}
            for index, basis_id in enumerate(self._rows):
                yield self._basis_row(index, given.get(basis_id))
            yield Static("", id="tia-calc", classes="tia-text")
            yield Static("", id="tia-step5-title", classes="tia-title")
            yield Static("", id="tia-step5", classes="tia-text")
            yield Static("", id="tia-step6-title", classes="tia-title")
            tia = self.flow.tia
            with Horizontal(classes="tia-pair"):
                yield Static("", id="tia-date-label", classes="tia-label")
                yield Input(
                    tia.date.isoformat() if tia.date else "", id="tia-date", classes="tia-date"
                )
                yield Static("", id="tia-review-label", classes="tia-label")
                yield Input(
                    tia.review_by.isoformat() if tia.review_by else "",
                    id="tia-review-by",
                    classes="tia-date",
                )
            yield Static("", id="tia-date-error", classes="tia-text")
            yield Static("", id="tia-step6", classes="tia-text")
        yield KeyFooter()

    @staticmethod
    def _basis_row(index: int, row: Any) -> Vertical:
        """The estimate row of one basis: its name, the four probabilities, the justification."""
        justification = row.justification if row else ""
        why: Widget = (
            Input(justification, id=f"tia-why-{index}", classes="tia-why")
            if isinstance(justification, str)
            else Static("", id=f"tia-why-{index}", classes="tia-why-kept")
        )
        return Vertical(
            Static("", id=f"tia-basis-{index}", classes="tia-basis-name"),
            Horizontal(
                *(Static("", classes=f"tia-p-label tia-label-{name}") for name in INPUTS),
                classes="tia-input-labels",
            ),
            Horizontal(
                *(
                    Input(
                        TiaScreen._decimal(getattr(row, name)) if row else "",
                        placeholder=_input_name(name, "en"),
                        id=f"tia-{name}-{index}",
                        classes="tia-p",
                    )
                    for name in INPUTS
                ),
                classes="tia-inputs",
            ),
            why,
            classes="tia-basis-row",
        )

    @staticmethod
    def _decimal(value: Decimal) -> str:
        return f"{value.normalize():f}" if value != 0 else "0"

    def on_mount(self) -> None:
        self._read_inputs()
        self.refresh_text()
        self.query_one("#tia-bases", OptionList).focus(scroll_visible=False)

    def refresh_text(self) -> None:
        lang, flow = self.lang, self.flow
        country = self._country_name(self.country)
        heading = plain(tr("tia.heading", lang, flow=clean(flow.name), country=country), "bold")
        self.query_one("#tia-heading", Static).update(heading)
        for key in ("step1", "step2", "step4", "calc", "step5", "step6"):
            self.query_one(f"#tia-{key}-title", Static).update(tr(f"tia.{key}", lang))
        self.query_one("#tia-step3-title", Static).update(tr("tia.step3", lang, country=country))
        self.query_one("#tia-step1", Static).update(self._transfer_text())
        self.query_one("#tia-step2", Static).update(self._tool_text())
        self.query_one("#tia-sheet-note", Static).update(self._sheet_note())
        self._fill_bases()
        self.query_one("#tia-law-hint", Static).update(Text(tr("tia.law_hint", lang), style="dim"))
        self.query_one("#tia-law-why", Input).placeholder = tr("tia.law_why", lang)
        self.query_one("#tia-step4", Static).update(self._measures_text())
        self._fill_measures()
        self.query_one("#tia-measure-text", Input).placeholder = tr("tia.measure_text", lang)
        self.query_one("#tia-measure-bases", Input).placeholder = tr("tia.measure_bases", lang)
        self.query_one("#tia-date-label", Static).update(tr("tia.date", lang))
        self.query_one("#tia-review-label", Static).update(tr("tia.review", lang))
        for box in self.query(".tia-date").results(Input):
            box.placeholder = tr("tia.date_hint", lang)
        self.query_one("#tia-period-label", Static).update(tr("tia.period", lang))
        self.query_one("#tia-tolerance-label", Static).update(tr("tia.tolerance", lang))
        for index, basis_id in enumerate(self._rows):
            name = plain(f"{self.basis_name(basis_id)} ", "bold")
            name.append(plain(basis_id, "dim"))
            self.query_one(f"#tia-basis-{index}", Static).update(name)
            why = self.query_one(f"#tia-why-{index}")
            if isinstance(why, Input):
                why.placeholder = tr("tia.justification", lang)
            elif isinstance(why, Static):
                why.update(tr("tia.per_input", lang))
            for name_key in INPUTS:
                box = self.query_one(f"#tia-{name_key}-{index}", Input)
                box.placeholder = _input_name(name_key, lang)
        for name_key in INPUTS:
            for label in self.query(f".tia-label-{name_key}").results(Static):
                label.update(_input_name(name_key, lang))
        self.query_one("#tia-step5", Static).update(self._procedural_text())
        self.query_one("#tia-step6", Static).update(self._review_text())
        self._read_inputs()  # its problems are worded in the interface language
        self._show_result()

    def _country_name(self, code: str) -> str:
        name = self.reference.countries.get(code)
        return f"{name.get(self.lang)} ({code})" if name else code

    def _yes_no(self, value: bool | None) -> str:
        if value is None:
            return tr("tia.unknown", self.lang)
        return tr("tia.yes" if value else "tia.no", self.lang)

    def _lines(self, rows: list[tuple[str, str]]) -> Text:
        text = Text()
        for index, (label, value) in enumerate(rows):
            if index:
                text.append("\n")
            text.append(f"{label}{colon(self.lang)}", style="dim")
            text.append(plain(value))
        return text

    def _transfer_text(self) -> Text:
        flow, lang = self.flow, self.lang
        unknown = tr("tia.unknown", lang)
        names = {f.id: f.name for f in self.session.assessment.flows}
        rows = [
            (tr("tia.purpose", lang), flow.purpose or unknown),
            (tr("tia.data", lang), ", ".join(flow.data_categories) or unknown),
            (tr("tia.subjects", lang), ", ".join(flow.subject_categories) or unknown),
            (
                tr("tia.volume", lang),
                unknown
                if flow.subjects_count is None
                else number(flow.subjects_count, lang, 0, group=True),
            ),
            (
                tr("tia.frequency", lang),
                tr(f"fl.freq.{flow.frequency}", lang) if flow.frequency else unknown,
            ),
            (tr("tia.mode", lang), tr(f"tia.mode.{flow.mode}", lang) if flow.mode else unknown),
            (tr("tia.storage", lang), ", ".join(flow.storage_locations) or unknown),
            (tr("tia.access", lang), ", ".join(flow.access_locations) or unknown),
            (
                tr("tia.onward", lang),
                ", ".join(names.get(i, i) for i in flow.onward) or tr("tia.none", lang),
            ),
        ]
        return self._lines(rows)

    def _tool_text(self) -> Text:
        from compliance.tui.dialogs.flow_form import mechanism_choices

        flow, lang = self.flow, self.lang
        tools = dict(mechanism_choices(self.session.questionnaire, lang))
        mechanism = flow.gdpr_mechanism
        return self._lines(
            [
                (
                    tr("tia.mechanism", lang),
                    tools.get(mechanism, mechanism) if mechanism else tr("tia.unknown", lang),
                ),
                (tr("tia.scc_signed", lang), self._yes_no(flow.contract.scc_signed)),
            ]
        )

    def _sheet_note(self) -> Text:
        sheet, lang = self.sheet, self.lang
        country = self._country_name(self.country)
        if sheet is None:
            return Text(tr("tia.no_sheet", lang, country=country), style="yellow")
        return Text(
            tr(
                "tia.sheet_of",
                lang,
                country=country,
                date=sheet.as_of.isoformat(),
                verified=sheet.verified_count(),
                count=len(sheet.bases),
            )
        )

    # --- step 3: the bases and the sheet beside them ------------------------------------------

    def _basis_ids(self) -> list[str]:
        sheet = self.sheet
        ids = list(sheet.basis_ids()) if sheet is not None else []
        ids += [b for b in self._law if b not in ids]
        return ids

    def _applies(self, basis_id: str) -> str:
        applies = self._law.get(basis_id, {}).get("applies")
        if applies is None:
            return "unknown"
        return "yes" if applies else "no"

    def _fill_bases(self) -> None:
        bases = self.query_one("#tia-bases", OptionList)
        highlighted = bases.highlighted
        bases.clear_options()
        ids = self._basis_ids()
        for basis_id in ids:
            state = self._applies(basis_id)
            label = Text(tr(f"tia.applies.{state}", self.lang), style=_APPLIES_STYLE[state])
            label.append("\n")
            label.append(plain(self.basis_name(basis_id)))
            bases.add_option(Option(label, id=basis_id))
        if ids:
            bases.highlighted = min(highlighted or 0, len(ids) - 1)
        self._show_sheet()

    @on(OptionList.OptionHighlighted, "#tia-bases")
    def _basis_highlighted(self) -> None:
        self._show_sheet()

    def _show_sheet(self) -> None:
        bases = self.query_one("#tia-bases", OptionList)
        index = bases.highlighted
        ids = self._basis_ids()
        pane = self.query_one("#tia-sheet", Static)
        why = self.query_one("#tia-law-why", Input)
        if index is None or not 0 <= index < len(ids):
            pane.update(tr("tia.no_bases", self.lang))
            why.disabled = True
            return
        pane.update(self._sheet_text(ids[index]))
        why.disabled = False
        typed = str(self._law.get(ids[index], {}).get("justification") or "")
        if why.value != typed:
            with why.prevent(Input.Changed):
                why.value = typed

    def _highlighted_basis(self) -> str | None:
        index = self.query_one("#tia-bases", OptionList).highlighted
        ids = self._basis_ids()
        return ids[index] if index is not None and 0 <= index < len(ids) else None

    async def action_applies(self) -> None:
        """Marks the highlighted basis as applying (or, when it applies, as not applying); a
        basis that applies gets its estimate row at once."""
        basis_id = self._highlighted_basis()
        if basis_id is None:
            return
        entry = self._law.setdefault(basis_id, {"basis": basis_id})
        entry["applies"] = not entry.get("applies")
        if entry["applies"] and basis_id not in self._rows:
            index = len(self._rows)
            self._rows.append(basis_id)
            await self.query_one("#tia-body", VerticalScroll).mount(
                self._basis_row(index, None), before="#tia-calc"
            )
        self.refresh_text()
        self._edited()

    def _sheet_text(self, basis_id: str) -> Text:
        lang = self.lang
        sheet = self.sheet
        basis: LegalBasis | None = sheet.basis(basis_id) if sheet is not None else None
        mine = str(self._law.get(basis_id, {}).get("justification") or "")
        text = plain(self.basis_name(basis_id), "bold")
        text.append("\n")
        if mine.strip():
            text.append(f"{tr('tia.why', lang)}{colon(lang)}", style="dim")
            text.append(plain(mine, single_line=False))
            text.append("\n")
        if basis is None:
            text.append(tr("tia.not_on_sheet", lang), style="yellow")
            return text
        if basis.verified:
            text.append(tr("tia.verified", lang), style="green")
        else:
            caveat = basis.caveat.get(lang) if basis.caveat else ""
            text.append(tr("tia.unverified", lang, caveat=clean(caveat)), style="yellow")
        for key, value in (
            ("tia.allows", basis.allows),
            ("tia.compelled", basis.compelled),
            ("tia.oversight", basis.oversight),
            ("tia.redress", basis.redress),
        ):
            text.append(f"\n{tr(key, lang)}: ", style="dim")
            text.append(plain(value.get(lang), single_line=False))
        text.append(f"\n{tr('tia.eeg', lang)}:", style="dim")
        for letter, reading in basis.eeg.items():
            text.append(f"\n {letter.upper()} ")
            text.append(
                tr(f"tia.verdict.{reading.verdict}", lang), style=_VERDICT_STYLE[reading.verdict]
            )
            text.append(" · ")
            text.append(plain(reading.assessment.get(lang), single_line=False))
        text.append(f"\n{tr('tia.sources', lang)}:", style="dim")
        for source in basis.sources:
            text.append("\n · ")
            text.append(plain(source.citation))
        return text

    # --- step 4 and steps 5 and 6 ---------------------------------------------------------------

    def _measures_text(self) -> Text:
        lang, use_case = self.lang, self._use_case
        text = Text()
        if use_case is None:
            text.append(tr("tia.no_use_case", lang))
        else:
            name = _use_case_name(use_case, lang)
            text.append(tr("tia.use_case", lang, name=name))
            effective = use_case in EFFECTIVE_USE_CASES
            text.append("\n")
            text.append(
                tr("tia.effective" if effective else "tia.not_effective", lang),
                style="" if effective else "yellow",
            )
        text.append("\n")
        key = "tia.measures_hint" if self._measures else "tia.no_measures"
        text.append(tr(key, lang), style="dim")
        return text

    def _fill_measures(self) -> None:
        """The measures as edited, each with the bases it is claimed against and the warning of
        a measure that cannot be effective in the use case."""
        from compliance.engine.tia import ineffective_claims

        lang = self.lang
        box = self.query_one("#tia-measures", OptionList)
        highlighted = box.highlighted
        box.clear_options()
        reported = {claim.measure for claim in ineffective_claims(self._current_tia())}
        for index, measure in enumerate(self._measures):
            label = Text(f"{tr(f'tia.kind.{measure.kind}', lang)} · ", style="dim")
            label.append(plain(measure.description))
            bases = ", ".join(self.basis_name(b) for b in measure.neutralises)
            if bases:
                label.append(" ")
                label.append(plain(tr("tia.measure_against", lang, bases=bases), "dim"))
            if index in reported:
                label.append("\n")
                label.append(tr("tia.measure_warning", lang), style="bold yellow")
            box.add_option(Option(label))
        box.display = bool(self._measures)
        if self._measures:
            box.highlighted = min(highlighted or 0, len(self._measures) - 1)

    def _current_tia(self) -> Tia:
        """The stored TIA with the edited use case and measures (for the measures' warnings)."""
        return self.flow.tia.model_copy(
            update={"use_case": self._use_case, "supplementary": tuple(self._measures) or None}
        )

    @on(Select.Changed, "#tia-use-case")
    def _use_case_changed(self, event: Select.Changed) -> None:
        event.stop()
        value = event.value
        chosen: UseCase | None = next((c for c in USE_CASES if c == value), None)
        if chosen == self._use_case:
            return
        self._use_case = chosen
        self.query_one("#tia-step4", Static).update(self._measures_text())
        self._fill_measures()
        self._edited()

    @on(Input.Submitted, "#tia-measure-text, #tia-measure-bases")
    def _add_measure(self, event: Input.Submitted) -> None:
        """Adds the measure typed (its kind, what it does, the bases it neutralises)."""
        event.stop()
        lang = self.lang
        note = self.query_one("#tia-measure-note", Static)
        text_box = self.query_one("#tia-measure-text", Input)
        bases_box = self.query_one("#tia-measure-bases", Input)
        description = text_box.value.strip()
        if not description:
            note.update(Text(tr("tia.measure_no_text", lang), style="bold red"))
            text_box.focus()
            return
        known = self._basis_ids()
        bases: list[str] = []
        for part in bases_box.value.split(","):
            basis = part.strip()
            if not basis or basis in bases:
                continue
            if basis not in known:
                problem = tr(
                    "tia.measure_unknown_basis",
                    lang,
                    basis=clean(basis),
                    ids=", ".join(known) or "-",
                )
                note.update(Text(problem, style="bold red"))
                bases_box.focus()
                return
            bases.append(basis)
        kind_value = self.query_one("#tia-measure-kind", Select).value
        kind: MeasureKind = next((k for k in _KINDS if k == kind_value), "technical")
        try:
            measure = SupplementaryMeasure(kind=kind, description=description, neutralises=bases)
        except ValidationError as error:
            message = str(error.errors()[0].get("msg", "")).removeprefix("Value error, ")
            note.update(Text(message, style="bold red"))
            return
        self._measures.append(measure)
        note.update("")
        with text_box.prevent(Input.Changed), bases_box.prevent(Input.Changed):
            text_box.value = ""
            bases_box.value = ""
        self.query_one("#tia-step4", Static).update(self._measures_text())
        self._fill_measures()
        self._edited()

    def action_remove_measure(self) -> None:
        """Removes the highlighted measure (when the list of measures has the focus)."""
        box = self.query_one("#tia-measures", OptionList)
        index = box.highlighted
        if self.focused is not box or index is None or not 0 <= index < len(self._measures):
            return
        del self._measures[index]
        self.query_one("#tia-step4", Static).update(self._measures_text())
        self._fill_measures()
        self._edited()

    def _procedural_text(self) -> Text:
        steps, lang = self.flow.tia.procedural, self.lang
        if steps is None:
            return Text(tr("tia.procedural_unknown", lang), style="dim")
        if not steps:
            return Text(tr("tia.procedural_none", lang))
        text = Text()
        for index, step in enumerate(steps):
            if index:
                text.append("\n")
            text.append(" • ")
            text.append(plain(step.step))
            state = (
                "tia.unknown" if step.done is None else ("tia.done" if step.done else "tia.pending")
            )
            text.append(f" ({tr(state, lang)})", style="dim")
        return text

    def _review_text(self) -> Text:
        tia, lang = self.flow.tia, self.lang
        text = Text()
        if tia.review_by is None:
            text.append(tr("tia.review_unknown", lang), style="yellow")
        else:
            text.append(tr("tia.review_by", lang, date=tia.review_by.isoformat()))
            as_of = self.session.assessment.as_of
            if as_of is not None and tia.review_by < as_of:
                text.append(" ")
                text.append(tr("tia.overdue", lang), style="bold yellow")
        if tia.triggers:
            text.append("\n")
            text.append(plain(tr("tia.triggers", lang, items="; ".join(tia.triggers))))
        return text

    # --- the estimate ---------------------------------------------------------------------------

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        widget_id = event.input.id
        if widget_id in ("tia-measure-text", "tia-measure-bases"):
            return  # a measure being typed is part of the TIA once added
        if widget_id == "tia-law-why":
            basis_id = self._highlighted_basis()
            if basis_id is None:
                return
            entry = self._law.setdefault(basis_id, {"basis": basis_id})
            entry["justification"] = event.value
            self._show_sheet()
        self._edited()

    def _edited(self) -> None:
        """Reads everything again, shows the result, and saves soon when it reads and differs."""
        self._read_inputs()
        self._show_result()
        if self.problem is None and self._differs():
            self.dirty = True
            self._schedule_save()

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    def _read_inputs(self) -> None:
        """Reads every input into :attr:`quantitative`, or says in :attr:`problem` which one does
        not read and why (in the interface language)."""
        self.problem = None
        self.quantitative = None
        self._read_dates()
        try:
            data = self._data()
            self._check_law()
        except _Unreadable as error:
            self.problem = tr("tia.problem", self.lang, field=error.field, problem=error.problem)
            return
        if data is not None:
            try:
                self.quantitative = Quantitative.model_validate(data)
            except ValidationError as error:
                self.problem = self._validation_problem(error, data["bases"])
                return
        self.problem = self.problem or self.date_problem or self._engine_problem()

    def _engine_problem(self) -> str | None:
        """What the engine's checks refuse in the edited TIA (a measure or an estimate naming a
        basis step 3 does not assess...), so that nothing the scorer would refuse is saved."""
        from compliance.engine.validation import check_assessment

        try:
            tia = self._edited_tia()
        except ValidationError as error:
            message = str(error.errors()[0].get("msg", "")).removeprefix("Value error, ")
            return tr("tia.problem", self.lang, field="TIA", problem=message)
        assessment = self.session.assessment
        flows = tuple(
            f.model_copy(update={"tia": tia}) if f.id == self.flow_id else f
            for f in assessment.flows
        )
        index = next(i for i, f in enumerate(flows) if f.id == self.flow_id)
        edited = assessment.model_copy(update={"flows": flows})
        for where, message in check_assessment(self.session.questionnaire, edited):
            if tuple(where[:3]) == ("flows", index, "tia"):
                return tr("tia.problem", self.lang, field="TIA", problem=message)
        return None

    def _check_law(self) -> None:
        """Step 3: a basis marked as applying or not says why; :class:`_Unreadable` otherwise."""
        for basis_id, entry in self._law.items():
            if (
                entry.get("applies") is not None
                and not str(entry.get("justification") or "").strip()
            ):
                field = f"{self.basis_name(basis_id)} · {tr('tia.justification', self.lang)}"
                raise _Unreadable(field, tr("tia.law_why_missing", self.lang))

    def _law_data(self) -> list[dict[str, Any]] | None:
        entries = [
            {**entry, "justification": str(entry.get("justification") or "").strip() or None}
            for entry in self._law.values()
            if entry.get("applies") is not None
            or str(entry.get("justification") or "").strip()
            or entry.get("eeg") is not None
        ]
        if not entries and self.flow.tia.law is None:
            return None
        return entries

    def _read_dates(self) -> None:
        """Step 6: the TIA's date and the re-evaluation date, at most a year apart; the problem
        is shown under the fields (and nothing is saved while there is one)."""
        lang = self.lang
        self.date_problem = None
        boxes = (self.query_one("#tia-date", Input), self.query_one("#tia-review-by", Input))
        read: list[dt.date | None] = []
        bad: Input | None = None
        for box, label in zip(boxes, ("tia.date", "tia.review"), strict=True):
            text = box.value.strip()
            value = parse_date(text) if text else None
            if text and value is None and bad is None:
                bad = box
                self.date_problem = tr(
                    "tia.problem",
                    lang,
                    field=tr(label, lang),
                    problem=tr("tia.not_date", lang, text=clean(text)),
                )
            read.append(value)
        date, review = read
        if bad is None and review is not None:
            problem: str | None = None
            if date is None:
                problem = tr("tia.review_needs_date", lang)
                bad = boxes[0]
            elif review < date:
                problem = tr(
                    "tia.review_before", lang, review=review.isoformat(), date=date.isoformat()
                )
            elif review > review_limit(date):
                problem = tr(
                    "tia.review_too_late",
                    lang,
                    review=review.isoformat(),
                    limit=review_limit(date).isoformat(),
                )
            if problem is not None:
                bad = bad or boxes[1]
                self.date_problem = tr(
                    "tia.problem", lang, field=tr("tia.review", lang), problem=problem
                )
        for box in boxes:
            box.set_class(box is bad, "-invalid")
        error = self.query_one("#tia-date-error", Static)
        error.update(Text(self.date_problem or "", style="bold red"))
        error.display = self.date_problem is not None
        if self.date_problem is None:
            self._dates = (date, review)

    def _probability(self, text: str, field: str) -> str:
        """A probability as typed, checked; :class:`_Unreadable` naming ``field`` otherwise."""
        lang = self.lang
        if not text:
            raise _Unreadable(field, tr("tia.p_missing", lang))
        try:
            value = _number(text)
        except ValueError:
            raise _Unreadable(field, tr("tia.nan", lang, text=clean(text))) from None
        if not 0 <= value <= 1:
            raise _Unreadable(field, tr("tia.range", lang, text=clean(text)))
        return str(value)

    def _data(self) -> dict[str, Any] | None:
        """The estimate the inputs give, as model data (None: nothing is estimated)."""
        lang = self.lang
        stored = self.flow.tia.quantitative
        given = {b.basis: b for b in stored.bases} if stored is not None else {}
        bases: list[dict[str, Any]] = []
        for index, basis_id in enumerate(self._rows):
            texts = {name: self._value(f"tia-{name}-{index}").strip() for name in INPUTS}
            why_widget = self.query_one(f"#tia-why-{index}")
            typed = isinstance(why_widget, Input)
            why: object = (
                why_widget.value.strip()
                if isinstance(why_widget, Input)
                else given[basis_id].justification
            )
            if not any(texts.values()) and (why == "" or not typed):
                continue  # nothing typed: the basis has no estimate (clearing a row removes it)
            row: dict[str, Any] = {"basis": basis_id, "justification": why}
            for name, text in texts.items():
                label = _input_name(name, lang)
                row[name] = self._probability(text, f"{self.basis_name(basis_id)} · {label}")
            if why == "":
                field = f"{self.basis_name(basis_id)} · {tr('tia.justification', lang)}"
                raise _Unreadable(field, tr("tia.why_missing", lang))
            bases.append(row)
        tolerance = self._value("tia-tolerance").strip()
        period = self._value("tia-period").strip() or "5"
        if not bases and stored is None:
            return None  # a tolerance alone is no estimate: nothing to save until a basis has one
        if not period.isdigit() or not 1 <= int(period) <= MAX_PERIOD_YEARS:
            raise _Unreadable(
                tr("tia.period", lang),
                tr("tia.period_range", lang, text=clean(period), most=MAX_PERIOD_YEARS),
            )
        return {
            "period_years": int(period),
            "tolerance": self._probability(tolerance, tr("tia.tolerance", lang)),
            "bases": bases,
        }

    def _had(self) -> bool:
        return self.flow.tia.quantitative is not None

    def _validation_problem(self, error: ValidationError, bases: list[dict[str, Any]]) -> str:
        first = error.errors()[0]
        where = first.get("loc", ())
        lang = self.lang
        if where and where[0] == "tolerance":
            field = tr("tia.tolerance", lang)
        elif where and where[0] == "period_years":
            field = tr("tia.period", lang)
        elif len(where) >= 3 and where[0] == "bases" and isinstance(where[1], int):
            basis = self.basis_name(str(bases[where[1]]["basis"]))
            name = str(where[2])
            label = _input_name(name, lang) if name in INPUTS else tr("tia.justification", lang)
            field = f"{basis} · {label}"
        else:
            field = ".".join(str(part) for part in where) or "TIA"
        message = str(first.get("msg", "")).removeprefix("Value error, ")
        return tr("tia.problem", lang, field=field, problem=message)

    def estimate(self) -> tuple[Estimate, tuple[Sensitivity, ...]] | None:
        """The engine's estimate of the current inputs and its sensitivity (None without one)."""
        if self.quantitative is None or not self.quantitative.bases:
            return None
        from compliance.engine.tia import estimate, neutralised_bases, sensitivity

        neutralised = neutralised_bases(self.flow.tia)
        return (
            estimate(self.quantitative, neutralised),
            sensitivity(self.quantitative, neutralised),
        )

    def _show_result(self) -> None:
        from compliance.engine.tia import dominating

        lang = self.lang
        line = self.query_one("#tia-result", Static)
        detail = self.query_one("#tia-calc", Static)
        if self.problem is not None:
            line.update(Text(self.problem, style="bold red"))
            detail.update("")
            return
        found = self.estimate()
        if found is None:
            key = "tia.no_result" if self._rows else "tia.no_rows"
            line.update(Text(tr(key, lang), style="dim"))
            detail.update("")
            return
        result, rows = found
        within = result.within_tolerance
        line.update(
            Text(
                tr(
                    "tia.result",
                    lang,
                    years=result.period_years,
                    p=probability_text(result.probability, lang),
                    tolerance=probability_text(result.tolerance, lang),
                    verdict=tr("tia.within" if within else "tia.above", lang),
                ),
                style="bold green" if within else "bold red",
            )
        )
        text = Text(tr("tia.sensitivity", lang), style="dim")
        for item in sorted(rows, key=lambda row: row.swing, reverse=True):
            text.append("\n ")
            text.append(plain(f"{self.basis_name(item.basis)} · {_input_name(item.input, lang)}"))
            text.append(
                f"  {probability_text(item.halved, lang)} → {probability_text(item.doubled, lang)}"
            )
        top = dominating(rows)
        if top is not None:
            text.append("\n")
            text.append(
                tr(
                    "tia.dominant",
                    lang,
                    input=_input_name(top.input, lang),
                    basis=self.basis_name(top.basis),
                ),
                style="bold",
            )
        detail.update(text)

    # --- saving ---------------------------------------------------------------------------------

    def _differs(self) -> bool:
        try:
            return self._edited_tia() != self.flow.tia
        except ValidationError:
            return True

    def _schedule_save(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.action_save)

    def edited_flow(self) -> Flow:
        """The flow with the TIA as the inputs give it."""
        flow = self.flow
        return flow.model_copy(update={"tia": self._edited_tia()})

    def _edited_tia(self) -> Tia:
        """The TIA as the screen's fields give it (ValidationError when it does not hold)."""
        data = self.flow.tia.model_dump()
        date, review = self._dates
        data.update(
            law=self._law_data(),
            use_case=self._use_case,
            supplementary=[m.model_dump() for m in self._measures]
            if self._measures or self.flow.tia.supplementary is not None
            else None,
            date=date,
            review_by=review,
            quantitative=self.quantitative.model_dump() if self.quantitative else None,
        )
        return Tia.model_validate(data)

    def action_save(self) -> None:
        """Saves the estimate now, when the inputs read and differ from what is stored."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.problem is not None:
            self.capp.error(self.problem)
            return
        if not self._differs():
            self.dirty = False
            return
        try:
            flow = self.edited_flow()
        except ValidationError as error:
            self.capp.error(str(error.errors()[0].get("msg", error)))
            return
        self.dirty = False
        session = self.session
        self.in_background(
            lambda: session.write_flow(flow, new=False),
            partial(self._saved, flow),
            self._failed,
        )

    def _saved(self, flow: Flow) -> None:
        self.session.apply_flow(flow, new=False)
        self.notify(tr("tia.saved", self.lang), markup=False, timeout=2)
        self.capp.rescore()

    def _failed(self, error: ComplianceError) -> None:
        self.dirty = True
        self.capp.error(str(error))

    def action_back(self) -> None:
        """Saves what reads and returns to the flows; asks first when an input does not read."""
        if self.problem is not None:
            question = tr("tia.leave_invalid", self.lang, problem=self.problem)
            self.app.push_screen(Confirm(question, lang=self.lang), self._leave_if)
            return
        self.action_save()
        self.dismiss()

    def _leave_if(self, yes: bool | None) -> None:
        if yes:
            self.dismiss()


_KINDS: tuple[MeasureKind, ...] = ("technical", "contractual", "organisational")

_APPLIES_STYLE: Mapping[str, str] = {"yes": "bold red", "no": "green", "unknown": "yellow"}
_VERDICT_STYLE: Mapping[str, str] = {
    "met": "green",
    "partly_met": "yellow",
    "not_met": "red",
    "unclear": "yellow",
}
