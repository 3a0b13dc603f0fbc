"""Provides :class:`FlowForm`: add or edit a data flow, with every field the transfer rules read.

The sections follow what :mod:`compliance.engine.transfers` decides on: the flow (id, name,
purpose); the exporter and the importer (name, country, GDPR role, Law 09-08 role, and for an
importer whose country's EU adequacy is partial the condition it rests on: DPF certification for the
US, a commercial organisation for Canada, shown only while the importer's country is such a country
as the reference data says); the data (its categories and the categories of data subjects,
special categories, national ID numbers, criminal data, frequency, number of data subjects); the
GDPR transfer tool; the contract (Art. 28, SCCs, an authorised sub-processor); the transfer impact
assessment (done, date, conclusion, supplementary measures in place and planned); the Law 09-08
basis (only while the data leaves Morocco); the CNDP formalities (declaration receipt,
processing authorisation; the CNDP transfer procedure, form F118: status, filing and decision dates
and reference; first transfer date); and the onward flows, chosen among the other flows.

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
storage and access locations, mode) are kept, and a field whose widget still shows what it showed
on opening keeps its stored value exactly (text that display cleaned of control characters, the
order of a list, a choice the reference data no longer offers). The origin and the destination
follow the exporter's and the importer's countries when those change, unless they named another
country. The DPF and commercial-organisation ticks are saved only while the importer's country
makes them matter, and the Law 09-08 basis only while the data leaves Morocco
(:func:`compliance.model.assessment.leaves_morocco`); otherwise their stored values are kept.

The data and subject categories are short texts typed on one line with commas between them
(``identity, contact, call recordings``).

**One table.** :data:`FIELDS` lists the form top to bottom: section captions, and one
:class:`FormField` per field with where its value lives in the flow (a dotted path such as
``cndp.transfer.status``), its widget id, kind and label. The widgets are made from it
and read back from it, so adding or replacing a field is one row.

The keys (Escape cancels, Ctrl+S saves from any field) and the form's text follow the interface
language, also when it is switched while the form is open.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import count
from typing import Any, ClassVar, Literal, get_args

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
from compliance.model.assessment import (
    Flow,
    GdprRole,
    MaRole,
    Measure,
    Party,
    SpecialCategory,
    TransferStatus,
    followed_place,
    leaves_morocco,
)
from compliance.model.dates import parse_date
from compliance.model.questionnaire import Questionnaire
from compliance.tui.keys import KeySpec, bindings, relabel
from compliance.tui.safe import clean, plain
from compliance.tui.strings import STRINGS, tr
from compliance.tui.widgets.country_picker import CountryPicker
from compliance.tui.widgets.toggles import Ticks, TriTick

__all__ = ["FIELDS", "Caption", "FlowForm", "FormField", "basis_choices", "mechanism_choices"]

_GDPR_ROLES: tuple[str, ...] = get_args(GdprRole)
_MA_ROLES: tuple[str, ...] = get_args(MaRole)
_SPECIAL: tuple[str, ...] = get_args(SpecialCategory)
_MEASURES: tuple[str, ...] = get_args(Measure)
_FREQUENCIES = ("one_off", "periodic", "continuous")
_CONCLUSIONS = ("acceptable", "measures_needed", "not_acceptable")
_F118: tuple[str, ...] = get_args(TransferStatus)
_MAX_SUBJECTS = 10_000_000_000
_MAX_CATEGORIES, _MAX_CATEGORY = 100, 100
_LIST_SEPARATORS = re.compile(r"[,;\n]")
_GROUPING = re.compile(r"[ _\u00a0\u202f]")
"""Digit grouping allowed in a number: 12 000, 12_000 (never , or ., which differ by language)."""

_KEYS = [
    KeySpec("escape", "cancel", "key.cancel"),
    KeySpec("ctrl+s", "save", "key.save", priority=True),
]

Options = list[tuple[Text, str]]
OptionsOf = Callable[["FlowForm", str], Options]
"""The choices of a field on a form, labelled in a language."""


def _plain_label(key: str, lang: str) -> str:
    """The catalogue's name of a transfer tool or basis the reference data does not title."""
    name = f"fl.plain.{key}"
    return tr(name, lang) if name in STRINGS else key


