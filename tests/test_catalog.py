"""The catalogue: finding a questionnaire by id and version, through the index of file digests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compliance import catalog
from compliance.errors import ComplianceError
from compliance.loader import load_questionnaire
from tests.helpers import EXAMPLE


@pytest.fixture(autouse=True)
def _fresh_index() -> None:
    catalog._index = None


def user_copy(user_dirs: Path, name: str, version: str) -> Path:
    folder = user_dirs / "questionnaires"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(EXAMPLE.read_text().replace("version: 1.0.0", f"version: {version}"))
    return path


def test_find_picks_the_newest_version_or_the_one_asked(user_dirs: Path) -> None:
    newer = user_copy(user_dirs, "example-2.yaml", "1.10.0")
    user_copy(user_dirs, "example-1-2.yaml", "1.2.0")
    assert catalog.find("example").path == newer  # 1.10 > 1.2 > 1.0, numerically
    assert catalog.find("example", "1.0.0").source == "bundled"
    with pytest.raises(ComplianceError, match=r"has no version 3\.0\.0 \(installed: 1\.0\.0, "):
        catalog.find("example", "3.0.0")
    with pytest.raises(ComplianceError, match="no questionnaire 'nowhere' is installed"):
        catalog.find("nowhere")


def test_the_index_is_written_and_used(user_dirs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    catalog.find("example", "1.0.0")
    index = json.loads((user_dirs / "cache" / "catalog-index.json").read_text())
    assert ["example", "1.0.0"] in index.values()
    loaded: list[Path] = []
    real = load_questionnaire

    def spy(path: Path, **kwargs: object) -> object:
        loaded.append(Path(path))
        return real(path)

    monkeypatch.setattr(catalog, "load_questionnaire", spy)
    catalog._index = None  # a new process: the index is read back from the file
    catalog.find("example", "1.0.0")
    assert loaded == [EXAMPLE]  # only the match is loaded, not every questionnaire


def test_a_damaged_index_is_ignored(user_dirs: Path) -> None:
    (user_dirs / "cache").mkdir(parents=True, exist_ok=True)
    (user_dirs / "cache" / "catalog-index.json").write_text('{"x": "not a pair"')
    assert catalog.find("example").questionnaire.id == "example"


def test_a_broken_user_file_does_not_hide_the_others(user_dirs: Path) -> None:
    folder = user_dirs / "questionnaires"
    folder.mkdir()
    (folder / "broken.yaml").write_text("schema: nope\n")
    assert catalog.find("example").questionnaire.id == "example"


def test_versions_live_side_by_side_in_one_folder_each(user_dirs: Path) -> None:
    for version in ("1.0.0", "1.10.0", "1.9.0"):
        folder = user_dirs / "questionnaires" / "example" / version
        folder.mkdir(parents=True)
        (folder / "questionnaire.yaml").write_text(
            EXAMPLE.read_text().replace("version: 1.0.0", f"version: {version}")
        )
    user = [path for path, source in catalog.discover() if source == "user"]
    assert [p.parent.name for p in user] == ["1.0.0", "1.9.0", "1.10.0"]
    assert catalog.find("example").questionnaire.version == "1.10.0"
    found, errors = catalog.entries()
    assert not errors
    ordered = catalog.newest_first(found)
    assert [(e.questionnaire.id, e.questionnaire.version, e.source) for e in ordered][:4] == [
        ("example", "1.10.0", "user"),
        ("example", "1.9.0", "user"),
        ("example", "1.0.0", "bundled"),
        ("example", "1.0.0", "user"),
    ]


def test_the_bundled_questionnaires_keep_every_published_version() -> None:
    found, errors = catalog.entries()
    assert not errors
    versions = {(e.questionnaire.id, e.questionnaire.version) for e in found}
    assert {("ma-offshoring", "1.0.0"), ("ma-offshoring", "1.1.0")} <= versions
    assert {("ma-screening", "1.0.0"), ("ma-screening", "1.1.0")} <= versions
