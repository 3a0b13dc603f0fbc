"""Shared fixtures: every test runs with its own user folders, never the real home directory."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "questionnaires" / "example" / "questionnaire.yaml"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("user")
    values = {
        "COMPLIANCE_DATA_DIR": str(home / "data"),
        "COMPLIANCE_CACHE_DIR": str(home / "cache"),
        "COMPLIANCE_CONFIG_DIR": str(home / "config"),
        "COMPLIANCE_QUESTIONNAIRES": str(home / "questionnaires"),
        "COMPLIANCE_WORKSPACE": str(home / "workspace.sqlite"),
        "COMPLIANCE_DOCUMENTS_DIR": str(home / "documents"),
    }
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    (home / "documents").mkdir()
    from compliance import loader

    loader.clear_memo()
    yield home
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture
def user_dirs(_isolated_user_dirs: Path) -> Path:
    """The root of this test's user folders."""
    return _isolated_user_dirs


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A writable copy of the example questionnaire."""
    target = tmp_path / "questionnaire.yaml"
    shutil.copy(EXAMPLE, target)
    return target