def mechanism_choices(questionnaire: Questionnaire, lang: str) -> list[tuple[str, str]]:
    """``(id, label)`` of the GDPR transfer tools a flow may name."""
    reference = questionnaire.reference
    titles: dict[str, str] = {}
    if reference is not None:
        titles.update({m.id: m.title.get(lang) for m in reference.scc_modules})
        titles.update({d.id: d.title.get(lang) for d in reference.gdpr_derogations})
        # An SCC module says it is one: "SCC module 2 (controller to processor)".
        titles.update(
            {
                m.id: tr(f"fl.scc.{m.id}", lang)
                for m in reference.scc_modules
                if f"fl.scc.{m.id}" in STRINGS
            }
        )
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


# --- the field table ------------------------------------------------------------------------

Kind = Literal["id", "text", "list", "date", "count", "choice", "tick", "ticks", "country"]
"""How a field is shown and read: ``id`` a text fixed once the flow exists, ``text`` a line of
text, ``list`` short texts on one line separated by commas (categories), ``date`` an ISO date,
``count`` a whole number, ``choice`` one of a list (``—`` unknown), ``tick`` a three-state yes/no,
``ticks`` several of a list, ``country`` a country picker."""


@dataclass(frozen=True, slots=True)
class Caption:
    """A heading or a hint between fields."""

    key: str
    """The text's key in the string catalogue."""
    classes: str = "form-section"
    id: str | None = None


@dataclass(frozen=True, slots=True)
class FormField:
    """One field of the flow form: where its value lives in the flow, and how it is shown."""

    path: str
    """The value's place in the flow, dotted: ``name``, ``tia.date``, ``importer.country``."""
    id: str
    """The widget's id."""
    kind: Kind
    label: str
    """The label's key in the string catalogue (a tick's own text, a date's name in a problem)."""
    options: OptionsOf | None = None
    """The choices of a ``choice`` or ``ticks`` field (a ``ticks`` field with none is not shown)."""
    hint: str | None = None
    """The placeholder's key, for a text or number field (dates always show the ISO hint)."""
    above: str | None = None
    """The label is a line of this class above the field, not beside it."""
    need: Callable[[str], str] | None = None
    """The field is required: the problem shown, in a language, when it is left empty."""
    only_if: str | None = None
    """Shown and saved only while the party's country has this EU adequacy condition."""
    leaving: bool = False
    """Shown and saved only while the flow takes data out of Morocco (the Law 09-08 basis): an
    inbound flow, France to Morocco, has none to give."""

    @property
    def party(self) -> str:
        """The first step of the path: ``importer`` for ``importer.dpf_certified``."""
        return self.path.partition(".")[0]


def _closed(prefix: str, values: Sequence[str]) -> OptionsOf:
    """The labels of a closed list of values, each named ``prefix.value`` in the catalogue."""
    return lambda _form, lang: [(plain(tr(f"{prefix}.{value}", lang)), value) for value in values]


def _mechanisms(form: FlowForm, lang: str) -> Options:
    return [(plain(label), key) for key, label in mechanism_choices(form.questionnaire, lang)]


def _bases(form: FlowForm, lang: str) -> Options:
    return [(plain(label), key) for key, label in basis_choices(form.questionnaire, lang)]


def _other_flows(form: FlowForm, _lang: str) -> Options:
    return [(plain(f"{f.id}  {f.name}"), f.id) for f in form.others]


def _need(lang: str) -> str:
    return tr("fl.need", lang)


def _need_party(which: str) -> Callable[[str], str]:
    return lambda lang: tr("fl.need_party", lang, party=tr(f"fl.{which}", lang).lower())


