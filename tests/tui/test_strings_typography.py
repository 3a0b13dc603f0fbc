"""French interface strings follow French typography; English ones are left as written."""

from __future__ import annotations

import re

from compliance.tui.strings import STRINGS, tr
from compliance.typography import NBSP

# An ordinary space (or none) before a high punctuation mark used as punctuation, or before a
# percent sign after a number or a placeholder.
BAD_FRENCH = re.compile(r"[^\s:;!?«(\[] *[:;!?](?=\s|$)|[\d}] *%|\"")


def test_every_french_string_has_a_no_break_space_before_high_punctuation() -> None:
    for key in STRINGS:
        text = tr(key, "fr")
        assert not BAD_FRENCH.search(text), (key, text)
    assert BAD_FRENCH.search("Global: 9")
    assert BAD_FRENCH.search("Global : 9")
    assert BAD_FRENCH.search("21 %")
    assert not BAD_FRENCH.search(f"Global{NBSP}: 21{NBSP}%{NBSP}; Cases{NBSP}: ? pas")


def test_values_are_put_in_after_the_typesetting_and_left_as_typed() -> None:
    assert tr("as.coverage", "fr", coverage=21) == f"21{NBSP}% répondu"
    assert tr("as.coverage", "en", coverage=21) == "21% answered"
    assert (
        tr("fp.missing", "fr", path="C: x ; y") == f"C: x ; y{NBSP}: fichier ou dossier introuvable"
    )
    assert tr("ws.where", "en", where="x") == "Workspace: x"


def test_scores_bars_and_coverage_use_the_screen_language() -> None:
    from decimal import Decimal

    from compliance.tui.format import bar, coverage_text, number

    assert number(Decimal("9.97"), "fr") == "9,97"
    assert number("9.97") == "9.97"
    assert coverage_text(Decimal("21.9"), "fr") == f"21{NBSP}%"
    assert coverage_text(Decimal("99.99"), "en") == "99%"
    assert bar(Decimal("57.31"), 10, "fr").plain.endswith("  57,31")
    assert bar(Decimal("57.31"), 10).plain.endswith("  57.31")
