"""Reference sets on disk: the source folder, the published registry and binding (issue 13)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from compliance.canonical import canonical_bytes, digest
from compliance.errors import LoadError
from compliance.loader import load_questionnaire
from compliance.loader.reference import load_reference_set
from compliance.loader.reference_sets import (
    ReferenceSetError,
    bind,
    bind_for,
    check_source,
    choose_set,
    installed_sets,
    newest_set,
)
from compliance.model.assessment import Assessment
from compliance.model.reference_set import ReferenceStamp
from compliance.signing.registry import bundled_problems
from tests.helpers import REPO, variant, write_yaml

SOURCE = REPO / "questionnaires" / "reference"
CURRENT = "2026.12.5"
"""The newest published version of ``ma-eu`` (the versions published before it stay installed)."""


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A writable copy of the reference-set source folder (without the frozen lists)."""
    target = tmp_path / "reference"
    shutil.copytree(SOURCE, target, ignore=shutil.ignore_patterns("embedded"))
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def with_set(data: dict[str, Any]) -> None:
    data["reference_set"] = "ma-eu"


# --- the source folder and the registry -----------------------------------------------------


def test_the_source_folder_is_the_published_set() -> None:
    source = check_source()
    newest = newest_set("ma-eu")
    assert newest is not None and newest.digest == source.digest == digest(source)
    assert newest.read() == canonical_bytes(source)
    assert bundled_problems() == []


def test_the_reference_set_dates_every_adequacy_entry_and_lists_the_updates() -> None:
    lists = check_source().lists
    assert lists.eu_adequacy is not None and lists.cndp_adequate is not None
    subjects = [entry.code for entry in lists.eu_adequacy.entries]
    assert {"BR", "org:epo"} <= set(subjects) and subjects.count("GB") == 2
    assert all(e.dated and e.source for e in lists.eu_adequacy.entries)
    assert all(e.dated and e.verified is False for e in lists.cndp_adequate.entries)


def test_a_list_edited_after_publication_is_placed_in_its_file(source: Path) -> None:
    adequacy = source / "eu-adequacy.yaml"
    edit(adequacy, 'subject: "UY"', 'subject: "MA"')
    before = {p: p.read_bytes() for p in source.rglob("*") if p.is_file()}
    with pytest.raises(LoadError) as error:
        check_source(source)
    [problem] = error.value.problems
    assert problem.file == str(adequacy)
    assert problem.line == line_of(adequacy, 'subject: "MA"')
    assert f"differs from the published reference set ma-eu {CURRENT}" in problem.message
    assert "new version" in problem.message
    assert {p: p.read_bytes() for p in source.rglob("*") if p.is_file()} == before


def test_a_new_version_of_the_source_is_not_an_error_until_published(source: Path) -> None:
    edit(source / "set.yaml", f"version: {CURRENT}", "version: 2026.12.99")
    edit(source / "eu-adequacy.yaml", 'subject: "UY"', 'subject: "MA"')
    assert check_source(source).version == "2026.12.99"


def test_an_entry_applying_after_its_expiry_is_an_error_at_its_line(source: Path) -> None:
    adequacy = source / "eu-adequacy.yaml"
    edit(adequacy, "expires: 2031-12-27", "expires: 2025-12-01")
    with pytest.raises(LoadError) as error:
        load_reference_set(source)
    [problem] = error.value.problems
    assert problem.file == str(adequacy)
    assert "applies from 2025-12-28, after its expiry on 2025-12-01" in problem.message
    assert line_of(adequacy, 'subject: "GB"') < problem.line <= line_of(adequacy, "2031") + 30
    assert str(problem).startswith(f"{adequacy}:{problem.line}:{problem.column}:")


def test_an_undated_adequacy_entry_is_an_error_at_its_line(source: Path) -> None:
    cndp = source / "cndp-adequate.yaml"
    edit(cndp, '    - subject: "AT"\n', '    - country: "AT"\n')
    with pytest.raises(LoadError) as error:
        load_reference_set(source)
    [problem] = error.value.problems
    assert problem.file == str(cndp)
    assert problem.line == line_of(cndp, 'country: "AT"')
    assert "entry AT needs subject" in problem.message


def test_a_set_file_with_its_own_lists_is_refused(source: Path) -> None:
    with (source / "set.yaml").open("a") as handle:
        handle.write("lists: {}\n")
    with pytest.raises(LoadError, match="the lists go in the other files"):
        load_reference_set(source)


# --- choosing and binding -------------------------------------------------------------------


def test_the_newest_installed_set_is_chosen_when_none_is_recorded() -> None:
    assert choose_set("ma-eu") == installed_sets()[-1]


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        (ReferenceStamp(id="ma-eu", version="2020.1.0"), "ma-eu 2020.1.0 is not installed"),
        (ReferenceStamp(id="other", version="2026.12.0"), "records reference set 'other'"),
        (
            ReferenceStamp(id="ma-eu", version="2026.12.0", digest="0" * 64),
            "differs from the published one",
        ),
    ],
)
def test_an_unknown_or_altered_set_is_one_clear_sentence(
    stamp: ReferenceStamp, expected: str
) -> None:
    with pytest.raises(ReferenceSetError, match=expected) as error:
        choose_set("ma-eu", stamp)
    assert "\n" not in str(error.value)


