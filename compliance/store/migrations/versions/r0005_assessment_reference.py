"""Provides revision 0005: the reference set an assessment records.

An assessment may name the reference set it is scored with (``reference``: id, version and
digest); the workspace kept no column for it, so an imported assessment lost its choice and was
scored with the newest set instead. The stamp is stored as canonical JSON, as the organisation is.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Adds the recorded reference set to the assessments."""
    op.add_column("assessments", sa.Column("reference", sa.Text))
