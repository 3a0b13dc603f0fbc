"""Provides revision 0003: the regulator's review, every signed bundle seen and each decision.

``review_submissions`` keeps one row per bundle (by the SHA-256 of its bytes) with its verdict and,
for a verified bundle only, the signed facts a reviewer triages by; ``review_decisions`` appends
one row per decision (accepted, revision requested, rejected) with its comment and reviewer.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

STAMP = sa.String(32)


def upgrade() -> None:
    """Creates the review tables."""
    op.create_table(
        "review_submissions",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("bundle_sha256", sa.String(64), nullable=False),
        sa.Column("file", sa.String(4096), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(64)),
        sa.Column("report_id", sa.String(64)),
        sa.Column("registration_id", sa.String(300)),
        sa.Column("organisation", sa.String(300)),
        sa.Column("signer", sa.String(300)),
        sa.Column("issued_at", STAMP),
        sa.Column("questionnaire", sa.String(100)),
        sa.Column("scores", sa.Text),
        sa.Column("first_seen", STAMP, nullable=False),
        sa.Column("last_seen", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_review_submissions"),
        sa.UniqueConstraint("bundle_sha256", name="uq_review_submissions_bundle_sha256"),
    )
    op.create_index("ix_review_submissions_report_id", "review_submissions", ["report_id"])
    op.create_index(
        "ix_review_submissions_registration_id", "review_submissions", ["registration_id"]
    )
    op.create_table(
        "review_decisions",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("submission_id", sa.Integer, nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("reviewer", sa.String(300), nullable=False),
        sa.Column("at", STAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["review_submissions.id"],
            name="fk_review_decisions_submission_id_review_submissions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_review_decisions"),
    )
    op.create_index("ix_review_decisions_submission_id", "review_decisions", ["submission_id"])
