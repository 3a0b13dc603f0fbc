"""The languages the program speaks: Arabic is chosen like English and French, required nowhere."""

from __future__ import annotations

from compliance.languages import LANGUAGES, REQUIRED, supported
from compliance.model.base import Text


def test_arabic_is_offered_but_only_english_and_french_are_required() -> None:
    assert LANGUAGES == ("en", "fr", "ar")
    assert REQUIRED == ("en", "fr")
    assert set(Text.model_fields) == set(LANGUAGES)
    assert [name for name, field in Text.model_fields.items() if field.is_required()] == list(
        REQUIRED
    )


def test_a_text_without_arabic_is_shown_in_english() -> None:
    bare = Text(en="Controller", fr="Responsable du traitement")
    full = Text(en="Controller", fr="Responsable du traitement", ar="المسؤول عن المعالجة")
    assert bare.get("ar") == "Controller"
    assert full.get("ar") == "المسؤول عن المعالجة"
    assert full.get("de") == "Controller"


def test_a_catalogue_without_a_language_falls_back_to_english() -> None:
    assert supported("ar", ("en", "fr", "ar")) == "ar"
    assert supported("ar", ("en", "fr")) == "en"
    assert supported("fr", ("en", "fr")) == "fr"
