"""Provides import and export of assessment files, and the sample client.

The sample client is the first installed of :data:`SAMPLE_FIXTURES`, imported as any file is.
An import reads and checks the whole file before anything is stored, so a bad file changes
nothing; an export is written atomically (never half a file), readable by its owner only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from compliance.errors import ComplianceError

if TYPE_CHECKING:
    from compliance.model.assessment import Assessment
    from compliance.store.workspace import Workspace

__all__ = [
    "SAMPLE_FIXTURES",
    "Imported",
    "Progress",
    "check_output",
    "export_file",
    "import_file",
    "is_encrypted_file",
    "read_file",
    "sample_fixture",
    "store",
]

Progress = Callable[[str], None]
"""Told the name of each step as it starts: ``reading_file``, ``saving`` and ``scoring`` for an
import; ``exporting``, ``encrypting`` (only with a passphrase) and ``writing`` for an export."""

SAMPLE_FIXTURES = (
    ("ma-offshoring", "telemarketing-france.yaml"),
    ("example", "processor-with-us-backups.yaml"),
)
"""The fixtures offered as the sample client (questionnaire, file); the first one installed wins."""


@dataclass(frozen=True, slots=True)
class Imported:
    """An assessment file stored in the workspace."""

    assessment_id: int
    client: str
    """The client it was stored under."""
    organisation: str
    """The organisation the file names."""


def _quiet(step: str) -> None:
    """Progress that is not shown."""


def is_encrypted_file(path: Path) -> bool:
    """Whether an assessment file is encrypted (so its passphrase must be asked), from its start."""
    from compliance.filecrypt import is_encrypted

    try:
        with path.open("rb") as handle:
            head = handle.read(64)
    except OSError as error:
        raise ComplianceError(f"{path}: {error.strerror or error}") from None
    return is_encrypted(head)


def read_file(
    path: Path, passphrase: Callable[[], str], *, progress: Progress = _quiet
) -> Assessment:
    """Reads an assessment file (``passphrase`` is asked only if it is encrypted) and checks it
    against its installed questionnaire; nothing is stored yet."""
    from compliance.store.transfer import read_assessment_file

    progress("reading_file")
    return read_assessment_file(path, passphrase)[0]


def store(
    workspace: Workspace,
    assessment: Assessment,
    *,
    client: str | None = None,
    progress: Progress = _quiet,
) -> Imported:
    """Stores a checked assessment as the next cycle of ``client`` (default: the organisation;
    created when missing) and scores it."""
    from compliance.store.assessments import get_assessment
    from compliance.store.scores import refresh_scores
    from compliance.store.transfer import import_assessment

    progress("saving")
    assessment_id = import_assessment(workspace, assessment, client=client)
    progress("scoring")
    refresh_scores(workspace, [assessment_id])
    info = get_assessment(workspace, assessment_id)
    return Imported(assessment_id, info.client, assessment.organisation.name)


def import_file(
    workspace: Workspace,
    path: Path,
    passphrase: Callable[[], str],
    *,
    client: str | None = None,
    progress: Progress = _quiet,
) -> Imported:
    """:func:`read_file`, then :func:`store`: a file that does not read changes nothing."""
    assessment = read_file(path, passphrase, progress=progress)
    return store(workspace, assessment, client=client, progress=progress)


def check_output(path: Path) -> None:
    """Refuses a path an assessment file cannot be written to, before anything is asked."""
    if path.is_dir():
        raise ComplianceError(f"{path} is a folder; give the file to write")
    if not path.parent.is_dir():
        raise ComplianceError(f"the folder of {path} does not exist")


def export_file(
    workspace: Workspace,
    assessment_id: int,
    path: Path,
    passphrase: str | None = None,
    *,
    progress: Progress = _quiet,
) -> None:
    """Writes an assessment file, encrypted with ``passphrase`` when one is given."""
    from compliance.files import write_atomically
    from compliance.store.transfer import EXPORT_CONTEXT, export_assessment

    check_output(path)
    progress("exporting")
    data = export_assessment(workspace, assessment_id)
    if passphrase:
        from compliance.filecrypt import encrypt

        progress("encrypting")
        data = encrypt(data, passphrase, context=EXPORT_CONTEXT)
    progress("writing")
    write_atomically(path, data, mode=0o600)


def sample_fixture(root: Path | None = None) -> Path | None:
    """The sample client's assessment file among the installed questionnaires, if any."""
    from compliance.paths import questionnaires_dir

    folder = questionnaires_dir() if root is None else root
    for questionnaire, name in SAMPLE_FIXTURES:
        candidate = folder / questionnaire / "fixtures" / name
        if candidate.is_file():
            return candidate
    return None
