"""Fixtures of the exchange suite: a workspace holding the sample assessment of the example."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from compliance.model.assessment import Assessment
from compliance.store.workspace import Workspace, open_workspace
from tests.store.conftest import sample_data


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    """An open workspace holding the sample assessment as assessment 1, acting as ``amina``."""
    from compliance.store.transfer import (
        assessment_bytes,
        import_assessment,
        parse_assessment_bytes,
    )

    workspace = open_workspace(str(tmp_path / "workspace.sqlite"), actor="amina")
    raw = assessment_bytes(Assessment.model_validate(sample_data()))
    assessment, _ = parse_assessment_bytes(raw, "sample.json")
    assert import_assessment(workspace, assessment) == 1
    try:
        yield workspace
    finally:
        workspace.close()
