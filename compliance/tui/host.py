"""Provides :class:`Host`: what the screens may ask of the app, without importing it.

The app (:class:`~compliance.tui.app.ComplianceApp`) owns navigation and what every screen shares:
the open workspace, the catalogue, the open assessment, its latest score and the language. A screen
reads those through this protocol and asks the app to show another screen by its registered name
(:meth:`Host.show`), so no screen imports the app or another screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from compliance.catalog import CatalogEntry
    from compliance.model.questionnaire import Questionnaire
    from compliance.model.result import Result
    from compliance.settings import Settings
    from compliance.store.workspace import Workspace
    from compliance.tui.session import Session

__all__ = ["Host"]


class Host(Protocol):
    """The app as the screens see it."""

    lang: str
    """The interface language, ``en`` or ``fr``."""
    result: Result | None
    """The latest score of the open assessment."""
    location: str | Path | None
    """``--workspace``: a SQLite path or a PostgreSQL URL (None: the default)."""
    opening: bool
    """Whether an assessment is being loaded to open over the workspace."""
    welcome: bool
    """Whether an empty workspace greets the user with the welcome dialog."""
    workspace: Workspace | None
    """The workspace, once opened."""
    session: Session | None
    """The open assessment."""
    settings: Settings
    """What the user config remembers (language, theme, the last signing key)."""

    def show(self, name: str, **arguments: Any) -> None:
        """Shows the screen registered as ``name`` (see :data:`compliance.tui.screens.NAMED`)."""

    def open_store(self) -> Workspace:
        """The workspace, opened on first use (blocking: call it from a worker)."""

    def catalog(self) -> list[CatalogEntry]:
        """The installed questionnaires, loaded on first use (blocking the first time)."""

    def questionnaire(
        self, questionnaire_id: str, version: str, *, load: bool = True
    ) -> Questionnaire | None:
        """An installed questionnaire by id and version, or None."""

    def error(self, message: str) -> None:
        """Shows an error as a notification."""

    def open_assessment(self, assessment_id: int) -> None:
        """Loads an assessment in a worker and shows it."""

    def remember(self, **changes: str | None) -> None:
        """Keeps settings (``lang``, ``theme``, ``signing_key``) for the next run."""

    def close_session(self) -> None:
        """Forgets the open assessment."""

    def rescore(self, *, now: bool = False) -> None:
        """Scores the open assessment again (debounced unless ``now``)."""
