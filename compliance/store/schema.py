"""Provides the workspace schema as SQLAlchemy Core tables, and the revision it corresponds to.

The tables here describe the *current* schema (``HEAD_REVISION``); the Alembic scripts in
``migrations/versions`` build it step by step, and a test checks that both agree. Values a model
defines (answer values, organisations, flows) are stored as canonical JSON text, and times as ISO
8601 text in UTC, so that SQLite and PostgreSQL hold byte-identical data.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

__all__ = [
    "HEAD_REVISION",
    "REVISIONS",
    "answers",
    "assessments",
    "audit_log",
    "audit_values",
    "clients",
    "evidence",
    "flows",
    "metadata",
    "reports",
    "review_decisions",
    "review_submissions",
    "roles",
]

REVISIONS = ("0001", "0002", "0003", "0004", "0005")
"""Every migration revision, oldest first; a test checks it against the Alembic scripts."""
HEAD_REVISION = REVISIONS[-1]

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

Stamp = String(32)
"""An ISO 8601 UTC time with microseconds: sorts as text."""

clients = Table(
    "clients",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(300), nullable=False),
    Column("created", Stamp, nullable=False),
    Column("updated", Stamp, nullable=False),
    # revision 0004: bumped by every change of the client (optimistic concurrency)
    Column("revision", Integer, nullable=False, server_default="1"),
    UniqueConstraint("name"),
)

assessments = Table(
    "assessments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("client_id", Integer, ForeignKey("clients.id", ondelete="CASCADE"), nullable=False),
    Column("questionnaire_id", String(64), nullable=False),
    Column("questionnaire_version", String(32), nullable=False),
    Column("questionnaire_digest", String(64)),
    Column("status", String(16), nullable=False),
    Column("cycle", Integer, nullable=False),
    Column("as_of", String(10)),
    Column("organisation", Text, nullable=False),
    Column("assessor", Text),
    Column("profile", Text, nullable=False),
    Column("revision", Integer, nullable=False),
    # bumped by every change; the cached score is fresh when scored_revision equals it
    Column("created", Stamp, nullable=False),
    Column("updated", Stamp, nullable=False),
    # revision 0002: the latest score, cached for listings
    Column("score", String(16)),
    Column("rating", String(64)),
    Column("scored_revision", Integer),
    # revision 0004: bumped by every change of the profile; one cycle number per client
    Column("profile_revision", Integer, nullable=False, server_default="1"),
    # revision 0005: the reference set the assessment records (JSON), when it names one
    Column("reference", Text),
    Index(None, "client_id"),
    Index("uq_assessments_client_id_cycle", "client_id", "cycle", unique=True),
)

answers = Table(
    "answers",
    metadata,
    Column(
        "assessment_id",
        Integer,
        ForeignKey("assessments.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("question_id", String(64), nullable=False),
    Column("value", Text, nullable=False),
    Column("comment", Text),
    Column("answered_by", String(300)),
    Column("answered_at", Stamp),
    Column("updated", Stamp, nullable=False),
    # revision 0004: bumped by every change of the answer, its comment or its evidence
    Column("revision", Integer, nullable=False, server_default="1"),
    PrimaryKeyConstraint("assessment_id", "question_id"),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "assessment_id",
        Integer,
        ForeignKey("assessments.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("question_id", String(64), nullable=False),
    Column("position", Integer, nullable=False),
    Column("path", String(4096), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("note", Text),
    Column("content", LargeBinary),
    Index(None, "assessment_id", "question_id"),
)

flows = Table(
    "flows",
    metadata,
    Column(
        "assessment_id",
        Integer,
        ForeignKey("assessments.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("flow_id", String(64), nullable=False),
    Column("position", Integer, nullable=False),
    Column("data", Text, nullable=False),
    Column("updated", Stamp, nullable=False),
    # revision 0004: bumped by every change of the flow
    Column("revision", Integer, nullable=False, server_default="1"),
    PrimaryKeyConstraint("assessment_id", "flow_id"),
)

reports = Table(
    "reports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "assessment_id",
        Integer,
        ForeignKey("assessments.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("format", String(16), nullable=False),
    Column("lang", String(8), nullable=False),
    Column("path", String(4096), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("created", Stamp, nullable=False),
    Index(None, "assessment_id"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    # revision 0004: no foreign key, so that deleting a client never deletes its history; the rows
    # are append-only (a trigger refuses UPDATE and DELETE), and their values live in audit_values
    Column("client_id", Integer),
    Column("assessment_id", Integer),
    Column("at", Stamp, nullable=False),
    Column("actor", String(300), nullable=False),
    Column("action", String(64), nullable=False),
    Column("target", String(200), nullable=False),
    Index(None, "client_id"),
    # revision 0002: answer histories read by (assessment, target)
    Index(None, "assessment_id", "target"),
)

audit_values = Table(
    # revision 0004: the old -> new values of an audit entry: the client's data, erased with it
    "audit_values",
    metadata,
    Column("entry_id", Integer, ForeignKey("audit_log.id"), primary_key=True),
    Column("client_id", Integer),
    Column("old_value", Text),
    Column("new_value", Text),
    Index(None, "client_id"),
)

roles = Table(
    # revision 0004: who may do what (reader, editor, reviewer, admin)
    "roles",
    metadata,
    Column("login", String(300), primary_key=True),
    Column("role", String(16), nullable=False),
    Column("granted_by", String(300), nullable=False),
    Column("granted_at", Stamp, nullable=False),
)

# revision 0003: the regulator's review (compliance.review): every bundle seen, and decisions
review_submissions = Table(
    "review_submissions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("bundle_sha256", String(64), nullable=False),
    Column("file", String(4096), nullable=False),
    Column("verdict", String(16), nullable=False),
    Column("reason", String(64)),
    # the columns below come from verified bytes only; NULL for an INVALID bundle
    Column("report_id", String(64)),
    Column("registration_id", String(300)),
    Column("organisation", String(300)),
    Column("signer", String(300)),
    Column("issued_at", Stamp),
    Column("questionnaire", String(100)),
    Column("scores", Text),
    Column("first_seen", Stamp, nullable=False),
    Column("last_seen", Stamp, nullable=False),
    UniqueConstraint("bundle_sha256"),
    Index(None, "report_id"),
    Index(None, "registration_id"),
)

review_decisions = Table(
    "review_decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "submission_id",
        Integer,
        ForeignKey("review_submissions.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("status", String(32), nullable=False),
    Column("comment", Text, nullable=False),
    Column("reviewer", String(300), nullable=False),
    Column("at", Stamp, nullable=False),
    Index(None, "submission_id"),
)
