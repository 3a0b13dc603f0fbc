"""The quick client listing read through sqlite3 agrees with the store's own listing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from compliance.model.assessment import Assessment
from compliance.store import open_workspace
from compliance.store.assessments import create_assessment
from compliance.store.clients import create_client, list_clients
from compliance.store.listing import peek_clients
from compliance.store.scores import refresh_scores
from compliance.store.transfer import import_assessment


def test_peek_gives_the_same_records_as_the_store(tmp_path: Path, sample: Assessment) -> None:
    path = tmp_path / "w.sqlite"
    with open_workspace(str(path)) as workspace:
        import_assessment(workspace, sample)
        import_assessment(workspace, sample)  # a second cycle: the latest one is listed
        other = create_client(workspace, "Zeta Services")
        create_assessment(workspace, other, "example")
        create_client(workspace, "Alpha, no assessment yet")
        refresh_scores(workspace)
        expected = list_clients(workspace)
    assert expected[0].name == "Alpha, no assessment yet"
    assert any(c.latest_score is not None for c in expected)
    assert peek_clients(path) == expected


def test_peek_declines_what_it_cannot_read(tmp_path: Path) -> None:
    assert peek_clients(tmp_path / "missing.sqlite") is None
    assert not (tmp_path / "missing.sqlite").exists()  # it never creates a file
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    assert peek_clients(other) is None
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database" * 100)
    assert peek_clients(garbage) is None


def test_peek_reads_a_real_workspace_without_importing_sqlalchemy(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    with open_workspace(str(path)) as workspace:
        create_client(workspace, "Atlas Relation Client")
        create_client(workspace, "Zeta Services")
    code = (
        "import sys; from pathlib import Path; from compliance.store.listing import peek_clients;"
        f"clients = peek_clients(Path({str(path)!r}));"
        "print([c.name for c in clients]);"
        "print('sqlalchemy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    listed, imported = result.stdout.strip().splitlines()
    assert listed == "['Atlas Relation Client', 'Zeta Services']"  # the database was read
    assert imported == "False"
