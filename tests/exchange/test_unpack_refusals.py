"""Reading a pack back: every problem listed as Sheet!Cell, nothing saved unless all is valid,
conflicts kept, and hostile or foreign workbooks refused before anything is read."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from compliance.cli import main
from compliance.errors import ExchangeError
from compliance.exchange.manifest import MANIFEST_SHEET
from compliance.exchange.unpack import apply_pack
from compliance.exchange.workbook import MAX_WORKBOOK_BYTES
from compliance.store.answers import save_answer
from compliance.store.assessments import create_assessment, load_assessment
from compliance.store.clients import create_client
from compliance.store.workspace import Workspace
from tests.exchange.test_pack import GOV, XFR, _edit, _pack, _row, _set


def _problems(ws: Workspace, path: Path, **options: Any) -> tuple[str, ...]:
    before = load_assessment(ws, 1)
    with pytest.raises(ExchangeError) as caught:
        apply_pack(ws, path, **options)
    assert load_assessment(ws, 1) == before  # nothing was saved
    return caught.value.problems


def test_every_bad_cell_is_listed_and_nothing_is_saved(ws: Workspace, tmp_path: Path) -> None:
    def change(book: Any) -> None:
        _set(GOV, "gov01.lead", "Perhaps")(book)
        _set(GOV, "gov01.maturity", 9)(book)
        _set(GOV, "gov02.share", "a lot")(book)
        _set(GOV, "gov02.last", "31/02/2025")(book)
        _set(XFR, "xfr01.tools", "Signed SCCs; Signed SCCs")(book)
        _set(XFR, "xfr01.hosting", "Atlantis")(book)
        _set(XFR, "xfr01.health", "Never", "fine")(book)  # valid: not saved either

    path = _edit(_pack(ws, tmp_path), change)
    problems = _problems(ws, path)
    assert problems == (
        "'GOV Governance'!G2: 'Perhaps' is not one of the choices (Yes; No)",
        "'GOV Governance'!G3: 9 is not a whole number from 0 to 4",
        "'GOV Governance'!G4: 'a lot' is not a number",
        "'GOV Governance'!G5: '31/02/2025' is not a date (YYYY-MM-DD)",
        "'XFR Transfers'!G2: 'Signed SCCs' is chosen twice",
        "'XFR Transfers'!G4: 'Atlantis' is not a country name or ISO 3166 code",
    )


def test_partial_saves_the_valid_rows_and_reports_the_rest(ws: Workspace, tmp_path: Path) -> None:
    def change(book: Any) -> None:
        _set(GOV, "gov01.lead", "Perhaps")(book)
        _set(XFR, "xfr01.health", "Never", "checked with IT")(book)

    report = apply_pack(ws, _edit(_pack(ws, tmp_path), change), partial=True)
    assert report.problems == ["'GOV Governance'!G2: 'Perhaps' is not one of the choices (Yes; No)"]
    assert [c.question_id for c in report.applied] == ["xfr01.health"]
    answers = load_assessment(ws, 1).answers
    assert (answers["xfr01.health"].value, answers["xfr01.health"].comment) == (
        "never",
        "checked with IT",
    )
    assert answers["gov01.lead"].value == "yes"


def test_a_formula_anywhere_is_an_error_never_evaluated(ws: Workspace, tmp_path: Path) -> None:
    def change(book: Any) -> None:
        row = _row(book, GOV, "gov01.lead")
        book[GOV].cell(row=row, column=7).value = '=IF(1,"Yes","No")'
        book[GOV].cell(row=row, column=3).value = "=1+1"

    problems = _problems(ws, _edit(_pack(ws, tmp_path), change))
    assert problems == (
        "'GOV Governance'!C2: the cell holds a formula; type the answer itself (formulas are "
        "never evaluated)",
        "'GOV Governance'!G2: the cell holds a formula; type the answer itself (formulas are "
        "never evaluated)",
    )


def test_added_rows_sheets_and_columns_and_removed_rows_are_refused(
    ws: Workspace, tmp_path: Path
) -> None:
    def change(book: Any) -> None:
        book[GOV].cell(row=40, column=7).value = "Yes"
        book[GOV].cell(row=2, column=12).value = "extra"
        book.create_sheet("Notes")["A1"] = "hello"
        book[XFR].delete_rows(3)

    problems = _problems(ws, _edit(_pack(ws, tmp_path), change))
    assert (
        "Notes!A1: this sheet was added to the pack; remove it (a pack's sheets are the ones "
        "it was made with)" in problems
    )
    assert "'GOV Governance'!L2: this column was added; answer in G and comment in H only" in (
        problems
    )
    assert (
        "'GOV Governance'!A40: row 40 was added to the pack; answer only in the rows it was "
        "made with" in problems
    )
    assert (
        "'XFR Transfers'!A3: this row should hold question xfr01.health; the rows were "
        "changed, make a new pack" in problems
    )
    assert (
        "'XFR Transfers'!A4: the row of question xfr01.hosting was removed or moved; make a "
        "new pack" in problems
    )


def test_a_comment_needs_an_answer(ws: Workspace, tmp_path: Path) -> None:
    from compliance.store.answers import clear_answer

    clear_answer(ws, 1, "xfr01.hosting")
    path = _edit(_pack(ws, tmp_path), _set(XFR, "xfr01.hosting", None, "ask the host"))
    assert _problems(ws, path) == (
        "'XFR Transfers'!H4: a comment needs an answer; fill in 'XFR Transfers'!G4 too",
    )


def test_an_answer_changed_since_the_pack_is_a_conflict_and_kept(
    ws: Workspace, tmp_path: Path
) -> None:
    path = _pack(ws, tmp_path)
    save_answer(ws, 1, "gov01.lead", "no", comment="changed by the consultant")

    def change(book: Any) -> None:
        _set(GOV, "gov01.lead", "Yes", "from HR")(book)
        _set(XFR, "xfr01.health", "Never")(book)

    report = apply_pack(ws, _edit(path, change))
    assert [c.question_id for c in report.conflicts] == ["gov01.lead"]
    assert [c.question_id for c in report.applied] == ["xfr01.health"]
    answers = load_assessment(ws, 1).answers
    assert (answers["gov01.lead"].value, answers["gov01.lead"].comment) == (
        "no",
        "changed by the consultant",
    )
    assert answers["xfr01.health"].value == "never"


def test_a_blank_cell_never_erases_an_answer(ws: Workspace, tmp_path: Path) -> None:
    def change(book: Any) -> None:
        row = _row(book, GOV, "gov01.lead")
        book[GOV].cell(row=row, column=7).value = None
        book[GOV].cell(row=row, column=8).value = None

    before = load_assessment(ws, 1).answers["gov01.lead"]
    report = apply_pack(ws, _edit(_pack(ws, tmp_path), change))
    assert report.applied == [] and report.unchanged == 8
    assert load_assessment(ws, 1).answers["gov01.lead"] == before


def test_a_pack_for_another_assessment_is_refused(ws: Workspace, tmp_path: Path) -> None:
    path = _pack(ws, tmp_path)
    other = create_client(ws, "Other SARL")
    second = create_assessment(ws, other, "example")
    with pytest.raises(ExchangeError, match="was made for the organisation 'Atlas Relation"):
        apply_pack(ws, path, into=second)
    # the same id in another workspace is another assessment
    from compliance.store.workspace import open_workspace

    with open_workspace(str(tmp_path / "other.sqlite"), actor="x") as elsewhere:
        client = create_client(elsewhere, "Atlas Relation Client SARL")
        create_assessment(elsewhere, client, "example")
        with pytest.raises(ExchangeError, match="not for assessment 1 of 'Atlas Relation Client"):
            apply_pack(elsewhere, path)


def test_a_pack_of_another_questionnaire_copy_is_refused(ws: Workspace, tmp_path: Path) -> None:
    def change(book: Any) -> None:
        sheet = book[MANIFEST_SHEET]
        for row in sheet.iter_rows():
            if row[0].value == "questionnaire_digest":
                row[1].value = "0" * 64

    path = _edit(_pack(ws, tmp_path), change)
    with pytest.raises(ExchangeError, match=r"made with a different copy of example 1\.0\.0"):
        apply_pack(ws, path)


def test_a_damaged_manifest_is_refused(ws: Workspace, tmp_path: Path) -> None:
    def change(book: Any) -> None:
        book[MANIFEST_SHEET]["A3"] = "nonsense"

    with pytest.raises(ExchangeError, match="hidden sheet '_pack' is damaged"):
        apply_pack(ws, _edit(_pack(ws, tmp_path), change))


def _rezip(source: Path, target: Path, extra: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            new.writestr(item, old.read(item))
        for name, data in extra.items():
            new.writestr(name, data)
    return target


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"xl/vbaProject.bin": b"\0" * 64}, "contains macros"),
        ({"xl/externalLinks/externalLink1.xml": b"<x/>"}, "links to other workbooks"),
        ({"xl/connections.xml": b"<x/>"}, "data connections"),
    ],
)
def test_macros_links_and_connections_are_refused(
    ws: Workspace, tmp_path: Path, extra: dict[str, bytes], message: str
) -> None:
    path = _rezip(_pack(ws, tmp_path), tmp_path / "hostile.xlsx", extra)
    with pytest.raises(ExchangeError, match=message):
        apply_pack(ws, path)


def test_a_macro_enabled_name_is_refused(ws: Workspace, tmp_path: Path) -> None:
    path = _pack(ws, tmp_path).rename(tmp_path / "pack.xlsm")
    with pytest.raises(ExchangeError, match=r"macro-enabled or binary workbook \(\.xlsm\)"):
        apply_pack(ws, path)


def test_a_huge_workbook_is_refused_before_it_is_opened(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    opened: list[Any] = []
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: opened.append(a))
    with pytest.raises(ExchangeError, match=r"is 50\.0 MB, over the 20 MB a workbook may have"):
        apply_pack(ws, path)
    assert opened == [] and MAX_WORKBOOK_BYTES < 50 * 1024 * 1024


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a zip at all", "is not an XLSX workbook"),
        (None, "is not a regular file"),
    ],
)
def test_not_a_workbook(ws: Workspace, tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "pack.xlsx"
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    with pytest.raises(ExchangeError, match=message):
        apply_pack(ws, path)


def test_a_workbook_that_is_not_a_pack(ws: Workspace, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active["A1"] = "hello"  # type: ignore[index]
    out = io.BytesIO()
    book.save(out)
    path = tmp_path / "other.xlsx"
    path.write_bytes(out.getvalue())
    with pytest.raises(ExchangeError, match="is not an answer pack made by 'compliance pack'"):
        apply_pack(ws, path)


# --- the command line -----------------------------------------------------------------------


def test_cli_round_trip(ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    where = str(tmp_path / "workspace.sqlite")
    pack = tmp_path / "hr.xlsx"
    assert main(["pack", "1", "--domain", "GOV", "-o", str(pack), "--workspace", where]) == 0
    out = capsys.readouterr().out
    assert "  GOV Governance: 5 questions\n" in out
    assert f"wrote {pack}: 5 questions (5 answered) of assessment 1 in 1 sheet, pack " in out
    _edit(pack, _set(GOV, "gov01.lead", "No", "since March"))
    assert main(["unpack", str(pack), "--workspace", where]) == 0
    captured = capsys.readouterr()
    assert captured.out == "'GOV Governance'!G2: gov01.lead = 'no' with comment\n"
    assert captured.err == (
        f"unpacked {pack} into assessment 1: 1 saved, 0 conflicts, 0 problems skipped, "
        "4 unchanged\n"
    )


def test_cli_lists_problems_then_one_error_line(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = str(tmp_path / "workspace.sqlite")
    pack = tmp_path / "hr.xlsx"
    assert main(["pack", "1", "-o", str(pack), "--workspace", where]) == 0
    capsys.readouterr()

    def change(book: Any) -> None:
        _set(GOV, "gov01.lead", "Perhaps")(book)
        _set(XFR, "xfr01.hosting", "=A1")(book)

    _edit(pack, change)
    assert main(["unpack", str(pack), "--workspace", where]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "'GOV Governance'!G2: 'Perhaps' is not one of the choices (Yes; No)",
        "'XFR Transfers'!G4: the cell holds a formula; type the answer itself (formulas are "
        "never evaluated)",
    ]
    assert captured.err == (
        f"compliance: {pack} has 2 problems; nothing was changed (fix them, or use --partial "
        "to apply the valid rows)\n"
    )
    assert main(["unpack", str(pack), "--workspace", where, "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["problems"][0].startswith("'GOV Governance'!G2")
