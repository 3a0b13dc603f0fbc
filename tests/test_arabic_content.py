"""ma-offshoring 1.2.0 and ma-screening 1.2.0: every text in Arabic, and otherwise exactly their
1.1.0 (issue 18, point 1)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compliance.canonical import digest
from compliance.glossary import iter_texts
from compliance.loader import load_questionnaire
from compliance.model.questionnaire import Questionnaire
from compliance.safeyaml import parse_yaml
from compliance.signing.registry import find_published

QUESTIONNAIRES = Path(__file__).resolve().parent.parent / "questionnaires"
ARABIC_VERSIONS = {
    "ma-offshoring": ("1.2.0", "1.1.0", 1281),
    "ma-screening": ("1.2.0", "1.1.0", 230),
}
"""Each questionnaire with Arabic: its Arabic version, the version it translates, its text count."""
ARABIC_LETTER = range(0x0621, 0x064B)


def _file_texts(value: Any, loc: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every text mapping of a questionnaire file, as written (reference data not bound)."""
    if isinstance(value, dict):
        if "en" in value and "fr" in value:
            return [(loc, value)]
        return [t for key, child in value.items() for t in _file_texts(child, f"{loc}.{key}")]
    if isinstance(value, list):
        return [t for i, child in enumerate(value) for t in _file_texts(child, f"{loc}.{i}")]
    return []


def _path(name: str, version: str) -> Path:
    return QUESTIONNAIRES / name / version / "questionnaire.yaml"


def _pairs() -> list[tuple[str, Path, Path, int]]:
    return [
        (name, _path(name, arabic), _path(name, previous), count)
        for name, (arabic, previous, count) in ARABIC_VERSIONS.items()
    ]


each_questionnaire = pytest.mark.parametrize(
    ("name", "arabic", "previous", "count"), _pairs(), ids=list(ARABIC_VERSIONS)
)


@each_questionnaire
def test_every_text_of_the_file_has_arabic(
    name: str, arabic: Path, previous: Path, count: int
) -> None:
    data = parse_yaml(arabic.read_bytes(), str(arabic)).data
    texts = _file_texts(data)
    assert len(texts) == count
    missing = [loc for loc, text in texts if not text.get("ar")]
    assert missing == []
    not_arabic = [
        loc for loc, text in texts if not any(ord(ch) in ARABIC_LETTER for ch in text["ar"])
    ]
    assert not_arabic == []


@each_questionnaire
def test_the_loaded_questionnaire_offers_arabic(
    name: str, arabic: Path, previous: Path, count: int
) -> None:
    questionnaire = load_questionnaire(arabic, use_cache=False)
    assert questionnaire.languages == ("en", "fr", "ar")
    own = [text for loc, text in iter_texts(questionnaire) if loc[0] != "reference"]
    assert own and all(text.ar for text in own)


def _without_arabic(questionnaire: Questionnaire) -> dict[str, Any]:
    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "ar"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    data = strip(questionnaire.model_dump(mode="json", by_alias=True, exclude={"reference"}))
    assert isinstance(data, dict)
    data.pop("version")
    return data


@each_questionnaire
def test_removing_the_arabic_gives_back_1_1_0_exactly(
    name: str, arabic: Path, previous: Path, count: int
) -> None:
    new = load_questionnaire(arabic, use_cache=False)
    old = load_questionnaire(previous, use_cache=False)
    assert (new.id, new.version, old.version) == (name, "1.2.0", "1.1.0")
    assert _without_arabic(new) == _without_arabic(old)


@each_questionnaire
def test_1_2_0_is_published_and_1_1_0_still_is_unchanged(
    name: str, arabic: Path, previous: Path, count: int
) -> None:
    for path in (arabic, previous):
        questionnaire = load_questionnaire(path, use_cache=False)
        entry = find_published(questionnaire.id, questionnaire.version)
        assert entry is not None
        assert entry.digest == digest(questionnaire)
    assert find_published(name, "1.1.0") != find_published(name, "1.2.0")
