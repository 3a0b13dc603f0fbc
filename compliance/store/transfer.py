"""Provides import and export of one assessment as the engine's assessment file.

The export is JSON with sorted keys and two-space indentation, absent values left out: the same
assessment always gives the same bytes, so export → import → export is byte-identical. An import
is validated against the installed questionnaire before anything is written, so a bad file changes
nothing. Either may be encrypted with :mod:`compliance.filecrypt` (context
``compliance.assessment/v1``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select, update

from compliance.errors import DecryptionError, InputError, LoadError, WorkspaceError
from compliance.model.assessment import Assessment
from compliance.model.questionnaire import Questionnaire
from compliance.store.assessments import insert_assessment, load_assessment
from compliance.store.clients import client_id_for
from compliance.store.schema import assessments
from compliance.store.values import clean_name
from compliance.store.workspace import Workspace

__all__ = [
    "ENCRYPTED_SUFFIX",
    "EXPORT_CONTEXT",
    "assessment_bytes",
    "export_assessment",
    "import_assessment",
    "parse_assessment_bytes",
    "read_assessment_file",
]

EXPORT_CONTEXT = "compliance.assessment/v1"
ENCRYPTED_SUFFIX = ".cmpl"
"""The name of an encrypted assessment file (docs/adr: it is not JSON, so it is not named so).
A file is recognised as encrypted by its first bytes (:data:`compliance.filecrypt.MAGIC`); one
named so that does not start that way is refused as damaged or misnamed."""


def assessment_bytes(assessment: Assessment) -> bytes:
    """The assessment file of an assessment: deterministic JSON, UTF-8, ending with a newline."""
    data = assessment.model_dump(mode="json", exclude_none=True, by_alias=True)
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False)
    return (text + "\n").encode("utf-8")


def export_assessment(workspace: Workspace, assessment_id: int) -> bytes:
    """The assessment file of a stored assessment."""
    return assessment_bytes(load_assessment(workspace, assessment_id))


def parse_assessment_bytes(
    data: bytes, name: str, *, default_as_of: dt.date | None = None
) -> tuple[Assessment, Questionnaire]:
    """Parses an assessment file and checks it against the installed questionnaire it names.

    The questionnaire digest is filled in when the file leaves it out. Raises :class:`LoadError`
    naming the line of every problem.
    """
    from compliance.catalog import assessment_from_bytes
    from compliance.loader import MAX_ASSESSMENT_BYTES

    if len(data) > MAX_ASSESSMENT_BYTES:
        raise LoadError.single(
            name, f"the file is larger than {MAX_ASSESSMENT_BYTES // (1024 * 1024)} MiB; refused"
        )
    assessment, questionnaire = assessment_from_bytes(data, name, default_as_of=default_as_of)
    ref = assessment.questionnaire
    if ref.digest is None:
        digest = questionnaire.digest
        assessment = assessment.model_copy(
            update={"questionnaire": ref.model_copy(update={"digest": digest})}
        )
    return assessment, questionnaire


def read_assessment_file(
    path: Path, passphrase: Callable[[], str]
) -> tuple[Assessment, Questionnaire]:
    """Reads an assessment file, plain or encrypted (``passphrase`` is asked only if needed)."""
    from compliance import filecrypt
    from compliance.loader import MAX_ASSESSMENT_BYTES
    from compliance.safeyaml import read_bytes

    limit = MAX_ASSESSMENT_BYTES * 2  # an encrypted file is a little larger than its content
    data = read_bytes(path, max_bytes=limit, what="assessment")
    modified = dt.date.fromtimestamp(path.stat().st_mtime)
    encrypted = filecrypt.is_encrypted(data)
    if not encrypted and path.suffix.lower() == ENCRYPTED_SUFFIX:
        raise InputError(
            f"{path} is named as an encrypted assessment ({ENCRYPTED_SUFFIX}) but is not one: it "
            "does not start as the files this tool encrypts do; it is damaged, or another file "
            "was renamed",
            problem="named as an encrypted assessment but is not one",
        )
    if encrypted:
        try:
            data = filecrypt.decrypt(
                data, passphrase(), context=EXPORT_CONTEXT, max_bytes=MAX_ASSESSMENT_BYTES
            )
        except DecryptionError as error:
            raise DecryptionError(f"{path}: {error}", reason=error.reason) from None
    return parse_assessment_bytes(data, str(path), default_as_of=modified)


def import_assessment(
    workspace: Workspace,
    assessment: Assessment,
    *,
    client: str | None = None,
    scored: tuple[str | None, str] | None = None,
    once: bool = False,
) -> int:
    """Stores an assessment (already validated) under ``client`` and returns its id.

    ``client`` defaults to the organisation's name; a missing client is created. The assessment
    becomes the client's next cycle. ``scored`` (score, rating) is stored with it, in the same
    transaction, as the score of its first revision.
    """
    try:
        name = clean_name(client or assessment.organisation.name, "client name")
    except ValueError as error:
        raise WorkspaceError(str(error)) from None
    with workspace.write() as connection:
        client_id, created = client_id_for(connection, name, workspace.actor)
        if once and not created:
            latest = connection.execute(
                select(assessments.c.id)
                .where(assessments.c.client_id == client_id)
                .order_by(assessments.c.cycle.desc())
                .limit(1)
            ).scalar()
            if latest is not None:
                return int(latest)
        assessment_id = insert_assessment(
            connection, client_id, assessment, actor=workspace.actor, action="assessment.import"
        )
        if scored is not None:
            revision = connection.execute(
                select(assessments.c.revision).where(assessments.c.id == assessment_id)
            ).scalar_one()
            connection.execute(
                update(assessments)
                .where(assessments.c.id == assessment_id)
                .values(score=scored[0], rating=scored[1], scored_revision=revision)
            )
        return assessment_id
