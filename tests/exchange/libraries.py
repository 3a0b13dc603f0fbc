"""Small CISO Assistant libraries written for the tests, in the format CISO Assistant's loader
reads (our own words; no library of theirs is copied)."""

from __future__ import annotations

from typing import Any

URN = "urn:test:risk:req_node:callcentre"


def _q(node: str, n: int) -> str:
    return f"{URN}:{node}:question:{n}"


def callcentre() -> dict[str, Any]:
    """A two-section library with questions of every type, scores, results and conditions."""
    lead = _q("gov-lead", 1)
    return {
        "urn": "urn:test:risk:library:callcentre",
        "locale": "fr",
        "ref_id": "CALLCENTRE-2026",
        "name": "Centre d'appels : protection des données",
        "description": "Bibliothèque de test.",
        "copyright": "Test",
        "version": 2,
        "provider": "test",
        "packager": "test",
        "translations": {"en": {"name": "Call centre: data protection"}},
        "objects": {
            "framework": {
                "urn": "urn:test:risk:framework:callcentre",
                "ref_id": "CALLCENTRE-2026",
                "name": "Centre d'appels",
                "implementation_groups_definition": [{"ref_id": "base", "name": "Base"}],
                "requirement_nodes": [
                    {"urn": f"{URN}:intro", "assessable": False, "depth": 1,
                     "display_mode": "splash", "name": "Bienvenue"},
                    {"urn": f"{URN}:gov", "assessable": False, "depth": 1, "ref_id": "GOV",
                     "name": "Gouvernance", "description": "Qui porte la protection des données."},
                    {"urn": f"{URN}:gov-lead", "parent_urn": f"{URN}:gov", "assessable": True,
                     "depth": 2, "ref_id": "1.1", "name": "Référent désigné",
                     "annotation": "Désignez un référent par écrit.",
                     "typical_evidence": "Lettre de désignation",
                     "implementation_groups": ["base"],
                     "questions": {
                         lead: {"type": "unique_choice", "text": "Un référent est-il désigné ?",
                                "choices": [
                                    {"urn": f"{lead}:choice:1", "value": "Oui", "add_score": 10,
                                     "compute_result": "compliant"},
                                    {"urn": f"{lead}:choice:2", "value": "En cours",
                                     "add_score": 5, "compute_result": "partially_compliant"},
                                    {"urn": f"{lead}:choice:3", "value": "Non", "add_score": 0,
                                     "compute_result": "non_compliant", "color": "#ff0000"},
                                ]},
                         _q("gov-lead", 2): {
                             "type": "multiple_choice", "text": "Quels canaux de contact ?",
                             "depends_on": {"question": lead,
                                            "answers": [f"{lead}:choice:1", f"{lead}:choice:2"],
                                            "condition": "any"},
                             "choices": [
                                 {"urn": f"{_q('gov-lead', 2)}:choice:1", "value": "Courriel",
                                  "compute_result": "compliant"},
                                 {"urn": f"{_q('gov-lead', 2)}:choice:2", "value": "Téléphone",
                                  "compute_result": "partially_compliant"},
                                 {"urn": f"{_q('gov-lead', 2)}:choice:3", "value": "Aucun",
                                  "compute_result": "not_applicable"},
                             ]},
                         _q("gov-lead", 3): {"type": "date", "text": "Date de désignation ?"},
                     }},
                    {"urn": f"{URN}:gov-size", "parent_urn": f"{URN}:gov", "assessable": True,
                     "depth": 2, "ref_id": "1.2", "name": "Taille",
                     "questions": {
                         _q("gov-size", 1): {
                             "type": "unique_choice", "text": "Combien de postes ?",
                             "choices": [
                                 {"urn": f"{_q('gov-size', 1)}:choice:1", "value": "< 50",
                                  "select_implementation_groups": ["base"]},
                                 {"urn": f"{_q('gov-size', 1)}:choice:2", "value": "≥ 50"},
                             ]},
                         _q("gov-size", 2): {"type": "number", "text": "Heures de formation ?"},
                     }},
                    {"urn": f"{URN}:sec", "assessable": False, "depth": 1, "ref_id": "SEC",
                     "name": "Sécurité"},
                    {"urn": f"{URN}:sec-rec", "parent_urn": f"{URN}:sec", "assessable": False,
                     "depth": 2, "name": "Enregistrements"},
                    {"urn": f"{URN}:sec-rec-enc", "parent_urn": f"{URN}:sec-rec",
                     "assessable": True, "depth": 3, "ref_id": "A.2.1",
                     "name": "Chiffrement des enregistrements",
                     "questions": {
                         _q("sec-rec-enc", 1): {"type": "boolean",
                                                "text": "Les enregistrements sont-ils chiffrés ?"},
                         _q("sec-rec-enc", 2): {"type": "text", "text": "Quel algorithme ?"},
                     }},
                    {"urn": f"{URN}:top", "assessable": True, "depth": 1, "ref_id": "Art. 24",
                     "name": "Exigence de premier niveau"},
                ],
            }
        },
    }  # fmt: skip


def synthetic(requirements: int) -> dict[str, Any]:
    """A library of ``requirements`` assessable nodes in sections of 20, each with one scored
    question (for the benchmark and the size tests)."""
    nodes: list[dict[str, Any]] = []
    for section in range(requirements // 20 + 1):
        nodes.append({"urn": f"{URN}:s{section}", "assessable": False, "depth": 1,
                      "ref_id": f"S{section}", "name": f"Section {section}"})  # fmt: skip
    for n in range(requirements):
        node = f"{URN}:r{n}"
        question = f"{node}:question:1"
        nodes.append(
            {
                "urn": node,
                "parent_urn": f"{URN}:s{n // 20}",
                "assessable": True,
                "depth": 2,
                "ref_id": f"{n // 20}.{n % 20}",
                "name": f"Requirement {n}",
                "description": f"The organisation meets requirement {n} and keeps evidence.",
                "annotation": "Write the procedure down and train the team on it.",
                "questions": {
                    question: {
                        "type": "unique_choice",
                        "text": f"Is requirement {n} met?",
                        "choices": [
                            {"urn": f"{question}:choice:1", "value": "Yes", "add_score": 2},
                            {"urn": f"{question}:choice:2", "value": "Partly", "add_score": 1},
                            {"urn": f"{question}:choice:3", "value": "No", "add_score": 0},
                        ],
                    }
                },
            }
        )
    return {
        "urn": "urn:test:risk:library:synthetic",
        "locale": "en",
        "ref_id": "SYNTHETIC",
        "name": "Synthetic library",
        "version": 1,
        "provider": "test",
        "packager": "test",
        "objects": {
            "framework": {
                "urn": "urn:test:risk:framework:synthetic",
                "ref_id": "SYNTHETIC",
                "name": "Synthetic",
                "requirement_nodes": nodes,
            }
        },
    }
