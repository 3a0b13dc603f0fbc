"""Provides the pack's manifest: what a pack was made from, kept in a very hidden sheet.

The manifest names the pack (a random id), the assessment (its workspace id, when it was created,
the client and organisation, the cycle), the questionnaire (id, version, digest) and, for each
question row of each sheet, the question id, the version of its stored answer when the pack was
made, and the answer and comment the pack showed. Reading it back is strict: a manifest that does
not parse is a pack that was tampered with or not made by this tool.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any

from compliance.errors import ExchangeError

__all__ = ["LISTS_SHEET", "MANIFEST_SHEET", "PACK_FORMAT", "Manifest", "PackRow"]

PACK_FORMAT = "compliance.pack/v1"
MANIFEST_SHEET = "_pack"
LISTS_SHEET = "_lists"
_ROWS = "rows"


@dataclass(frozen=True, slots=True)
class PackRow:
    """One question row of a pack sheet, as the pack showed it."""

    sheet: str
    row: int
    question_id: str
    version: str
    """The stored answer's version when the pack was made ('' when there was no answer)."""
    value: str
    """The stored answer value as JSON ('' when there was no answer)."""
    comment: str
    """The comment the pack showed ('' when none)."""

    def original(self) -> Any:
        """The answer value the pack showed (None when unanswered)."""
        return json.loads(self.value) if self.value else None


@dataclass(frozen=True, slots=True)
class Manifest:
    """What a pack was made from."""

    pack_id: str
    assessment_id: int
    assessment_created: str
    client: str
    organisation: str
    cycle: int
    questionnaire_id: str
    questionnaire_version: str
    questionnaire_digest: str
    lang: str
    made_at: str
    made_by: str
    sheets: tuple[str, ...]
    rows: tuple[PackRow, ...]

    def cells(self) -> Iterable[list[Any]]:
        """The manifest sheet's rows."""
        yield ["format", PACK_FORMAT]
        for item in fields(self):
            if item.name == "rows":
                continue
            value = getattr(self, item.name)
            yield [item.name, json.dumps(list(value)) if item.name == "sheets" else value]
        yield [_ROWS, len(self.rows)]
        for row in self.rows:
            yield [row.sheet, row.row, row.question_id, row.version, row.value, row.comment]

    @classmethod
    def parse(cls, rows: list[tuple[Any, ...]], where: str) -> Manifest:
        """Reads the manifest sheet's rows; raises :class:`ExchangeError` when it was altered."""

        def broken(what: str) -> ExchangeError:
            return ExchangeError(
                f"{where}: the pack's hidden sheet {MANIFEST_SHEET!r} is damaged ({what}); "
                "the workbook was altered or not made by 'compliance pack'; make a new pack"
            )

        rows = [(*row, *((None,) * (6 - len(row)))) for row in rows]  # trailing blanks dropped
        if not rows or tuple(rows[0][:2]) != ("format", PACK_FORMAT):
            raise broken(f"it does not start with the format {PACK_FORMAT}")
        names = [item.name for item in fields(cls) if item.name != "rows"]
        values: dict[str, Any] = {}
        for index, name in enumerate(names, start=1):
            if index >= len(rows) or len(rows[index]) < 2 or rows[index][0] != name:
                raise broken(f"row {index + 1} should hold {name!r}")
            values[name] = rows[index][1]
        count_row = len(names) + 1
        if count_row >= len(rows) + 1 or rows[count_row][0] != _ROWS:
            raise broken("the list of question rows is missing")
        try:
            count = int(rows[count_row][1])
            values["sheets"] = tuple(json.loads(values["sheets"]))
            values["assessment_id"] = int(values["assessment_id"])
            values["cycle"] = int(values["cycle"])
            for name in names:
                if name not in {"assessment_id", "cycle", "sheets"}:
                    values[name] = "" if values[name] is None else str(values[name])
            body = rows[count_row + 1 : count_row + 1 + count]
            if len(body) != count:
                raise ValueError("rows are missing")
            pack_rows = tuple(
                PackRow(
                    sheet=str(item[0]),
                    row=int(item[1]),
                    question_id=str(item[2]),
                    version="" if item[3] is None else str(item[3]),
                    value="" if item[4] is None else str(item[4]),
                    comment="" if item[5] is None else str(item[5]),
                )
                for item in body
            )
            for row in pack_rows:
                row.original()
        except (TypeError, ValueError, IndexError) as error:
            raise broken(str(error)) from None
        return cls(**values, rows=pack_rows)
