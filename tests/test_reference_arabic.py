"""The reference set in Arabic (ma-eu 2026.12.5): every text of its lists and every basis name of
its sheets has Arabic, without diacritics or bidi controls; the versions published before it are
installed unchanged and findings name countries in Arabic."""

from __future__ import annotations

import re

from compliance.catalog import load_assessment
from compliance.engine.scoring import score
from compliance.glossary import iter_texts
from compliance.loader.reference_sets import find_set, installed_sets, load_set, newest_set
from compliance.model.base import Text
from compliance.signing.registry import bundled_problems
from tests.helpers import REPO

MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
ARABIC = re.compile("[\u0600-\u06ff]")
SHEET_PROSE = {"summary", "context", "allows", "compelled", "oversight", "redress", "caveat"}
"""The sheets' long legal prose, which stays in English and French."""


def _texts() -> list[tuple[tuple[int | str, ...], Text]]:
    entry = find_set("ma-eu", "2026.12.5")
    assert entry is not None
    return list(iter_texts(load_set(entry)))


def test_every_text_of_the_lists_and_every_basis_name_has_arabic() -> None:
    texts = _texts()
    assert len(texts) > 400
    missing = [
        ".".join(map(str, loc))
        for loc, text in texts
        if text.ar is None
        and not SHEET_PROSE & {str(step) for step in loc}
        and "assessment" not in loc  # a sheet's EEG readings are prose too
    ]
    assert missing == []
    names = [text for loc, text in texts if loc[-1] == "name" and "bases" in loc]
    assert len(names) >= 20 and all(text.ar for text in names)


def test_the_arabic_is_arabic_without_diacritics_or_bidi_controls() -> None:
    for loc, text in _texts():
        if text.ar is not None:
            assert ARABIC.search(text.ar), loc
            assert not MARKS.search(text.ar), (loc, text.ar)


def test_country_names_in_arabic() -> None:
    entry = find_set("ma-eu", "2026.12.5")
    assert entry is not None
    countries = load_set(entry).lists.countries
    assert len(countries) == 249 and all(name.ar for name in countries.values())
    assert countries["MA"].ar == "المغرب"
    assert countries["FR"].ar == "فرنسا"
    assert countries["MD"].ar == "مولدوفا"  # the iso-codes catalogue says the Maldives
    assert countries["TR"].ar == "تركيا"
    assert len({name.ar for name in countries.values()}) == 249


def test_the_new_version_is_the_newest_and_the_earlier_ones_stay_published() -> None:
    newest = newest_set("ma-eu")
    assert newest is not None and newest.version == "2026.12.5"
    versions = [entry.version for entry in installed_sets() if entry.id == "ma-eu"]
    assert versions[:6] == [f"2026.12.{serial}" for serial in range(6)]
    for entry in installed_sets():
        load_set(entry)  # each published copy loads and matches its digest
    assert bundled_problems() == []


def test_findings_name_countries_in_arabic() -> None:
    fixture = REPO / "questionnaires" / "ma-offshoring" / "1.1.0" / "fixtures"
    loaded, questionnaire = load_assessment(fixture / "nonlisted-transfer.yaml")
    said = [
        reason.message.get("ar")
        for flow in score(questionnaire, loaded).flows
        for r in [flow]
        for reason in r.reasons
    ]
    assert any("نحو الولايات المتحدة (US)" in line for line in said)
    assert any("نحو الهند (IN)" in line for line in said)


def test_the_arabic_of_the_set_applies_the_glossary() -> None:
    from compliance.glossary import load_glossary, misses

    entry = find_set("ma-eu", "2026.12.5")
    assert entry is not None
    assert [str(miss) for miss in misses(load_set(entry), load_glossary("ar"))] == []
