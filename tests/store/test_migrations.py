"""Migrations: the scripts build the schema the code describes, and old workspaces upgrade."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import text

from compliance.errors import WorkspaceError
from compliance.store import migrate
from compliance.store.engine import make_engine
from compliance.store.location import resolve
from compliance.store.schema import HEAD_REVISION, REVISIONS, metadata
from compliance.store.workspace import open_workspace
from tests.helpers import REPO

STAMP = "2024-05-02T09:00:00.000000+00:00"


def test_the_revision_list_matches_the_alembic_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_heads() == [HEAD_REVISION]
    chain = [s.revision for s in scripts.walk_revisions("base", "heads")]
    assert tuple(reversed(chain)) == REVISIONS


def test_the_migrated_schema_is_the_schema_of_the_code(workspace_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    open_workspace(workspace_url).close()
    engine = make_engine(resolve(workspace_url))
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    engine.dispose()
    assert differences == []


def _first_version_workspace(workspace_url: str) -> None:
    """Builds a workspace with revision 0001 only and fills it the way release 1 wrote rows."""
    engine = make_engine(resolve(workspace_url))
    migrate.upgrade(engine, "0001")
    statements = [
        "INSERT INTO clients (id, name, created, updated) VALUES (1, 'Atlas', :t, :t)",
        "INSERT INTO assessments (id, client_id, questionnaire_id, questionnaire_version,"
        " status, cycle, as_of, organisation, profile, revision, created, updated)"
        " VALUES (1, 1, 'example', '1.0.0', 'draft', 1, '2024-05-01',"
        ' \'{"country":"MA","name":"Atlas"}\', \'{"role":"processor"}\', 3, :t, :t)',
        "INSERT INTO answers (assessment_id, question_id, value, comment, updated)"
        " VALUES (1, 'gov01.lead', '\"yes\"', 'letter signed', :t)",
        "INSERT INTO answers (assessment_id, question_id, value, updated)"
        " VALUES (1, 'gov02.share', '95', :t)",
        "INSERT INTO audit_log (client_id, assessment_id, at, actor, action, target, new_value)"
        " VALUES (1, 1, :t, 'amina', 'answer.set', 'answer:gov01.lead', '{\"value\":\"yes\"}')",
    ]
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement), {"t": STAMP})
        assert migrate.current_revision(connection) == "0001"
    engine.dispose()


def test_a_first_version_workspace_opens_upgraded_with_its_data(workspace_url: str) -> None:
    from compliance import store

    _first_version_workspace(workspace_url)
    with open_workspace(workspace_url, actor="amina") as ws:
        with ws.read() as connection:
            assert migrate.current_revision(connection) == HEAD_REVISION
        [client] = store.list_clients(ws)
        assert (client.name, client.assessments, client.latest_score) == ("Atlas", 1, None)
        assessment = store.load_assessment(ws, 1)
        assert assessment.answers["gov01.lead"].comment == "letter signed"
        assert [e.new for e in store.answer_history(ws, 1, "gov01.lead")] == [{"value": "yes"}]
        # the column added by 0002 works on the migrated rows
        scores = store.refresh_scores(ws)
        assert scores[1].score is not None
        assert store.list_clients(ws)[0].latest_score == scores[1].score
        store.save_answer(ws, 1, "gov01.maturity", 2)
        assert store.load_assessment(ws, 1).answers["gov01.maturity"].value == 2


PROBE = """
import sys
from compliance.store import open_workspace, list_clients
ws = open_workspace(sys.argv[1])
list_clients(ws)
print("alembic" in sys.modules)
"""


def test_an_up_to_date_workspace_opens_without_importing_alembic(workspace_url: str) -> None:
    def probe() -> str:
        result = subprocess.run(
            [sys.executable, "-c", PROBE, workspace_url],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=os.environ.copy(),
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    assert probe() == "True"  # a new workspace is created by the migrations
    assert probe() == "False"  # the second open only checks the revision


def test_a_workspace_from_a_newer_release_is_refused(workspace_url: str) -> None:
    open_workspace(workspace_url).close()
    engine = make_engine(resolve(workspace_url))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    engine.dispose()
    with pytest.raises(WorkspaceError, match="newer version of compliance"):
        open_workspace(workspace_url)


def test_duplicate_cycles_left_by_old_releases_are_renumbered(workspace_url: str) -> None:
    engine = make_engine(resolve(workspace_url))
    migrate.upgrade(engine, "0003")
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO clients (id, name, created, updated) VALUES (1, 'Atlas', :t, :t)"),
            {"t": STAMP},
        )
        for assessment_id, cycle in ((1, 4), (2, 4), (3, 4), (4, 5)):  # the race of issue 19
            connection.execute(
                text(
                    "INSERT INTO assessments (id, client_id, questionnaire_id,"
                    " questionnaire_version, status, cycle, organisation, profile, revision,"
                    " created, updated) VALUES (:id, 1, 'example', '1.0.0', 'draft', :cycle,"
                    " '{}', '{}', 1, :t, :t)"
                ),
                {"id": assessment_id, "cycle": cycle, "t": STAMP},
            )
    engine.dispose()
    with open_workspace(workspace_url) as ws, ws.read() as connection:
        rows = connection.execute(text("SELECT id, cycle FROM assessments ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [(1, 4), (2, 6), (3, 7), (4, 5)]
