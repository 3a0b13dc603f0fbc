"""Provides how an answer is shown in a workbook cell and read back, per kind of question.

A person answers in the words of the pack's language: option labels (``Yes``, ``Oui``...), a scale
point with its label, ``France (FR)``, ``N/A``; several choices are separated by ``;``. Reading
accepts those words, the option ids, and what a spreadsheet makes of a typed number or date. A cell
is parsed into the bare answer value the store takes, or a sentence saying what is wrong.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from compliance.model.assessment import NA
from compliance.model.questionnaire import (
    CountryQuestion,
    DateQuestion,
    MultiChoiceQuestion,
    NumberQuestion,
    Question,
    Questionnaire,
    ScaleQuestion,
    SingleChoiceQuestion,
    TextQuestion,
    YesNoQuestion,
)

__all__ = ["SEPARATOR", "CellCodec", "Unreadable"]

SEPARATOR = ";"

_WORDS = {
    "en": {
        "yes": "Yes",
        "no": "No",
        "na": "N/A",
        "one": "Choose one from the list.",
        "many": "One or more of these, separated by ';':",
        "scale": "A whole number from {min} to {max}.",
        "number": "A number",
        "date": "A date (YYYY-MM-DD).",
        "text": "Text, at most {max} characters.",
        "country": "A country from the list (or its ISO code).",
        "countries": "Countries (names or ISO codes) separated by ';'.",
        "or_na": "Or N/A when it does not apply.",
    },
    "fr": {
        "yes": "Oui",
        "no": "Non",
        "na": "Sans objet",
        "one": "Choisissez dans la liste.",
        "many": "Une ou plusieurs de ces réponses, séparées par « ; » :",
        "scale": "Un nombre entier de {min} à {max}.",
        "number": "Un nombre",
        "date": "Une date (AAAA-MM-JJ).",
        "text": "Du texte, {max} caractères au plus.",
        "country": "Un pays de la liste (ou son code ISO).",
        "countries": "Des pays (noms ou codes ISO) séparés par « ; ».",
        "or_na": "Ou « Sans objet » si la question ne s'applique pas.",
    },
}


class Unreadable(ValueError):
    """A cell's content cannot answer its question; the message says why, for a person."""


