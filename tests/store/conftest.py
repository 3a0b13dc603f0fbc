"""Fixtures of the store suite: a workspace on SQLite and on PostgreSQL, and a sample assessment.

The PostgreSQL parameter needs ``COMPLIANCE_TEST_POSTGRES_URL`` (``.ci/run`` starts a server and
sets it); each test gets a database of its own, dropped afterwards. Without the URL, or with a
server that does not answer, the PostgreSQL tests skip locally and FAIL under ``CI=true``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from compliance.model.assessment import Assessment
from compliance.store.workspace import Workspace, open_workspace

POSTGRES_ENV = "COMPLIANCE_TEST_POSTGRES_URL"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL is required under CI=true: {reason}")
    pytest.skip(reason)


def _libpq(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """The URL of a fresh, empty PostgreSQL database, dropped after the test."""
    admin = os.environ.get(POSTGRES_ENV)
    if not admin:
        _unavailable(f"{POSTGRES_ENV} is not set")
        raise AssertionError("unreachable")
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"compliance_test_{uuid.uuid4().hex[:12]}"
    try:
        connection = psycopg.connect(_libpq(admin), autocommit=True, connect_timeout=5)
    except psycopg.Error as error:
        _unavailable(f"cannot reach PostgreSQL at {POSTGRES_ENV}: {error}")
        raise AssertionError("unreachable") from None
    with connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(_libpq(admin), autocommit=True, connect_timeout=5) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_login(postgres_url: str) -> Iterator[Callable[[str], str]]:
    """Makes a database login per person (``make("amina")``) and returns the test database's URL
    as that login; every login made is dropped afterwards (PostgreSQL's actor is the login)."""
    import psycopg
    from sqlalchemy.engine import make_url

    admin = os.environ[POSTGRES_ENV]
    made: list[str] = []

    def make(person: str) -> str:
        login = f"{person}_{uuid.uuid4().hex[:6]}"
        with psycopg.connect(_libpq(admin), autocommit=True, connect_timeout=5) as connection:
            connection.execute(f'CREATE ROLE "{login}" LOGIN')
        made.append(login)
        return make_url(postgres_url).set(username=login).render_as_string(hide_password=False)

    yield make
    database = _libpq(postgres_url)
    with psycopg.connect(database, autocommit=True, connect_timeout=5) as connection:
        for login in made:
            connection.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                (login,),
            )
            connection.execute(f'DROP OWNED BY "{login}"')
    with psycopg.connect(_libpq(admin), autocommit=True, connect_timeout=5) as connection:
        for login in made:
            connection.execute(f'DROP ROLE IF EXISTS "{login}"')


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def workspace_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a test's workspace lives: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "workspace.sqlite")
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def ws(workspace_url: str) -> Iterator[Workspace]:
    """An open, empty workspace, acting as ``amina``."""
    workspace = open_workspace(workspace_url, actor="amina")
    try:
        yield workspace
    finally:
        workspace.close()


def sample_data() -> dict[str, Any]:
    """A full assessment of the bundled example questionnaire, as plain data."""
    return {
        "schema": "compliance.assessment/v1",
        "questionnaire": {"id": "example", "version": "1.0.0"},
        "as_of": "2025-03-14",
        "organisation": {
            "name": "Atlas Relation Client SARL",
            "country": "MA",
            "registration_id": "ICE 001234567000089",
            "city": "Casablanca",
        },
        "assessor": {"name": "Amina El Idrissi", "organisation": "Conseil Données"},
        "profile": {"role": "processor", "sectors": ["telecom", "health"], "country": "MA"},
        "answers": {
            "gov01.lead": {
                "value": "yes",
                "comment": "Lettre de désignation signée — « DPO » nommé",
                "evidence": [{"path": "docs/letter.pdf", "sha256": "a" * 64, "note": "signed"}],
                "answered_by": "amina",
                "answered_at": "2025-03-01T10:15:00Z",
            },
            "gov01.maturity": 3,
            "gov02.share": Decimal("72.5"),
            "gov02.last": "2025-01-20",
            "gov02.notes": "Formation annuelle\nen deux sessions",
            "xfr01.tools": ["scc", "tia"],
            "xfr01.health": "authorised",
            "xfr01.hosting": "FR",
        },
        "flows": [
            {
                "id": "crm",
                "name": "Customer calls from France",
                "exporter": {"name": "Client SA", "country": "FR", "role": "controller"},
                "importer": {"name": "Atlas", "country": "MA", "role": "processor"},
                "data_categories": ["contact", "call_recordings"],
                "mode": "remote_access",
                "subjects_count": 120000,
            },
            {
                "id": "backup",
                "name": "Backups",
                "exporter": {"name": "Atlas", "country": "MA"},
                "importer": {"name": "Hosting SAS", "country": "FR"},
            },
        ],
    }


@pytest.fixture
def sample() -> Assessment:
    """The sample assessment, validated against the installed example questionnaire."""
    from compliance.store.transfer import assessment_bytes, parse_assessment_bytes

    raw = assessment_bytes(Assessment.model_validate(sample_data()))
    assessment, _ = parse_assessment_bytes(raw, "sample.json")
    return assessment
