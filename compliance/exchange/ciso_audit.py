"""Provides :func:`audit_workbook`: an assessment as the audit workbook CISO Assistant imports.

The columns are those of CISO Assistant's own audit export, which its importer reads back (it
matches rows by ``ref_id`` first, then ``urn``; blank cells never overwrite; answers are lines of
``question text >> value``, several choices joined by `` | ``, and are matched by question text).
One row per domain (``assessable`` false, for the reader) and one per control.

A control imported from a CISO Assistant library carries its requirement's URN (``source``); its
``ref_id`` cell is left blank so that CISO Assistant matches the row by that URN and never by a
ref_id another requirement might share. Other controls get a URN of this toolkit's
(``urn:compliance-ma:risk:req_node:<questionnaire>:<control>``).
"""

from __future__ import annotations

import io
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from compliance.exchange.cells import CellCodec
from compliance.exchange.workbook import require_openpyxl
from compliance.model.assessment import NA, Assessment
from compliance.model.questionnaire import (
    Control,
    MultiChoiceQuestion,
    Question,
    Questionnaire,
)
from compliance.model.result import ControlResult, Result

__all__ = ["COLUMNS", "audit_rows", "audit_workbook", "control_urn"]

COLUMNS = (
    "urn",
    "assessable",
    "ref_id",
    "name",
    "description",
    "compliance_result",
    "requirement_progress",
    "observations",
    "score",
    "answers",
)
_RESULT_IDS = {"compliant", "partially_compliant", "non_compliant"}


def control_urn(questionnaire: Questionnaire, control: Control) -> str:
    """The URN of a control's requirement in CISO Assistant."""
    if control.source:
        return control.source
    return f"urn:compliance-ma:risk:req_node:{questionnaire.id}:{control.id.lower()}"


def _result(control: Control, scored: ControlResult | None, assessment: Assessment) -> str:
    for question in control.questions:
        if question.id.endswith(".result"):
            answer = assessment.answers.get(question.id)
            if answer is not None:
                return "not_applicable" if answer.value == NA else str(answer.value)
    if scored is None or not scored.applicable:
        return "not_applicable"
    if scored.score is None:
        return "not_assessed"
    if scored.score >= 100:
        return "compliant"
    return "non_compliant" if scored.score <= 0 else "partially_compliant"


def _progress(scored: ControlResult | None, assessment: Assessment) -> str:
    if scored is None or not scored.applicable:
        return "done"
    counted = [q.id for q in scored.questions if q.status != "not_applicable"]
    answered = sum(qid in assessment.answers for qid in counted)
    if counted and answered == len(counted):
        return "done"
    return "in_progress" if answered else "to_do"


def _score(control: Control, scored: ControlResult | None, assessment: Assessment) -> Any:
    for question in control.questions:
        if question.id.endswith(".score") and question.kind == "scale":
            answer = assessment.answers.get(question.id)
            if answer is not None and answer.value != NA:
                return answer.value
            return None
    if scored is None or scored.score is None:
        return None
    return int(scored.score.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def _answer_line(codec: CellCodec, question: Question, value: Any) -> str:
    text = question.text.get(codec.lang)
    if value is None:
        choices = [shown for shown, _ in codec.choices(question)]
        if isinstance(question, MultiChoiceQuestion):
            return f"{text} (multiple) >> [{' / '.join(choices)}]"
        return f"{text} >> [{' / '.join(choices)}]" if choices else f"{text} >> [free text]"
    if isinstance(question, MultiChoiceQuestion) and isinstance(value, tuple):
        labels: dict[str, str] = {str(option): shown for shown, option in codec.choices(question)}
        return f"{text} >> {' | '.join(labels.get(str(v), str(v)) for v in value)}"
    shown = codec.show(question, value)
    return f"{text} >> {shown.isoformat() if hasattr(shown, 'isoformat') else shown}"


def audit_rows(
    questionnaire: Questionnaire, assessment: Assessment, result: Result, lang: str = "en"
) -> list[dict[str, Any]]:
    """The workbook's rows as plain data, in questionnaire order."""
    codec = CellCodec(questionnaire, lang)
    by_id = {control.id: control for control in result.controls}
    profile = {q.id: q for q in questionnaire.profile.questions}
    rows: list[dict[str, Any]] = []
    for domain in questionnaire.domains:
        rows.append(
            {
                "urn": f"urn:compliance-ma:risk:req_node:{questionnaire.id}:{domain.id.lower()}",
                "assessable": False,
                "ref_id": domain.id,
                "name": domain.title.get(lang),
                "description": "" if domain.description is None else domain.description.get(lang),
            }
        )
        for control in domain.controls:
            scored = by_id.get(control.id)
            asked = [q for q in control.questions if not q.id.endswith((".result", ".score"))]
            asked += [q for qid, q in profile.items() if qid.startswith(f"{control.id}.")]
            lines, observations = [], []
            for question in asked:
                answer = assessment.answers.get(question.id)
                value = answer.value if answer is not None else assessment.profile.get(question.id)
                lines.append(_answer_line(codec, question, value))
            for question in control.questions:
                answer = assessment.answers.get(question.id)
                if answer is not None and answer.comment:
                    observations.append(f"{question.text.get(lang)} — {answer.comment}")
            progress = _progress(scored, assessment)
            result_word = _result(control, scored, assessment)
            points = _score(control, scored, assessment)
            if progress == "to_do" and result_word != "not_applicable":
                result_word, points = "not_assessed", None  # unanswered is not a zero
            rows.append(
                {
                    "urn": control_urn(questionnaire, control),
                    "assessable": True,
                    "ref_id": "" if control.source else control.id,
                    "name": control.title.get(lang),
                    "description": ""
                    if control.description is None
                    else control.description.get(lang),
                    "compliance_result": result_word,
                    "requirement_progress": progress,
                    "observations": "\n".join(observations),
                    "score": points,
                    "answers": "\n".join(lines),
                }
            )
    return rows


def audit_workbook(
    questionnaire: Questionnaire, assessment: Assessment, result: Result, lang: str = "en"
) -> bytes:
    """The audit workbook (XLSX bytes): a header row of :data:`COLUMNS`, then the rows."""
    require_openpyxl()
    import openpyxl
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from compliance.exchange.pack import put_cell

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet1"  # the name CISO Assistant's own export gives it
    for column, name in enumerate(COLUMNS, start=1):
        put_cell(sheet, 1, column, name).font = Font(bold=True)
        wide = name in ("name", "description", "observations", "answers")
        sheet.column_dimensions[get_column_letter(column)].width = 60 if wide else 24
    wrap = Alignment(wrap_text=True, vertical="top")
    for index, row in enumerate(audit_rows(questionnaire, assessment, result, lang), start=2):
        for column, name in enumerate(COLUMNS, start=1):
            value = row.get(name)
            put_cell(sheet, index, column, "" if value is None else value).alignment = wrap
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
