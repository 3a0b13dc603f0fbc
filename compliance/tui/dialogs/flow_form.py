"""Provides :class:`FlowForm`: add or edit a data flow, with every field the transfer rules read.

The sections follow what :mod:`compliance.engine.transfers` decides on: the flow (id, name,
purpose); the exporter and the importer (name, country, GDPR role, Law 09-08 role, and for an
importer whose country's EU adequacy is partial the condition it rests on: DPF certification for the
US, a commercial organisation for Canada, shown only while the importer's country is such a country
as the reference data says); the data (special categories, national ID numbers, criminal data,
frequency, number of data subjects); the GDPR transfer tool; the contract (Art. 28, SCCs, an
authorised sub-processor); the transfer impact assessment (done, date, conclusion, supplementary
measures in place and planned); the Law 09-08 basis; the CNDP formalities (declaration receipt,
processing authorisation, transfer declaration, transfer authorisation status, date and reference,
first transfer date); and the onward flows, chosen among the other flows.

Countries are picked by search among the reference countries; the GDPR transfer tools and the Law
09-08 bases offered are those the questionnaire's reference data allows
(:func:`compliance.engine.validation.allowed_mechanisms` / ``allowed_ma_bases``). Dates are ISO
(``YYYY-MM-DD``) and the number of data subjects a whole number: a field that does not read, or the
model's first complaint, is shown on one line above the buttons, the field is focused, and nothing
is saved.

**Unknown is not no.** The model tells a field left out (``None``: unknown, never taken as
compliant) from ``False``. Every yes/no field is a three-state tick: ``?`` while unknown, ``✓`` yes,
blank no; Space turns ``?`` into ✓, then moves between ✓ and blank. A tick the user never changed
keeps the value it had: ``None`` on a new flow, the stored value on an edited one. So an untouched
"national ID numbers" or "criminal data" stays unknown and the engine keeps asking
(``MA_SENSITIVITY_UNKNOWN``) rather than being told a silent no, and an untouched "SCCs signed" is
not a ``False`` that would block the flow. A tick changed at all, even ticked then unticked, saves
what it shows. An empty text, date or number is unknown (``None``), and so is a choice left at
``—``; the lists (special categories, measures, onward flows) are empty unless ticked, as in the
model.

**Editing changes only what was edited.** The fields the form does not show (description, regime,
storage and access locations, data and subject categories, mode) are kept, and a field whose widget
still shows what it showed on opening keeps its stored value exactly (text that display cleaned of
control characters, the order of a list, a choice the reference data no longer offers). The origin
and the destination follow the exporter's and the importer's countries when those change, unless
they named another country. The DPF and commercial-organisation ticks are saved only while the
importer's country makes them matter; otherwise their stored values are kept.

The keys (Escape cancels, Ctrl+S saves from any field) and the form's text follow the interface
language, also when it is switched while the form is open.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from itertools import count
from typing import Any, ClassVar, get_args

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static
from textual.widgets.button import ButtonVariant

from compliance.engine.validation import allowed_ma_bases, allowed_mechanisms
from compliance.model.assessment import Flow, GdprRole, MaRole, Measure, Party, SpecialCategory
from compliance.model.questionnaire import Questionnaire
from compliance.tui.keys import KeySpec, bindings, relabel
from compliance.tui.safe import clean, plain
from compliance.tui.strings import tr
from compliance.tui.widgets.country_picker import CountryPicker
from compliance.tui.widgets.toggles import Ticks, TriTick

__all__ = ["FlowForm", "basis_choices", "mechanism_choices"]

_GDPR_ROLES: tuple[str, ...] = get_args(GdprRole)
_MA_ROLES: tuple[str, ...] = get_args(MaRole)
_SPECIAL: tuple[str, ...] = get_args(SpecialCategory)
_MEASURES: tuple[str, ...] = get_args(Measure)
_FREQUENCIES = ("one_off", "periodic", "continuous")
_CONCLUSIONS = ("acceptable", "measures_needed", "not_acceptable")
_AUTHORISATION = ("granted", "pending", "refused", "none")
_MAX_SUBJECTS = 10_000_000_000
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_GROUPING = re.compile(r"[ _\u00a0\u202f]")
"""Digit grouping allowed in a number: 12 000, 12_000 (never , or ., which differ by language)."""

_KEYS = [
    KeySpec("escape", "cancel", "key.cancel"),
    KeySpec("ctrl+s", "save", "key.save", priority=True),
]

_PLAIN_LABELS = {
    "adequacy": ("Adequacy decision (Art. 45)", "Décision d'adéquation (art. 45)"),
    "bcr": ("Binding corporate rules (Art. 47)", "Règles d'entreprise contraignantes (art. 47)"),
    "none": ("None", "Aucun"),
    "listed_country": ("Country on the CNDP list (Art. 43)", "Pays de la liste CNDP (art. 43)"),
}

Options = list[tuple[Text, str]]


def _plain_label(key: str, lang: str) -> str:
    en, fr = _PLAIN_LABELS.get(key, (key, key))
    return fr if lang == "fr" else en


def mechanism_choices(questionnaire: Questionnaire, lang: str) -> list[tuple[str, str]]:
    """``(id, label)`` of the GDPR transfer tools a flow may name."""
    reference = questionnaire.reference
    titles: dict[str, str] = {}
    if reference is not None:
        titles.update({m.id: m.title.get(lang) for m in reference.scc_modules})
        titles.update({d.id: d.title.get(lang) for d in reference.gdpr_derogations})
    return sorted(
        (
            (key, titles.get(key) or _plain_label(key, lang))
            for key in allowed_mechanisms(questionnaire)
        ),
        key=lambda pair: (pair[0] == "none", pair[0]),
    )


def basis_choices(questionnaire: Questionnaire, lang: str) -> list[tuple[str, str]]:
    """``(id, label)`` of the Law 09-08 transfer bases a flow may name."""
    reference = questionnaire.reference
    titles = {g.id: g.title.get(lang) for g in reference.ma_grounds} if reference else {}
    return sorted(
        (
            (key, titles.get(key) or _plain_label(key, lang))
            for key in allowed_ma_bases(questionnaire)
        ),
        key=lambda pair: (pair[0] == "none", pair[0] != "listed_country", pair[0]),
    )


def _closed(prefix: str, values: Sequence[str]) -> Callable[[str], Options]:
    """The labels of a closed list of values, each named ``prefix.value`` in the catalogue."""
    return lambda lang: [(plain(tr(f"{prefix}.{value}", lang)), value) for value in values]


def _blank() -> Flow:
    """A flow with nothing filled in, read by the form of a new flow (never validated or saved)."""
    nobody = Party.model_construct(name="", country="")
    return Flow.model_construct(id="", name="", exporter=nobody, importer=nobody)


class _Problem(Exception):
    """A field that cannot be saved: the message, and the widget to focus."""

    def __init__(self, text: str, at: str) -> None:
        super().__init__(text)
        self.text = text
        self.at = at


class FlowForm(ModalScreen[Flow | None]):
    """The form of one flow; Ctrl+S saves, Escape cancels."""

    CSS_PATH = "flow_form.tcss"

    BINDINGS: ClassVar[list[BindingType]] = list(bindings(_KEYS))
    """Escape closes without saving; Ctrl+S saves (described in the interface language)."""

    def __init__(
        self,
        questionnaire: Questionnaire,
        flows: tuple[Flow, ...],
        flow: Flow | None = None,
        *,
        lang: str = "en",
    ) -> None:
        super().__init__(classes="dialog")
        self.questionnaire = questionnaire
        self.others = [f for f in flows if flow is None or f.id != flow.id]
        self.flow = flow
        self.source = flow or _blank()
        """What the form shows: the flow edited, or a flow with nothing filled in."""
        self.lang = lang
        reference = questionnaire.reference
        adequacy = reference.eu_adequacy if reference else None
        self.conditions: dict[str, str] = {
            e.country: e.condition for e in (adequacy.entries if adequacy else ()) if e.condition
        }
        """The partial EU adequacy decisions: the condition by country (``dpf_certified``...)."""
        self._shown: dict[str, str] = {}
        """What each text field showed on opening (a field still showing it is unchanged)."""
        self._retext: list[Callable[[str], None]] = []
        """Rewrites one piece of the form's text in a language."""
        self._problem_at: str | None = None

    # --- building blocks (each registers how to redraw its text in another language) -------

    def _countries(self, lang: str) -> dict[str, str]:
        reference = self.questionnaire.reference
        return {c: t.get(lang) for c, t in reference.countries.items()} if reference else {}

    def _caption(self, key: str, classes: str = "form-section", id: str | None = None) -> Label:
        label = Label(tr(key, self.lang), classes=classes, id=id)
        self._retext.append(lambda lang: label.update(tr(key, lang)))
        return label

    def _row(self, key: str, widget: Widget) -> Horizontal:
        """A form row: the label, then the field."""
        return Horizontal(self._caption(key, "form-label"), widget, classes="form-row")

    def _input(self, id: str, value: str, placeholder: str | None = None) -> Input:
        self._shown[id] = value
        field = Input(
            value,
            placeholder=tr(placeholder, self.lang) if placeholder else "",
            compact=True,
            id=id,
        )
        if placeholder is not None:

            def retext(lang: str) -> None:
                field.placeholder = tr(placeholder, lang)

            self._retext.append(retext)
        return field

    def _date_input(self, id: str, value: dt.date | None) -> Input:
        return self._input(id, value.isoformat() if value else "", "as.date_hint")

    def _choice(self, id: str, labels: Callable[[str], Options], stored: str | None) -> Select[str]:
        """A closed choice; ``—`` is unknown. A stored value no longer offered stays offered."""

        def options(lang: str) -> Options:
            found = labels(lang)
            if stored is not None and stored not in {value for _, value in found}:
                found.append((plain(stored), stored))
            return found

        select = Select[str](
            options(self.lang),
            prompt="—",
            value=Select.NULL if stored is None else stored,
            compact=True,
            id=id,
        )

        def retext(lang: str) -> None:
            value = select.value
            select.set_options(options(lang))
            select.value = value

        self._retext.append(retext)
        return select

    def _tick(self, key: str, stored: bool | None, id: str) -> TriTick:
        tick = TriTick(tr(key, self.lang), stored, id=id)

        def retext(lang: str) -> None:
            tick.label = plain(tr(key, lang))

        self._retext.append(retext)
        return tick

    def _ticks(self, id: str, prefix: str, values: Sequence[str], chosen: Sequence[str]) -> Ticks:
        ticks = Ticks(
            *((plain(tr(f"{prefix}.{v}", self.lang)), v, v in chosen) for v in values), id=id
        )

        def retext(lang: str) -> None:
            for index, value in enumerate(values):
                ticks.replace_option_prompt_at_index(index, plain(tr(f"{prefix}.{value}", lang)))

        self._retext.append(retext)
        return ticks

    def _make_button(self, key: str, id: str, variant: ButtonVariant = "default") -> Button:
        button = Button(tr(key, self.lang), variant=variant, id=id)

        def retext(lang: str) -> None:
            button.label = tr(key, lang)

        self._retext.append(retext)
        return button

    # --- the form -------------------------------------------------------------------------

    def _new_id(self) -> str:
        taken = {f.id for f in self.others}
        return next(f"f{n}" for n in count(len(self.others) + 1) if f"f{n}" not in taken)

    def _party(self, which: str) -> ComposeResult:
        party: Party = getattr(self.source, which)
        yield self._caption(f"fl.{which}")
        yield self._row("fl.name", self._input(f"f-{which}-name", clean(party.name)))
        picker = CountryPicker(
            self._countries(self.lang),
            value=party.country or None,
            placeholder=tr("fl.search", self.lang),
            compact=True,
            id=f"f-{which}-country",
        )

        def retext(lang: str) -> None:
            picker.countries = self._countries(lang)
            picker.query_one(Input).placeholder = tr("fl.search", lang)
            if picker.code:
                picker.pick(picker.code)  # shows the country's name in the new language

        self._retext.append(retext)
        yield self._row("fl.country", picker)
        roles = _closed("fl.gdpr_role", _GDPR_ROLES)
        yield self._row("fl.role", self._choice(f"f-{which}-role", roles, party.role))
        ma_roles = _closed("fl.ma_role", _MA_ROLES)
        yield self._row("fl.ma_role", self._choice(f"f-{which}-ma-role", ma_roles, party.ma_role))
        if which == "importer":
            yield self._tick("fl.dpf", party.dpf_certified, "f-importer-dpf")
            yield self._tick("fl.commercial", party.commercial_org, "f-importer-commercial")

    def _about(self) -> ComposeResult:
        """The flow itself and its parties."""
        flow = self.source
        yield self._caption("fl.hint", "form-hint", id="f-hint")
        field = self._input("f-id", flow.id or self._new_id())
        field.disabled = self.flow is not None
        yield self._row("fl.id", field)
        yield self._row("fl.name", self._input("f-name", clean(flow.name)))
        yield self._row("fl.purpose", self._input("f-purpose", clean(flow.purpose or "")))
        yield from self._party("exporter")
        yield from self._party("importer")

    def _data_fields(self) -> ComposeResult:
        """What the flow carries: what decides a CNDP authorisation and an Art. 49 derogation."""
        flow = self.source
        yield self._caption("fl.data")
        yield self._caption("fl.special", "form-sublabel")
        yield self._ticks("f-special", "fl.sc", _SPECIAL, flow.special_categories)
        yield self._tick("fl.national_id", flow.national_id, "f-national-id")
        yield self._tick("fl.criminal", flow.criminal_data, "f-criminal")
        frequencies = _closed("fl.freq", _FREQUENCIES)
        yield self._row("fl.frequency", self._choice("f-frequency", frequencies, flow.frequency))
        subjects = "" if flow.subjects_count is None else str(flow.subjects_count)
        yield self._row("fl.subjects", self._input("f-subjects", subjects, "fl.optional"))

    def _gdpr_fields(self) -> ComposeResult:
        """The GDPR transfer tool, the contract and the transfer impact assessment."""
        flow = self.source
        questionnaire = self.questionnaire

        def mechanisms(lang: str) -> Options:
            return [(plain(label), key) for key, label in mechanism_choices(questionnaire, lang)]

        yield self._caption("fl.mechanism")
        yield self._choice("f-mechanism", mechanisms, flow.gdpr_mechanism)
        yield self._caption("fl.contract")
        contract = flow.contract
        yield self._tick("fl.dpa", contract.dpa_art28, "f-dpa")
        yield self._tick("fl.scc", contract.scc_signed, "f-scc")
        yield self._tick("fl.subprocessors", contract.subprocessors_authorised, "f-subprocessors")
        yield self._caption("fl.tia_section")
        tia = flow.tia
        yield self._tick("fl.tia", tia.done, "f-tia")
        yield self._row("fl.tia_date", self._date_input("f-tia-date", tia.date))
        conclusions = _closed("fl.concl", _CONCLUSIONS)
        yield self._row(
            "fl.conclusion", self._choice("f-tia-conclusion", conclusions, tia.conclusion)
        )
        yield self._caption("fl.measures", "form-sublabel")
        yield self._ticks("f-measures", "fl.m", _MEASURES, flow.measures)
        yield self._caption("fl.planned", "form-sublabel")
        yield self._ticks("f-planned", "fl.m", _MEASURES, flow.measures_planned)

    def _morocco_fields(self) -> ComposeResult:
        """The Law 09-08 basis and the CNDP formalities."""
        flow = self.source
        questionnaire = self.questionnaire

        def bases(lang: str) -> Options:
            return [(plain(label), key) for key, label in basis_choices(questionnaire, lang)]

        yield self._caption("fl.basis")
        yield self._choice("f-basis", bases, flow.ma_basis)
        yield self._caption("fl.cndp")
        yield self._caption("fl.cndp_hint", "form-hint")
        cndp = flow.cndp
        for key, field_id, stored in (
            ("fl.receipt", "f-receipt", cndp.declaration_receipt),
            ("fl.authorisation", "f-authorisation", cndp.authorisation),
            ("fl.transfer_declaration", "f-transfer-declaration", cndp.transfer_declaration),
        ):
            yield self._row(key, self._input(field_id, clean(stored or ""), "fl.ref_hint"))
        authorisation = cndp.transfer_authorisation
        statuses = _closed("fl.ta", _AUTHORISATION)
        yield self._row("fl.ta_status", self._choice("f-ta-status", statuses, authorisation.status))
        yield self._row("fl.ta_date", self._date_input("f-ta-date", authorisation.date))
        yield self._row(
            "fl.ta_reference",
            self._input("f-ta-reference", clean(authorisation.reference or "")),
        )
        yield self._row(
            "fl.first_transfer", self._date_input("f-first-transfer", flow.first_transfer_date)
        )

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="flow-box"):
            yield self._caption("fl.form", "dialog-title")
            with VerticalScroll(id="flow-fields", can_focus=False):  # the fields take Tab
                yield from self._about()
                yield from self._data_fields()
                yield from self._gdpr_fields()
                yield from self._morocco_fields()
                if self.others:
                    yield self._caption("fl.onward")
                    onward = set(self.source.onward)
                    yield Ticks(
                        *((plain(f"{f.id}  {f.name}"), f.id, f.id in onward) for f in self.others),
                        id="f-onward",
                    )
            yield Static("", id="f-problem", classes="problem")
            with Horizontal(classes="dialog-buttons"):
                yield self._make_button("key.save", "f-save", "primary")
                yield self._make_button("key.cancel", "f-cancel")

    def on_mount(self) -> None:
        relabel(self, _KEYS, self.lang)
        self._show_conditions(self.query_one("#f-importer-country", CountryPicker).code)
        self.query_one("#f-name" if self.flow else "#f-id", Input).focus()

    def apply_language(self) -> None:
        """Relabels the keys and redraws the form's text in the interface language."""
        self.lang = str(getattr(self.app, "lang", self.lang))
        relabel(self, _KEYS, self.lang)
        for retext in self._retext:
            retext(self.lang)

    @on(CountryPicker.Changed, "#f-importer-country")
    def _importer_country(self, event: CountryPicker.Changed) -> None:
        self._show_conditions(event.code)

    def _show_conditions(self, country: str | None) -> None:
        """Shows the tick of the importer's adequacy condition, when its country has one."""
        condition = self.conditions.get(country or "")
        self.query_one("#f-importer-dpf").display = condition == "dpf_certified"
        self.query_one("#f-importer-commercial").display = condition == "commercial_org"

    # --- reading the fields ---------------------------------------------------------------

    def _text(self, id: str, stored: str | None) -> str | None:
        """A text field: the stored text while unchanged, else the text typed (empty: None)."""
        value = self.query_one(f"#{id}", Input).value
        if value == self._shown[id]:
            return stored
        return value.strip() or None

    def _date(self, id: str, key: str, stored: dt.date | None) -> dt.date | None:
        value = self.query_one(f"#{id}", Input).value
        if value == self._shown[id]:
            return stored
        typed = value.strip()
        if not typed:
            return None
        if _DATE.fullmatch(typed):
            try:
                return dt.date.fromisoformat(typed)
            except ValueError:
                pass
        raise _Problem(tr("fl.bad_date", self.lang, field=tr(key, self.lang)), f"#{id}")

    def _count(self, id: str, key: str, stored: int | None) -> int | None:
        value = self.query_one(f"#{id}", Input).value
        if value == self._shown[id]:
            return stored
        typed = _GROUPING.sub("", value.strip())
        if not typed:
            return None
        if typed.isascii() and typed.isdigit() and int(typed) <= _MAX_SUBJECTS:
            return int(typed)
        raise _Problem(tr("fl.bad_count", self.lang, field=tr(key, self.lang)), f"#{id}")

    def _select(self, id: str) -> str | None:
        value = self.query_one(f"#{id}", Select).value
        return value if isinstance(value, str) else None

    def _answer(self, id: str) -> bool | None:
        return self.query_one(f"#{id}", TriTick).answer

    def _ticked(self, id: str, values: Sequence[str], stored: tuple[str, ...]) -> tuple[str, ...]:
        """The values ticked in a list, in the list's order; the stored tuple if the same set.

        A stored value the list does not offer (an onward flow since deleted) is kept.
        """
        found = self.query(f"#{id}")
        selected = set(found.first(Ticks).selected) if found else set()
        kept = tuple(v for v in stored if v not in values)
        if selected | set(kept) == set(stored):
            return stored
        return (*(v for v in values if v in selected), *kept)

    def _place(self, stored: str | None, old: str | None, new: str) -> str | None:
        """The origin or destination: it follows its party's country, unless it named another."""
        if self.flow is None:
            return new
        if new == old or stored not in (None, old):
            return stored
        return new

    def _party_data(self, which: str) -> dict[str, Any]:
        party: Party = getattr(self.source, which)
        data = party.model_dump(exclude_none=True) if self.flow else {}
        need = tr("fl.need_party", self.lang, party=tr(f"fl.{which}", self.lang).lower())
        name = self._text(f"f-{which}-name", party.name)
        if not name:
            raise _Problem(need, f"#f-{which}-name")
        country = self.query_one(f"#f-{which}-country", CountryPicker).code
        if not country:
            raise _Problem(need, f"#f-{which}-country Input")
        data.update(
            name=name,
            country=country,
            role=self._select(f"f-{which}-role"),
            ma_role=self._select(f"f-{which}-ma-role"),
        )
        if which == "importer":
            condition = self.conditions.get(country)
            if condition == "dpf_certified":
                data["dpf_certified"] = self._answer("f-importer-dpf")
            elif condition == "commercial_org":
                data["commercial_org"] = self._answer("f-importer-commercial")
        return data

    def _data(self) -> dict[str, Any]:
        """The flow as filled in, as the model's input (raises :class:`_Problem`)."""
        flow = self.source
        new = self.flow is None
        data: dict[str, Any] = {} if new else flow.model_dump(exclude_none=True, by_alias=True)
        flow_id = self.query_one("#f-id", Input).value.strip() if new else flow.id
        if not flow_id:
            raise _Problem(tr("fl.need", self.lang), "#f-id")
        name = self._text("f-name", flow.name)
        if not name:
            raise _Problem(tr("fl.need", self.lang), "#f-name")
        exporter = self._party_data("exporter")
        importer = self._party_data("importer")
        special = self._ticked("f-special", _SPECIAL, flow.special_categories)
        subjects = self._count("f-subjects", "fl.subjects", flow.subjects_count)
        contract = flow.contract.model_dump(exclude_none=True)
        contract.update(
            dpa_art28=self._answer("f-dpa"),
            scc_signed=self._answer("f-scc"),
            subprocessors_authorised=self._answer("f-subprocessors"),
        )
        tia = flow.tia.model_dump(exclude_none=True)
        tia.update(
            done=self._answer("f-tia"),
            date=self._date("f-tia-date", "fl.tia_date", flow.tia.date),
            conclusion=self._select("f-tia-conclusion"),
        )
        cndp = flow.cndp
        old = cndp.transfer_authorisation
        authorisation = old.model_dump(exclude_none=True)
        authorisation.update(
            status=self._select("f-ta-status"),
            date=self._date("f-ta-date", "fl.ta_date", old.date),
            reference=self._text("f-ta-reference", old.reference),
        )
        record = cndp.model_dump(exclude_none=True)
        record.update(
            declaration_receipt=self._text("f-receipt", cndp.declaration_receipt),
            authorisation=self._text("f-authorisation", cndp.authorisation),
            transfer_declaration=self._text("f-transfer-declaration", cndp.transfer_declaration),
            transfer_authorisation=authorisation,
        )
        first = self._date("f-first-transfer", "fl.first_transfer", flow.first_transfer_date)
        data.update(
            id=flow_id,
            name=name,
            purpose=self._text("f-purpose", flow.purpose),
            exporter=exporter,
            importer=importer,
            origin=self._place(flow.origin, flow.exporter.country, exporter["country"]),
            destination=self._place(flow.destination, flow.importer.country, importer["country"]),
            special_categories=special,
            national_id=self._answer("f-national-id"),
            criminal_data=self._answer("f-criminal"),
            frequency=self._select("f-frequency"),
            subjects_count=subjects,
            gdpr_mechanism=self._select("f-mechanism"),
            contract=contract,
            tia=tia,
            measures=self._ticked("f-measures", _MEASURES, flow.measures),
            measures_planned=self._ticked("f-planned", _MEASURES, flow.measures_planned),
            ma_basis=self._select("f-basis"),
            cndp=record,
            first_transfer_date=first,
            onward=self._ticked("f-onward", [f.id for f in self.others], flow.onward),
        )
        return data

    def build(self) -> Flow | str:
        """The flow as filled in, or why it cannot be saved."""
        self._problem_at = None
        try:
            data = self._data()
        except _Problem as problem:
            self._problem_at = problem.at
            return problem.text
        try:
            return Flow.model_validate(data)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            return f"{where}: {first['msg']}"

    def action_save(self) -> None:
        """Checks the form and closes it with the flow."""
        built = self.build()
        if isinstance(built, str):
            self.query_one("#f-problem", Static).update(plain(f"✗ {built}"))
            if self._problem_at is not None:
                self.query_one(self._problem_at).focus()
            return
        self.dismiss(built)

    def action_cancel(self) -> None:
        """Closes the form without saving."""
        self.dismiss(None)

    @on(Button.Pressed, "#f-save")
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#f-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
