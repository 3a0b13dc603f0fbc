"""Provides the screens of the terminal UI (each imported on first use)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from compliance.tui.screens.assessment import AssessmentScreen
    from compliance.tui.screens.flows import FlowsScreen
    from compliance.tui.screens.results import ResultsScreen
    from compliance.tui.screens.workspace import WorkspaceScreen

_LAZY = {
    "AssessmentScreen": "compliance.tui.screens.assessment",
    "FlowsScreen": "compliance.tui.screens.flows",
    "ResultsScreen": "compliance.tui.screens.results",
    "WorkspaceScreen": "compliance.tui.screens.workspace",
}

__all__ = ["AssessmentScreen", "FlowsScreen", "ResultsScreen", "WorkspaceScreen"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
