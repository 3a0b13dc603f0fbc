"""The CISO Assistant audit workbook: the round trip library → questionnaire → answers → audit
workbook, read back the way CISO Assistant's importer reads it (rows matched by ref_id then urn,
answers matched by question text and choice value)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from compliance.cli import main
from compliance.engine.scoring import score
from compliance.exchange.ciso_audit import COLUMNS, audit_workbook
from compliance.exchange.ciso_library import import_library
from compliance.loader import load_questionnaire
from compliance.model.assessment import Assessment
from tests.exchange.libraries import URN, callcentre


def _library_and_questionnaire(tmp_path: Path) -> tuple[dict[str, Any], Path]:
    data = callcentre()
    library = tmp_path / "library.yaml"
    library.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _, text = import_library(library)
    folder = tmp_path / "questionnaires"
    folder.mkdir()
    (folder / "callcentre.yaml").write_bytes(text)
    return data, folder / "callcentre.yaml"


def _answers() -> dict[str, Any]:
    return {
        "1.1.q1": {"value": "c2", "comment": "Nomination en cours"},
        "1.1.q2": ["c1", "c2"],
        "1.1.q3": "2026-10-01",
        "1.2.q2": 12,
        "1.2.result": "compliant",
        "A.2.1.q1": "yes",
        "A.2.1.q2": "AES-256",
        "Art.24.result": "na",
    }


def _rows(data: bytes) -> list[dict[str, Any]]:
    """The records CISO Assistant's importer builds (pandas, blanks as '')."""
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    sheet = book.active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    return [
        {str(k): ("" if v is None else v) for k, v in zip(header, row, strict=True)}
        for row in rows[1:]
    ]


def _as_ciso_reads(library: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    """CISO Assistant's matching of one row: the node by ref_id, else urn; the answers by
    question text, choice values by their value."""
    nodes = library["objects"]["framework"]["requirement_nodes"]
    node = None
    if record["ref_id"]:
        node = next((n for n in nodes if n.get("ref_id") == record["ref_id"]), None)
    if node is None:
        node = next(n for n in nodes if n["urn"] == record["urn"])
    by_text = {q["text"]: (urn, q) for urn, q in (node.get("questions") or {}).items()}
    answers: dict[str, Any] = {}
    for line in str(record["answers"]).split("\n"):
        if ">>" not in line:
            continue
        text, _, value = (part.strip() for part in line.partition(">>"))
        text = text.replace("(multiple)", "").strip()
        if not value or (value.startswith("[") and value.endswith("]")) or text not in by_text:
            continue
        urn, question = by_text[text]
        values = {c["value"]: c["urn"] for c in question.get("choices", [])}
        if question["type"] in ("text", "date"):
            answers[urn] = value
        elif question["type"] == "multiple_choice":
            answers[urn] = [values[v.strip()] for v in value.split("|") if v.strip() in values]
        elif question["type"] == "unique_choice" and value in values:
            answers[urn] = values[value]
    return {"node": node["urn"], "answers": answers}


def test_an_imported_library_round_trips_into_ciso_assistant(tmp_path: Path) -> None:
    library, path = _library_and_questionnaire(tmp_path)
    questionnaire = load_questionnaire(path, use_cache=False)
    assessment = Assessment.model_validate(
        {
            "questionnaire": {"id": questionnaire.id, "version": questionnaire.version},
            "as_of": "2026-11-01",
            "organisation": {"name": "Atlas", "country": "MA"},
            "profile": {"1.2.q1": "c1"},
            "answers": _answers(),
        }
    )
    data = audit_workbook(questionnaire, assessment, score(questionnaire, assessment), lang="fr")
    records = _rows(data)
    assert tuple(records[0]) == COLUMNS
    assessable = [r for r in records if r["assessable"]]
    assert [r["urn"] for r in assessable] == [
        f"{URN}:gov-lead",
        f"{URN}:gov-size",
        f"{URN}:sec-rec-enc",
        f"{URN}:top",
    ]
    assert all(r["ref_id"] == "" for r in assessable)  # matched by URN, never a stray ref_id
    lead, size, encryption, top = assessable
    assert (lead["compliance_result"], lead["requirement_progress"]) == (
        "partially_compliant",
        "done",
    )
    assert lead["observations"] == "Un référent est-il désigné ? — Nomination en cours"
    assert (size["compliance_result"], top["compliance_result"]) == ("compliant", "not_applicable")
    assert encryption["compliance_result"] == "compliant" and encryption["score"] == 100
    read = _as_ciso_reads(library, lead)
    q = f"{URN}:gov-lead:question"
    assert read == {
        "node": f"{URN}:gov-lead",
        "answers": {
            f"{q}:1": f"{q}:1:choice:2",
            f"{q}:2": [f"{q}:2:choice:1", f"{q}:2:choice:2"],
            f"{q}:3": "2026-10-01",
        },
    }
    # the profile question carried from the library comes back on its requirement
    assert _as_ciso_reads(library, size)["answers"] == {
        f"{URN}:gov-size:question:1": f"{URN}:gov-size:question:1:choice:1"
    }
    assert _as_ciso_reads(library, encryption)["answers"] == {
        f"{URN}:sec-rec-enc:question:2": "AES-256"
    }


def test_unanswered_questions_show_the_choices_as_ciso_assistant_does(tmp_path: Path) -> None:
    _, path = _library_and_questionnaire(tmp_path)
    questionnaire = load_questionnaire(path, use_cache=False)
    assessment = Assessment.model_validate(
        {
            "questionnaire": {"id": questionnaire.id, "version": questionnaire.version},
            "as_of": "2026-11-01",
            "organisation": {"name": "Atlas", "country": "MA"},
        }
    )
    records = _rows(
        audit_workbook(questionnaire, assessment, score(questionnaire, assessment), "fr")
    )
    lead = next(r for r in records if r["urn"] == f"{URN}:gov-lead")
    assert (
        lead["answers"].splitlines()[0] == "Un référent est-il désigné ? >> [Oui / En cours / Non]"
    )
    assert (lead["compliance_result"], lead["requirement_progress"], lead["score"]) == (
        "not_assessed",
        "to_do",
        "",
    )


def test_cli_exports_a_file_and_a_workspace_assessment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.helpers import REPO

    fixture = REPO / "questionnaires/ma-offshoring/1.0.0/fixtures/health-without-authorisation.yaml"
    out = tmp_path / "audit.xlsx"
    assert main(["export", str(fixture), "--format", "ciso-xlsx", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"wrote {out}: CISO Assistant audit of ma-offshoring ")
    records = _rows(out.read_bytes())
    cndp = next(r for r in records if r["ref_id"] == "CNDP-02")
    assert cndp["urn"] == "urn:compliance-ma:risk:req_node:ma-offshoring:cndp-02"
    assert cndp["compliance_result"] in ("non_compliant", "partially_compliant")
    workspace = str(tmp_path / "ws.sqlite")
    assert main(["import", str(fixture), "--workspace", workspace]) == 0
    assert (
        main(["export", "1", "--format", "ciso-xlsx", "-o", str(out), "--workspace", workspace])
        == 0
    )
    assert _rows(out.read_bytes()) == records
    assert main(["export", str(fixture), "-o", str(tmp_path / "x.json")]) == 1
    assert "is not an assessment id of the workspace" in capsys.readouterr().err
