"""Provides the listings of a workspace: clients and assessments with their scores."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from compliance.errors import ComplianceError

if TYPE_CHECKING:
    from compliance.model.questionnaire import Questionnaire
    from compliance.store.assessments import AssessmentInfo
    from compliance.store.listing import Client
    from compliance.store.workspace import Workspace

__all__ = [
    "Lookup",
    "assessments",
    "clients",
    "coverage",
    "quick_clients",
    "refresh",
    "scored",
]

Lookup = Callable[[str, str], "Questionnaire | None"]
"""An installed questionnaire by id and version, or None."""


def quick_clients(location: str | Path | None) -> list[Client] | None:
    """The clients of a SQLite workspace, read through the standard library without opening the
    store (a few milliseconds: no SQLAlchemy, no migration), with the scores cached in it.

    None when only the full listing can tell: no file yet, a PostgreSQL URL, another schema, a
    lock. Scores cached for an older revision are left out (see :func:`refresh`).
    """
    from compliance.store.listing import peek_clients
    from compliance.store.location import sqlite_path

    path = sqlite_path(location)
    return peek_clients(path) if path is not None else None


def refresh(
    workspace: Workspace,
    progress: Callable[[int, int], None] | None = None,
    problems: dict[int, str] | None = None,
) -> bool:
    """Scores every assessment whose cached score is stale; whether any was.

    ``progress`` is told ``(done, total)`` before each assessment is scored; why an assessment
    cannot be scored goes into ``problems`` by id (see
    :func:`compliance.store.scores.refresh_scores`).
    """
    from compliance.store.scores import refresh_scores

    return bool(refresh_scores(workspace, progress=progress, problems=problems))


def clients(
    workspace: Workspace, *, fresh: bool = True, problems: dict[int, str] | None = None
) -> list[Client]:
    """The clients with their latest score; with ``fresh``, stale scores are brought up to date
    first (else the cached ones are shown, which is fast), and why an assessment cannot be
    scored goes into ``problems``."""
    from compliance.store.clients import list_clients

    if fresh:
        refresh(workspace, problems=problems)
    return list_clients(workspace)


def assessments(
    workspace: Workspace,
    client_id: int | None = None,
    *,
    fresh: bool = True,
    problems: dict[int, str] | None = None,
) -> list[AssessmentInfo]:
    """The assessments (of one client, or all) with their scores, as :func:`clients`."""
    from compliance.store.assessments import list_assessments

    if fresh:
        refresh(workspace, problems=problems)
    return list_assessments(workspace, client_id)


def coverage(workspace: Workspace, info: AssessmentInfo, lookup: Lookup) -> Decimal | None:
    """How much of an assessment is answered (a percentage), or None when its questionnaire is not
    installed or the assessment does not fit it."""
    return scored(workspace, info, lookup)[0]


def scored(
    workspace: Workspace, info: AssessmentInfo, lookup: Lookup
) -> tuple[Decimal | None, str | None]:
    """The coverage of an assessment and, when it cannot be scored, why (a listing shows it as
    "cannot be scored: reason" and goes on; nothing it holds makes this raise)."""
    questionnaire = lookup(info.questionnaire_id, info.questionnaire_version)
    if questionnaire is None:
        return None, None
    from compliance.engine.scoring import score
    from compliance.store.assessments import load_assessment

    try:
        return score(questionnaire, load_assessment(workspace, info.id)).overall.coverage, None
    except ComplianceError as error:
        return None, str(error)
    except Exception as error:  # a fault it finds in the engine must not end the listing
        return None, f"the engine failed on it ({type(error).__name__}: {str(error)[:200]})"