def _party(which: str) -> tuple[Caption | FormField, ...]:
    need = _need_party(which)
    gdpr_roles = _closed("fl.gdpr_role", _GDPR_ROLES)
    ma_roles = _closed("fl.ma_role", _MA_ROLES)
    return (
        Caption(f"fl.{which}"),
        FormField(f"{which}.name", f"f-{which}-name", "text", "fl.name", need=need),
        FormField(f"{which}.country", f"f-{which}-country", "country", "fl.country", need=need),
        FormField(f"{which}.role", f"f-{which}-role", "choice", "fl.role", gdpr_roles),
        FormField(f"{which}.ma_role", f"f-{which}-ma-role", "choice", "fl.ma_role", ma_roles),
    )


_SUB, _SECTION, _REF = "form-sublabel", "form-section", "fl.ref_hint"
_TR = "cndp.transfer"
_SC = _closed("fl.sc", _SPECIAL)
_FREQ = _closed("fl.freq", _FREQUENCIES)
_CONCL = _closed("fl.concl", _CONCLUSIONS)
_MEAS = _closed("fl.m", _MEASURES)
_F118_STATUS = _closed("fl.f118", _F118)
_F = FormField

# fmt: off
FIELDS: tuple[Caption | FormField, ...] = (
    # the flow and its parties
    Caption("fl.hint", "form-hint", id="f-hint"),
    _F("id", "f-id", "id", "fl.id", need=_need),
    _F("name", "f-name", "text", "fl.name", need=_need),
    _F("purpose", "f-purpose", "text", "fl.purpose"),
    *_party("exporter"),
    *_party("importer"),
    _F("importer.dpf_certified", "f-importer-dpf", "tick", "fl.dpf", only_if="dpf_certified"),
    _F("importer.commercial_org", "f-importer-commercial", "tick", "fl.commercial",
       only_if="commercial_org"),
    # what the flow carries: what decides a CNDP authorisation and an Art. 49 derogation
    Caption("fl.data"),
    _F("data_categories", "f-data-categories", "list", "fl.data_categories",
       hint="fl.data_categories_hint"),
    _F("subject_categories", "f-subject-categories", "list", "fl.subject_categories",
       hint="fl.subject_categories_hint"),
    _F("special_categories", "f-special", "ticks", "fl.special", _SC, above=_SUB),
    _F("national_id", "f-national-id", "tick", "fl.national_id"),
    _F("criminal_data", "f-criminal", "tick", "fl.criminal"),
    _F("frequency", "f-frequency", "choice", "fl.frequency", _FREQ),
    _F("subjects_count", "f-subjects", "count", "fl.subjects", hint="fl.optional"),
    # the GDPR transfer tool, the contract and the transfer impact assessment
    _F("gdpr_mechanism", "f-mechanism", "choice", "fl.mechanism", _mechanisms, above=_SECTION),
    Caption("fl.contract"),
    _F("contract.dpa_art28", "f-dpa", "tick", "fl.dpa"),
    _F("contract.scc_signed", "f-scc", "tick", "fl.scc"),
    _F("contract.subprocessors_authorised", "f-subprocessors", "tick", "fl.subprocessors"),
    Caption("fl.tia_section"),
    _F("tia.done", "f-tia", "tick", "fl.tia"),
    _F("tia.date", "f-tia-date", "date", "fl.tia_date"),
    _F("tia.conclusion", "f-tia-conclusion", "choice", "fl.conclusion", _CONCL),
    _F("measures", "f-measures", "ticks", "fl.measures", _MEAS, above=_SUB),
    _F("measures_planned", "f-planned", "ticks", "fl.planned", _MEAS, above=_SUB),
    # the Law 09-08 basis and the CNDP formalities
    _F("ma_basis", "f-basis", "choice", "fl.basis", _bases, above=_SECTION, leaving=True),
    Caption("fl.cndp"),
    Caption("fl.cndp_hint", "form-hint"),
    _F("cndp.declaration_receipt", "f-receipt", "text", "fl.receipt", hint=_REF),
    _F("cndp.authorisation", "f-authorisation", "text", "fl.authorisation", hint=_REF),
    _F(f"{_TR}.status", "f-f118-status", "choice", "fl.f118_status", _F118_STATUS),
    _F(f"{_TR}.filed_on", "f-f118-filed", "date", "fl.f118_filed"),
    _F(f"{_TR}.decided_on", "f-f118-decided", "date", "fl.f118_decided"),
    _F(f"{_TR}.reference", "f-f118-reference", "text", "fl.f118_reference"),
    _F("first_transfer_date", "f-first-transfer", "date", "fl.first_transfer"),
    # the onward flows, chosen among the other flows (not shown when there are none)
    _F("onward", "f-onward", "ticks", "fl.onward", _other_flows, above=_SECTION),
)
# fmt: on
"""The form, top to bottom: every widget is made from a row here, and read back through it."""

