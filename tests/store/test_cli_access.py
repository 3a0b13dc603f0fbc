"""``compliance workspace grant``, ``workspace roles`` and ``audit`` through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compliance.cli import main
from compliance.model.assessment import Assessment
from compliance.store.transfer import assessment_bytes


def test_grant_roles_and_the_audit_log(
    sample: Assessment,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "sample.json"
    source.write_bytes(assessment_bytes(sample))
    where = str(tmp_path / "shared.sqlite")
    monkeypatch.setenv("COMPLIANCE_USER", "amina")
    assert main(["--workspace", where, "import", str(source)]) == 0
    assert main(["workspace", "grant", "rita", "reader", "--workspace", where]) == 0
    capsys.readouterr()
    assert main(["--workspace", where, "workspace", "roles", "--json"]) == 0
    roles = {r["login"]: r["role"] for r in json.loads(capsys.readouterr().out)}
    assert roles == {"amina": "admin", "rita": "reader"}  # the first grant made amina admin

    monkeypatch.setenv("COMPLIANCE_USER", "rita")
    assert main(["--workspace", where, "clients"]) == 0  # a reader lists
    assert main(["--workspace", where, "import", str(source)]) == 1  # and cannot write
    err = capsys.readouterr().err
    assert err.startswith("compliance: rita is a reader") and "Traceback" not in err

    assert main(["--workspace", where, "audit", "--json", "--client", "1"]) == 0
    log = json.loads(capsys.readouterr().out)
    assert [e["action"] for e in log] == ["client.create", "assessment.import"]
    assert {e["actor"] for e in log} == {"amina"}
    assert main(["--workspace", where, "audit"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("role.grant  role:rita" in line for line in lines)


def test_grant_refuses_an_unknown_role(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["workspace", "grant", "rita", "owner"])
    assert caught.value.code == 2
    assert "invalid choice: 'owner'" in capsys.readouterr().err
