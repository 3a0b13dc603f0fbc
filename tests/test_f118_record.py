"""The CNDP transfer procedure of a flow (``cndp.transfer``, form F118) and its older forms."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from compliance.catalog import load_assessment
from compliance.errors import LoadError
from compliance.model.assessment import CndpRecord, TransferProcedure


def transfer(**cndp: Any) -> object:
    return CndpRecord.model_validate(cndp).model_dump(mode="json", exclude_none=True)["transfer"]


@pytest.mark.parametrize(
    ("older", "expected"),
    [
        ({"transfer_declaration": "T-7"}, {"status": "filed", "reference": "T-7"}),
        ({"transfer_declaration": "none"}, {"status": "not_filed"}),
        (
            {
                "transfer_authorisation": {
                    "status": "granted",
                    "date": "2026-01-15",
                    "reference": "A",
                }
            },
            {"status": "granted", "decided_on": "2026-01-15", "reference": "A"},
        ),
        (
            {"transfer_authorisation": {"status": "refused", "date": "2026-01-15"}},
            {"status": "refused", "decided_on": "2026-01-15"},
        ),
        (
            {
                "transfer_declaration": "T-7",
                "transfer_authorisation": {"status": "pending", "reference": "F118-31"},
            },
            {"status": "filed", "reference": "F118-31"},
        ),
        ({"transfer_authorisation": {"status": "none"}}, {"status": "not_filed"}),
        ({"transfer_authorisation": {}}, {}),
    ],
)
def test_older_files_read_into_the_f118_record(
    older: dict[str, Any], expected: dict[str, Any]
) -> None:
    assert transfer(declaration_receipt="D-1", **older) == expected


def test_the_older_fields_are_kept_for_the_frozen_engine_but_never_written() -> None:
    record = CndpRecord.model_validate({"transfer_declaration": "T-7"})
    assert record.transfer_declaration == "T-7"
    dumped = record.model_dump(mode="json")
    assert "transfer_declaration" not in dumped and "transfer_authorisation" not in dumped
    assert CndpRecord.model_validate(dumped) == record.model_copy(
        update={"transfer_declaration": None}
    )


def test_both_forms_at_once_are_refused() -> None:
    with pytest.raises(ValidationError, match="'transfer' only"):
        CndpRecord.model_validate({"transfer": {"status": "filed"}, "transfer_declaration": "T"})


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (
            {"status": "granted", "filed_on": "2026-02-01", "decided_on": "2026-01-01"},
            "decided on 2026-01-01, before it was filed on 2026-02-01",
        ),
        ({"status": "filed", "decided_on": "2026-01-01"}, "has a decision date"),
        ({"status": "not_filed", "filed_on": "2026-01-01"}, "has a filing date"),
    ],
)
def test_dates_that_contradict_the_status_are_refused(record: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        TransferProcedure.model_validate(record)


def test_an_f118_decided_before_it_was_filed_is_a_clear_load_error(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        "questionnaire: {id: example, version: 1.0.0}\n"
        "as_of: 2026-11-01\n"
        "organisation: {name: Atlas, country: MA}\n"
        "flows:\n"
        "  - id: f1\n"
        "    name: Payroll\n"
        "    exporter: {name: Atlas, country: MA}\n"
        "    importer: {name: Tunis, country: TN}\n"
        "    cndp:\n"
        "      transfer: {status: granted, filed_on: 2026-03-01, decided_on: 2026-02-01}\n",
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as caught:
        load_assessment(path)
    text = str(caught.value)
    assert f"{path}:10:" in text, text
    assert "before it was filed" in text
    assert "Traceback" not in text


def test_a_valid_record_round_trips() -> None:
    record = TransferProcedure(
        status="granted",
        filed_on=dt.date(2026, 1, 5),
        decided_on=dt.date(2026, 1, 20),
        reference="F118-1",
    )
    assert TransferProcedure.model_validate(record.model_dump(mode="json")) == record
