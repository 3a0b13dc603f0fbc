"""Provides the screens of the terminal UI, each imported on first use.

:data:`NAMED` registers every screen the app can show by name; the app alone makes them
(:meth:`compliance.tui.app.ComplianceApp.show`), so no screen imports another.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.screen import Screen

    from compliance.tui.screens.assessment import AssessmentScreen
    from compliance.tui.screens.flows import FlowsScreen
    from compliance.tui.screens.results import ResultsScreen
    from compliance.tui.screens.review import ReviewScreen
    from compliance.tui.screens.tia import TiaScreen
    from compliance.tui.screens.workspace import WorkspaceScreen

NAMED = {
    "workspace": "WorkspaceScreen",
    "assessment": "AssessmentScreen",
    "flows": "FlowsScreen",
    "results": "ResultsScreen",
    "review": "ReviewScreen",
    "tia": "TiaScreen",
}
"""The screens by name: the name the app is asked to show -> the class (in :data:`_LAZY`)."""

_LAZY = {
    "AssessmentScreen": "compliance.tui.screens.assessment",
    "FlowsScreen": "compliance.tui.screens.flows",
    "ResultsScreen": "compliance.tui.screens.results",
    "ReviewScreen": "compliance.tui.screens.review",
    "TiaScreen": "compliance.tui.screens.tia",
    "WorkspaceScreen": "compliance.tui.screens.workspace",
}

__all__ = [
    "NAMED",
    "AssessmentScreen",
    "FlowsScreen",
    "ResultsScreen",
    "ReviewScreen",
    "TiaScreen",
    "WorkspaceScreen",
    "named",
]


def named(name: str) -> type[Screen[Any]]:
    """The screen class registered as ``name`` (its module imported now if it was not yet)."""
    found: type[Screen[Any]] = __getattr__(NAMED[name])
    return found


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
