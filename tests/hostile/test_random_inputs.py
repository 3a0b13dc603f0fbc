"""Random assessments and bundles through every command (issue 14, point 1).

Hypothesis builds assessment files from the model's parts (answers of every kind and of wrong
kinds, flows with random onward links, cycles among them, names with control characters, dates
out of range) and mutates signed bundles. Every command that reads them must exit 0 or 1 with a
sentence: never a traceback, never "unexpected error", never a raw control character, and never
hang (each run is under the hang guard of ``test_corpus``). A signed bundle must verify; and
``verify`` over several bundles always prints one verdict per bundle.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import REPO
from tests.hostile.corpus import FIXTURE, _example
from tests.hostile.test_corpus import COMMANDS, Setting, assert_clean, run
from tests.hostile.test_corpus import setting as setting  # noqa: PLC0414 - the shared fixture

VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.text(max_size=12),
    st.sampled_from(["yes", "no", "scc", "tia", "FR", "US", "ZZ", "2026-01-01", "1999-13-40"]),
    st.lists(st.sampled_from(["scc", "tia", "bcr", "nope"]), max_size=3),
)
QUESTIONS = [
    "gov01.lead",
    "gov01.maturity",
    "gov02.share",
    "gov02.last",
    "gov02.notes",
    "xfr01.tools",
    "xfr01.health",
    "xfr01.hosting",
    "no.such.question",
]
NAMES = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=30
)
COUNTRIES = st.sampled_from(["FR", "MA", "US", "IE", "TN", "GB", "CH", "ZZ", "fr", ""])


@st.composite
def assessments(draw: st.DrawFn) -> dict[str, Any]:
    data = _example()
    base_flows = data["flows"]
    data["organisation"]["name"] = draw(NAMES)
    data["as_of"] = draw(st.sampled_from(["2026-11-01", "1900-01-01", "2999-12-31", "junk"]))
    answers = dict(data["answers"])
    for question in draw(st.lists(st.sampled_from(QUESTIONS), max_size=5, unique=True)):
        value = draw(VALUES)
        answers[question] = (
            {"value": value, "comment": draw(NAMES)} if draw(st.booleans()) else value
        )
    data["answers"] = answers
    count = draw(st.integers(min_value=0, max_value=6))
    ids = [f"r{i}" for i in range(count)]
    flows = []
    for i, flow_id in enumerate(ids):
        flow = dict(draw(st.sampled_from(base_flows)))
        flow["id"] = flow_id
        flow["name"] = draw(NAMES)
        flow["origin"] = draw(COUNTRIES)
        flow["destination"] = draw(COUNTRIES)
        # Onward links mostly forward (a chain or a tree), sometimes back (a cycle).
        flow["onward"] = (
            draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)) if ids else []
        )
        if draw(st.booleans()):
            flow["onward"] = [x for x in flow["onward"] if x > flow_id] or ids[i + 1 : i + 2]
        flows.append(flow)
    data["flows"] = flows
    return data


@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(document=assessments())
def test_random_assessments_through_every_command(
    document: dict[str, Any], setting: Setting, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("random")
    source = folder / "random.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    work = Setting(
        folder, setting.key, setting.passphrase_file, setting.trust, folder / "ws.sqlite"
    )
    scored, _, _ = run(COMMANDS["score"](source, work))
    for command in ("score", "score-json", "report", "sign", "import"):
        code, out, err = run(COMMANDS[command](source, work))
        assert code in (0, 1), (command, out, err)
        assert code == scored or (command == "report" and code == 1), (command, out, err)
        assert_clean(out)
        assert_clean(err)
    for argv in (
        ["assessments", "--workspace", str(work.workspace)],
        ["clients", "--json", "--workspace", str(work.workspace)],
    ):
        code, out, err = run(argv)
        assert code == 0, (argv, out, err)
        assert_clean(out)
        assert_clean(err)
    bundle = folder / "signed.zip"
    if scored == 0:
        code, out, err = run(["verify", "--trust", str(work.trust), str(bundle)])
        assert code == 0, (out, err)
        code, out, err = run(COMMANDS["review"](bundle, work))
        assert code == 0, (out, err)
        assert_clean(out)


@settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_mutated_bundles_get_one_verdict_each(
    data: st.DataObject, setting: Setting, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("mutated")
    good = folder / "good.zip"
    if not good.exists():
        work = Setting(
            folder, setting.key, setting.passphrase_file, setting.trust, folder / "ws.sqlite"
        )
        assert run(COMMANDS["sign"](FIXTURE, work))[0] == 0
        (folder / "signed.zip").rename(good)
    raw = bytearray(good.read_bytes())
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        at = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
        raw[at] = data.draw(st.integers(min_value=0, max_value=255))
    bad = folder / "mutated.zip"
    bad.write_bytes(bytes(raw))
    code, out, err = run(
        ["verify", "--json", "--trust", str(setting.trust), str(good), str(bad), str(good)]
    )
    verdicts = json.loads(out)
    assert [v["bundle"] for v in verdicts] == [str(good), str(bad), str(good)]
    assert verdicts[0]["status"] == verdicts[2]["status"] == "VALID"
    assert code == (0 if verdicts[1]["status"] == "VALID" else 1)
    assert verdicts[1]["reason"] != "internal-error", verdicts[1]
    assert_clean(err)


def test_the_hang_cases_in_a_real_process(tmp_path: Path) -> None:
    """A FIFO and /dev/zero handed to the real command line: refused at once, with a timeout as a
    guard against hanging for ever (not a speed assertion)."""
    import os

    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    env = {**os.environ, "PYTHONPATH": str(REPO), "COMPLIANCE_PASSPHRASE": ""}
    cases = [
        ["score", str(pipe)],
        ["verify", "--json", str(pipe), str(FIXTURE)],
        ["import", str(pipe), "--workspace", str(tmp_path / "ws.sqlite")],
        [
            "export",
            "1",
            "-o",
            str(tmp_path / "out.cmpl"),
            "--encrypt",
            "--passphrase-file",
            "/dev/zero",
            "--workspace",
            str(tmp_path / "ws.sqlite"),
        ],
    ]
    for argv in cases:
        done = subprocess.run(
            [sys.executable, "-m", "compliance", *argv],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            cwd=tmp_path,
            check=False,
        )
        assert done.returncode == 1, (argv, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr and "unexpected error" not in done.stderr
        if "--json" in argv:
            assert [v["bundle"] for v in json.loads(done.stdout)] == [str(pipe), str(FIXTURE)]
        else:
            assert "not a regular file" in done.stderr, (argv, done.stderr)
