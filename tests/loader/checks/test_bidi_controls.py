"""The check ``bidi-controls``: an invisible bidirectional control in any text, in any language,
is refused with the file, the line, the character's position and what to do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.errors import LoadError
from compliance.loader import parse_questionnaire
from compliance.loader.checks.bidi import BIDI_CONTROLS, find_bidi_control
from tests.helpers import example_data, question, write_yaml
from tests.loader.checks.support import findings, problems_of

CHECK = "bidi-controls"

RLO = "\u202e"


def test_an_override_in_an_arabic_text_is_reported_at_that_text() -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "role")["text"]["ar"] = f"ما هو {RLO}دوركم؟"

    [finding] = findings(CHECK, change)
    assert finding.loc == ("profile", "questions", 0, "text", "ar")
    assert finding.message.startswith(
        "text holds the invisible bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE "
        "at character 7; delete it"
    )


def test_every_language_is_checked_and_each_text_reported_once() -> None:
    def change(data: dict[str, Any]) -> None:
        data["title"]["en"] = "Example\u200e questionnaire \u200e"
        question(data, "role")["options"][1]["label"]["fr"] = "Sous\u2066-traitant\u2069"

    found = findings(CHECK, change)
    assert [f.loc for f in found] == [
        ("title", "en"),
        ("profile", "questions", 0, "options", 1, "label", "fr"),
    ]
    assert "U+200E LEFT-TO-RIGHT MARK at character 8 (1 more in this text)" in found[0].message
    assert "U+2066 LEFT-TO-RIGHT ISOLATE at character 5 (1 more in this text)" in found[1].message


def test_clean_texts_and_arabic_joiners_pass() -> None:
    def change(data: dict[str, Any]) -> None:
        data["title"]["ar"] = "استبيان\u200c نموذجي"  # ZWNJ changes joining, not order
        question(data, "role")["text"]["ar"] = "ما هو دوركم؟ (GDPR, Art. 28)"

    assert findings(CHECK, change) == []


def test_the_user_reads_file_line_and_position(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        question(data, "role")["text"]["ar"] = f"ما هو {RLO}دوركم؟"

    [problem] = problems_of(tmp_path, change)
    path = tmp_path / "variant.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if RLO in text)
    assert problem.startswith(f"{path}:{line}:")
    assert ": role: text holds the invisible bidirectional control U+202E" in problem


def test_an_escaped_control_is_found_too(tmp_path: Path) -> None:
    """A double-quoted YAML escape hides the character from a text search of the file."""
    data = example_data()
    question(data, "role")["text"]["fr"] = "PLACEHOLDER"
    text = write_yaml(tmp_path / "q.yaml", data).read_text(encoding="utf-8")
    raw = text.replace("PLACEHOLDER", '"Quel est \\u202Bvotre rôle ?"').encode()
    assert RLO.encode() not in raw and "\u202b".encode() not in raw
    with pytest.raises(LoadError) as caught:
        parse_questionnaire(raw, "q.yaml")
    assert "U+202B RIGHT-TO-LEFT EMBEDDING at character 10" in str(caught.value)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    before=st.text(max_size=20),
    after=st.text(max_size=20),
    control=st.sampled_from(sorted(BIDI_CONTROLS)),
    language=st.sampled_from(["en", "fr", "ar"]),
)
def test_any_junk_with_a_control_is_refused_and_never_crashes(
    before: str, after: str, control: str, language: str
) -> None:
    def change(data: dict[str, Any]) -> None:
        data["description"][language] = f"x{before}{control}{after}"

    found = findings(CHECK, change)
    assert [f.loc for f in found] == [("description", language)]
    position, char = find_bidi_control(f"x{before}{control}{after}") or (0, "")
    assert f"U+{ord(char):04X}" in found[0].message
    assert f"at character {position}" in found[0].message


@given(st.text(alphabet=st.characters(blacklist_characters=sorted(BIDI_CONTROLS)), max_size=40))
def test_text_without_a_control_is_never_flagged(text: str) -> None:
    assert find_bidi_control(text) is None
