"""Migration of an assessment to a newer questionnaire version: nothing lost without being listed.

The questionnaires are built in the test from the example (version 1.0.0 → a 1.1.0 with one change
each), the shipped 1.0.0 fixtures are migrated to 1.1.0 and compared with the shipped 1.1.0 ones,
and a property test throws random answers at random changes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.catalog import find, load_assessment
from compliance.engine.scoring import score
from compliance.engine.validation import check_assessment
from compliance.loader import load_reference, parse_questionnaire
from compliance.migrate import (
    COMMENT_LIMIT,
    MigrationError,
    compare_versions,
    migrate,
)
from compliance.model.assessment import Assessment
from compliance.model.questionnaire import Questionnaire
from tests.helpers import REPO, control, example_data, question

QUESTIONNAIRES = REPO / "questionnaires"
REFERENCE = load_reference(QUESTIONNAIRES / "reference")


def build(
    change: Callable[[dict[str, Any]], None] | None = None, version: str = "1.1.0"
) -> Questionnaire:
    data = example_data()
    data["version"] = version
    if change is not None:
        change(data)
    text = json.dumps(data).encode()
    return parse_questionnaire(text, f"example-{version}.json", reference=REFERENCE)


OLD = build(version="1.0.0")


def answered(
    answers: dict[str, Any], profile: dict[str, Any] | None = None, **extra: Any
) -> Assessment:
    return Assessment.model_validate(
        {
            "questionnaire": {"id": "example", "version": "1.0.0"},
            "as_of": "2026-11-01",
            "organisation": {"name": "Atlas", "country": "MA"},
            "profile": profile or {},
            "answers": answers,
            **extra,
        }
    )


def test_unchanged_answers_are_carried_with_their_comment_and_evidence() -> None:
    evidence = [{"path": "letter.pdf", "sha256": "a" * 64}]
    source = answered(
        {"gov01.lead": {"value": "yes", "comment": "signed in May", "evidence": evidence}},
        {"role": "processor"},
    )
    report = migrate(source, OLD, build())
    assert report.migrated.answers["gov01.lead"] == source.answers["gov01.lead"]
    assert report.migrated.profile == {"role": "processor"}
    assert report.migrated.questionnaire.version == "1.1.0"
    assert report.carried == ("role", "gov01.lead")
    assert not report.unfit and not report.lost
    assert report.before == report.after


def test_a_removed_option_keeps_the_answer_in_the_comment() -> None:
    def drop_tia(data: dict[str, Any]) -> None:
        options = question(data, "xfr01.tools")["options"]
        options[:] = [o for o in options if o["id"] != "tia"]

    source = answered({"xfr01.tools": {"value": ["scc", "tia"], "comment": "TIA of March"}})
    report = migrate(source, OLD, build(drop_tia))
    kept = report.migrated.answers["xfr01.tools"]
    assert kept.value is None
    assert kept.comment is not None
    assert '["scc", "tia"]' in kept.comment
    assert "'tia' is not an option" in kept.comment
    assert kept.comment.endswith("Earlier comment: TIA of March")
    assert [u.id for u in report.unfit] == ["xfr01.tools"]
    changed = {c.id: c.parts for c in report.changes.changed}
    assert changed == {"xfr01.tools": ("options",)}
    # the question now counts as unanswered, and the report says how the score moved
    assert report.after.coverage < report.before.coverage
    text = "\n".join(report.lines())
    assert '! xfr01.tools = ["scc", "tia"]: \'tia\' is not an option' in text
    assert "(changed)" in text


def test_a_changed_kind_keeps_the_answer_in_the_comment() -> None:
    def to_text(data: dict[str, Any]) -> None:
        item = question(data, "gov02.share")
        for key in ("unit", "min", "max", "scoring"):
            item.pop(key)
        item["kind"] = "text"

    report = migrate(answered({"gov02.share": 75}), OLD, build(to_text))
    kept = report.migrated.answers["gov02.share"]
    assert kept.value is None
    assert kept.comment is not None and "The answer 75 no longer fits" in kept.comment
    assert [u.id for u in report.unfit] == ["gov02.share"]


def test_na_no_longer_allowed_is_unfit() -> None:
    def no_na(data: dict[str, Any]) -> None:
        question(data, "gov02.last")["allow_na"] = False

    report = migrate(answered({"gov02.last": "na"}), OLD, build(no_na))
    assert [u.id for u in report.unfit] == ["gov02.last"]
    assert report.migrated.answers["gov02.last"].value is None


def test_answers_with_no_place_are_listed_with_their_value() -> None:
    def drop(data: dict[str, Any]) -> None:
        control(data, "GOV-02")["questions"] = [
            q for q in control(data, "GOV-02")["questions"] if q["id"] != "gov02.notes"
        ]
        role = question(data, "role")
        role["options"] = [o for o in role["options"] if o["id"] != "processor"] + [
            {"id": "sub_processor", "label": {"en": "Sub", "fr": "Sous"}}
        ]

    source = answered(
        {"gov02.notes": {"value": "two sessions", "comment": "see HR"}}, {"role": "processor"}
    )
    report = migrate(source, OLD, build(drop))
    lost = {(x.id, x.where): x for x in report.lost}
    assert lost[("gov02.notes", "answers")].value == "two sessions"
    assert lost[("gov02.notes", "answers")].comment == "see HR"
    assert lost[("role", "profile")].value == "processor"
    assert report.changes.removed == (("gov02.notes", "answers"),)
    assert "gov02.notes" not in report.migrated.answers
    assert report.migrated.profile == {}
    text = "\n".join(report.lines())
    assert '! gov02.notes = "two sessions": 1.1.0 has no such question (comment: see HR)' in text
    assert '! role = "processor"' in text


def test_added_questions_and_changed_controls_are_reported() -> None:
    def add(data: dict[str, Any]) -> None:
        control(data, "GOV-01")["questions"].append(
            {"id": "gov01.letter", "kind": "yes_no", "text": {"en": "Letter?", "fr": "Lettre ?"}}
        )
        control(data, "GOV-02")["refs"] = {"law-09-08": ["26"], "gdpr": ["39(1)(b)", "32"]}

    changes = compare_versions(OLD, build(add))
    assert changes.added == (("gov01.letter", "answers"),)
    assert changes.controls == (("GOV-02", ("refs",)),)
    assert not changes.removed and not changes.changed


def test_a_long_comment_is_shortened_and_says_so() -> None:
    def drop_tia(data: dict[str, Any]) -> None:
        options = question(data, "xfr01.tools")["options"]
        options[:] = [o for o in options if o["id"] != "tia"]

    source = answered({"xfr01.tools": {"value": ["tia"], "comment": "x" * COMMENT_LIMIT}})
    report = migrate(source, OLD, build(drop_tia))
    kept = report.migrated.answers["xfr01.tools"].comment
    assert kept is not None and len(kept) == COMMENT_LIMIT and kept.endswith("…")
    assert report.unfit[0].shortened
    assert "(old comment shortened)" in "\n".join(report.lines())


def test_an_unknown_transfer_ground_is_cleared_and_listed() -> None:
    flow = {
        "id": "f1",
        "name": "Return",
        "exporter": {"name": "Atlas", "country": "MA"},
        "importer": {"name": "Client", "country": "FR"},
        "ma_basis": "consent",
    }

    assert any(g.id == "consent" for g in REFERENCE.ma_grounds)
    new_reference = REFERENCE.model_copy(
        update={"ma_grounds": tuple(g for g in REFERENCE.ma_grounds if g.id != "consent")}
    )
    new = build().model_copy(update={"reference": new_reference})
    report = migrate(answered({}, flows=[flow]), OLD, new)
    assert report.migrated.flows[0].ma_basis is None
    assert [(c.flow, c.field, c.value) for c in report.cleared] == [("f1", "ma_basis", "consent")]


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("1.0.0", "already answers example 1.0.0"),
        ("0.9.0", "cannot migrate example down from 1.0.0 to 0.9.0"),
    ],
)
def test_same_or_lower_versions_are_refused(target: str, message: str) -> None:
    with pytest.raises(MigrationError, match=message):
        migrate(answered({}), OLD, build(version=target))


def test_another_questionnaire_is_refused() -> None:
    other = build(lambda data: data.update(id="other"))
    with pytest.raises(MigrationError, match="answers example, not other"):
        migrate(answered({}), OLD, other)


def test_a_version_sorts_by_number_not_by_text() -> None:
    source = answered({}).model_copy(
        update={"questionnaire": answered({}).questionnaire.model_copy(update={"version": "1.9.0"})}
    )
    report = migrate(source, build(version="1.9.0"), build(version="1.10.0"))
    assert report.to_version == "1.10.0"


# --- the shipped 1.1.0 fixtures are the migrated 1.0.0 ones ---------------------------------


def shipped_pairs() -> list[tuple[Path, Path]]:
    pairs = []
    for name in ("ma-offshoring", "ma-screening"):
        for old in sorted((QUESTIONNAIRES / name / "1.0.0" / "fixtures").glob("*.yaml")):
            if not old.name.endswith(".expected.yaml"):
                pairs.append((old, QUESTIONNAIRES / name / "1.1.0" / "fixtures" / old.name))
    return pairs


@pytest.mark.parametrize("pair", shipped_pairs(), ids=lambda p: f"{p[0].parts[-4]}/{p[0].stem}")
def test_the_shipped_fixtures_migrate_to_their_1_1_0_twins(pair: tuple[Path, Path]) -> None:
    old_path, new_path = pair
    assessment, old = load_assessment(old_path)
    twin, new = load_assessment(new_path)
    report = migrate(assessment, old, new)
    assert not report.unfit and not report.lost and not report.cleared
    assert report.migrated.answers == twin.answers
    assert report.migrated.profile == twin.profile
    assert report.migrated.flows == twin.flows
    assert report.after == report.before  # the corrections change words, not scores


def test_the_main_questionnaire_changes_are_the_ones_published() -> None:
    old = find("ma-offshoring", "1.0.0").questionnaire
    new = find("ma-offshoring", "1.1.0").questionnaire
    changes = compare_versions(old, new)
    assert changes.added == (("xfr10.cndp_authorisation", "answers"),)
    assert changes.removed == ()
    changed = {c.id for c in changes.changed}
    assert {"gov05.who", "gov05.last_review", "xfr05.records", "ret01.aligned"} == changed
    controls = {cid for cid, _ in changes.controls}
    assert {f"SEC-0{i}" for i in range(2, 8)} <= controls
    assert {"XFR-05", "XFR-06", "XFR-10", "RET-01", "PRC-07", "LAW-02"} <= controls


# --- property: no answer disappears without being listed -------------------------------------

ANSWERABLE = {
    "gov01.lead": st.sampled_from(["yes", "no", "na"]),
    "gov01.maturity": st.integers(-1, 6),
    "gov02.share": st.integers(-5, 120),
    "gov02.last": st.sampled_from(["2026-01-01", "na", "soon"]),
    "gov02.notes": st.text(max_size=20),
    "xfr01.tools": st.lists(st.sampled_from(["scc", "tia", "none", "dpf"]), unique=True),
    "xfr01.health": st.sampled_from(["never", "authorised", "unauthorised", "maybe"]),
}


def _mutations() -> dict[str, Callable[[dict[str, Any]], None]]:
    def remove_question(qid: str) -> Callable[[dict[str, Any]], None]:
        def change(data: dict[str, Any]) -> None:
            for domain in data["domains"]:
                for c in domain["controls"]:
                    c["questions"] = [q for q in c["questions"] if q["id"] != qid]

        return change

    def drop_option(qid: str, option: str) -> Callable[[dict[str, Any]], None]:
        def change(data: dict[str, Any]) -> None:
            item = question(data, qid)
            if "options" in item:  # not after a change of kind
                item["options"] = [o for o in item["options"] if o["id"] != option]

        return change

    def narrow(qid: str, kind: str, high: int) -> Callable[[dict[str, Any]], None]:
        def change(data: dict[str, Any]) -> None:
            item = question(data, qid)
            if item["kind"] == kind:
                item["max"] = high
                if "labels" in item:
                    item["labels"] = [x for x in item["labels"] if x["value"] <= high]

        return change

    def no_na(qid: str) -> Callable[[dict[str, Any]], None]:
        return lambda data: question(data, qid).update(allow_na=False)

    def to_yes_no(qid: str) -> Callable[[dict[str, Any]], None]:
        def change(data: dict[str, Any]) -> None:
            item = question(data, qid)
            kept: dict[str, Any] = {k: item[k] for k in ("id", "text", "when") if k in item}
            item.clear()
            item.update(kept, kind="yes_no")

        return change

    return {
        "drop tia": drop_option("xfr01.tools", "tia"),
        "drop never": drop_option("xfr01.health", "never"),
        "narrow share": narrow("gov02.share", "number", 50),
        "narrow maturity": narrow("gov01.maturity", "scale", 2),
        "no na": no_na("gov02.last"),
        "share to yes/no": to_yes_no("gov02.share"),
        "health to yes/no": to_yes_no("xfr01.health"),
        # removals come last: the changes above look their question up
        "remove notes": remove_question("gov02.notes"),
        "remove maturity": remove_question("gov01.maturity"),
    }


MUTATIONS = _mutations()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    answers=st.fixed_dictionaries({}, optional=ANSWERABLE),
    comments=st.dictionaries(st.sampled_from(sorted(ANSWERABLE)), st.text(max_size=30)),
    chosen=st.lists(st.sampled_from(sorted(MUTATIONS)), unique=True, max_size=4),
)
def test_no_answer_disappears_without_being_listed(
    answers: dict[str, Any], comments: dict[str, str], chosen: list[str]
) -> None:
    # keep only answers that fit the old version: those are what a real assessment holds
    source_answers = {
        qid: {"value": value, **({"comment": comments[qid]} if qid in comments else {})}
        for qid, value in answers.items()
    }
    source = answered(source_answers)
    fitting = {
        qid
        for qid in source.answers
        if not any(loc[:2] == ("answers", qid) for loc, _ in check_assessment(OLD, source))
    }
    source = source.model_copy(
        update={"answers": {k: v for k, v in source.answers.items() if k in fitting}}
    )

    def change(data: dict[str, Any]) -> None:
        for name, mutation in MUTATIONS.items():
            if name in chosen:
                mutation(data)

    new = build(change)
    report = migrate(source, OLD, new)
    assert not check_assessment(new, report.migrated)
    assert report.listed_ids == set(source.answers) | set(source.profile)
    unfit = {u.id: u for u in report.unfit}
    lost = {x.id: x for x in report.lost}
    for qid, answer in source.answers.items():
        if qid in report.carried:
            assert report.migrated.answers[qid] == answer
        elif qid in unfit:
            kept = report.migrated.answers[qid]
            assert kept.value is None and kept.comment is not None
            assert unfit[qid].value == answer.value
            assert (
                json.dumps(
                    list(answer.value) if isinstance(answer.value, tuple) else answer.value,
                    ensure_ascii=False,
                )
                in kept.comment
            )
            if answer.comment:
                assert answer.comment[:50] in kept.comment or unfit[qid].shortened
        else:
            assert lost[qid].value == answer.value and lost[qid].comment == answer.comment
            assert qid not in report.migrated.answers
    # each id is accounted for exactly once
    assert len(report.carried) + len(report.unfit) + len(report.lost) == len(source.answers)
    # the after standing is the score of what was written
    assert report.after.score == score(new, report.migrated).overall.score


# --- the command line ---------------------------------------------------------------------------


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compliance", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=_env(),
        timeout=120,
        check=False,
    )


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "PYTHONPATH": str(REPO)}


SAMPLE = QUESTIONNAIRES / "ma-offshoring" / "1.0.0" / "fixtures" / "telemarketing-france.yaml"


def test_cli_writes_the_migrated_file_and_prints_the_report(tmp_path: Path) -> None:
    out = tmp_path / "migrated.json"
    done = run("migrate", str(SAMPLE), "--to", "1.1.0", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Migration of ma-offshoring 1.0.0 -> 1.1.0")
    assert "+ xfr10.cndp_authorisation" in done.stdout
    assert "~ SEC-02: description, refs" in done.stdout
    assert f"wrote the migrated assessment to {out}" in done.stderr
    migrated, questionnaire = load_assessment(out)
    assert (questionnaire.id, questionnaire.version) == ("ma-offshoring", "1.1.0")
    original, _ = load_assessment(SAMPLE)
    assert migrated.as_of == original.as_of  # the dated facts stay dated as they were
    assert migrated.answers == original.answers


def test_cli_dry_run_writes_nothing(tmp_path: Path) -> None:
    copy = tmp_path / "sample.yaml"
    copy.write_bytes(SAMPLE.read_bytes())
    done = run("migrate", str(copy), "--to", "1.1.0", "--dry-run", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["from"] == "1.0.0" and report["to"] == "1.1.0"
    assert report["before"]["rating"] == report["after"]["rating"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample.yaml"]


@pytest.mark.parametrize(
    ("version", "message"),
    [
        ("9.9.9", "cannot migrate to 9.9.9: questionnaire 'ma-offshoring' has no version 9.9.9"),
        ("1.0.0", "already answers ma-offshoring 1.0.0"),
    ],
)
def test_cli_unknown_or_same_version_is_one_clear_sentence(version: str, message: str) -> None:
    done = run("migrate", str(SAMPLE), "--to", version, "--dry-run")
    assert done.returncode == 1
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_cli_refuses_to_migrate_down(tmp_path: Path) -> None:
    newer = QUESTIONNAIRES / "ma-offshoring" / "1.1.0" / "fixtures" / "telemarketing-france.yaml"
    done = run("migrate", str(newer), "--to", "1.0.0", "--dry-run")
    assert done.returncode == 1
    assert "cannot migrate ma-offshoring down from 1.1.0 to 1.0.0" in done.stderr


def test_cli_migrates_a_workspace_assessment_into_a_new_cycle(tmp_path: Path) -> None:
    workspace = tmp_path / "ws.sqlite"
    imported = run("import", str(SAMPLE), "--workspace", str(workspace))
    assert imported.returncode == 0, imported.stderr
    done = run("migrate", "1", "--to", "1.1.0", "--workspace", str(workspace))
    assert done.returncode == 0, done.stderr
    assert "stored the migrated assessment as 2 (cycle 2 of client" in done.stderr
    listed = json.loads(run("assessments", "--json", "--workspace", str(workspace)).stdout)
    versions = {item["id"]: item["version"] for item in listed}
    assert versions == {1: "1.0.0", 2: "1.1.0"}


def test_the_arabic_version_changes_no_question_and_carries_every_answer() -> None:
    old, new = (find("ma-offshoring", v).questionnaire for v in ("1.1.0", "1.2.0"))
    changes = compare_versions(old, new)
    assert (changes.added, changes.removed, changes.changed, changes.controls) == ((), (), (), ())
    assert "role" in changes.translated and "XFR-06" in changes.translated
    sample = QUESTIONNAIRES / "ma-offshoring" / "1.1.0" / "fixtures" / "telemarketing-france.yaml"
    assessment, _ = load_assessment(sample)
    report = migrate(assessment, old, new)
    assert (report.unfit, report.lost) == ((), ())
    assert report.migrated.answers == assessment.answers
    assert report.before == report.after
    assert any(
        line.startswith("Wording translated, English and French unchanged (")
        for line in report.lines()
    )
