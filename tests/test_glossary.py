"""The Arabic glossary (questionnaires/glossary/ar.yaml) and its consistent use: at least 40
terms, each with its source, and every Arabic text of a bundled questionnaire using the glossary's
term wherever its English text names the concept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compliance.catalog import discover
from compliance.errors import LoadError
from compliance.glossary import Term, load_glossary, misses
from compliance.loader import load_questionnaire
from compliance.model.base import Text

GLOSSARY = load_glossary("ar")
LAW_SOURCE = re.compile(r"(Law 09-08|Decree 2-09-165)(, (Art|Arts)\. [0-9]|, heading| \(title\))")


def term(term_id: str) -> Term:
    return next(t for t in GLOSSARY.terms if t.id == term_id)


def test_the_glossary_has_at_least_forty_terms_each_with_a_source() -> None:
    assert GLOSSARY.language == "ar"
    assert len(GLOSSARY.terms) >= 40
    ids = [t.id for t in GLOSSARY.terms]
    assert len(ids) == len(set(ids))
    for t in GLOSSARY.terms:
        assert t.source.strip(), t.id
        assert not re.search("[A-Za-z]", t.ar), f"{t.id}: the Arabic term holds Latin letters"


def test_terms_marked_verified_cite_an_article_of_the_moroccan_texts() -> None:
    verified = [t for t in GLOSSARY.terms if t.verified]
    assert len(verified) >= 40
    for t in verified:
        assert LAW_SOURCE.search(t.source), f"{t.id}: {t.source}"


def test_gdpr_only_concepts_are_marked_unverified() -> None:
    """The GDPR has no official Arabic version: its own concepts cannot be verified terms."""
    for term_id in ("gdpr", "dpo", "dpia", "sccs", "adequacy-decision", "data-breach"):
        assert term(term_id).verified is False, term_id


def test_the_core_terms_of_law_09_08_are_the_laws_own() -> None:
    assert term("personal-data").ar == "المعطيات ذات الطابع الشخصي"
    assert term("controller").ar == "المسؤول عن المعالجة"
    assert term("processor").ar == "المعالج من الباطن"
    assert term("cndp").ar == "اللجنة الوطنية لمراقبة حماية المعطيات ذات الطابع الشخصي"
    assert term("direct-marketing").ar == "الاستقراء المباشر"
    assert term("prior-authorisation").ar == "الإذن المسبق"


def _text(en: str, ar: str) -> Text:
    return Text(en=en, fr="-", ar=ar)


def test_a_translation_without_the_term_is_a_miss_and_with_it_is_not() -> None:
    wrong = misses(_text("Who is the controller?", "من هو المتحكم؟"), GLOSSARY)
    assert [m.term.id for m in wrong] == ["controller"]
    assert "the English says 'controller'" in str(wrong[0])
    # the article, a preposition and diacritics attached to the term do not hide it
    assert misses(_text("Tell the controller.", "أخبروا لِلْمسؤول عن المعالجة."), GLOSSARY) == []


def test_english_forms_match_whole_words_in_any_case_with_hyphens_as_spaces() -> None:
    hyphen = misses(_text("Direct-marketing campaigns", "حملات"), GLOSSARY)
    assert [m.term.id for m in hyphen] == ["direct-marketing"]
    assert misses(_text("Controllership", "x"), GLOSSARY) == []
    assert [m.term.id for m in misses(_text("CNDP", "x"), GLOSSARY)] == ["cndp"]
    assert misses(_text("See CNDP-01 and S-XFR-02.", "x"), GLOSSARY) == []


def test_texts_without_a_translation_are_not_checked() -> None:
    assert misses(Text(en="The controller", fr="Le responsable"), GLOSSARY) == []


def test_a_broken_glossary_is_refused_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "ar.yaml").write_text(
        "schema: compliance.glossary/v1\nlanguage: ar\nterms:\n  - id: x\n    en: y\n",
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as caught:
        load_glossary("ar", tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / 'ar.yaml'}:4:")


def _with_arabic() -> list[Path]:
    return [
        path
        for path, source in discover()
        if source == "bundled" and "ar" in load_questionnaire(path).languages
    ]


def test_the_arabic_questionnaires_are_the_ones_expected() -> None:
    assert [("/".join(p.parts[-3:-1])) for p in _with_arabic()] == [
        "ma-offshoring/1.2.0",
        "ma-screening/1.2.0",
    ]


@pytest.mark.parametrize("path", _with_arabic(), ids=lambda p: "/".join(p.parts[-3:-1]))
def test_every_questionnaire_with_arabic_applies_the_glossary(path: Path) -> None:
    found = misses(load_questionnaire(path), GLOSSARY)
    assert found == [], "\n".join(str(m) for m in found[:20])
