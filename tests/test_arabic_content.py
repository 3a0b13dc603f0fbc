"""ma-screening 1.2.0: every text in Arabic, and otherwise exactly 1.1.0 (issue 18, point 1)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from compliance.canonical import digest
from compliance.glossary import iter_texts
from compliance.loader import load_questionnaire
from compliance.model.questionnaire import Questionnaire
from compliance.safeyaml import parse_yaml
from compliance.signing.registry import find_published

SCREENING = Path(__file__).resolve().parent.parent / "questionnaires" / "ma-screening"
ARABIC = SCREENING / "1.2.0" / "questionnaire.yaml"
PREVIOUS = SCREENING / "1.1.0" / "questionnaire.yaml"
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


def test_every_text_of_the_file_has_arabic() -> None:
    data = parse_yaml(ARABIC.read_bytes(), str(ARABIC)).data
    texts = _file_texts(data)
    assert len(texts) == 230
    missing = [loc for loc, text in texts if not text.get("ar")]
    assert missing == []
    not_arabic = [
        loc for loc, text in texts if not any(ord(ch) in ARABIC_LETTER for ch in text["ar"])
    ]
    assert not_arabic == []


def test_the_loaded_questionnaire_offers_arabic() -> None:
    questionnaire = load_questionnaire(ARABIC, use_cache=False)
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


def test_removing_the_arabic_gives_back_1_1_0_exactly() -> None:
    arabic = load_questionnaire(ARABIC, use_cache=False)
    previous = load_questionnaire(PREVIOUS, use_cache=False)
    assert (arabic.version, previous.version) == ("1.2.0", "1.1.0")
    assert _without_arabic(arabic) == _without_arabic(previous)


def test_1_2_0_is_published_and_1_1_0_still_is_unchanged() -> None:
    for path in (ARABIC, PREVIOUS):
        questionnaire = load_questionnaire(path, use_cache=False)
        entry = find_published(questionnaire.id, questionnaire.version)
        assert entry is not None
        assert entry.digest == digest(questionnaire)
    assert find_published("ma-screening", "1.1.0") != find_published("ma-screening", "1.2.0")
