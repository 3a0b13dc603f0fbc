"""Provides migration within a workspace: a client's next cycle on a newer questionnaire version.

:func:`newer_versions` says which installed versions an assessment could move to; :func:`preview`
migrates in memory (``--dry-run``); :func:`new_cycle_on` stores the migrated assessment as the
client's next cycle and leaves the source as it was. The rules of the move itself (answers carried
by question id, what no longer fits kept in the comment and listed) are :mod:`compliance.migrate`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compliance.catalog import CatalogEntry
    from compliance.migrate import MigrationReport
    from compliance.model.questionnaire import Questionnaire
    from compliance.store.assessments import AssessmentInfo
    from compliance.store.workspace import Workspace

__all__ = ["new_cycle_on", "newer_versions", "preview"]


def newer_versions(info: AssessmentInfo, found: list[CatalogEntry] | None = None) -> list[str]:
    """The installed versions of the assessment's questionnaire newer than its own, newest
    first (``found``: the catalogue's entries, read when not given)."""
    from compliance.catalog import entries, version_key

    current = version_key(info.questionnaire_version)
    versions = {
        e.questionnaire.version
        for e in (entries()[0] if found is None else found)
        if e.questionnaire.id == info.questionnaire_id
        and version_key(e.questionnaire.version) > current
    }
    return sorted(versions, key=version_key, reverse=True)


def _plan(
    workspace: Workspace, assessment_id: int, version: str
) -> tuple[AssessmentInfo, MigrationReport]:
    from compliance.catalog import find
    from compliance.errors import ComplianceError
    from compliance.migrate import MigrationError, check_direction, migrate
    from compliance.store.assessments import get_assessment, load_assessment

    info = get_assessment(workspace, assessment_id)
    assessment = load_assessment(workspace, assessment_id)
    ref = assessment.questionnaire
    old = find(ref.id, ref.version).questionnaire
    try:
        new: Questionnaire = find(ref.id, version).questionnaire
    except ComplianceError as error:
        raise MigrationError(f"cannot migrate to {version}: {error}") from None
    check_direction(old, new)
    return info, migrate(assessment, old, new)


def preview(workspace: Workspace, assessment_id: int, version: str) -> MigrationReport:
    """What migrating the assessment to ``version`` would do; nothing is written."""
    return _plan(workspace, assessment_id, version)[1]


def new_cycle_on(
    workspace: Workspace, assessment_id: int, version: str
) -> tuple[int, MigrationReport]:
    """Stores the assessment migrated to ``version`` as its client's next cycle; returns the new
    assessment's id and the report. The source assessment is left as it was."""
    from compliance.store.scores import refresh_scores
    from compliance.store.transfer import import_assessment

    info, report = _plan(workspace, assessment_id, version)
    new_id = import_assessment(workspace, report.migrated, client=info.client)
    refresh_scores(workspace, [new_id])
    return new_id, report
