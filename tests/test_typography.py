"""The one module that writes numbers, percentages, labels and quotes for a reader's language."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compliance import typography
from compliance.typography import (
    DASH,
    NBSP,
    colon,
    french,
    label,
    number,
    parse_number,
    percent,
    quote,
    typeset,
)


def test_a_score_has_a_decimal_comma_in_french_and_a_point_in_english() -> None:
    assert number(Decimal("9.97"), "fr") == "9,97"
    assert number(Decimal("9.97"), "en") == "9.97"
    assert number(Decimal("91.666"), "fr") == "91,67"
    assert number(5, "fr") == "5,00"
    assert number(5, "fr", 0) == "5"
    assert number(None, "fr") == DASH


def test_places_round_half_to_even_and_none_keeps_the_values_own_digits() -> None:
    assert number(Decimal("0.125"), "en") == "0.12"
    assert number(Decimal("0.135"), "en") == "0.14"
    assert number(Decimal("12.5000"), "fr", None) == "12,5000"
    assert number(0.1, "en", None) == "0.1"  # a float through its shortest text
    assert number("83.3", "fr", 1) == "83,3"


def test_thousands_are_grouped_by_a_no_break_space_in_french_only_when_asked() -> None:
    assert number(1234567, "fr", 0, group=True) == f"1{NBSP}234{NBSP}567"
    assert number(Decimal("1234.5"), "fr", 1, group=True) == f"1{NBSP}234,5"
    assert number(1234567, "en", 0, group=True) == "1,234,567"
    assert number(1234567, "fr", 0) == "1234567"


def test_a_sign_is_written_for_gains_and_kept_for_losses() -> None:
    assert number(Decimal("0.70"), "en", sign=True) == "+0.70"
    assert number(Decimal("-0.70"), "fr", sign=True) == "-0,70"
    assert number(0, "en", sign=True) == "0.00"


def test_odd_values_print_rather_than_raise() -> None:
    assert number(Decimal("NaN"), "fr") == "NaN"
    assert number(float("inf"), "en") == "∞"
    assert number(float("-inf"), "en") == "-∞"
    assert number(Decimal("1E+40"), "fr", 2).startswith("10000000000")
    with pytest.raises(TypeError):
        number(True, "en")


def test_a_percentage_has_a_no_break_space_in_french_only() -> None:
    assert percent(21, "fr") == f"21{NBSP}%"
    assert percent(21, "en") == "21%"
    assert percent(Decimal("83.33"), "fr") == f"83,33{NBSP}%"
    assert percent(Decimal("83.333"), "en", 1) == "83.3%"
    assert percent(None, "fr") == DASH


def test_labels_colons_and_quotes_follow_the_language() -> None:
    assert label("Global", "fr") == f"Global{NBSP}:"
    assert label("Overall", "en") == "Overall:"
    assert colon("fr") == f"{NBSP}: "
    assert colon("en") == ": "
    assert quote("none", "fr") == f"«{NBSP}none{NBSP}»"
    assert quote("none", "en") == "“none”"


def test_french_spacing_goes_before_high_punctuation_and_percent() -> None:
    assert french("Global: 91 ; prêt! Oui ?") == f"Global{NBSP}: 91{NBSP}; prêt{NBSP}! Oui{NBSP}?"
    assert french("{coverage}% répondu") == f"{{coverage}}{NBSP}% répondu"
    assert french("21 % et 30\u202f%") == f"21{NBSP}% et 30{NBSP}%"
    assert french('tapez "none" ou « aucun »') == f"tapez «{NBSP}none{NBSP}» ou «{NBSP}aucun{NBSP}»"


def test_french_spacing_leaves_what_is_not_punctuation() -> None:
    for text in (
        "https://cndp.ma",
        "à 10:30",
        "{value:.2f} et {n:>6}",
        "Cases : ? pas encore connu",  # the ? is a symbol here, after the colon
        "! plafonne le niveau",  # a marker at the start of a line
        "l'option « (x) »",
    ):
        assert french(text) == french(french(text))
    assert french("https://cndp.ma") == "https://cndp.ma"
    assert french("à 10:30") == "à 10:30"
    assert french("{value:.2f}") == "{value:.2f}"
    assert french("Cases : ? pas") == f"Cases{NBSP}: ? pas"
    assert french("! plafonne") == "! plafonne"


def test_typeset_changes_only_french() -> None:
    assert typeset("Overall: 21 %", "en") == "Overall: 21 %"
    assert typeset("Global: 21%", "fr") == f"Global{NBSP}: 21{NBSP}%"


def test_numbers_written_in_either_language_read_back() -> None:
    assert parse_number("9,97") == Decimal("9.97")
    assert parse_number(f"10{NBSP}000,5") == Decimal("10000.5")
    assert parse_number(" -3.25 ") == Decimal("-3.25")
    for bad in ("", "abc", "1,234.5", "1.2.3", "--1", "1e5"):
        with pytest.raises(ValueError, match="not a number"):
            parse_number(bad)


DECIMALS = st.decimals(allow_nan=False, allow_infinity=False, places=None) | st.decimals(
    min_value=-(10**12), max_value=10**12, places=4
)


@given(
    DECIMALS | st.integers() | st.floats() | st.decimals(),
    st.sampled_from(["en", "fr", "ar", ""]),
    st.none() | st.integers(min_value=-3, max_value=12),
    st.booleans(),
    st.booleans(),
)
def test_number_never_raises_on_any_number(
    value: Decimal | int | float, lang: str, places: int | None, group: bool, sign: bool
) -> None:
    text = number(value, lang, places, group=group, sign=sign)
    assert text
    assert percent(value, lang, places)
    if lang == "fr":
        assert "." not in text


@given(DECIMALS, st.none() | st.integers(min_value=0, max_value=8), st.booleans())
def test_french_and_english_write_the_same_digits_and_read_back_to_one_value(
    value: Decimal, places: int | None, group: bool
) -> None:
    en = number(value, "en", places, group=group)
    fr = number(value, "fr", places, group=group)
    assert re.sub(r"\D", "", en) == re.sub(r"\D", "", fr)
    assert parse_number(fr) == parse_number(en.replace(",", ""))
    if places is None:
        assert parse_number(fr) == value


@given(st.text(alphabet=st.sampled_from(list('ab1 :;!?%«»"{}.\u00a0\u202f/')), max_size=30))
def test_french_is_idempotent_and_never_leaves_an_ordinary_space_before_a_mark(text: str) -> None:
    once = french(text)
    assert french(once) == once
    assert not re.search(r"[a1}] +[:;!?](\s|$)", once)
    assert not re.search(r"[1}] *%", once)


# --- Arabic (ADR 0025) -------------------------------------------------------------------------


def test_arabic_numbers_keep_western_digits_with_a_decimal_comma() -> None:
    assert typography.number(Decimal("92.95"), "ar") == "92,95"
    assert typography.number(12345.678, "ar", 2, group=True) == "12.345,68"
    assert typography.number(Decimal("1.47"), "ar", sign=True) == "+1,47"
    assert not any("\u0660" <= ch <= "\u0669" for ch in typography.number(1234567890, "ar", 0))


def test_arabic_percent_label_and_quote() -> None:
    assert typography.percent(21, "ar") == "21%"
    assert typography.label("النتيجة", "ar") == "النتيجة:"
    assert typography.colon("ar") == ": "
    assert typography.quote("جاهز", "ar") == "«جاهز»"
    assert typography.typeset("هل لديكم سجل؟ نعم: «لا»", "ar") == "هل لديكم سجل؟ نعم: «لا»"


def test_arabic_dates_use_the_moroccan_month_names() -> None:
    import datetime as dt

    from compliance.report.formatting import long_date

    assert long_date(dt.date(2009, 5, 21), "ar") == "21 ماي 2009"
    assert long_date(dt.date(2026, 12, 4), "ar") == "4 دجنبر 2026"
    assert long_date(dt.date(2026, 8, 1), "ar") == "1 غشت 2026"
