"""Provides the SQLAlchemy engine of a workspace, with SQLite set up for durability.

Every SQLite connection runs in WAL mode with ``synchronous=FULL`` (a committed answer survives a
power cut), ``secure_delete`` (erased data does not linger in free pages), foreign keys on, and a
busy timeout (a second process waits for the first rather than failing at once). SQLAlchemy emits
the ``BEGIN`` itself: ``BEGIN IMMEDIATE`` for writes, so that a write transaction takes the write
lock up front and waits for it instead of failing half-way.

A PostgreSQL connection gives up connecting after the busy timeout, waiting for a lock after the
busy timeout, and running one statement after :data:`STATEMENT_TIMEOUT`; TCP keepalives notice a
server that vanished.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL

__all__ = ["STATEMENT_TIMEOUT", "WRITE", "make_engine"]

STATEMENT_TIMEOUT = 15
"""Seconds the PostgreSQL server may spend on one statement before it gives up (the terminal UI
shows a server that does not answer after 5 s, from its worker, whatever the server does)."""

WRITE = "compliance_write"
"""The execution option that marks a connection's transactions as writes."""


def _sqlite_engine(url: URL, busy_timeout: float) -> Engine:
    engine = create_engine(url, connect_args={"timeout": busy_timeout})
    read_only = url.query.get("mode") == "ro"

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            if not read_only:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA secure_delete=ON")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        write = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def make_engine(url: URL, *, busy_timeout: float = 5.0) -> Engine:
    """An engine for the workspace at ``url`` (SQLite or PostgreSQL)."""
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, busy_timeout)
    wait = max(1, int(busy_timeout))
    options = (
        f"-c lock_timeout={wait * 1000} -c statement_timeout={STATEMENT_TIMEOUT * 1000} "
        f"-c idle_in_transaction_session_timeout={STATEMENT_TIMEOUT * 2000}"
    )
    return create_engine(
        url,
        connect_args={
            "connect_timeout": wait,
            "options": options,
            "keepalives": 1,
            "keepalives_idle": 10,
            "keepalives_interval": 5,
            "keepalives_count": 2,
        },
        pool_pre_ping=True,
        pool_timeout=wait,
    )
