"""Measures the exchanges against their budgets (issue 17), each as a ratio to a floor measured in
the same run:

- unpacking a 300-answer XLSX pack (every answer changed, saved in the workspace): within 3x
  openpyxl's own time to read the same file (read-only, every cell's value);
- importing a 1,000-requirement CISO Assistant library (parse, convert, write the YAML and check
  it with the questionnaire loader): within 3x PyYAML's CSafeLoader reading the same file;
- the Word report of the 300-question assessment (every answer commented): within 2x the
  python-docx floor, a document with as many headings, paragraphs and table rows (same cell
  text) and the same chart image, written by python-docx directly.

Run from a checkout: ``python benchmarks/bench_exchange.py [pack] [library] [docx]``. Prints one
line per figure; exits 1 when a budget is missed.
"""

from __future__ import annotations

import copy
import os
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.synthetic import questionnaire, text  # noqa: E402

PACK_BUDGET = 3.0
LIBRARY_BUDGET = 3.0
DOCX_BUDGET = 2.0
DOMAINS, CONTROLS, QUESTIONS = 10, 6, 5  # 300 questions


def _median(
    action: Callable[[], object], runs: int = 7, setup: Callable[[], object] | None = None
) -> float:
    times = []
    for _ in range(runs + 1):
        if setup is not None:
            setup()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])  # the first run warms caches


def _pack_questionnaire(folder: Path) -> None:
    kinds: list[dict[str, Any]] = [
        {"kind": "yes_no"},
        {
            "kind": "single_choice",
            "options": [
                {"id": "full", "label": text("Fully"), "score": 1},
                {"id": "partly", "label": text("Partly"), "score": 0.5},
                {"id": "not", "label": text("Not at all"), "score": 0},
            ],
        },
        {"kind": "scale", "min": 0, "max": 4},
        {"kind": "number", "min": 0, "max": 100, "scoring": [{"at_least": 0, "score": 0}]},
        {"kind": "text"},
    ]
    domains = []
    for d in range(DOMAINS):
        controls = []
        for c in range(CONTROLS):
            questions = [
                {
                    "id": f"d{d}.c{c}.q{q}",
                    "text": text(f"Is requirement {q} of control {c} in domain {d} met?"),
                    "help": text("Say what is in place and where the evidence is kept."),
                    **copy.deepcopy(kinds[q % len(kinds)]),
                }
                for q in range(QUESTIONS)
            ]
            controls.append(
                {
                    "id": f"D{d}-C{c}",
                    "title": text(f"Control {c} of domain {d}"),
                    "refs": {"law-09-08": ["23"], "gdpr": ["32(1)(b)"]},
                    "remediation": text("Write the procedure down and train the team on it."),
                    "questions": questions,
                }
            )
        domains.append({"id": f"D{d}", "title": text(f"Domain {d}"), "controls": controls})
    target = folder / "bench" / "questionnaire.yaml"
    target.parent.mkdir(parents=True)
    data = questionnaire("bench", "Benchmark questionnaire", domains)
    target.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def _first_answers(question: Any) -> Any:
    return {"yes_no": "yes", "single_choice": "partly", "scale": 2, "number": 40}.get(
        question.kind, "Procedure written, kept by the DPO."
    )


def _changed(value: Any) -> Any:
    return {"Yes": "No", "Partly": "Fully", "2": 3, "40": 55}.get(str(value), f"{value} (updated)")


def bench_pack(tmp: Path) -> bool:
    import openpyxl

    from compliance.catalog import find
    from compliance.exchange.pack import make_pack
    from compliance.exchange.unpack import apply_pack
    from compliance.store.answers import AnswerWrite, save_answers
    from compliance.store.assessments import create_assessment
    from compliance.store.clients import create_client
    from compliance.store.workspace import open_workspace

    _pack_questionnaire(Path(os.environ["COMPLIANCE_QUESTIONNAIRES"]))
    q = find("bench").questionnaire
    pristine = tmp / "pristine.sqlite"
    with open_workspace(str(pristine), actor="bench") as ws:
        assessment = create_assessment(ws, create_client(ws, "Bench & Co"), "bench")
        save_answers(
            ws,
            assessment,
            [
                AnswerWrite(question.id, _first_answers(question), "noted")
                for _, _, question in q.iter_questions()
            ],
        )
        data, summary = make_pack(ws, assessment, lang="en")
    pack = tmp / "pack.xlsx"
    pack.write_bytes(data)
    book = openpyxl.load_workbook(pack)
    for name in book.sheetnames[:DOMAINS]:
        for row in book[name].iter_rows(min_row=2):
            row[6].value = _changed(row[6].value)
    book.save(pack)

    def floor() -> None:
        book = openpyxl.load_workbook(pack, read_only=True)
        for sheet in book.worksheets:
            for _row in sheet.iter_rows(values_only=True):
                pass
        book.close()

    working = tmp / "working.sqlite"
    holder: dict[str, Any] = {}

    def setup() -> None:
        if "ws" in holder:
            holder.pop("ws").close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{working}{suffix}").unlink(missing_ok=True)
        shutil.copy(pristine, working)
        holder["ws"] = open_workspace(str(working), actor="bench")

    def unpack() -> None:
        report = apply_pack(holder["ws"], pack)
        assert len(report.applied) == summary.questions, report

    floor_time = _median(floor)
    unpack_time = _median(unpack, setup=setup)
    holder.pop("ws").close()
    ratio = unpack_time / floor_time
    print(f"pack of {summary.questions} answers, {pack.stat().st_size:,} bytes")
    print(f"openpyxl floor (read every cell)       {floor_time * 1000:8.1f} ms")
    print(
        f"unpack (check + save {summary.questions} answers)     {unpack_time * 1000:8.1f} ms  "
        f"ratio {ratio:.2f} (budget {PACK_BUDGET})"
    )
    return ratio <= PACK_BUDGET


