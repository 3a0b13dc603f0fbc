"""Provides :func:`mapping_library`: the Law 09-08 / Decree 2-09-165 ↔ GDPR crosswalk as a CISO
Assistant mapping library.

A CISO Assistant mapping library holds ``objects.requirement_mapping_sets``, each from a source
framework to a target framework, with ``requirement_mappings`` of ``source_requirement_urn``,
``target_requirement_urn``, ``relationship`` (``equal``, ``subset``, ``superset``,
``intersect``, ``not_related``), ``rationale`` (``syntactic``, ``semantic``, ``functional``) and
an ``annotation``.

- The crosswalk's relationship words are NIST OLIR's / OSCAL's; :data:`RELATIONSHIPS` maps each
  spelling to CISO Assistant's word. An unknown word is an error, never guessed.
- Targets are the article nodes of CISO Assistant's GDPR library
  (``urn:intuitem:risk:req_node:gdpr:article-<n>``); sources are article URNs of this toolkit
  (``urn:compliance-ma:risk:req_node:law-09-08:art-<n>``), since no published library holds the
  Moroccan texts article by article under stable URNs. Paragraph citations (``23(1)``) map to
  their article; the exact citations are kept in the annotation. When two entries map the same
  pair of articles with different words, the pair is ``intersect`` (the articles overlap, each
  asking something the other does not) and both notes are kept.
- A ``no_relationship`` entry has one side only (a GDPR duty with no Moroccan counterpart, or the
  reverse): a mapping needs both ends, so these are listed as left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from compliance.errors import ComplianceError
from compliance.model.reference import CrosswalkEntry, article_number

__all__ = ["RELATIONSHIPS", "MappingExport", "mapping_library"]

RELATIONSHIPS = {
    "equal": "equal",
    "equal-to": "equal",
    "equivalent-to": "equal",
    "subset": "subset",
    "subset-of": "subset",
    "superset": "superset",
    "superset-of": "superset",
    "intersect": "intersect",
    "intersects-with": "intersect",
    "no_relationship": "not_related",
    "no-relationship": "not_related",
    "subset of": "subset",
    "superset of": "superset",
    "intersects with": "intersect",
    "not related to": "not_related",
    "not_related": "not_related",
}
"""OLIR / OSCAL relationship words (and this toolkit's spellings of them) → CISO Assistant's."""

OUR_PREFIX = "urn:compliance-ma:risk"
GDPR_FRAMEWORK = "urn:intuitem:risk:framework:gdpr"
GDPR_LIBRARY = "urn:intuitem:risk:library:gdpr"
_NAMES = {
    "law-09-08": {"en": "Law 09-08", "fr": "Loi 09-08"},
    "decree-2-09-165": {"en": "Decree 2-09-165", "fr": "Décret 2-09-165"},
}


@dataclass
class MappingExport:
    """The library as plain data, and what was left out."""

    data: dict[str, Any]
    mappings: int = 0
    left_out: list[str] = field(default_factory=list)


def _gdpr_node(article: str) -> str:
    return f"urn:intuitem:risk:req_node:gdpr:article-{article_number(article)}"


def _our_node(framework: str, article: str) -> str:
    return f"{OUR_PREFIX}:req_node:{framework}:art-{article_number(article)}"


def mapping_library(
    crosswalk: tuple[CrosswalkEntry, ...], *, lang: str = "en", version: int = 1
) -> MappingExport:
    """The crosswalk as a CISO Assistant mapping library (one mapping set per Moroccan text)."""
    sets: dict[str, dict[tuple[str, str], dict[str, Any]]] = {}
    export = MappingExport({})
    for entry in crosswalk:
        word = RELATIONSHIPS.get(entry.relationship)
        if word is None:
            raise ComplianceError(
                f"crosswalk entry {entry.id!r} uses the relationship {entry.relationship!r}, "
                f"which has no CISO Assistant word (known: {', '.join(sorted(RELATIONSHIPS))})"
            )
        if not entry.gdpr or not any(entry.moroccan.values()):
            export.left_out.append(entry.id)
            continue
        for framework, articles in entry.moroccan.items():
            pairs = sets.setdefault(framework, {})
            for article in articles:
                for target in entry.gdpr:
                    key = (_our_node(framework, article), _gdpr_node(target))
                    names = _NAMES.get(framework, {"en": framework, "fr": framework})
                    cited = (
                        f"{names.get(lang, names['en'])} art. {article} ↔ GDPR art. {target}"
                        if lang == "fr"
                        else f"{names['en']} Art. {article} ↔ GDPR Art. {target}"
                    )
                    unverified = "" if entry.verified else " [unverified interpretation]"
                    note = f"{cited}: {entry.note.get(lang)}{unverified}"
                    if key in pairs:
                        pairs[key]["annotation"] += f"\n{note}"
                        if pairs[key]["relationship"] != word:
                            pairs[key]["relationship"] = "intersect"  # the articles overlap
                        continue
                    pairs[key] = {
                        "source_requirement_urn": key[0],
                        "target_requirement_urn": key[1],
                        "relationship": word,
                        "rationale": "semantic",
                        "annotation": note,
                    }
    mapping_sets = []
    for framework, pairs in sets.items():
        slug = f"{framework}-to-gdpr"
        mapping_sets.append(
            {
                "urn": f"{OUR_PREFIX}:req_mapping_set:{slug}",
                "ref_id": slug,
                "name": f"{_NAMES.get(framework, {'en': framework})['en']} → GDPR",
                "source_framework_urn": f"{OUR_PREFIX}:framework:{framework}",
                "target_framework_urn": GDPR_FRAMEWORK,
                "requirement_mappings": list(pairs.values()),
            }
        )
        export.mappings += len(pairs)
    export.data = {
        "urn": f"{OUR_PREFIX}:library:mapping-moroccan-law-gdpr",
        "locale": lang,
        "ref_id": "mapping-moroccan-law-gdpr",
        "name": (
            "Correspondance loi 09-08 / décret 2-09-165 ↔ RGPD"
            if lang == "fr"
            else "Mapping Law 09-08 / Decree 2-09-165 ↔ GDPR"
        ),
        "description": (
            "Moroccan data-protection provisions mapped to GDPR articles with NIST OLIR "
            "relationship words, from the compliance-ma toolkit's crosswalk."
        ),
        "copyright": "compliance-ma contributors, Apache-2.0",
        "version": version,
        "provider": "compliance-ma",
        "packager": "compliance-ma",
        "dependencies": [GDPR_LIBRARY]
        + [f"{OUR_PREFIX}:library:{framework}" for framework in sets],
        "objects": {"requirement_mapping_sets": mapping_sets},
    }
    return export
