"""Provides :func:`read_pack` and :func:`apply_pack`: an answer pack read back, checked whole.

Reading checks every cell before anything is stored, and collects every problem as
``Sheet!Cell: message``: a sheet or a row that was added or removed, a question id that moved, a
formula anywhere (cells are read as values; nothing is ever evaluated), an answer that does not
fit its question, a comment without an answer. The pack must be for the assessment and the very
questionnaire (same digest) it is applied to.

Applying saves the answers the respondent changed, in one durable transaction through the store's
answer path (checked again, audited). An answer changed in the workspace since the pack was made
is a conflict: it is reported and left as it is. A blank cell never erases a stored answer.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compliance.errors import ExchangeError
from compliance.exchange.cells import CellCodec, Unreadable
from compliance.exchange.manifest import LISTS_SHEET, MANIFEST_SHEET, Manifest, PackRow
from compliance.exchange.pack import ANSWER_COLUMN, COLUMNS, COMMENT_COLUMN, clean_text
from compliance.exchange.workbook import open_workbook

if TYPE_CHECKING:
    from compliance.model.questionnaire import Questionnaire
    from compliance.store.workspace import Workspace

__all__ = ["Change", "PackContent", "UnpackReport", "apply_pack", "read_pack"]

MAX_ROWS = 20_000
_LONG_TEXT = 20_000


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


@dataclass(frozen=True, slots=True)
class Change:
    """An answer or comment the respondent changed in the pack."""

    cell: str
    """Where, as ``Sheet!G7``."""
    question_id: str
    value: Any
    """The new answer value (the stored one when only the comment changed)."""
    comment: str | None
    """The new comment, or None to keep the stored one."""
    version: str
    """The stored answer's version when the pack was made."""


@dataclass
class PackContent:
    """A pack read and checked: its manifest, the changes found, and every problem."""

    path: Path
    manifest: Manifest
    changes: list[Change] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unchanged: int = 0


@dataclass
class UnpackReport:
    """What :func:`apply_pack` did."""

    assessment_id: int
    applied: list[Change] = field(default_factory=list)
    conflicts: list[Change] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unchanged: int = 0


def _quoted(sheet: str) -> str:
    return f"'{sheet}'" if not sheet.replace("_", "").isalnum() else sheet


def _cells(sheet: Any) -> Iterator[tuple[int, list[Any]]]:
    """Each non-empty row of a read-only sheet as (row number, cells)."""
    sheet.reset_dimensions()  # read every row the file holds, whatever its dimension says
    for number, row in enumerate(sheet.iter_rows(), start=1):
        cells = [cell for cell in row if getattr(cell, "value", None) is not None]
        if cells:
            yield number, list(row)
        if number > MAX_ROWS:
            raise ExchangeError(f"a sheet has more than {MAX_ROWS} rows; this is not a pack")


def _canon(value: Any) -> Any:
    from compliance.engine.conditions import normalise

    if isinstance(value, list | tuple):
        return tuple(sorted(str(item) for item in value))
    return normalise(value)


def read_pack(path: Path, questionnaire_for: Any) -> PackContent:
    """Reads and checks a pack; ``questionnaire_for(manifest)`` gives its questionnaire.

    Raises :class:`ExchangeError` when the file is not a pack at all; problems in cells are
    collected in :attr:`PackContent.problems`.
    """
    book = open_workbook(path)
    try:
        names = book.sheetnames
        if MANIFEST_SHEET not in names:
            raise ExchangeError(
                f"{path} is not an answer pack made by 'compliance pack' (it has no "
                f"{MANIFEST_SHEET!r} sheet)"
            )
        manifest_rows = [
            tuple(cell.value for cell in row) for _, row in _cells(book[MANIFEST_SHEET])
        ]
        manifest = Manifest.parse(manifest_rows, str(path))
        questionnaire: Questionnaire = questionnaire_for(manifest)
        content = PackContent(path, manifest)
        expected = set(manifest.sheets) | {MANIFEST_SHEET, LISTS_SHEET}
        for name in names:
            if name not in expected:
                content.problems.append(
                    f"{_quoted(name)}!A1: this sheet was added to the pack; remove it (a pack's "
                    "sheets are the ones it was made with)"
                )
        for name in manifest.sheets:
            if name not in names:
                content.problems.append(
                    f"{_quoted(name)}!A1: this sheet of the pack was removed or renamed"
                )
        by_sheet: dict[str, dict[int, PackRow]] = {}
        for row in manifest.rows:
            by_sheet.setdefault(row.sheet, {})[row.row] = row
        codec = CellCodec(questionnaire, manifest.lang)
        for name in manifest.sheets:
            if name in names:
                reader = _SheetReader(content, codec, questionnaire, name)
                reader.read(book[name], by_sheet.get(name, {}))
        return content
    finally:
        book.close()


