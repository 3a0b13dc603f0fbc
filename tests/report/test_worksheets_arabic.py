"""The two worksheets (CNDP transfer request, SCC Annex I.B) in Arabic: Arabic list separators,
what the user typed and the ids isolated so their Latin letters keep their order, the parties'
arrow pointing from the exporter when read from the right, nothing changed in English or French."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from compliance.catalog import load_assessment
from compliance.engine.scoring import score
from compliance.report.bidi import FSI, PDI, strip
from compliance.report.formatting import long_date
from compliance.report.worksheets import Worksheet, cndp_worksheets, scc_worksheets
from tests.report.test_tia_document import FIXTURE


@functools.cache
def _loaded() -> tuple[Any, Any, Any]:
    assessment, questionnaire = load_assessment(FIXTURE)
    return questionnaire, assessment, score(questionnaire, assessment)


def _sheets(lang: str, assessment: Any = None) -> tuple[tuple[Worksheet, ...], ...]:
    questionnaire, loaded, result = _loaded()
    flows = (assessment or loaded).flows
    reference = questionnaire.reference
    results = {f.id: f for f in result.flows}
    return cndp_worksheets(flows, reference, lang), scc_worksheets(flows, results, reference, lang)


def _row(sheet: Worksheet, index: int) -> str:
    value = sheet.rows[index].value
    assert value is not None
    return value


def test_lists_take_the_arabic_separators_and_typed_items_are_isolated() -> None:
    _, scc = _sheets("ar")
    crm = next(sheet for sheet in scc if sheet.flow_id == "f1-telecom-crm")
    data = _row(crm, 3)  # categories of personal data
    assert data.split("؛ ")[0] == f"{FSI}identity{PDI}"
    assert strip(data) == "identity؛ contact؛ contract؛ billing؛ call_recording"
    _, scc_en = _sheets("en")
    assert _row(scc_en[0], 3) == "identity; contact; contract; billing; call_recording"


def test_the_parties_read_from_the_exporter_on_the_right() -> None:
    _, scc = _sheets("ar")
    parties = _row(scc[0], 1)
    exporter, importer = parties.split(" ← ")
    assert exporter.startswith(f"{FSI}Telco Europa SA{PDI}، ")
    assert importer.startswith(f"{FSI}Atlas Relation Client SA{PDI}، ")
    assert "→" not in parties
    _, scc_fr = _sheets("fr")
    assert " → " in _row(scc_fr[0], 1) and FSI not in _row(scc_fr[0], 1)


def test_the_cndp_sheet_writes_dates_out_and_isolates_the_reference() -> None:
    _, assessment, _ = _loaded()
    flow = next(f for f in assessment.flows if f.id == "f2-backup-us")
    transfer = flow.cndp.transfer.model_copy(
        update={"status": "filed", "filed_on": dt.date(2026, 12, 4), "reference": "T-2026/118"}
    )
    changed = flow.model_copy(
        update={
            "cndp": flow.cndp.model_copy(update={"transfer": transfer}),
            "first_transfer_date": dt.date(2026, 1, 15),
        }
    )
    cndp, _ = _sheets("ar", assessment.model_copy(update={"flows": (changed,)}))
    values = [row.value or "" for row in cndp[0].rows]
    assert any(long_date(dt.date(2026, 1, 15), "ar") == value for value in values)
    f118 = values[-1]
    assert "4 دجنبر 2026" in f118 and f"{FSI}T-2026/118{PDI}" in f118
    assert _row(cndp[0], 0).startswith(f"{FSI}Atlas Relation Client SA{PDI}، ")
    mode = _row(cndp[0], 6)
    assert "، " in mode and ", " not in mode  # file transfer، continuous


def test_english_and_french_sheets_have_no_isolation_marks() -> None:
    for lang in ("en", "fr"):
        for sheets in _sheets(lang):
            for sheet in sheets:
                for row in sheet.rows:
                    assert FSI not in (row.value or "") and PDI not in (row.value or "")
