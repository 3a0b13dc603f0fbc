"""The wheel carries the questionnaires and templates, and an installed copy finds them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [built] = out.glob("*.whl")
    return built


def test_the_wheel_holds_the_bundled_folders(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "compliance/_data/questionnaires/example/questionnaire.yaml" in names
    assert "compliance/_data/questionnaires/reference/countries.yaml" in names
    assert "compliance/_data/questionnaires/questionnaire.schema.json" in names
    assert "compliance/_data/report_templates/report.html.j2" in names
    assert "compliance/signing/published/index.json" in names
    assert "compliance/signing/published/reference-ma-eu@2026.12.0.json" in names
    assert "compliance/_data/questionnaires/reference/set.yaml" in names
    assert "compliance/_data/questionnaires/glossary/ar.yaml" in names
    assert "compliance/_data/questionnaires/reference/embedded/eu-adequacy.yaml" in names
    assert "compliance/store/migrations/versions/r0001_initial.py" in names
    assert not any(name.startswith("tests/") for name in names)


def test_an_installed_copy_finds_its_data_from_another_directory(
    wheel: Path, tmp_path: Path
) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = (
        "import json, compliance.paths as p, compliance.catalog as c;"
        "loaded, errors = c.entries();"
        "print(json.dumps([str(p.questionnaires_dir()), str(p.report_templates_dir()),"
        " [e.questionnaire.id for e in loaded], len(errors)]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    questionnaires, templates, ids, errors = json.loads(result.stdout)
    assert questionnaires.startswith(str(target))
    assert templates.startswith(str(target))
    assert "example" in ids
    assert errors == 0
