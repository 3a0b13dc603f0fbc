"""Provides the widgets of the terminal UI (each imported on first use)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from compliance.tui.widgets.country_picker import CountryPicker
    from compliance.tui.widgets.question_card import QuestionCard

_LAZY = {
    "CountryPicker": "compliance.tui.widgets.country_picker",
    "QuestionCard": "compliance.tui.widgets.question_card",
}

__all__ = ["CountryPicker", "QuestionCard"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
