"""Provides revision 0001, the first schema: clients, assessments, answers, flows, evidence,
generated reports and the audit log.

This script is frozen: workspaces made by the first release were built by exactly this.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

STAMP = sa.String(32)


def upgrade() -> None:
    """Creates the first schema."""
    op.create_table(
        "clients",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("created", STAMP, nullable=False),
        sa.Column("updated", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_clients"),
        sa.UniqueConstraint("name", name="uq_clients_name"),
    )
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("client_id", sa.Integer, nullable=False),
        sa.Column("questionnaire_id", sa.String(64), nullable=False),
        sa.Column("questionnaire_version", sa.String(32), nullable=False),
        sa.Column("questionnaire_digest", sa.String(64)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("cycle", sa.Integer, nullable=False),
        sa.Column("as_of", sa.String(10)),
        sa.Column("organisation", sa.Text, nullable=False),
        sa.Column("assessor", sa.Text),
        sa.Column("profile", sa.Text, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("created", STAMP, nullable=False),
        sa.Column("updated", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_assessments"),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name="fk_assessments_client_id_clients",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_assessments_client_id", "assessments", ["client_id"])
    op.create_table(
        "answers",
        sa.Column("assessment_id", sa.Integer, nullable=False),
        sa.Column("question_id", sa.String(64), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("comment", sa.Text),
        sa.Column("answered_by", sa.String(300)),
        sa.Column("answered_at", STAMP),
        sa.Column("updated", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("assessment_id", "question_id", name="pk_answers"),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name="fk_answers_assessment_id_assessments",
            ondelete="CASCADE",
        ),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("assessment_id", sa.Integer, nullable=False),
        sa.Column("question_id", sa.String(64), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("path", sa.String(4096), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("content", sa.LargeBinary),
        sa.PrimaryKeyConstraint("id", name="pk_evidence"),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name="fk_evidence_assessment_id_assessments",
            ondelete="CASCADE",
        ),
    )
    op.create_index(
        "ix_evidence_assessment_id_question_id", "evidence", ["assessment_id", "question_id"]
    )
    op.create_table(
        "flows",
        sa.Column("assessment_id", sa.Integer, nullable=False),
        sa.Column("flow_id", sa.String(64), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("updated", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("assessment_id", "flow_id", name="pk_flows"),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name="fk_flows_assessment_id_assessments",
            ondelete="CASCADE",
        ),
    )
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("assessment_id", sa.Integer, nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("path", sa.String(4096), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("created", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_reports"),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name="fk_reports_assessment_id_assessments",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_reports_assessment_id", "reports", ["assessment_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("client_id", sa.Integer),
        sa.Column("assessment_id", sa.Integer),
        sa.Column("at", STAMP, nullable=False),
        sa.Column("actor", sa.String(300), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("old_value", sa.Text),
        sa.Column("new_value", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name="fk_audit_log_client_id_clients",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_audit_log_client_id", "audit_log", ["client_id"])
