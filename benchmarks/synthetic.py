"""Provides the frame of the benchmarks' synthetic questionnaires: bilingual text, the head and
the scoring, around the domains each benchmark builds to its own shape."""

from __future__ import annotations

from typing import Any

__all__ = ["questionnaire", "text"]


def text(en: str) -> dict[str, str]:
    """A text in both required languages (the French is marked, not translated)."""
    return {"en": en, "fr": f"{en} (fr)"}


def questionnaire(identifier: str, title: str, domains: list[dict[str, Any]]) -> dict[str, Any]:
    """A valid ``compliance.questionnaire/v1`` document with two bands and a gate."""
    return {
        "schema": "compliance.questionnaire/v1",
        "id": identifier,
        "version": "1.0.0",
        "title": text(title),
        "frameworks": [
            {"id": "law-09-08", "title": text("Law 09-08"), "articles": 67},
            {"id": "gdpr", "title": text("GDPR"), "articles": 99},
        ],
        "scoring": {
            "bands": [
                {"id": "ready", "label": text("Ready"), "min": 80},
                {"id": "not_ready", "label": text("Not ready"), "min": 0},
            ],
            "gate": {"threshold": 50, "cap": "not_ready"},
        },
        "domains": domains,
    }
