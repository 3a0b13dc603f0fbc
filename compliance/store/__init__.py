"""Provides the workspace store: clients, assessments, answers, flows, evidence, reports, audit.

SQLite by default (one file in the user data folder), PostgreSQL for a shared workspace, one schema
for both through SQLAlchemy Core, migrated with Alembic on open when behind. Open one with
:func:`open_workspace`; the repository functions of the submodules (``clients``, ``assessments``,
``answers``, ``flows``, ``evidence``, ``reports``, ``audit``, ``scores``, ``transfer``) each take
the workspace and make one transaction. The most used are re-exported here, imported on first use
(listing clients must not pay for pydantic or Alembic).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from compliance.store.answers import clear_answer, get_answer, save_answer
    from compliance.store.assessments import (
        AssessmentInfo,
        create_assessment,
        duplicate_assessment,
        get_assessment,
        list_assessments,
        load_assessment,
        set_profile_answer,
        set_status,
    )
    from compliance.store.audit import AuditEntry, answer_history, entries
    from compliance.store.clients import (
        Client,
        create_client,
        delete_client,
        find_client,
        get_client,
        list_clients,
        rename_client,
    )
    from compliance.store.evidence import attach_evidence, detach_evidence, evidence_content
    from compliance.store.flows import add_flow, delete_flow, replace_flow
    from compliance.store.reports import ReportRecord, list_reports, record_report
    from compliance.store.scores import Score, refresh_scores
    from compliance.store.transfer import (
        assessment_bytes,
        export_assessment,
        import_assessment,
        parse_assessment_bytes,
        read_assessment_file,
    )
    from compliance.store.workspace import Workspace, open_workspace

_LAZY = {
    "AssessmentInfo": "compliance.store.assessments",
    "AuditEntry": "compliance.store.audit",
    "Client": "compliance.store.clients",
    "ReportRecord": "compliance.store.reports",
    "Score": "compliance.store.scores",
    "Workspace": "compliance.store.workspace",
    "add_flow": "compliance.store.flows",
    "answer_history": "compliance.store.audit",
    "assessment_bytes": "compliance.store.transfer",
    "attach_evidence": "compliance.store.evidence",
    "clear_answer": "compliance.store.answers",
    "create_assessment": "compliance.store.assessments",
    "create_client": "compliance.store.clients",
    "delete_client": "compliance.store.clients",
    "delete_flow": "compliance.store.flows",
    "detach_evidence": "compliance.store.evidence",
    "duplicate_assessment": "compliance.store.assessments",
    "entries": "compliance.store.audit",
    "evidence_content": "compliance.store.evidence",
    "export_assessment": "compliance.store.transfer",
    "find_client": "compliance.store.clients",
    "get_answer": "compliance.store.answers",
    "get_assessment": "compliance.store.assessments",
    "get_client": "compliance.store.clients",
    "import_assessment": "compliance.store.transfer",
    "list_assessments": "compliance.store.assessments",
    "list_clients": "compliance.store.clients",
    "list_reports": "compliance.store.reports",
    "load_assessment": "compliance.store.assessments",
    "open_workspace": "compliance.store.workspace",
    "parse_assessment_bytes": "compliance.store.transfer",
    "read_assessment_file": "compliance.store.transfer",
    "record_report": "compliance.store.reports",
    "refresh_scores": "compliance.store.scores",
    "rename_client": "compliance.store.clients",
    "replace_flow": "compliance.store.flows",
    "save_answer": "compliance.store.answers",
    "set_profile_answer": "compliance.store.assessments",
    "set_status": "compliance.store.assessments",
}

__all__ = [
    "AssessmentInfo",
    "AuditEntry",
    "Client",
    "ReportRecord",
    "Score",
    "Workspace",
    "add_flow",
    "answer_history",
    "assessment_bytes",
    "attach_evidence",
    "clear_answer",
    "create_assessment",
    "create_client",
    "delete_client",
    "delete_flow",
    "detach_evidence",
    "duplicate_assessment",
    "entries",
    "evidence_content",
    "export_assessment",
    "find_client",
    "get_answer",
    "get_assessment",
    "get_client",
    "import_assessment",
    "list_assessments",
    "list_clients",
    "list_reports",
    "load_assessment",
    "open_workspace",
    "parse_assessment_bytes",
    "read_assessment_file",
    "record_report",
    "refresh_scores",
    "rename_client",
    "replace_flow",
    "save_answer",
    "set_profile_answer",
    "set_status",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'compliance.store' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