def _key(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip().casefold()


def _plain(value: Decimal) -> int | Decimal:
    return int(value) if value == value.to_integral_value() else value.normalize()


@dataclass(frozen=True)
class CellCodec:
    """Shows and reads the answers of one questionnaire in one language."""

    questionnaire: Questionnaire
    lang: str

    def word(self, key: str) -> str:
        """A word of the pack's language."""
        return _WORDS.get(self.lang, _WORDS["en"])[key]

    # --- choices (drop-down lists) --------------------------------------------------------

    def choices(self, question: Question) -> list[tuple[str, Any]]:
        """``(shown text, answer value)`` of each choice a drop-down offers; empty when the
        question takes free input (a number, a date, text, several countries)."""
        out: list[tuple[str, Any]] = []
        if isinstance(question, YesNoQuestion):
            out = [(self.word("yes"), "yes"), (self.word("no"), "no")]
        elif isinstance(question, SingleChoiceQuestion | MultiChoiceQuestion):
            labels = [option.label.get(self.lang) for option in question.options]
            for option, label in zip(question.options, labels, strict=True):
                shown = label if labels.count(label) == 1 else f"{label} [{option.id}]"
                out.append((shown, option.id))
        elif isinstance(question, ScaleQuestion):
            names = {label.value: label.label.get(self.lang) for label in question.labels}
            out = [
                (f"{n} — {names[n]}" if n in names else str(n), n)
                for n in range(question.min, question.max + 1)
            ]
        elif isinstance(question, CountryQuestion) and not question.multiple:
            out = [(name, code) for code, name in self._countries()]
        if question.allow_na and out:
            out.append((self.word("na"), NA))
        return out

    def _countries(self) -> list[tuple[str, str]]:
        reference = self.questionnaire.reference
        names = reference.countries if reference else {}
        shown = [(code, f"{text.get(self.lang)} ({code})") for code, text in names.items()]
        return sorted(shown, key=lambda item: _key(item[1]))

    def dropdown(self, question: Question) -> list[str]:
        """The shown texts a drop-down list offers (multi-choice questions have none: a list
        picks one item only)."""
        if isinstance(question, MultiChoiceQuestion):
            return []
        return [shown for shown, _ in self.choices(question)]

    def guide(self, question: Question) -> str:
        """What the answer cell expects, in words."""
        lines: list[str] = []
        if isinstance(question, MultiChoiceQuestion):
            lines.append(self.word("many"))
            lines += [
                f"• {shown}" for shown, _ in self.choices(question) if shown != self.word("na")
            ]
        elif isinstance(question, ScaleQuestion):
            lines.append(self.word("scale").format(min=question.min, max=question.max))
            lines += [f"{label.value} = {label.label.get(self.lang)}" for label in question.labels]
        elif isinstance(question, YesNoQuestion | SingleChoiceQuestion):
            lines.append(self.word("one"))
            lines += [
                f"• {shown}" for shown, _ in self.choices(question) if shown != self.word("na")
            ]
        elif isinstance(question, NumberQuestion):
            bounds = ""
            if question.min is not None or question.max is not None:
                low = "" if question.min is None else f"≥ {_plain(question.min)}"
                high = "" if question.max is None else f"≤ {_plain(question.max)}"
                bounds = " (" + ", ".join(part for part in (low, high) if part) + ")"
            unit = f", {question.unit.get(self.lang)}" if question.unit else ""
            lines.append(f"{self.word('number')}{bounds}{unit}.")
        elif isinstance(question, DateQuestion):
            lines.append(self.word("date"))
        elif isinstance(question, TextQuestion):
            lines.append(self.word("text").format(max=question.max_length))
        elif isinstance(question, CountryQuestion):
            lines.append(self.word("countries" if question.multiple else "country"))
        if question.allow_na:
            lines.append(self.word("or_na"))
        return "\n".join(lines)

    # --- showing ----------------------------------------------------------------------------

    def show(self, question: Question, value: Any) -> Any:
        """The cell content for a stored answer value (None: an empty cell)."""
        if value is None:
            return None
        choices = self.choices(question)
        shown_of = {self._same(v): shown for shown, v in choices}
        if value == NA:
            return self.word("na")
        if isinstance(question, MultiChoiceQuestion) or (
            isinstance(question, CountryQuestion) and question.multiple
        ):
            items = value if isinstance(value, list | tuple) else [value]
            if isinstance(question, CountryQuestion):
                return f"{SEPARATOR} ".join(str(item) for item in items)
            labels = {v: shown for shown, v in choices}
            return f"{SEPARATOR} ".join(labels.get(item, str(item)) for item in items)
        if choices:
            return shown_of.get(self._same(value), str(value))
        if isinstance(question, DateQuestion) and isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return value
        if isinstance(question, NumberQuestion) and isinstance(value, int | float | Decimal):
            return _plain(Decimal(str(value)))
        return str(value) if not isinstance(value, int | Decimal) else value

    @staticmethod
    def _same(value: Any) -> Any:
        if value is True:
            return "yes"
        if value is False:
            return "no"
        return value

    # --- reading ----------------------------------------------------------------------------

    def read(self, question: Question, cell: Any) -> Any:
        """The answer value a cell holds (None: the cell is empty); raises :class:`Unreadable`.

        The value is one the store accepts; whether it fits the question is for
        :func:`compliance.engine.validation.answer_problem` to say.
        """
        value = self._read(question, cell)
        if value is not None:
            from pydantic import ValidationError

            from compliance.model.assessment import Answer

            try:
                Answer.model_validate({"value": value})
            except ValidationError as error:
                message = str(error.errors()[0]["msg"]).removeprefix("Value error, ")
                raise Unreadable(message) from None
        return value

    def _read(self, question: Question, cell: Any) -> Any:
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            return None
        if isinstance(cell, str):
            cell = unicodedata.normalize("NFC", cell).strip()
            if question.allow_na and _key(cell) in {_key(self.word("na")), "na", "n/a"}:
                return NA
        if isinstance(question, MultiChoiceQuestion):
            return self._read_many(question, cell)
        if isinstance(question, CountryQuestion):
            return self._read_countries(question, cell)
        if isinstance(question, YesNoQuestion | SingleChoiceQuestion):
            return self._read_one(question, cell)
        if isinstance(question, ScaleQuestion):
            return self._read_scale(question, cell)
        if isinstance(question, NumberQuestion):
            return self._read_number(cell)
        if isinstance(question, DateQuestion):
            return self._read_date(cell)
        if isinstance(question, TextQuestion):
            text = cell if isinstance(cell, str) else self._text_of(cell)
            if len(text) > question.max_length:
                raise Unreadable(f"the text is longer than {question.max_length} characters")
            return text
        raise Unreadable(
            "this kind of question cannot be answered in a workbook"
        )  # pragma: no cover

    @staticmethod
    def _text_of(cell: Any) -> str:
        if isinstance(cell, float) and cell.is_integer():
            return str(int(cell))
        if isinstance(cell, dt.datetime):
            return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat()
        if isinstance(cell, dt.date):
            return cell.isoformat()
        return str(cell)

    def _lookup(self, question: Question, text: str) -> Any:
        wanted = _key(text)
        for shown, value in self.choices(question):
            if _key(shown) == wanted or (isinstance(value, str) and _key(value) == wanted):
                return value
        if isinstance(question, YesNoQuestion):
            english = {"yes": "yes", "no": "no", "oui": "yes", "non": "no"}
            if wanted in english:
                return english[wanted]
        raise Unreadable(self._not_a_choice(question, text))

    def _not_a_choice(self, question: Question, text: str) -> str:
        shown = [s for s, _ in self.choices(question)]
        listed = "; ".join(shown[:12]) + ("; …" if len(shown) > 12 else "")
        return f"{text!r} is not one of the choices ({listed})"

    def _read_one(self, question: Question, cell: Any) -> Any:
        return self._lookup(question, self._text_of(cell) if not isinstance(cell, str) else cell)

    def _read_many(self, question: MultiChoiceQuestion, cell: Any) -> Any:
        text = cell if isinstance(cell, str) else self._text_of(cell)
        parts = [part.strip() for part in text.replace("\n", SEPARATOR).split(SEPARATOR)]
        chosen: list[str] = []
        for part in parts:
            if not part:
                continue
            value = self._lookup(question, part)
            if value == NA:
                raise Unreadable("N/A cannot be chosen together with other answers")
            if value in chosen:
                raise Unreadable(f"{part!r} is chosen twice")
            chosen.append(value)
        return tuple(chosen)

    def _read_countries(self, question: CountryQuestion, cell: Any) -> Any:
        text = cell if isinstance(cell, str) else self._text_of(cell)
        reference = self.questionnaire.reference
        names = reference.countries if reference else {}
        known: dict[str, str] = {}
        for iso, name in names.items():
            known[_key(iso)] = iso
            known[_key(name.en)] = iso
            known[_key(name.fr)] = iso
            known[_key(f"{name.get(self.lang)} ({iso})")] = iso
        parts = [p.strip() for p in text.replace("\n", SEPARATOR).split(SEPARATOR) if p.strip()]
        if not question.multiple and len(parts) > 1:
            raise Unreadable("give one country only")
        codes: list[str] = []
        for part in parts:
            code: str | None = known.get(_key(part))
            if code is None and not names and len(part) == 2 and part.isalpha():
                code = part.upper()
            if code is None:
                raise Unreadable(f"{part!r} is not a country name or ISO 3166 code")
            codes.append(code)
        return tuple(codes) if question.multiple else codes[0]

    def _read_scale(self, question: ScaleQuestion, cell: Any) -> Any:
        if isinstance(cell, bool):
            raise Unreadable("a scale answer is a whole number")
        if isinstance(cell, float) and not math.isfinite(cell):
            raise Unreadable(
                f"{cell!r} is not a whole number from {question.min} to {question.max}"
            )
        if isinstance(cell, int | float):
            number = Decimal(repr(cell)) if isinstance(cell, float) else Decimal(cell)
        else:
            head = str(cell).split("—")[0].split(" - ")[0].strip()
            try:
                number = Decimal(head)
            except InvalidOperation:
                raise Unreadable(self._not_a_choice(question, str(cell))) from None
            if not number.is_finite():
                raise Unreadable(self._not_a_choice(question, str(cell)))
        if number != number.to_integral_value() or not question.min <= number <= question.max:
            raise Unreadable(
                f"{cell!r} is not a whole number from {question.min} to {question.max}"
            )
        return int(number)

    @staticmethod
    def _read_number(cell: Any) -> Any:
        if isinstance(cell, bool):
            raise Unreadable("the answer is a number")
        if isinstance(cell, int):
            return cell
        if isinstance(cell, float):
            if not math.isfinite(cell):
                raise Unreadable(f"{cell!r} is not a number")
            return _plain(Decimal(repr(cell)))
        if isinstance(cell, dt.date):
            raise Unreadable("the answer is a number, not a date")
        text = str(cell).replace("\u202f", "").replace("\xa0", "").replace(" ", "")
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")  # a French decimal comma
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise Unreadable(f"{cell!r} is not a number") from None
        if not number.is_finite():
            raise Unreadable(f"{cell!r} is not a number")
        return _plain(number)

    @staticmethod
    def _read_date(cell: Any) -> Any:
        if isinstance(cell, dt.datetime):
            return cell.date().isoformat()
        if isinstance(cell, dt.date):
            return cell.isoformat()
        try:
            return dt.date.fromisoformat(str(cell).strip()).isoformat()
        except ValueError:
            raise Unreadable(f"{cell!r} is not a date (YYYY-MM-DD)") from None
