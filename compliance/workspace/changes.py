"""Provides the changes to a workspace's clients and assessments (each audited by the store)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compliance.store.workspace import Workspace

__all__ = ["create_client", "delete_client", "new_cycle", "rename_client", "start_assessment"]


def create_client(workspace: Workspace, name: str) -> int:
    """Creates a client and returns its id (a name already taken is refused)."""
    from compliance.store.clients import create_client as create

    return create(workspace, name)


def rename_client(workspace: Workspace, client_id: int, name: str) -> None:
    """Renames a client (a name already taken is refused)."""
    from compliance.store.clients import rename_client as rename

    rename(workspace, client_id, name)


def delete_client(workspace: Workspace, client_id: int, *, confirm: str) -> None:
    """Deletes a client and all its assessments (admins only; ``confirm``: the client's name as
    the person typed it). Its audit entries stay."""
    from compliance.store.clients import delete_client as delete

    delete(workspace, client_id, confirm=confirm)


def start_assessment(
    workspace: Workspace, client_id: int, questionnaire_id: str, version: str | None = None
) -> int:
    """Starts an empty assessment of a client on an installed questionnaire; returns its id."""
    from compliance.store.assessments import create_assessment

    return create_assessment(workspace, client_id, questionnaire_id, version=version)


def new_cycle(workspace: Workspace, assessment_id: int) -> int:
    """Copies an assessment into its client's next cycle; returns the new assessment's id."""
    from compliance.store.assessments import duplicate_assessment

    return duplicate_assessment(workspace, assessment_id)
