"""Provides the record of generated reports: which file, in which format and language, its hash."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from compliance.errors import WorkspaceError
from compliance.store import audit
from compliance.store.assessments import require_assessment
from compliance.store.hashing import hash_file
from compliance.store.schema import reports
from compliance.store.values import now
from compliance.store.workspace import Workspace

__all__ = ["ReportRecord", "list_reports", "record_report"]


@dataclass(frozen=True, slots=True)
class ReportRecord:
    """A report generated from an assessment."""

    id: int
    assessment_id: int
    format: str
    lang: str
    path: str
    sha256: str
    created: str


def record_report(
    workspace: Workspace, assessment_id: int, path: Path | str, *, format: str, lang: str
) -> int:
    """Records a generated report file (hashed now) and returns the record id."""
    if format not in ("html", "md", "pdf", "zip"):
        raise WorkspaceError(f"{format!r} is not a report format (html, md, pdf, zip)")
    path = Path(path)
    sha256 = hash_file(path)
    with workspace.write() as connection:
        row = require_assessment(connection, assessment_id, workspace.where)
        report_id = int(
            connection.execute(
                reports.insert()
                .returning(reports.c.id)
                .values(
                    assessment_id=assessment_id,
                    format=format,
                    lang=lang,
                    path=str(path),
                    sha256=sha256,
                    created=now(),
                )
            ).scalar_one()
        )
        audit.append(
            connection,
            actor=workspace.actor,
            action="report.record",
            target=f"report:{report_id}",
            client_id=row.client_id,
            assessment_id=assessment_id,
            new={"format": format, "lang": lang, "path": str(path), "sha256": sha256},
        )
        return report_id


def list_reports(workspace: Workspace, assessment_id: int) -> list[ReportRecord]:
    """The reports generated from an assessment, oldest first."""
    with workspace.read() as connection:
        rows = connection.execute(
            select(reports).where(reports.c.assessment_id == assessment_id).order_by(reports.c.id)
        ).all()
    return [
        ReportRecord(
            id=row.id,
            assessment_id=row.assessment_id,
            format=row.format,
            lang=row.lang,
            path=row.path,
            sha256=row.sha256,
            created=row.created,
        )
        for row in rows
    ]