@dataclass
class _SheetReader:
    """Checks the rows of one domain sheet against the manifest."""

    content: PackContent
    codec: CellCodec
    questionnaire: Questionnaire
    name: str

    @property
    def where(self) -> str:
        return _quoted(self.name)

    def read(self, sheet: Any, expected: dict[int, PackRow]) -> None:
        problems = self.content.problems
        seen: set[int] = set()
        for number, row in _cells(sheet):
            formulas = set()
            for cell in row:
                if getattr(cell, "data_type", None) == "f":
                    formulas.add(cell.column)
                    problems.append(
                        f"{self.where}!{_letter(cell.column)}{number}: the cell holds a formula; "
                        "type the answer itself (formulas are never evaluated)"
                    )
            if number == 1:
                continue
            packed = expected.get(number)
            if packed is None:
                problems.append(
                    f"{self.where}!A{number}: row {number} was added to the pack; answer only in "
                    "the rows it was made with"
                )
                continue
            seen.add(number)
            if not formulas:
                self.row(number, row, packed)
        for number, packed in sorted(expected.items()):
            if number not in seen:
                problems.append(
                    f"{self.where}!A{number}: the row of question {packed.question_id} was "
                    "removed or moved; make a new pack"
                )

    def row(self, number: int, row: list[Any], packed: PackRow) -> None:
        from compliance.engine.validation import answer_problem

        problems = self.content.problems
        where = self.where
        before = len(problems)
        if _value_at(row, 1) != packed.question_id:
            problems.append(
                f"{where}!A{number}: this row should hold question {packed.question_id}; the "
                "rows were changed, make a new pack"
            )
            return
        for cell in row:
            column = getattr(cell, "column", 0)
            if column > len(COLUMNS) and cell.value is not None:
                problems.append(
                    f"{where}!{_letter(column)}{number}: this column was added; answer in "
                    f"{_letter(ANSWER_COLUMN)} and comment in {_letter(COMMENT_COLUMN)} only"
                )
        question = self.questionnaire.questions_by_id.get(packed.question_id)
        if question is None:
            problems.append(f"{where}!A{number}: {packed.question_id} is not a question here")
            return
        answer_at = f"{where}!{_letter(ANSWER_COLUMN)}{number}"
        comment_at = f"{where}!{_letter(COMMENT_COLUMN)}{number}"
        value: Any = None
        try:
            value = self.codec.read(question, _value_at(row, ANSWER_COLUMN))
        except Unreadable as error:
            problems.append(f"{answer_at}: {error}")
        else:
            trouble = None if value is None else answer_problem(question, value)
            if trouble is not None:
                problems.append(f"{answer_at}: {trouble}")
        comment = _comment(_value_at(row, COMMENT_COLUMN), comment_at, problems)
        if len(problems) > before:
            return
        original = packed.original()
        value_changed = value is not None and (
            original is None or _canon(value) != _canon(original)
        )
        comment_changed = comment is not None and comment != (packed.comment or None)
        if not value_changed and not comment_changed:
            self.content.unchanged += 1
            return
        if value is None and original is None:
            problems.append(f"{comment_at}: a comment needs an answer; fill in {answer_at} too")
            return
        self.content.changes.append(
            Change(
                cell=answer_at if value_changed else comment_at,
                question_id=packed.question_id,
                value=value if value is not None else original,
                comment=comment if comment_changed else None,
                version=packed.version,
            )
        )


def _value_at(row: list[Any], column: int) -> Any:
    for cell in row:
        if getattr(cell, "column", None) == column:
            return cell.value
    return None


def _comment(raw: Any, where: str, problems: list[str]) -> str | None:
    if raw is None:
        return None
    text = raw if isinstance(raw, str) else CellCodec._text_of(raw)
    text = clean_text(unicodedata.normalize("NFC", text))
    if not text.strip():
        return None
    if len(text) > _LONG_TEXT:
        problems.append(f"{where}: the comment is longer than {_LONG_TEXT} characters")
        return None
    return text