def test_an_unknown_set_id_is_a_load_error_at_the_questionnaire_line(tmp_path: Path) -> None:
    path = variant(tmp_path, lambda d: d.update(reference_set="nowhere"))
    with pytest.raises(LoadError) as error:
        load_questionnaire(path, use_cache=False)
    [problem] = error.value.problems
    assert problem.line == line_of(path, "reference_set:")
    assert (
        "no reference set 'nowhere' is installed (installed: ma-eu 2026.12.0, ma-eu 2026.12.1, "
        f"ma-eu 2026.12.2, ma-eu 2026.12.3, ma-eu 2026.12.4, ma-eu {CURRENT})" in str(problem)
    )


def test_a_questionnaire_naming_a_set_is_bound_and_its_digest_ignores_the_lists(
    tmp_path: Path,
) -> None:
    path = variant(tmp_path, with_set)
    questionnaire = load_questionnaire(path, use_cache=False)
    assert questionnaire.reference is not None and questionnaire.reference.eu_adequacy is not None
    stamp = questionnaire.reference_stamp
    assert stamp is not None and (stamp.id, stamp.version) == ("ma-eu", CURRENT)
    assert b'"reference"' not in canonical_bytes(questionnaire)
    assert b"reference_set" in canonical_bytes(questionnaire)


def test_a_cached_questionnaire_naming_a_set_is_bound_again(
    tmp_path: Path, user_dirs: Path
) -> None:
    from compliance.loader import clear_memo

    path = variant(tmp_path, with_set)
    first = load_questionnaire(path)
    clear_memo()
    again = load_questionnaire(path)
    assert again.reference == first.reference and again.reference_stamp == first.reference_stamp


def test_binding_follows_the_assessment_and_refuses_a_set_for_embedded_lists(
    tmp_path: Path,
) -> None:
    questionnaire = load_questionnaire(variant(tmp_path, with_set), use_cache=False)
    base: dict[str, Any] = {
        "questionnaire": {"id": "example", "version": "1.0.0"},
        "organisation": {"name": "A", "country": "MA"},
    }
    recorded = Assessment.model_validate({**base, "reference": {"id": "ma-eu", "version": CURRENT}})
    assert bind_for(questionnaire, recorded) is questionnaire  # already bound to that set
    with pytest.raises(ReferenceSetError, match=r"2019\.1\.0 is not installed"):
        bind_for(
            questionnaire,
            Assessment.model_validate(
                {**base, "reference": {"id": "ma-eu", "version": "2019.1.0"}}
            ),
        )
    embedded = load_questionnaire(REPO / "questionnaires" / "example" / "questionnaire.yaml")
    assert bind(embedded) is embedded
    with pytest.raises(ReferenceSetError, match="embeds its reference lists"):
        bind_for(embedded, recorded)


# --- compliance reference -------------------------------------------------------------------


def test_the_command_lists_each_set_with_its_lists(capsys: pytest.CaptureFixture[str]) -> None:
    from compliance.cli import main

    assert main(["reference", "--json"]) == 0
    older, *_, listed = json.loads(capsys.readouterr().out)
    newest = newest_set("ma-eu")
    assert newest is not None and older["version"] == "2026.12.0"
    assert (listed["id"], listed["version"], listed["digest"], listed["date"]) == (
        "ma-eu",
        CURRENT,
        newest.digest,
        "2026-12-04",
    )
    assert "country_sheets" not in {row["name"] for row in older["lists"]}
    rows = {row["name"]: row for row in listed["lists"]}
    sheets = rows["country_sheets"]
    assert sheets["source"] == "legal bases of GB, IN, MA, PH, US (a source per basis)"
    assert 0 < sheets["verified"] <= sheets["entries"]
    assert rows["eu_adequacy"]["entries"] == 18
    assert rows["cndp_adequate"]["verified"] == 0
    assert set(rows["eu_adequacy"]) == {"name", "entries", "verified", "source"}