_FIELDS = tuple(item for item in FIELDS if isinstance(item, FormField))


def _stored(flow: Flow, path: str) -> Any:
    """The value at a dotted path of a flow."""
    value: Any = flow
    for step in path.split("."):
        value = getattr(value, step)
    return value


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    """Sets a dotted path in the model's input, making the nested records it passes through."""
    *parents, last = path.split(".")
    for step in parents:
        data = data.setdefault(step, {})
    data[last] = value


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
            e.code: e.condition for e in (adequacy.entries if adequacy else ()) if e.condition
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

    def _caption(self, key: str, classes: str = _SECTION, id: str | None = None) -> Label:
        label = Label(tr(key, self.lang), classes=classes, id=id)
        self._retext.append(lambda lang: label.update(tr(key, lang)))
        return label

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

    def _ticks(
        self, id: str, labels: Callable[[str], Options], chosen: Sequence[str]
    ) -> Ticks | None:
        """Several of a list; None when the list is empty (the field is then not shown)."""
        found = labels(self.lang)
        if not found:
            return None
        ticks = Ticks(*((label, value, value in chosen) for label, value in found), id=id)

        def retext(lang: str) -> None:
            for index, (label, _) in enumerate(labels(lang)):
                ticks.replace_option_prompt_at_index(index, label)

        self._retext.append(retext)
        return ticks

    def _country(self, id: str, stored: str) -> CountryPicker:
        picker = CountryPicker(
            self._countries(self.lang),
            value=stored or None,
            placeholder=tr("fl.search", self.lang),
            compact=True,
            id=id,
        )

        def retext(lang: str) -> None:
            picker.countries = self._countries(lang)
            picker.query_one(Input).placeholder = tr("fl.search", lang)
            if picker.code:
                picker.pick(picker.code)  # shows the country's name in the new language

        self._retext.append(retext)
        return picker

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

    def _widget(self, field: FormField) -> Widget | None:
        """The widget of a field, showing the flow's value."""
        stored = _stored(self.source, field.path)
        labels = partial(field.options, self) if field.options is not None else None
        match field.kind:
            case "id":
                widget = self._input(field.id, stored or self._new_id())
                widget.disabled = self.flow is not None
                return widget
            case "text":
                return self._input(field.id, clean(stored or ""), field.hint)
            case "list":
                return self._input(field.id, clean(", ".join(stored)), field.hint)
            case "date":
                return self._input(field.id, stored.isoformat() if stored else "", "as.date_hint")
            case "count":
                return self._input(field.id, "" if stored is None else str(stored), field.hint)
            case "choice":
                assert labels is not None, field.path
                return self._choice(field.id, labels, stored)
            case "tick":
                return self._tick(field.label, stored, field.id)
            case "ticks":
                assert labels is not None, field.path
                return self._ticks(field.id, labels, stored)
            case "country":
                return self._country(field.id, stored)

    def _fields(self) -> Iterator[Widget]:
        for item in FIELDS:
            if isinstance(item, Caption):
                yield self._caption(item.key, item.classes, id=item.id)
                continue
            widget = self._widget(item)
            if widget is None:
                continue
            if item.kind == "tick":  # a tick carries its own label
                yield widget
            elif item.above is not None:
                yield self._caption(item.label, item.above, id=f"{item.id}-label")
                yield widget
            else:
                label = self._caption(item.label, "form-label")
                yield Horizontal(label, widget, classes="form-row")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="flow-box"):
            yield self._caption("fl.form", "dialog-title")
            with VerticalScroll(id="flow-fields", can_focus=False):  # the fields take Tab
                yield from self._fields()
            yield Static("", id="f-problem", classes="problem")
            with Horizontal(classes="dialog-buttons"):
                yield self._make_button("key.save", "f-save", "primary")
                yield self._make_button("key.cancel", "f-cancel")

    def on_mount(self) -> None:
        relabel(self, _KEYS, self.lang)
        self._show_conditions()
        for select in self.query(Select):
            self.watch(select, "expanded", partial(self._expanded, select), init=False)
        for field in _FIELDS:  # the first field that can be typed in
            if field.kind in ("id", "text") and not self.query_one(f"#{field.id}").disabled:
                self.query_one(f"#{field.id}").focus()
                break

    def apply_language(self) -> None:
        """Relabels the keys and redraws the form's text in the interface language."""
        self.lang = str(getattr(self.app, "lang", self.lang))
        relabel(self, _KEYS, self.lang)
        for retext in self._retext:
            retext(self.lang)

    @on(CountryPicker.Changed)
    def _country_changed(self) -> None:
        self._show_conditions()

    # --- drop-downs: framed (flow_form.tcss), above the other fields, never over the buttons --

    def _expanded(self, select: Select[str], expanded: bool) -> None:
        if expanded:
            self._make_room(select, select.query_one("SelectOverlay"), len(select._options))

    @on(CountryPicker.Listed)
    def _countries_listed(self, event: CountryPicker.Listed) -> None:
        search = event.picker.query_one(Input)
        self._make_room(search, event.matches, event.matches.option_count)

    def _make_room(self, anchor: Widget, dropdown: Widget, rows: int) -> None:
        """Lets ``dropdown`` open below ``anchor`` within the fields, above the buttons: when the
        room below is short, the fields scroll so the anchor comes to their top; the drop-down is
        then no taller than the room left (its list scrolls)."""
        fields = self.query_one("#flow-fields", VerticalScroll)
        wanted = min(rows, 10) + 2  # its frame
        if fields.region.bottom - anchor.region.bottom < wanted:
            fields.scroll_to_widget(anchor, animate=False, top=True, immediate=True)

        def fit() -> None:
            room = fields.region.bottom - anchor.region.bottom
            dropdown.styles.max_height = max(room, 3)

        self.call_after_refresh(fit)

    def _condition(self, field: FormField) -> str | None:
        """The EU adequacy condition of the country of the field's party, if any."""
        country = next(f for f in _FIELDS if f.path == f"{field.party}.country")
        code = self.query_one(f"#{country.id}", CountryPicker).code
        return self.conditions.get(code or "")

    def _leaves_morocco(self) -> bool:
        """Whether the flow as filled in takes data out of Morocco (the countries as picked; the
        storage and access places the form does not show as stored)."""
        codes = {
            which: self.query_one(f"#f-{which}-country", CountryPicker).code or ""
            for which in ("exporter", "importer")
        }
        flow = self.source
        origin = followed_place(flow.origin, flow.exporter.country, codes["exporter"])
        destination = followed_place(flow.destination, flow.importer.country, codes["importer"])
        places = (destination, *flow.storage_locations, *flow.access_locations)
        return leaves_morocco(origin, codes["exporter"] or None, places)

    def _applies(self, field: FormField) -> bool:
        """Whether a conditional field matters for the flow as filled in now."""
        if field.only_if is not None and self._condition(field) != field.only_if:
            return False
        return not (field.leaving and not self._leaves_morocco())

    def _show_conditions(self) -> None:
        """Shows a conditional field only while it matters: the DPF tick while the importer is in
        the US, the commercial-organisation one for Canada, the Law 09-08 basis while data leaves
        Morocco."""
        for field in _FIELDS:
            if field.only_if is not None or field.leaving:
                shown = self._applies(field)
                self.query_one(f"#{field.id}").display = shown
                for label in self.query(f"#{field.id}-label"):
                    label.display = shown

    # --- reading the fields ---------------------------------------------------------------

    def _text(self, id: str, stored: str | None) -> str | None:
        """A text field: the stored text while unchanged, else the text typed (empty: None)."""
        value = self.query_one(f"#{id}", Input).value
        if value == self._shown[id]:
            return stored
        return value.strip() or None

    def _listed(self, field: FormField, stored: tuple[str, ...]) -> tuple[str, ...]:
        """A list field: the stored tuple while unchanged, else the texts between the commas."""
        value = self.query_one(f"#{field.id}", Input).value
        if value == self._shown[field.id]:
            return stored
        items = [item.strip() for item in _LIST_SEPARATORS.split(value)]
        found = tuple(dict.fromkeys(item for item in items if item))
        if len(found) > _MAX_CATEGORIES or any(len(item) > _MAX_CATEGORY for item in found):
            problem = tr(
                "fl.bad_list",
                self.lang,
                field=tr(field.label, self.lang),
                count=_MAX_CATEGORIES,
                length=_MAX_CATEGORY,
            )
            raise _Problem(problem, f"#{field.id}")
        return found

    def _date(self, field: FormField, stored: dt.date | None) -> dt.date | None:
        value = self.query_one(f"#{field.id}", Input).value
        if value == self._shown[field.id]:
            return stored
        typed = value.strip()
        if not typed:
            return None
        if (found := parse_date(typed)) is not None:
            return found
        problem = tr("fl.bad_date", self.lang, field=tr(field.label, self.lang))
        raise _Problem(problem, f"#{field.id}")

    def _count(self, field: FormField, stored: int | None) -> int | None:
        value = self.query_one(f"#{field.id}", Input).value
        if value == self._shown[field.id]:
            return stored
        typed = _GROUPING.sub("", value.strip())
        if not typed:
            return None
        if typed.isascii() and typed.isdigit() and int(typed) <= _MAX_SUBJECTS:
            return int(typed)
        problem = tr("fl.bad_count", self.lang, field=tr(field.label, self.lang))
        raise _Problem(problem, f"#{field.id}")

    def _ticked(self, field: FormField, stored: tuple[str, ...]) -> tuple[str, ...]:
        """The values ticked in a list, in the list's order; the stored tuple if the same set.

        A stored value the list does not offer (an onward flow since deleted) is kept.
        """
        assert field.options is not None, field.path
        values = [value for _, value in field.options(self, self.lang)]
        found = self.query(f"#{field.id}")
        selected = set(found.first(Ticks).selected) if found else set()
        kept = tuple(v for v in stored if v not in values)
        if selected | set(kept) == set(stored):
            return stored
        return (*(v for v in values if v in selected), *kept)

    def _read(self, field: FormField) -> Any:
        """What a field holds, as the model's input (raises :class:`_Problem`)."""
        stored = _stored(self.source, field.path)
        match field.kind:
            case "id":
                return stored if self.flow else self.query_one(f"#{field.id}", Input).value.strip()
            case "text":
                return self._text(field.id, stored)
            case "list":
                return self._listed(field, stored)
            case "date":
                return self._date(field, stored)
            case "count":
                return self._count(field, stored)
            case "choice":
                value = self.query_one(f"#{field.id}", Select).value
                return value if isinstance(value, str) else None
            case "tick":
                return self.query_one(f"#{field.id}", TriTick).answer
            case "ticks":
                return self._ticked(field, stored)
            case "country":
                return self.query_one(f"#{field.id}", CountryPicker).code

    def _data(self) -> dict[str, Any]:
        """The flow as filled in, as the model's input (raises :class:`_Problem`).

        An edited flow starts from what is stored, so the fields the form does not show are kept.
        """
        flow = self.source
        data: dict[str, Any] = {} if self.flow is None else flow.model_dump(exclude_none=True)
        for field in _FIELDS:
            if not self._applies(field):
                continue  # does not matter for this flow as it stands: the stored value is kept
            value = self._read(field)
            if field.need is not None and not value:
                at = f"#{field.id} Input" if field.kind == "country" else f"#{field.id}"
                raise _Problem(field.need(self.lang), at)
            _put(data, field.path, value)
        data["origin"] = followed_place(
            flow.origin, flow.exporter.country, data["exporter"]["country"]
        )
        data["destination"] = followed_place(
            flow.destination, flow.importer.country, data["importer"]["country"]
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