def _target(workspace: Workspace, manifest: Manifest, into: int | None, path: Path) -> int:
    from compliance.store.assessments import get_assessment, load_assessment

    target = manifest.assessment_id if into is None else into
    info = get_assessment(workspace, target)
    organisation = load_assessment(workspace, target).organisation.name
    made_for = (
        f"assessment {manifest.assessment_id} of {manifest.client!r} "
        f"({manifest.questionnaire_id} {manifest.questionnaire_version}, cycle {manifest.cycle})"
    )
    if (info.questionnaire_id, info.questionnaire_version) != (
        manifest.questionnaire_id,
        manifest.questionnaire_version,
    ) or (info.questionnaire_digest not in (None, manifest.questionnaire_digest)):
        raise ExchangeError(
            f"{path} was made for {made_for}, a different questionnaire from assessment "
            f"{target}'s ({info.questionnaire}); nothing was changed"
        )
    if into is None and (info.created, info.client) != (
        manifest.assessment_created,
        manifest.client,
    ):
        raise ExchangeError(
            f"{path} was made for {made_for}, not for assessment {target} of {info.client!r} in "
            "this workspace; give --into ID with the assessment it is for. Nothing was changed"
        )
    if organisation != manifest.organisation:
        raise ExchangeError(
            f"{path} was made for the organisation {manifest.organisation!r}, not "
            f"{organisation!r} (assessment {target}); nothing was changed"
        )
    return target


def apply_pack(
    workspace: Workspace,
    path: Path,
    *,
    into: int | None = None,
    partial: bool = False,
) -> UnpackReport:
    """Reads a pack and saves the answers it changed into its assessment (or ``into``).

    Raises :class:`ExchangeError` listing every problem when any cell is wrong, unless
    ``partial``: then the valid rows are applied and the problems reported. Answers changed in
    the workspace since the pack was made are reported as conflicts and never overwritten.
    """
    from compliance.catalog import find
    from compliance.store.answers import AnswerWrite, save_answers

    def questionnaire_for(manifest: Manifest) -> Questionnaire:
        entry = find(manifest.questionnaire_id, manifest.questionnaire_version)
        if entry.digest != manifest.questionnaire_digest:
            raise ExchangeError(
                f"{path} was made with a different copy of {manifest.questionnaire_id} "
                f"{manifest.questionnaire_version} (digest {manifest.questionnaire_digest[:12]}…, "
                f"installed {entry.digest[:12]}…); nothing was changed"
            )
        return entry.questionnaire

    content = read_pack(path, questionnaire_for)
    questionnaire = questionnaire_for(content.manifest)
    target = _target(workspace, content.manifest, into, path)
    report = UnpackReport(target, problems=list(content.problems), unchanged=content.unchanged)
    if content.problems and not partial:
        count = len(content.problems)
        raise ExchangeError(
            f"{path} has {count} problem{'s' * (count != 1)}; nothing was changed (fix them, "
            "or use --partial to apply the valid rows)",
            tuple(content.problems),
        )
    if not content.changes:
        return report
    writes = [
        AnswerWrite(
            change.question_id,
            change.value,
            **({} if change.comment is None else {"comment": change.comment}),
            expect=change.version,
        )
        for change in content.changes
    ]
    if target != content.manifest.assessment_id:
        writes = _rebase(workspace, target, content, writes)
    conflicts = set(save_answers(workspace, target, writes, questionnaire=questionnaire))
    for change in content.changes:
        (report.conflicts if change.question_id in conflicts else report.applied).append(change)
    return report


def _rebase(
    workspace: Workspace, target: int, content: PackContent, writes: list[Any]
) -> list[Any]:
    """Versions for an assessment other than the pack's (``--into``): an answer still as the
    pack showed it may be written over; one that differs is a conflict."""
    from dataclasses import replace

    from compliance.store.answers import answer_versions
    from compliance.store.assessments import load_assessment

    stored = load_assessment(workspace, target).answers
    versions = answer_versions(workspace, target)
    shown = {row.question_id: row for row in content.manifest.rows}
    out = []
    for write in writes:
        packed = shown[write.question_id]
        answer = stored.get(write.question_id)
        original = packed.original()
        if answer is None or original is None:
            same = answer is None and original is None
        else:
            same = _canon(answer.value) == _canon(original) and (
                clean_text(answer.comment or "") == packed.comment
            )
        expect = versions.get(write.question_id, "") if same else "\x00conflict"
        out.append(replace(write, expect=expect))
    return out
