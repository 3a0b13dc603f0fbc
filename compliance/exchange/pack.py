"""Provides :func:`make_pack`: an XLSX answer pack for the people a firm or consultant must ask.

One sheet per chosen domain lists the questions that apply, with their control, help, the articles
behind them and what the answer cell expects; the answer cell offers a drop-down list where the
question has choices, and holds the current answer; the comment cell holds the current comment.
Only those two columns can be edited: the sheets are protected and the workbook's structure is
locked (no sheet added, removed or renamed in a spreadsheet program that honours it; unpacking
checks it all again). A very hidden sheet holds the manifest (:mod:`.manifest`) and another the
drop-down lists.

Nothing written is ever a formula: every text from a questionnaire or a user is stored as a
string cell, even when it starts with ``=``.
"""

from __future__ import annotations

import io
import json
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from compliance.errors import ExchangeError
from compliance.exchange.cells import CellCodec
from compliance.exchange.manifest import LISTS_SHEET, MANIFEST_SHEET, Manifest, PackRow
from compliance.exchange.workbook import require_openpyxl
from compliance.model.questionnaire import (
    Control,
    DateQuestion,
    Domain,
    NumberQuestion,
    Question,
    Questionnaire,
    TextQuestion,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from compliance.store.workspace import Workspace

__all__ = ["COLUMNS", "HEADERS", "PackSummary", "make_pack", "sheet_names"]

COLUMNS = ("id", "control", "question", "help", "articles", "expects", "answer", "comment")
"""The columns of a domain sheet, A to H; only ``answer`` (G) and ``comment`` (H) are editable."""
ANSWER_COLUMN = COLUMNS.index("answer") + 1
COMMENT_COLUMN = COLUMNS.index("comment") + 1
HEADERS = {
    "en": (
        "Question id",
        "Control",
        "Question",
        "Help",
        "Articles",
        "How to answer",
        "Answer",
        "Comment",
    ),
    "fr": (
        "Identifiant",
        "Contrôle",
        "Question",
        "Aide",
        "Articles",
        "Comment répondre",
        "Réponse",
        "Commentaire",
    ),
}
_WIDTHS = (16, 28, 50, 50, 22, 34, 30, 40)
_FRAMEWORK_NAMES = {"law-09-08": "Loi 09-08", "decree-2-09-165": "Décret 2-09-165", "gdpr": "RGPD"}
_FRAMEWORK_NAMES_EN = {
    "law-09-08": "Law 09-08",
    "decree-2-09-165": "Decree 2-09-165",
    "gdpr": "GDPR",
}
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


@dataclass(frozen=True, slots=True)
class PackSummary:
    """What a pack holds, for the command to print."""

    pack_id: str
    sheets: tuple[tuple[str, int], ...]
    """Each sheet's name and how many questions it holds."""
    answered: int

    @property
    def questions(self) -> int:
        """How many questions the pack asks."""
        return sum(count for _, count in self.sheets)


def clean_text(text: str) -> str:
    """Text as a cell can hold it: control characters a workbook refuses become U+FFFD."""
    return _ILLEGAL.sub("\ufffd", text)


def sheet_names(domains: Sequence[Domain], lang: str) -> list[str]:
    """A valid, unique sheet name per domain: its id and title, at most 31 characters."""
    names: list[str] = []
    for domain in domains:
        base = (
            _SHEET_BAD.sub(" ", f"{domain.id} {domain.title.get(lang)}").strip("' ")[:31].rstrip()
        )
        name, n = base, 2
        while name.casefold() in {seen.casefold() for seen in names} or name.startswith("_"):
            suffix = f" {n}"
            name, n = base[: 31 - len(suffix)] + suffix, n + 1
        names.append(name)
    return names


def _articles(question: Question, refs: dict[str, tuple[str, ...]], lang: str) -> str:
    names = _FRAMEWORK_NAMES if lang == "fr" else _FRAMEWORK_NAMES_EN
    merged: dict[str, list[str]] = {}
    for source in (refs, question.refs):
        for framework, articles in source.items():
            merged.setdefault(framework, [])
            merged[framework] += [a for a in articles if a not in merged[framework]]
    word = "art." if lang == "fr" else "Art."
    return "\n".join(
        f"{names.get(framework, framework)} {word} {', '.join(articles)}"
        for framework, articles in merged.items()
    )


def put_cell(sheet: Worksheet, row: int, column: int, value: Any) -> Any:
    """Writes a value; text is always a string cell, never a formula or an error code."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = clean_text(value)
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


class _Builder:
    """Writes the sheets of one pack."""

    def __init__(self, codec: CellCodec, applies: Any, assessment: Any, versions: dict[str, str]):
        import openpyxl
        from openpyxl.styles import Alignment, Font, PatternFill, Protection

        self.codec = codec
        self.lang = codec.lang
        self.applies = applies
        self.assessment = assessment
        self.versions = versions
        self.book = openpyxl.Workbook()
        self.book.remove(self.book.active)  # type: ignore[arg-type]
        self.lists = self.book.create_sheet(LISTS_SHEET)
        self.lists.sheet_state = "veryHidden"
        self.list_rows = 0
        self.rows: list[PackRow] = []
        self.answered = 0
        self.bold = Font(bold=True)
        self.fill = PatternFill("solid", fgColor="FFF4CC")
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.editable = Protection(locked=False)

    def domain_sheet(self, domain: Domain, name: str) -> int:
        """Writes one domain's sheet; returns how many questions it holds."""
        sheet = self.book.create_sheet(name)
        headers = HEADERS.get(self.lang, HEADERS["en"])
        for column, (header, width) in enumerate(zip(headers, _WIDTHS, strict=True), start=1):
            put_cell(sheet, 1, column, header).font = self.bold
            sheet.column_dimensions[chr(64 + column)].width = width
        sheet.freeze_panes = "C2"
        row = 1
        for control in domain.controls:
            for question in control.questions:
                if self.applies.applies(question.id):
                    row += 1
                    self.question_row(sheet, name, row, control, question)
        sheet.protection.sheet = True
        sheet.protection.formatColumns = False
        sheet.protection.formatRows = False
        return row - 1

    def question_row(
        self, sheet: Worksheet, name: str, row: int, control: Control, question: Question
    ) -> None:
        """Writes one question's row and its answer cell's drop-down or input check."""
        answer = self.assessment.answers.get(question.id)
        value = None if answer is None else answer.value
        comment = None if answer is None else answer.comment
        self.answered += answer is not None
        cells = (
            question.id,
            f"{control.id} — {control.title.get(self.lang)}",
            question.text.get(self.lang),
            "" if question.help is None else question.help.get(self.lang),
            _articles(question, control.refs, self.lang),
            self.codec.guide(question),
            self.codec.show(question, value),
            comment,
        )
        for column, content in enumerate(cells, start=1):
            cell = put_cell(sheet, row, column, content)
            cell.alignment = self.wrap
            if column in (ANSWER_COLUMN, COMMENT_COLUMN):
                cell.protection = self.editable
                cell.fill = self.fill
        answer_cell = sheet.cell(row=row, column=ANSWER_COLUMN)
        if hasattr(answer_cell.value, "year"):
            answer_cell.number_format = "yyyy-mm-dd"
        validation = self.validation(question)
        if validation is not None:
            sheet.add_data_validation(validation)
            validation.add(answer_cell)
        stored = "" if answer is None else answer.model_dump(mode="json")["value"]
        self.rows.append(
            PackRow(
                sheet=name,
                row=row,
                question_id=question.id,
                version=self.versions.get(question.id, ""),
                value="" if answer is None else json.dumps(stored, ensure_ascii=False),
                comment=clean_text(comment or ""),
            )
        )

    def validation(self, question: Question) -> Any:
        """A drop-down list (its choices written on the lists sheet) or a typed-input check."""
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.datavalidation import DataValidation

        shown = self.codec.dropdown(question)
        common: dict[str, Any] = {
            "allow_blank": True,
            "showErrorMessage": True,
            "errorTitle": question.id[:32],
            "error": self.codec.guide(question)[:255],
        }
        if shown:
            self.list_rows += 1
            for column, text in enumerate(shown, start=1):
                put_cell(self.lists, self.list_rows, column, text)
            span = f"$A${self.list_rows}:${get_column_letter(len(shown))}${self.list_rows}"
            return DataValidation(type="list", formula1=f"'{LISTS_SHEET}'!{span}", **common)
        if question.allow_na:
            return None  # N/A is typed as text: a number or date check would refuse it
        if isinstance(question, NumberQuestion):
            low = -1e15 if question.min is None else float(question.min)
            high = 1e15 if question.max is None else float(question.max)
            return DataValidation(
                type="decimal",
                operator="between",
                formula1=repr(low),
                formula2=repr(high),
                **common,
            )
        if isinstance(question, DateQuestion):
            return DataValidation(type="date", operator="greaterThan", formula1="1", **common)
        if isinstance(question, TextQuestion):
            return DataValidation(
                type="textLength",
                operator="lessThanOrEqual",
                formula1=str(question.max_length),
                **common,
            )
        return None

    def finish(self, manifest: Manifest) -> bytes:
        """Adds the manifest, locks the structure and returns the workbook's bytes."""
        from openpyxl.workbook.protection import WorkbookProtection

        hidden = self.book.create_sheet(MANIFEST_SHEET)
        hidden.sheet_state = "veryHidden"
        for index, values in enumerate(manifest.cells(), start=1):
            for column, content in enumerate(values, start=1):
                put_cell(hidden, index, column, content)
        hidden.protection.sheet = True
        self.lists.protection.sheet = True
        self.book.move_sheet(LISTS_SHEET, offset=len(self.book.sheetnames))
        self.book.active = 0
        self.book.security = WorkbookProtection(lockStructure=True)
        out = io.BytesIO()
        self.book.save(out)
        return out.getvalue()


def make_pack(
    workspace: Workspace,
    assessment_id: int,
    *,
    domains: Sequence[str] | None = None,
    lang: str = "en",
    questionnaire: Questionnaire | None = None,
) -> tuple[bytes, PackSummary]:
    """Builds the pack of an assessment's applicable questions in ``domains`` (all when None).

    Returns the workbook's bytes (for :func:`compliance.files.write_atomically`) and a summary.
    """
    require_openpyxl()
    from compliance.catalog import find
    from compliance.engine.scoring import Applicability
    from compliance.store.answers import answer_versions
    from compliance.store.assessments import get_assessment, load_assessment
    from compliance.store.values import now

    info = get_assessment(workspace, assessment_id)
    assessment = load_assessment(workspace, assessment_id)
    if questionnaire is None:
        ref = assessment.questionnaire
        questionnaire = find(ref.id, ref.version).questionnaire
    chosen = _choose(questionnaire, domains)
    builder = _Builder(
        CellCodec(questionnaire, lang),
        Applicability(questionnaire, assessment),
        assessment,
        answer_versions(workspace, assessment_id),
    )
    names = sheet_names(chosen, lang)
    sheets = tuple(
        (name, builder.domain_sheet(domain, name))
        for domain, name in zip(chosen, names, strict=True)
    )
    manifest = Manifest(
        pack_id=str(uuid.uuid4()),
        assessment_id=assessment_id,
        assessment_created=info.created,
        client=info.client,
        organisation=assessment.organisation.name,
        cycle=info.cycle,
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        questionnaire_digest=questionnaire.digest,
        lang=lang,
        made_at=now(),
        made_by=workspace.actor,
        sheets=tuple(names),
        rows=tuple(builder.rows),
    )
    data = builder.finish(manifest)
    return data, PackSummary(manifest.pack_id, sheets, builder.answered)


def _choose(questionnaire: Questionnaire, wanted: Sequence[str] | None) -> list[Domain]:
    if not wanted:
        return list(questionnaire.domains)
    by_id = {domain.id.casefold(): domain for domain in questionnaire.domains}
    unknown = [d for d in wanted if d.casefold() not in by_id]
    if unknown:
        known = ", ".join(domain.id for domain in questionnaire.domains)
        raise ExchangeError(
            f"{questionnaire.id} has no domain {unknown[0]!r}; its domains are {known}"
        )
    chosen: list[Domain] = []
    for item in wanted:
        domain = by_id[item.casefold()]
        if domain not in chosen:
            chosen.append(domain)
    return chosen
