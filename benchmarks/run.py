"""Runs the budgets of DESIGN section 12 that the foundation and the engine own.

Each budget is a ratio to a floor measured in the same run, on the same machine, so the figures
hold on a noisy machine where absolute times do not. Run from a checkout:

    python benchmarks/run.py            # every budget
    python benchmarks/run.py load       # only the questionnaire-load budgets
    python benchmarks/run.py tia        # only the TIA budget (issue 15)

It prints one line per budget and exits 1 when a budget is missed.
"""

from __future__ import annotations

import copy
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

from benchmarks.synthetic import questionnaire, text  # noqa: E402
from compliance import loader  # noqa: E402
from compliance.canonical import canonical_bytes  # noqa: E402
from compliance.engine.scoring import score  # noqa: E402
from compliance.loader import load_questionnaire, reference_sets  # noqa: E402
from compliance.model.assessment import Assessment  # noqa: E402
from compliance.model.questionnaire import Questionnaire  # noqa: E402
from compliance.model.reference_set import ReferenceSet  # noqa: E402


def median_time(action: Callable[[], Any], runs: int = 5) -> float:
    """The median wall time of ``action`` over ``runs`` runs, in seconds.

    Like :mod:`timeit`, each run starts from a collected heap with the cyclic garbage collector
    paused, so that a collection triggered by earlier runs does not land in a later one.
    """
    times = []
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            action()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return statistics.median(times)


def synthetic_questionnaire(domains: int, controls: int, questions: int) -> dict[str, Any]:
    """A valid questionnaire of ``domains * controls * questions`` yes/no and choice questions."""
    options = [
        {"id": "full", "label": text("Fully"), "score": 1},
        {"id": "part", "label": text("Partly"), "score": 0.5},
        {"id": "none", "label": text("Not at all"), "score": 0},
    ]
    body = []
    for d in range(domains):
        ctrl = []
        for c in range(controls):
            qs = []
            for k in range(questions):
                qid = f"d{d}.c{c}.q{k}"
                question: dict[str, Any] = {
                    "id": qid,
                    "text": text(f"Is requirement {qid} met with evidence on file?"),
                    "help": text("Why it matters and what good evidence looks like."),
                }
                if k % 2:
                    question |= {"kind": "single_choice", "options": copy.deepcopy(options)}
                else:
                    question |= {"kind": "yes_no"}
                if k == 3:
                    question["when"] = {"answer": f"d{d}.c{c}.q0", "equals": "yes"}
                qs.append(question)
            ctrl.append(
                {
                    "id": f"C{d}-{c}",
                    "title": text(f"Control {d}-{c}"),
                    "refs": {"law-09-08": ["23"], "gdpr": ["32(1)(b)"]},
                    "critical": c == 0,
                    "remediation": text("Write the procedure and keep the evidence."),
                    "evidence": [text("Procedure"), text("Logs")],
                    "questions": qs,
                }
            )
        body.append({"id": f"D{d}", "title": text(f"Domain {d}"), "controls": ctrl})
    return questionnaire("synthetic", "Synthetic", body)


def synthetic_assessment(q: Questionnaire, flows: int) -> Assessment:
    answers: dict[str, Any] = {}
    for i, (_, _, question) in enumerate(q.iter_questions()):
        answers[question.id] = "yes" if question.kind == "yes_no" else ("full", "part")[i % 2]
    flow_list = [
        {
            "id": f"f{i}",
            "name": f"Flow {i}",
            "exporter": {"name": "Client", "country": "FR", "role": "controller"},
            "importer": {"name": "Atlas", "country": "MA", "role": "processor"},
            "origin": "FR",
            "destination": "MA",
            "gdpr_mechanism": "scc_module_2",
            "contract": {"scc_signed": True, "dpa_art28": True},
            "tia": {"done": True, "date": "2026-06-01", "conclusion": "acceptable"},
            "cndp": {"declaration_receipt": "D-1"},
            "criminal_data": False,
            "national_id": False,
            "onward": [f"f{i + 1}"] if i + 1 < flows and i % 5 == 0 else [],
        }
        for i in range(flows)
    ]
    return Assessment.model_validate(
        {
            "questionnaire": {"id": q.id, "version": q.version},
            "as_of": "2026-11-01",
            "organisation": {"name": "Atlas", "country": "MA"},
            "answers": answers,
            "flows": flow_list,
        }
    )


FIRST_PAINT = """
import asyncio
from textual.app import App, ComposeResult
from textual.widgets import Static

class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("hello")

async def main() -> None:
    async with Minimal().run_test() as pilot:
        await pilot.pause()

asyncio.run(main())
"""


