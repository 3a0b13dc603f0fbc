"""Provides revision 0004: a workspace several people share.

- ``revision`` on clients, answers and flows, ``profile_revision`` on assessments: every write
  says which revision it was based on, and one based on an old revision is refused.
- One cycle number per client (a unique index); duplicates left by the old unlocked numbering are
  moved to the client's next free cycles first.
- ``roles``: who may read, edit, review or administer the workspace.
- The audit log keeps its history when a client is deleted: no foreign key to clients, and
  UPDATE and DELETE refused by a trigger; the old -> new values (the client's data) move to
  ``audit_values``, which is erased with the client.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

STAMP = sa.String(32)

COPY_VALUES = (
    "INSERT INTO audit_values (entry_id, client_id, old_value, new_value) "
    "SELECT id, client_id, old_value, new_value FROM audit_log "
    "WHERE old_value IS NOT NULL OR new_value IS NOT NULL"
)

SQLITE_TRIGGERS = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
)
POSTGRES_TRIGGERS = (
    "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = '42501'; END $$",
    "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
)


def _renumber_duplicate_cycles(connection: sa.Connection) -> None:
    rows = connection.execute(
        sa.text("SELECT id, client_id, cycle FROM assessments ORDER BY client_id, cycle, id")
    ).all()
    highest: dict[int, int] = {}
    for row in rows:
        highest[row.client_id] = max(highest.get(row.client_id, 0), row.cycle)
    seen: set[tuple[int, int]] = set()
    for row in rows:
        if (row.client_id, row.cycle) in seen:
            highest[row.client_id] += 1
            connection.execute(
                sa.text("UPDATE assessments SET cycle = :cycle WHERE id = :id"),
                {"cycle": highest[row.client_id], "id": row.id},
            )
            continue
        seen.add((row.client_id, row.cycle))


def upgrade() -> None:
    """Adds revisions, roles, unique cycles and the append-only audit log."""
    connection = op.get_bind()
    one = sa.text("1")
    for table in ("clients", "answers", "flows"):
        op.add_column(table, sa.Column("revision", sa.Integer, nullable=False, server_default=one))
    op.add_column(
        "assessments",
        sa.Column("profile_revision", sa.Integer, nullable=False, server_default=one),
    )
    _renumber_duplicate_cycles(connection)
    op.create_index(
        "uq_assessments_client_id_cycle", "assessments", ["client_id", "cycle"], unique=True
    )
    op.create_table(
        "roles",
        sa.Column("login", sa.String(300), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("granted_by", sa.String(300), nullable=False),
        sa.Column("granted_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("login", name="pk_roles"),
    )
    _split_audit_log(connection)
    for statement in SQLITE_TRIGGERS if connection.dialect.name == "sqlite" else POSTGRES_TRIGGERS:
        connection.execute(sa.text(statement))


def _create_audit_values(connection: sa.Connection, source: str) -> None:
    op.create_table(
        "audit_values",
        sa.Column("entry_id", sa.Integer, nullable=False),
        sa.Column("client_id", sa.Integer),
        sa.Column("old_value", sa.Text),
        sa.Column("new_value", sa.Text),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["audit_log.id"], name="fk_audit_values_entry_id_audit_log"
        ),
        sa.PrimaryKeyConstraint("entry_id", name="pk_audit_values"),
    )
    op.create_index("ix_audit_values_client_id", "audit_values", ["client_id"])
    copy = COPY_VALUES.replace("FROM audit_log ", f"FROM {source} ")
    connection.execute(sa.text(copy))


def _split_audit_log(connection: sa.Connection) -> None:
    if connection.dialect.name != "sqlite":
        _create_audit_values(connection, "audit_log")
        op.drop_constraint("fk_audit_log_client_id_clients", "audit_log", type_="foreignkey")
        op.drop_column("audit_log", "old_value")
        op.drop_column("audit_log", "new_value")
        return
    # SQLite cannot drop a foreign key: the table is rebuilt (nothing refers to it yet).
    connection.execute(sa.text("ALTER TABLE audit_log RENAME TO audit_log_old"))
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("client_id", sa.Integer),
        sa.Column("assessment_id", sa.Integer),
        sa.Column("at", STAMP, nullable=False),
        sa.Column("actor", sa.String(300), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("target", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    connection.execute(
        sa.text(
            "INSERT INTO audit_log (id, client_id, assessment_id, at, actor, action, target) "
            "SELECT id, client_id, assessment_id, at, actor, action, target FROM audit_log_old"
        )
    )
    _create_audit_values(connection, "audit_log_old")
    connection.execute(sa.text("DROP TABLE audit_log_old"))
    op.create_index("ix_audit_log_client_id", "audit_log", ["client_id"])
    op.create_index("ix_audit_log_assessment_id_target", "audit_log", ["assessment_id", "target"])
