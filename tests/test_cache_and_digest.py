"""The validated-questionnaire cache and the canonical digest."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from compliance import loader
from compliance.canonical import canonical_bytes, digest
from compliance.loader import load_questionnaire
from tests.helpers import EXAMPLE, REPO


def cache_files(user_dirs: Path) -> list[Path]:
    return sorted((user_dirs / "cache" / "questionnaires").glob("*.json"))


def test_a_load_fills_the_cache_and_a_warm_load_reads_it(user_dirs: Path) -> None:
    first = load_questionnaire(EXAMPLE)
    [entry] = cache_files(user_dirs)
    loader.clear_memo()
    second = load_questionnaire(EXAMPLE)
    assert second == first
    assert digest(second) == digest(first)
    assert json.loads(entry.read_bytes())["id"] == "example"


def test_a_damaged_cache_entry_is_rebuilt(user_dirs: Path) -> None:
    load_questionnaire(EXAMPLE)
    [entry] = cache_files(user_dirs)
    entry.write_text("{not json")
    loader.clear_memo()
    assert load_questionnaire(EXAMPLE).id == "example"
    assert json.loads(entry.read_bytes())["id"] == "example"


def test_the_cache_is_keyed_by_the_file_bytes(user_dirs: Path, tmp_path: Path) -> None:
    copy = tmp_path / "q.yaml"
    shutil.copy(EXAMPLE, copy)
    load_questionnaire(copy)
    copy.write_text(copy.read_text().replace("version: 1.0.0", "version: 1.0.1"))
    assert load_questionnaire(copy).version == "1.0.1"
    assert len(cache_files(user_dirs)) == 2


def test_the_cache_is_keyed_by_the_reference_data(user_dirs: Path, tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    shutil.copytree(REPO / "questionnaires" / "reference" / "embedded", reference)
    before = load_questionnaire(EXAMPLE, reference_dir=reference)
    modules = reference / "scc-modules.yaml"
    modules.write_text(
        modules.read_text().replace("Module 1: controller", "Module 1: a controller")
    )
    after = load_questionnaire(EXAMPLE, reference_dir=reference)
    assert digest(after) != digest(before)
    assert after.reference is not None
    assert after.reference.scc_modules[0].title.en.startswith("Module 1: a controller")


def test_an_unwritable_cache_costs_only_speed(user_dirs: Path) -> None:
    (user_dirs / "cache").write_text("a file where the cache folder should be")
    assert load_questionnaire(EXAMPLE).id == "example"


def test_the_digest_is_the_sha256_of_sorted_compact_json() -> None:
    q = load_questionnaire(EXAMPLE, use_cache=False)
    raw = canonical_bytes(q)
    assert digest(q) == hashlib.sha256(raw).hexdigest()
    data = json.loads(raw)
    assert (
        raw == json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    )
    assert "reference" in data  # the reference data it scores with is covered


def test_the_digest_ignores_yaml_formatting(tmp_path: Path) -> None:
    reformatted = tmp_path / "q.yaml"
    text = EXAMPLE.read_text()
    reformatted.write_text(
        "# a comment that changes nothing\n"
        + text.replace("version: 1.0.0", "version:     '1.0.0'")
    )
    assert reformatted.read_bytes() != EXAMPLE.read_bytes()
    a = load_questionnaire(EXAMPLE, use_cache=False)
    b = load_questionnaire(reformatted, use_cache=False)
    assert digest(a) == digest(b)


def test_the_digest_changes_with_content(tmp_path: Path) -> None:
    changed = tmp_path / "q.yaml"
    changed.write_text(EXAMPLE.read_text().replace("weight: 2", "weight: 3"))
    assert digest(load_questionnaire(changed, use_cache=False)) != digest(
        load_questionnaire(EXAMPLE, use_cache=False)
    )


def test_a_copy_with_other_reference_data_recomputes_what_it_caches() -> None:
    from compliance.model.reference import ReferenceData

    q = load_questionnaire(EXAMPLE, use_cache=False)
    before = q.digest
    assert q.questions_by_id  # filled the caches
    copy = q.with_reference(ReferenceData())
    assert copy.digest != before
    assert copy.digest == digest(copy)
    assert copy.questions_by_id.keys() == q.questions_by_id.keys()


def test_a_cache_entry_that_cannot_be_written_only_costs_speed(user_dirs: Path) -> None:
    folder = user_dirs / "cache" / "questionnaires"
    load_questionnaire(EXAMPLE)
    [entry] = cache_files(user_dirs)
    entry.unlink()
    entry.mkdir()  # write_atomically refuses to replace a folder
    loader.clear_memo()
    assert load_questionnaire(EXAMPLE).id == "example"
    assert entry.is_dir()
    assert [p.name for p in folder.iterdir()] == [entry.name]  # no temporary file left behind
