"""Provides the app-wide messages; widget messages are nested in the widgets that send them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from compliance.model.result import Result

__all__ = ["ResultReady", "WorkspaceChanged"]


@dataclass
class ResultReady(Message):
    """A fresh score of the open assessment (sent by the debounced scoring worker)."""

    result: Result
    revision: int
    """The session's revision that was scored; an older one is ignored."""


@dataclass
class WorkspaceChanged(Message):
    """Something in the workspace changed (a client, an assessment): listings should reload."""

    assessment_id: int | None = None
