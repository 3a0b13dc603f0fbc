"""Provides :class:`FlowForm`: add or edit a data flow.

Countries are picked by search among the reference countries; the GDPR transfer tools and the Law
09-08 bases offered are those the questionnaire's reference data allows
(:func:`compliance.engine.validation.allowed_mechanisms` / ``allowed_ma_bases``); onward flows are
chosen among the other flows. The model validates the result; its first complaint is shown.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, SelectionList, Static

from compliance.engine.validation import allowed_ma_bases, allowed_mechanisms
from compliance.model.assessment import Flow
from compliance.model.questionnaire import Questionnaire
from compliance.tui.safe import clean, plain
from compliance.tui.strings import tr
from compliance.tui.widgets.country_picker import CountryPicker
from compliance.tui.widgets.toggles import Tick, Ticks

__all__ = ["FlowForm", "basis_choices", "mechanism_choices"]

_ROLES = ("controller", "joint_controller", "processor", "sub_processor")
_PLAIN_LABELS = {
    "adequacy": ("Adequacy decision (Art. 45)", "Décision d'adéquation (art. 45)"),
    "bcr": ("Binding corporate rules (Art. 47)", "Règles d'entreprise contraignantes (art. 47)"),
    "none": ("None", "Aucun"),
    "listed_country": ("Country on the CNDP list (Art. 43)", "Pays de la liste CNDP (art. 43)"),
}


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


def _row(label: str, widget: Widget) -> Horizontal:
    """A one-line form row: the label, then the field."""
    return Horizontal(Label(label, classes="form-label"), widget, classes="form-row")


class FlowForm(ModalScreen[Flow | None]):
    """The form of one flow; Ctrl+S saves, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]
    """Escape closes without saving; Ctrl+S saves."""

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
        self.lang = lang
        reference = questionnaire.reference
        self.countries = (
            {c: t.get(lang) for c, t in reference.countries.items()} if reference else {}
        )

    def _party(self, which: str) -> ComposeResult:
        party = getattr(self.flow, which) if self.flow else None
        lang = self.lang
        yield Label(tr(f"fl.{which}", lang), classes="form-section")
        yield _row(
            tr("fl.name", lang),
            Input(clean(party.name) if party else "", compact=True, id=f"f-{which}-name"),
        )
        yield _row(
            tr("fl.country", lang),
            CountryPicker(
                self.countries,
                value=party.country if party else None,
                placeholder=tr("fl.search", lang),
                compact=True,
                id=f"f-{which}-country",
            ),
        )
        yield _row(
            tr("fl.role", lang),
            Select[str](
                [(role.replace("_", " "), role) for role in _ROLES],
                prompt="—",
                value=party.role if party and party.role else Select.NULL,
                compact=True,
                id=f"f-{which}-role",
            ),
        )

    def compose(self) -> ComposeResult:
        lang = self.lang
        flow = self.flow
        with VerticalScroll(classes="dialog-box", id="flow-box"):
            yield Static(tr("fl.form", lang), classes="dialog-title")
            yield _row(
                tr("fl.id", lang),
                Input(
                    flow.id if flow else f"f{len(self.others) + 1}",
                    compact=True,
                    id="f-id",
                    disabled=flow is not None,
                ),
            )
            yield _row(
                tr("fl.name", lang),
                Input(clean(flow.name) if flow else "", compact=True, id="f-name"),
            )
            yield _row(
                tr("fl.purpose", lang),
                Input(clean(flow.purpose or "") if flow else "", compact=True, id="f-purpose"),
            )
            yield from self._party("exporter")
            yield from self._party("importer")
            yield Label(tr("fl.mechanism", lang), classes="form-section")
            yield Select[str](
                [(plain(label), key) for key, label in mechanism_choices(self.questionnaire, lang)],
                prompt="—",
                value=flow.gdpr_mechanism if flow and flow.gdpr_mechanism else Select.NULL,
                compact=True,
                id="f-mechanism",
            )
            yield Label(tr("fl.basis", lang), classes="form-section")
            yield Select[str](
                [(plain(label), key) for key, label in basis_choices(self.questionnaire, lang)],
                prompt="—",
                value=flow.ma_basis if flow and flow.ma_basis else Select.NULL,
                compact=True,
                id="f-basis",
            )
            yield Label(tr("fl.contract", lang), classes="form-section")
            contract = flow.contract if flow else None
            yield Tick(tr("fl.dpa", lang), bool(contract and contract.dpa_art28), id="f-dpa")
            yield Tick(tr("fl.scc", lang), bool(contract and contract.scc_signed), id="f-scc")
            yield Tick(tr("fl.tia", lang), bool(flow and flow.tia.done), id="f-tia")
            if self.others:
                yield Label(tr("fl.onward", lang), classes="form-section")
                onward = set(flow.onward) if flow else set()
                yield Ticks(
                    *((plain(f"{f.id}  {f.name}"), f.id, f.id in onward) for f in self.others),
                    id="f-onward",
                )
            yield Static("", id="f-problem", classes="problem")
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("key.save", lang), variant="primary", id="f-save")
                yield Button(tr("key.cancel", lang), id="f-cancel")

    def on_mount(self) -> None:
        self.query_one("#f-name" if self.flow else "#f-id", Input).focus()

    def _text(self, selector: str) -> str:
        return self.query_one(selector, Input).value.strip()

    def _select(self, selector: str) -> str | None:
        value = self.query_one(selector, Select).value
        return value if isinstance(value, str) else None

    def _party_data(self, which: str) -> dict[str, Any]:
        old = getattr(self.flow, which).model_dump(exclude_none=True) if self.flow else {}
        old.update(
            name=self._text(f"#f-{which}-name"),
            country=self.query_one(f"#f-{which}-country", CountryPicker).code,
            role=self._select(f"#f-{which}-role"),
        )
        return old

    def build(self) -> Flow | str:
        """The flow as filled in, or why it cannot be saved."""
        data: dict[str, Any] = (
            self.flow.model_dump(exclude_none=True, by_alias=True) if self.flow else {}
        )
        exporter = self._party_data("exporter")
        importer = self._party_data("importer")
        if not (
            self._text("#f-id")
            and self._text("#f-name")
            and exporter["country"]
            and importer["country"]
        ):
            return tr("fl.need", self.lang)
        contract = dict(data.get("contract", {}))
        contract.update(
            dpa_art28=self.query_one("#f-dpa", Checkbox).value,
            scc_signed=self.query_one("#f-scc", Checkbox).value,
        )
        tia = dict(data.get("tia", {}))
        tia["done"] = self.query_one("#f-tia", Checkbox).value
        onward = self.query("#f-onward")
        data.update(
            id=self._text("#f-id"),
            name=self._text("#f-name"),
            purpose=self._text("#f-purpose") or None,
            exporter=exporter,
            importer=importer,
            origin=exporter["country"],
            destination=importer["country"],
            gdpr_mechanism=self._select("#f-mechanism"),
            ma_basis=self._select("#f-basis"),
            contract=contract,
            tia=tia,
            onward=tuple(onward.first(SelectionList).selected) if onward else (),
        )
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