def first_paint_floor() -> float:
    """A fresh process running a minimal one-widget Textual app to its first ``pilot.pause()``.

    This is the floor DESIGN section 12 names (about 250 ms on the project's machine): the whole
    start, imports included, as a user waits for it.
    """
    run = [sys.executable, "-c", FIRST_PAINT]
    return median_time(lambda: subprocess.run(run, check=True, capture_output=True), runs=5)


Row = tuple[str, float, float, float]  # name, measured, floor, budget ratio


def bench_load(work: Path) -> list[Row]:
    path = work / "big.yaml"
    data = synthetic_questionnaire(20, 50, 10)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, default_flow_style=None, width=120))
    raw = path.read_text()
    size = path.stat().st_size
    csafe = median_time(lambda: yaml.load(raw, Loader=yaml.CSafeLoader), runs=3)
    cold = median_time(lambda: load_questionnaire(path, use_cache=False), runs=3)
    q = load_questionnaire(path)
    canonical = canonical_bytes(q)
    floor_json = median_time(lambda: Questionnaire.model_validate(json.loads(canonical)), runs=5)

    def warm() -> None:
        loader.clear_memo()
        load_questionnaire(path)

    warm_time = median_time(warm, runs=5)
    print(f"  questionnaire file: {size / 1e6:.1f} MB, {q.question_count} questions")
    return [
        ("cold load vs CSafeLoader", cold, csafe, 1.3),
        ("warm load vs json.loads + validation", warm_time, floor_json, 3.0),
        *bench_load_with_set(work, data),
    ]


def _forget_sets() -> None:
    """Drops the reference sets parsed in this process, so the next load reads one again."""
    reference_sets.installed_sets.cache_clear()
    reference_sets._read.cache_clear()
    reference_sets._load.cache_clear()


def bench_load_with_set(work: Path, data: dict[str, Any]) -> list[Row]:
    """The same questionnaire naming ``reference_set: ma-eu``: loading it binds the newest
    installed reference set, read from the registry (both caches dropped for the cold load and
    the memo for the warm one), against the same floors plus the set's own JSON and validation."""
    path = work / "big-set.yaml"
    path.write_text(
        yaml.safe_dump(
            {**data, "reference_set": "ma-eu"},
            allow_unicode=True,
            default_flow_style=None,
            width=120,
        )
    )
    raw = path.read_text()
    newest = reference_sets.newest_set("ma-eu")
    assert newest is not None
    set_bytes = newest.read()
    csafe = median_time(lambda: yaml.load(raw, Loader=yaml.CSafeLoader), runs=3)

    def cold() -> None:
        _forget_sets()
        load_questionnaire(path, use_cache=False)

    cold_time = median_time(cold, runs=3)
    q = load_questionnaire(path)
    canonical = canonical_bytes(q)

    def floor() -> None:
        Questionnaire.model_validate(json.loads(canonical))
        ReferenceSet.model_validate(json.loads(set_bytes))

    floor_json = median_time(floor, runs=5)

    def warm() -> None:
        loader.clear_memo()
        _forget_sets()
        load_questionnaire(path)

    warm_time = median_time(warm, runs=5)

    def set_alone() -> None:
        _forget_sets()
        newest.load()

    only_set = median_time(set_alone, runs=5)
    print(
        f"  reference set {newest.label()}: {len(set_bytes) / 1e3:.0f} kB, "
        f"read and validated in {only_set * 1000:.1f} ms"
    )
    return [
        ("cold load + reference set vs CSafeLoader", cold_time, csafe, 1.3),
        (
            "warm load + reference set vs json.loads + validation of both",
            warm_time,
            floor_json,
            3.0,
        ),
    ]


def bench_score(work: Path) -> list[Row]:
    small_q = Questionnaire.model_validate(
        {**synthetic_questionnaire(3, 10, 10), "reference": loader.load_reference().model_dump()}
    )
    big_q = Questionnaire.model_validate(
        {**synthetic_questionnaire(30, 10, 10), "reference": loader.load_reference().model_dump()}
    )
    small_a = synthetic_assessment(small_q, 50)
    big_a = synthetic_assessment(big_q, 500)
    small = median_time(lambda: score(small_q, small_a), runs=21)
    big = median_time(lambda: score(big_q, big_a), runs=9)
    paint = first_paint_floor()
    return [
        ("score 3,000 q + 500 flows vs 10x (300 q + 50 flows)", big, 10 * small, 1.2),
        ("score 300 q + 50 flows vs a minimal Textual first paint", small, paint, 0.05),
    ]


