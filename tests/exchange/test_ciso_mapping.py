"""The crosswalk as a CISO Assistant mapping library: OLIR words mapped to CISO Assistant's, one
mapping per pair of articles, one-sided entries listed as left out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from compliance.cli import main
from compliance.errors import ComplianceError
from compliance.exchange.ciso_mapping import RELATIONSHIPS, mapping_library
from compliance.model.reference import CrosswalkEntry

CISO_WORDS = {"equal", "subset", "superset", "intersect", "not_related"}


def _entry(identifier: str, relationship: str, **sides: Any) -> CrosswalkEntry:
    return CrosswalkEntry.model_validate(
        {
            "id": identifier,
            "topic": {"en": identifier, "fr": identifier},
            "relationship": relationship,
            "note": {"en": f"why {identifier}", "fr": f"pourquoi {identifier}"},
            "verified": identifier != "guess",
            **sides,
        }
    )


def test_every_olir_word_has_a_ciso_assistant_word() -> None:
    assert set(RELATIONSHIPS.values()) == CISO_WORDS
    from compliance.model.reference import RELATIONSHIPS as OURS

    assert set(OURS) <= set(RELATIONSHIPS)  # the crosswalk's own words are all mapped


def test_pairs_of_articles_become_mappings() -> None:
    crosswalk = (
        _entry("security", "subset", moroccan={"law-09-08": ["23(1)"]}, gdpr=["32"]),
        _entry("guess", "intersects with", moroccan={"law-09-08": ["23"]}, gdpr=["32", "28(3)"]),
        _entry("decree", "equal", moroccan={"decree-2-09-165": ["46"]}, gdpr=["45"]),
        _entry("dpo", "not related to", gdpr=["37"]),
    )
    export = mapping_library(crosswalk)
    assert export.left_out == ["dpo"]
    law, decree = export.data["objects"]["requirement_mapping_sets"]
    assert law["source_framework_urn"] == "urn:compliance-ma:risk:framework:law-09-08"
    assert law["target_framework_urn"] == "urn:intuitem:risk:framework:gdpr"
    pairs = {
        (
            m["source_requirement_urn"].rsplit(":", 1)[1],
            m["target_requirement_urn"].rsplit(":", 1)[1],
        ): m
        for m in law["requirement_mappings"]
    }
    assert set(pairs) == {("art-23", "article-32"), ("art-23", "article-28")}
    both = pairs[("art-23", "article-32")]
    assert both["relationship"] == "intersect"  # subset and intersect on one pair: they overlap
    assert both["annotation"] == (
        "Law 09-08 Art. 23(1) ↔ GDPR Art. 32: why security\n"
        "Law 09-08 Art. 23 ↔ GDPR Art. 32: why guess [unverified interpretation]"
    )
    assert both["rationale"] == "semantic"
    [equal] = decree["requirement_mappings"]
    assert (equal["relationship"], equal["source_requirement_urn"]) == (
        "equal",
        "urn:compliance-ma:risk:req_node:decree-2-09-165:art-46",
    )
    assert export.mappings == 3
    assert export.data["dependencies"][0] == "urn:intuitem:risk:library:gdpr"


def test_an_unknown_relationship_word_is_refused() -> None:
    entry = _entry("x", "subset", moroccan={"law-09-08": ["1"]}, gdpr=["4"])
    strange = entry.model_copy(update={"relationship": "overlaps"})
    with pytest.raises(ComplianceError, match="'overlaps', which has no CISO Assistant word"):
        mapping_library((strange,))


def test_cli_exports_the_bundled_crosswalk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mapping.yaml"
    assert (
        main(["crosswalk", "export", "--format", "ciso-mapping", "-o", str(out), "--lang", "fr"])
        == 0
    )
    printed = capsys.readouterr().out
    assert f"wrote {out}: " in printed and "mappings in 2 mapping sets" in printed
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["locale"] == "fr"
    mappings = [
        m for s in data["objects"]["requirement_mapping_sets"] for m in s["requirement_mappings"]
    ]
    assert mappings and {m["relationship"] for m in mappings} <= CISO_WORDS
    assert all(
        m["target_requirement_urn"].startswith("urn:intuitem:risk:req_node:gdpr:article-")
        for m in mappings
    )
    assert all(" art. " in m["annotation"] for m in mappings)
