"""Provides revision 0002: the latest score cached on each assessment, and an index for answer
histories.

Listing 500 clients with their scores must not re-score 500 assessments; the score is cached with
the assessment revision it was computed for, so a stale one is never shown as current.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Adds the score cache and the history index."""
    op.add_column("assessments", sa.Column("score", sa.String(16)))
    op.add_column("assessments", sa.Column("rating", sa.String(64)))
    op.add_column("assessments", sa.Column("scored_revision", sa.Integer))
    op.create_index("ix_audit_log_assessment_id_target", "audit_log", ["assessment_id", "target"])