def structured_tia_assessment(flows: int, sheet: tuple[str, ...]) -> Assessment:
    """``flows`` EU-to-Morocco flows, each with a complete structured TIA: every basis of the
    Morocco sheet assessed in step 3, three of them applying and estimated, remote access in the
    clear (EDPB use case 7) with one measure claimed (a warning), and a re-evaluation date."""
    applying = sheet[:3]
    law = [
        {"basis": basis, "applies": basis in applying, "justification": "Read against the flow."}
        for basis in sheet
    ]
    estimates = [
        {
            "basis": basis,
            "p_target": f"0.0{k + 1}5",
            "p_compel": "0.9",
            "p_readable": "1",
            "p_challenge_fails": "0.35",
            "justification": "Seldom targeted; a challenge rarely succeeds.",
        }
        for k, basis in enumerate(applying)
    ]
    flow_list = [
        {
            "id": f"f{i}",
            "name": f"Flow {i}",
            "exporter": {"name": "Client", "country": "FR", "role": "controller"},
            "importer": {"name": "Atlas", "country": "MA", "role": "processor"},
            "origin": "FR",
            "destination": "MA",
            "data_categories": ["contact", "billing"],
            "subject_categories": ["customers"],
            "subjects_count": 10_000 + i,
            "frequency": "continuous",
            "gdpr_mechanism": "scc_module_2",
            "contract": {"scc_signed": True, "dpa_art28": True},
            "tia": {
                "date": "2026-06-01",
                "law": law,
                "use_case": "remote_access_business",
                "supplementary": [
                    {
                        "kind": "organisational",
                        "description": "Requests are challenged and reported.",
                        "neutralises": [applying[0]],
                    }
                ],
                "procedural": [],
                "review_by": "2027-06-01",
                "triggers": ["A new interception law"],
                "quantitative": {
                    "period_years": 5,
                    "tolerance": "0.05",
                    "bases": estimates[: 1 + i % 3],
                },
            },
            "cndp": {"declaration_receipt": "D-1"},
            "criminal_data": False,
            "national_id": False,
        }
        for i in range(flows)
    ]
    return Assessment.model_validate(
        {
            "questionnaire": {"id": "synthetic", "version": "1.0.0"},
            "as_of": "2026-11-01",
            "organisation": {"name": "Atlas", "country": "MA"},
            "flows": flow_list,
        }
    )


def bench_tia(work: Path) -> list[Row]:
    """Every TIA of a 50-flow assessment (steps, measures, estimate, sensitivity and its
    dominating input, as the engine computes them) against a minimal Textual app's first paint."""
    from compliance.engine import tia as tia_rules

    newest = reference_sets.newest_set("ma-eu")
    assert newest is not None
    sheet = newest.load().lists.sheet("MA")
    assert sheet is not None
    ids = sheet.basis_ids()
    assessment = structured_tia_assessment(50, ids)

    def every_tia() -> None:
        for flow in assessment.flows:
            tia = flow.tia
            tia_rules.steps_completed(flow, ids)
            tia_rules.ineffective_claims(tia)
            neutralised = tia_rules.neutralised_bases(tia)
            assert tia.quantitative is not None
            tia_rules.analyse(tia.quantitative, neutralised).dominating  # noqa: B018

    computed = median_time(every_tia, runs=21)
    paint = first_paint_floor()
    estimated = sum(len(f.tia.quantitative.bases) for f in assessment.flows if f.tia.quantitative)
    print(f"  50 flows, {len(ids)} bases assessed each, {estimated} estimated bases in all")
    return [("every TIA of 50 flows vs a minimal Textual first paint", computed, paint, 0.05)]


def bench_start(work: Path) -> list[Row]:
    env = {**os.environ, "COMPLIANCE_CACHE_DIR": str(work / "cache")}

    def run(*args: str) -> Callable[[], Any]:
        return lambda: subprocess.run(
            [sys.executable, *args], env=env, check=True, capture_output=True
        )

    version = median_time(run("-m", "compliance", "--version"), runs=15)
    floor = median_time(run("-c", "import yaml"), runs=15)
    return [("compliance --version vs python -c 'import yaml'", version, floor, 3.0)]


SUITES: dict[str, Callable[[Path], list[Row]]] = {
    "load": bench_load,
    "score": bench_score,
    "start": bench_start,
    "tia": bench_tia,
}


def main(argv: list[str]) -> int:
    chosen = argv or list(SUITES)
    missed = 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        os.environ["COMPLIANCE_CACHE_DIR"] = str(work / "cache")
        for name in chosen:
            print(f"[{name}]")
            for label, measured, floor, budget in SUITES[name](work):
                ratio = measured / floor
                verdict = "ok" if ratio <= budget else "MISSED"
                missed += verdict != "ok"
                print(
                    f"  {label}: {measured * 1000:.1f} ms / {floor * 1000:.1f} ms = "
                    f"{ratio:.2f}x (budget {budget}x) {verdict}"
                )
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
