"""XLSX answer packs: what a pack holds, and what reading one back saves, refuses and reports."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from compliance.errors import ExchangeError
from compliance.exchange.manifest import LISTS_SHEET, MANIFEST_SHEET
from compliance.exchange.pack import make_pack
from compliance.exchange.unpack import apply_pack
from compliance.store.answers import save_answer
from compliance.store.assessments import load_assessment
from compliance.store.audit import entries
from compliance.store.workspace import Workspace

GOV = "GOV Governance"
XFR = "XFR Transfers"


def _pack(ws: Workspace, tmp_path: Path, **options: Any) -> Path:
    data, _ = make_pack(ws, 1, **options)
    path = tmp_path / "pack.xlsx"
    path.write_bytes(data)
    return path


def _edit(path: Path, change: Any) -> Path:
    """Opens the pack as a spreadsheet user's program would, changes it, saves it."""
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(path)
    return path


def _row(book: Any, sheet: str, question_id: str) -> int:
    for row in range(2, book[sheet].max_row + 1):
        if book[sheet].cell(row=row, column=1).value == question_id:
            return row
    raise KeyError(question_id)


def _set(sheet: str, question_id: str, answer: Any = None, comment: Any = None) -> Any:
    def change(book: Any) -> None:
        row = _row(book, sheet, question_id)
        if answer is not None:
            book[sheet].cell(row=row, column=7).value = answer
        if comment is not None:
            book[sheet].cell(row=row, column=8).value = comment

    return change


def test_the_pack_lays_out_one_protected_sheet_per_domain(ws: Workspace, tmp_path: Path) -> None:
    path = _pack(ws, tmp_path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [GOV, XFR, MANIFEST_SHEET, LISTS_SHEET]
    assert book[MANIFEST_SHEET].sheet_state == "veryHidden"
    assert book[LISTS_SHEET].sheet_state == "veryHidden"
    assert book.security is not None and book.security.lockStructure
    gov = book[GOV]
    assert gov.protection.sheet
    assert [c.value for c in gov[1]][:8] == [
        "Question id", "Control", "Question", "Help", "Articles", "How to answer", "Answer",
        "Comment",
    ]  # fmt: skip
    row = _row(book, GOV, "gov01.lead")
    assert gov.cell(row=row, column=7).value == "Yes"
    assert gov.cell(row=row, column=8).value == "Lettre de désignation signée — « DPO » nommé"
    assert gov.cell(row=row, column=1).protection.locked
    assert not gov.cell(row=row, column=7).protection.locked
    assert not gov.cell(row=row, column=8).protection.locked
    assert "Law 09-08 Art." in str(gov.cell(row=row, column=5).value)
    # the yes/no answer cell offers a drop-down list kept on the hidden lists sheet
    [validation] = [v for v in gov.data_validations.dataValidation if f"G{row}" in str(v.sqref)]
    assert validation.type == "list" and validation.formula1.startswith(f"'{LISTS_SHEET}'!")
    span = validation.formula1.split("!")[1].replace("$", "")
    assert [c.value for c in book[LISTS_SHEET][span][0]] == ["Yes", "No"]
    # typed answers keep their type: a date cell, a number
    assert book[GOV].cell(row=_row(book, GOV, "gov02.last"), column=7).value == dt.datetime(
        2025, 1, 20
    )
    assert book[GOV].cell(row=_row(book, GOV, "gov02.share"), column=7).value == 72.5
    # the manifest names each answer's version
    manifest = {r[2]: r[3] for r in book[MANIFEST_SHEET].iter_rows(values_only=True) if r[2]}
    assert manifest["gov01.lead"]


def test_only_applicable_questions_and_chosen_domains_in_french(
    ws: Workspace, tmp_path: Path
) -> None:
    save_answer(ws, 1, "gov01.lead", "no")  # gov01.maturity applies only after a yes
    path = _pack(ws, tmp_path, domains=["gov"], lang="fr")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["GOV Gouvernance", MANIFEST_SHEET, LISTS_SHEET]
    ids = [r[0] for r in book["GOV Gouvernance"].iter_rows(min_row=2, values_only=True)]
    assert ids == ["gov01.lead", "gov02.share", "gov02.last", "gov02.notes"]
    assert book["GOV Gouvernance"]["G2"].value == "Non"
    assert book["GOV Gouvernance"]["A1"].value == "Identifiant"


def test_an_unknown_domain_is_a_clear_error(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ExchangeError, match="has no domain 'HR'; its domains are GOV, XFR"):
        make_pack(ws, 1, domains=["HR"])


def test_text_that_looks_like_a_formula_is_written_as_text(ws: Workspace, tmp_path: Path) -> None:
    save_answer(ws, 1, "gov02.notes", '=HYPERLINK("http://x.test","go")', comment="#REF!")
    path = _pack(ws, tmp_path)
    with zipfile.ZipFile(path) as archive:
        assert not any(b"<f>" in archive.read(n) for n in archive.namelist() if n.endswith(".xml"))
    book = openpyxl.load_workbook(path)
    cell = book[GOV].cell(row=_row(book, GOV, "gov02.notes"), column=7)
    assert cell.data_type == "s" and str(cell.value).startswith("=HYPERLINK")
    report = apply_pack(ws, path)
    assert (report.applied, report.unchanged) == ([], 8)


def test_an_untouched_pack_changes_nothing(ws: Workspace, tmp_path: Path) -> None:
    before = load_assessment(ws, 1)
    report = apply_pack(ws, _pack(ws, tmp_path))
    assert report.applied == [] and report.conflicts == [] and report.problems == []
    assert report.unchanged == 8
    assert load_assessment(ws, 1) == before


def _fill_everything(book: Any) -> None:
    edits = {
        (GOV, "gov01.lead"): ("No", "Plus de DPO depuis mars"),
        (GOV, "gov01.maturity"): ("1 — Ad hoc", None),
        (GOV, "gov02.share"): ("80,5", None),
        (GOV, "gov02.last"): (dt.datetime(2025, 2, 3), None),
        (GOV, "gov02.notes"): ("Deux sessions\nmais une seule faite", None),
        (XFR, "xfr01.tools"): ("A transfer impact assessment ; none", None),
        (XFR, "xfr01.health"): ("Never", None),
        (XFR, "xfr01.hosting"): ("Spain (ES)", None),
    }
    for (sheet, question_id), (answer, comment) in edits.items():
        _set(sheet, question_id, answer, comment)(book)


def test_every_kind_of_answer_is_read_back_and_saved_in_one_go(
    ws: Workspace, tmp_path: Path
) -> None:
    path = _edit(_pack(ws, tmp_path), _fill_everything)
    report = apply_pack(ws, path)
    assert report.problems == [] and report.conflicts == []
    assert len(report.applied) == 8
    answers = load_assessment(ws, 1).answers
    assert answers["gov01.lead"].value == "no"
    assert answers["gov01.lead"].comment == "Plus de DPO depuis mars"
    assert answers["gov01.lead"].evidence  # the evidence of the answer is kept
    assert answers["gov02.share"].value == Decimal("80.5")
    assert answers["gov02.last"].value == "2025-02-03"
    assert answers["gov02.notes"].value == "Deux sessions\nmais une seule faite"
    assert answers["xfr01.tools"].value == ("tia", "none")
    assert answers["xfr01.health"].value == "never"
    assert answers["xfr01.hosting"].value == "ES"
    audit = [e for e in entries(ws, assessment_id=1) if e.action == "answer.set"]
    assert {e.target for e in audit} >= {"answer:gov01.lead", "answer:xfr01.hosting"}