def bench_library(tmp: Path) -> bool:
    from compliance.exchange.ciso_library import import_library
    from tests.exchange.libraries import synthetic

    library = tmp / "library.yaml"
    library.write_text(yaml.safe_dump(synthetic(1000), sort_keys=False), encoding="utf-8")
    data = library.read_bytes()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    floor_time = _median(lambda: yaml.load(data, Loader=loader), runs=5)
    result, _ = import_library(library)
    import_time = _median(lambda: import_library(library), runs=5)
    ratio = import_time / floor_time
    print(f"library of {result.controls} requirements, {len(data):,} bytes")
    print(f"CSafeLoader floor                      {floor_time * 1000:8.1f} ms")
    print(
        f"library import (parse, convert, check) {import_time * 1000:8.1f} ms  "
        f"ratio {ratio:.2f} (budget {LIBRARY_BUDGET})"
    )
    return ratio <= LIBRARY_BUDGET


def bench_docx(tmp: Path) -> bool:
    import io

    import docx

    from benchmarks.bench_report import _assessment, _questionnaire
    from compliance.engine.scoring import score
    from compliance.loader import load_questionnaire
    from compliance.model.assessment import Assessment
    from compliance.report.docx import render_docx

    questionnaire = load_questionnaire(_questionnaire(tmp), use_cache=False)
    assessment = Assessment.model_validate(_assessment(list(questionnaire.questions_by_id)))
    result = score(questionnaire, assessment)
    data = render_docx(questionnaire, assessment, result, lang="fr")
    made = docx.Document(io.BytesIO(data))
    styled = [(p.style.name if p.style else "", p.text) for p in made.paragraphs]
    headings = [(style, text) for style, text in styled if style.startswith("Heading")]
    paragraphs = [text for style, text in styled if not style.startswith("Heading")]
    tables = [[[c.text for c in row.cells] for row in table.rows] for table in made.tables]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        chart = next(archive.read(n) for n in archive.namelist() if n.startswith("word/media/"))

    def floor() -> None:
        from docx.shared import Cm

        out = docx.Document()
        for style, heading in headings:
            out.add_heading(heading, level=int(style.rsplit(" ", 1)[1]))
        for paragraph in paragraphs:
            out.add_paragraph(paragraph)
        for rows in tables:
            table = out.add_table(rows=0, cols=len(rows[0]))
            table.style = out.styles["Table Grid"]
            for values in rows:
                for cell, value in zip(table.add_row().cells, values, strict=True):
                    cell.text = value
        out.add_picture(io.BytesIO(chart), width=Cm(16))
        out.save(io.BytesIO())

    floor_time = _median(floor, runs=3)
    report_time = _median(lambda: render_docx(questionnaire, assessment, result, lang="fr"), runs=3)
    ratio = report_time / floor_time
    rows = sum(len(t) for t in tables)
    print(
        f"Word report: {len(headings)} headings, {len(paragraphs)} paragraphs, "
        f"{len(tables)} tables ({rows} rows), {len(data):,} bytes"
    )
    print(f"python-docx floor (same content)       {floor_time * 1000:8.1f} ms")
    print(
        f"Word report (view + document + chart)  {report_time * 1000:8.1f} ms  "
        f"ratio {ratio:.2f} (budget {DOCX_BUDGET})"
    )
    return ratio <= DOCX_BUDGET


def main(argv: list[str]) -> int:
    wanted = set(argv) or {"pack", "library", "docx"}
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        for name in ("questionnaires", "cache", "data", "config"):
            (tmp / name).mkdir()
        os.environ["COMPLIANCE_QUESTIONNAIRES"] = str(tmp / "questionnaires")
        os.environ["COMPLIANCE_CACHE_DIR"] = str(tmp / "cache")
        os.environ["COMPLIANCE_DATA_DIR"] = str(tmp / "data")
        os.environ["COMPLIANCE_CONFIG_DIR"] = str(tmp / "config")
        ok = True
        if "pack" in wanted:
            ok &= bench_pack(tmp)
        if "library" in wanted:
            ok &= bench_library(tmp)
        if "docx" in wanted:
            ok &= bench_docx(tmp)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
