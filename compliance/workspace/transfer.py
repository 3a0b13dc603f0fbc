"""Provides import and export of assessment files, and the sample client.

The sample client is the first installed of :data:`SAMPLE_FIXTURES`, imported as any file is.
An import reads and checks the whole file and scores it before anything is stored, then stores
the assessment with its score in one transaction: a bad file, or one that cannot be scored,
changes nothing; an export is written atomically (never half a file), readable by its owner only.
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
    "ENCRYPTED_SUFFIX",
    "PLAIN_SUFFIX",
    "SAMPLE_FIXTURES",
    "Imported",
    "Progress",
    "check_output",
    "export_file",
    "export_name",
    "import_file",
    "is_encrypted_file",
    "read_file",
    "sample_fixture",
    "store",
]

Progress = Callable[[str], None]
"""Told the name of each step as it starts: ``reading_file``, ``scoring`` and ``saving`` for an
import (scored before it is stored, so that a file that cannot be scored stores nothing);
``exporting``, ``encrypting`` (only with a passphrase) and ``writing`` for an export."""

SAMPLE_FIXTURES = (
    ("ma-offshoring/1.2.0", "telemarketing-france.yaml"),  # with Arabic texts
    ("ma-offshoring/1.1.0", "telemarketing-france.yaml"),
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


ENCRYPTED_SUFFIX = ".cmpl"
"""An encrypted export's name ends so (see :data:`compliance.store.transfer.ENCRYPTED_SUFFIX`)."""
PLAIN_SUFFIX = ".json"
"""A plain export's name ends so (its content is JSON)."""
_PLAIN_SUFFIXES = (".json", ".yaml", ".yml")


def export_name(client: str, questionnaire_id: str, cycle: int, *, encrypted: bool) -> str:
    """The file name an export is offered under: ``Atlas-Contact-ma-offshoring-cycle-2.cmpl``
    (letters, digits, ``.``, ``_`` and ``-`` only, accents dropped)."""
    import re
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", client).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", f"{ascii_name}-{questionnaire_id}").strip(".-")
    suffix = ENCRYPTED_SUFFIX if encrypted else PLAIN_SUFFIX
    return f"{stem or 'assessment'}-cycle-{cycle}{suffix}"


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
    once: bool = False,
) -> Imported:
    """Scores a checked assessment, then stores it with its score, in one transaction, as the next
    cycle of ``client`` (default: the organisation; created when missing).

    ``once``: only if the client is new (the sample client, made once).
    Raises :class:`ComplianceError` when it cannot be scored; nothing is stored then.
    """
    from compliance.store.assessments import get_assessment
    from compliance.store.transfer import import_assessment

    progress("scoring")
    headline = _headline(assessment)
    progress("saving")
    assessment_id = import_assessment(
        workspace, assessment, client=client, scored=headline, once=once
    )
    info = get_assessment(workspace, assessment_id)
    return Imported(assessment_id, info.client, assessment.organisation.name)


def _headline(assessment: Assessment) -> tuple[str | None, str]:
    """The overall score and rating, or :class:`ComplianceError` saying why there is none."""
    from compliance.catalog import find
    from compliance.engine.scoring import score
    from compliance.loader.reference_sets import bind_for

    ref = assessment.questionnaire
    questionnaire = find(ref.id, ref.version).questionnaire
    try:
        overall = score(bind_for(questionnaire, assessment), assessment).overall
    except ComplianceError as error:
        raise ComplianceError(f"the file cannot be scored ({error}); nothing was stored") from None
    except Exception as error:  # a fault the file found in the engine: refuse it, store nothing
        raise ComplianceError(
            f"the file cannot be scored ({type(error).__name__}: {str(error)[:200]}); nothing "
            "was stored; please report it"
        ) from None
    return (None if overall.score is None else str(overall.score)), overall.rating


def import_file(
    workspace: Workspace,
    path: Path,
    passphrase: Callable[[], str],
    *,
    client: str | None = None,
    progress: Progress = _quiet,
    once: bool = False,
) -> Imported:
    """:func:`read_file`, then :func:`store`: a file that does not read changes nothing."""
    assessment = read_file(path, passphrase, progress=progress)
    return store(workspace, assessment, client=client, progress=progress, once=once)


def check_output(path: Path, *, encrypted: bool | None = None) -> None:
    """Refuses a path an assessment file cannot be written to, before anything is asked.

    With ``encrypted`` given, also a name that would mislead: an encrypted export named like a
    plain one (``.json``, ``.yaml``) or a plain export named ``.cmpl``.
    """
    if path.is_dir():
        raise ComplianceError(f"{path} is a folder; give the file to write")
    if not path.parent.is_dir():
        raise ComplianceError(f"the folder of {path} does not exist")
    suffix = path.suffix.lower()
    if encrypted and suffix in _PLAIN_SUFFIXES:
        raise ComplianceError(
            f"{path.name}: an encrypted export is not {suffix[1:].upper()}; name it "
            f"{path.with_suffix(ENCRYPTED_SUFFIX).name} so that it is known as encrypted"
        )
    if encrypted is False and suffix == ENCRYPTED_SUFFIX:
        raise ComplianceError(
            f"{path.name}: a {ENCRYPTED_SUFFIX} file is an encrypted export; encrypt it, or name "
            f"it {path.with_suffix(PLAIN_SUFFIX).name}"
        )


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

    check_output(path, encrypted=bool(passphrase))
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