def test_the_command_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    from compliance.cli import main

    assert main(["--lang", "fr", "reference"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ma-eu 2026.12.0  Listes de référence")
    assert "cndp_adequate       32 entries,    0 verified" in out


def test_the_command_reports_a_source_edited_after_publication(
    source: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from compliance.cli import main
    from compliance.loader import reference

    monkeypatch.setattr(reference, "default_reference_dir", lambda: source)
    adequacy = source / "eu-adequacy.yaml"
    edit(adequacy, 'subject: "UY"', 'subject: "MA"')
    assert main(["reference"]) == 1
    captured = capsys.readouterr()
    assert "ma-eu 2026.12.0" in captured.out
    [line] = captured.err.splitlines()
    edited_line = line_of(adequacy, 'subject: "MA"')
    assert line.startswith(f"{adequacy}:{edited_line}:")
    assert "differs from the published reference set" in line


# --- assessment files recording a set -------------------------------------------------------

FIXTURE = REPO / "questionnaires" / "example" / "fixtures" / "processor-with-us-backups.yaml"


def _assessment_file(
    tmp_path: Path, version: str, reference: dict[str, str] | None, name: str = "assessment"
) -> Path:
    from compliance.safeyaml import parse_yaml

    data = parse_yaml(FIXTURE.read_bytes(), str(FIXTURE)).data
    data["questionnaire"] = {"id": "example", "version": version}
    if reference is not None:
        data["reference"] = reference
    return write_yaml(tmp_path / f"{name}.yaml", data)


@pytest.fixture
def example_with_set(user_dirs: Path) -> Path:
    """``example`` 1.1.0 naming ``ma-eu``, installed as a user questionnaire."""
    folder = user_dirs / "questionnaires"
    folder.mkdir(exist_ok=True)
    return variant(folder, lambda d: d.update(version="1.1.0", reference_set="ma-eu"))


def test_scoring_a_file_says_which_set_was_used(
    tmp_path: Path, example_with_set: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from compliance.cli import main

    newest = _assessment_file(tmp_path, "1.1.0", None)
    assert main(["score", str(newest), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["reference"]["chosen"] == "newest"
    recorded = _assessment_file(
        tmp_path, "1.1.0", {"id": "ma-eu", "version": "2026.12.0"}, name="recorded"
    )
    assert main(["score", str(recorded), "--json"]) == 0
    used = json.loads(capsys.readouterr().out)["reference"]
    assert (used["version"], used["chosen"]) == ("2026.12.0", "assessment")
    assert main(["score", str(newest)]) == 0
    assert (
        f"Reference set: ma-eu {CURRENT} (the newest installed; the assessment records none;"
        in (capsys.readouterr().out)
    )


WRONG_SETS = [
    ("1.1.0", {"id": "ma-eu", "version": "2019.1.0"}, "ma-eu 2019.1.0 is not installed"),
    ("1.1.0", {"id": "eu-lists", "version": "2026.12.0"}, "records reference set 'eu-lists'"),
    ("1.0.0", {"id": "ma-eu", "version": "2026.12.0"}, "embeds its reference lists"),
]


@pytest.mark.parametrize("wrong", WRONG_SETS, ids=["unknown-version", "other-id", "embedded"])
def test_a_file_recording_a_wrong_set_is_an_error_at_its_line(
    tmp_path: Path,
    example_with_set: Path,
    capsys: pytest.CaptureFixture[str],
    wrong: tuple[str, dict[str, str], str],
) -> None:
    from compliance.cli import main

    version, reference, expected = wrong
    path = _assessment_file(tmp_path, version, reference)
    before = path.read_bytes()
    assert main(["score", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:{line_of(path, 'reference:') + 1}:" in err
    assert expected in err
    assert path.read_bytes() == before


@pytest.fixture
def newer_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A second installed set, ``ma-eu`` 2027.1.0 (the published one renumbered)."""
    import hashlib

    from compliance.loader import reference_sets

    folder = tmp_path / "published"
    folder.mkdir()
    current = newest_set("ma-eu")
    assert current is not None
    version = f'"version":"{current.version}"'.encode()
    data = current.read().replace(version, b'"version":"2027.1.0"', 1)
    (folder / current.file).write_bytes(current.read())
    (folder / "reference-ma-eu@2027.1.0.json").write_bytes(data)
    newer = {
        "id": "ma-eu",
        "version": "2027.1.0",
        "digest": hashlib.sha256(data).hexdigest(),
        "date": "2027-01-05",
        "file": "reference-ma-eu@2027.1.0.json",
    }
    old = {k: getattr(current, k) for k in ("id", "version", "digest", "date", "file")}
    (folder / "index.json").write_text(json.dumps({"references": [old, newer]}))
    monkeypatch.setattr(reference_sets, "_registry", lambda: folder)
    reference_sets.installed_sets.cache_clear()
    yield "2027.1.0"
    reference_sets.installed_sets.cache_clear()


def test_the_newest_of_two_installed_sets_is_bound_unless_one_is_recorded(
    tmp_path: Path, example_with_set: Path, newer_set: str
) -> None:
    questionnaire = load_questionnaire(example_with_set, use_cache=False)
    stamp = questionnaire.reference_stamp
    assert stamp is not None and stamp.version == newer_set
    recorded = Assessment.model_validate(
        {
            "questionnaire": {"id": "example", "version": "1.1.0"},
            "organisation": {"name": "A", "country": "MA"},
            "reference": {"id": "ma-eu", "version": CURRENT},
        }
    )
    older = bind_for(questionnaire, recorded).reference_stamp
    assert older is not None and older.version == CURRENT


def test_a_workspace_assessment_scores_with_the_set_it_records(
    tmp_path: Path,
    example_with_set: Path,
    newer_set: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from compliance.cli import main

    recorded = _assessment_file(
        tmp_path, "1.1.0", {"id": "ma-eu", "version": CURRENT}, name="recorded"
    )
    assert main(["import", str(recorded)]) == 0
    capsys.readouterr()
    assert main(["assessments", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["score"] == "54.17", row
