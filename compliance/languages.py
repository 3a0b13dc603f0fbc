"""Provides the languages the program speaks: the one list every language option is checked against.

English and French are required on every questionnaire text (:data:`REQUIRED`); Arabic is
optional there, and a text without it is shown in English (:meth:`compliance.model.base.Text.get`).
A catalogue that does not have a language yet (a face still being translated) falls back to English
through :func:`supported` rather than fail.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

__all__ = ["LANGUAGES", "REQUIRED", "supported"]

LANGUAGES: Final = ("en", "fr", "ar")
"""Every language a user may choose (``--lang``, the remembered setting), in the order F2 cycles."""

REQUIRED: Final = ("en", "fr")
"""The languages every questionnaire text must have; Arabic is optional."""


def supported(lang: str, available: Collection[str]) -> str:
    """``lang`` when ``available`` has it, else English (which every catalogue has)."""
    return lang if lang in available else "en"
