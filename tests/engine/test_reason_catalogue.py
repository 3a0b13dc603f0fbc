"""The catalogue of transfer reasons: one entry per code, both languages, French typography."""

from __future__ import annotations

import re
import typing

import pytest

from compliance.engine.reasons import (
    FRAGMENTS,
    NBSP,
    REASONS,
    ReasonCode,
    fragment,
    french,
)
from compliance.engine.transfers import MA_SENSITIVE
from compliance.model.assessment import Flow, GdprRole
from compliance.model.reference import ListEntry

FIELDS = re.compile(r"{(\w+)}")


def test_every_code_has_a_sentence_in_each_language_and_nothing_else_does() -> None:
    assert set(REASONS) == set(ReasonCode)
    for code in ReasonCode:
        assert code.value == code.name  # the value is what results carry


@pytest.mark.parametrize("code", list(ReasonCode))
def test_both_languages_fill_the_same_placeholders(code: ReasonCode) -> None:
    text = REASONS[code]
    assert sorted(FIELDS.findall(text.en)) == sorted(FIELDS.findall(text.fr))
    assert text.en.strip() and text.fr.strip()


@pytest.mark.parametrize("code", list(ReasonCode))
def test_french_sentences_follow_french_typography(code: ReasonCode) -> None:
    fr = REASONS[code].fr
    assert not re.search(r"(^|[^\u00a0])[:;!?](\s|$)", fr), fr
    assert " est pas " not in fr


@pytest.mark.parametrize("code", list(ReasonCode))
def test_every_reason_cites_an_article(code: ReasonCode) -> None:
    refs = REASONS[code].refs
    if code is ReasonCode.REGIME_OUTSIDE_EU:
        assert refs == {}  # another law than those this tool covers
    else:
        assert refs and all(refs.values())


def test_french_puts_one_non_breaking_space_before_high_punctuation() -> None:
    assert french("a : b ; c! d ?") == f"a{NBSP}: b{NBSP}; c{NBSP}! d{NBSP}?"
    assert french("https://x.ma a\u202f: b") == f"https://x.ma a{NBSP}: b"
    assert french(french("x : y")) == f"x{NBSP}: y"


def test_there_is_a_fragment_for_every_value_put_into_a_sentence() -> None:
    frequencies = typing.get_args(typing.get_args(Flow.model_fields["frequency"].annotation)[0])
    conditions = typing.get_args(typing.get_args(ListEntry.model_fields["condition"].annotation)[0])
    expected = {
        *(f"frequency.{f}" for f in frequencies),
        *(f"condition.{c}" for c in conditions),
        *(f"role.{r}" for r in typing.get_args(GdprRole)),
        *(f"onward.{s}" for s in ("conditional", "not_ready", "blocked")),
        *(f"sensitive.{s}" for s in (*MA_SENSITIVE, "criminal", "national_id")),
    }
    assert expected <= set(FRAGMENTS)
    assert fragment("onward.not_ready").fr == "n'est pas prêt"


STRUCTURED_TIA_CODES = [
    code
    for code in ReasonCode
    if code.name.startswith("GDPR_TIA_")
    and code.name
    not in {
        "GDPR_TIA_NOT_ACCEPTABLE",
        "GDPR_TIA_MISSING",
        "GDPR_TIA_CONCLUSION_UNKNOWN",
        "GDPR_TIA_REVIEW_DUE",
    }
]


@pytest.mark.parametrize("code", STRUCTURED_TIA_CODES)
def test_a_structured_tia_reason_cites_art_46_clause_14_and_the_edpb_step(
    code: ReasonCode,
) -> None:
    text = REASONS[code]
    assert "GDPR Art. 46" in text.en and "art. 46 du RGPD" in text.fr
    assert "SCC Clause 14" in text.en and "clause 14 des CCT" in text.fr
    assert re.search(r"EDPB's six|EDPB steps? \d", text.en), text.en
    assert re.search(r"parmi les six de l'EDPB|étapes? [\d ,et]+(et annexe 2 )?de l'EDPB", text.fr)
    assert "46(1)" in text.refs["gdpr"]


def test_seven_reasons_speak_of_a_structured_tia() -> None:
    assert len(STRUCTURED_TIA_CODES) == 7
