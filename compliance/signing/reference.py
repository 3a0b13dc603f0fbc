"""Provides the reference set of a signed bundle: ``data/reference.json``.

A questionnaire naming a ``reference_set`` is scored with a published reference set, and a bundle
of an assessment of it carries that set's exact published bytes as ``data/reference.json``, a
subject of the signed statement like every other file. The verifier requires those bytes to be
byte-identical to a published set of the questionnaire's ``reference_set`` (its own registry copy
decides, never the bundle), binds that set and re-scores with it. A questionnaire that embeds its
lists (the 1.0.0 versions) takes no ``data/reference.json``: its bundles are unchanged.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from compliance.errors import VerifyError

if TYPE_CHECKING:
    from compliance.model.assessment import Assessment
    from compliance.model.questionnaire import Questionnaire

__all__ = ["REFERENCE", "for_signing", "for_verifying"]

REFERENCE = "data/reference.json"
"""The reference set the assessment was scored with, for a questionnaire naming a
``reference_set``; defined here and re-exported by :mod:`compliance.signing.bundle`, which imports
this module (so this one does not import it back)."""


def for_signing(
    questionnaire: Questionnaire, assessment: Assessment
) -> tuple[Questionnaire, bytes | None]:
    """The questionnaire bound to the set the assessment records (else the newest installed), and
    the set's published bytes for the bundle (None when the questionnaire embeds its lists).

    Raises :class:`~compliance.loader.reference_sets.ReferenceSetError` for a set not installed.
    """
    from compliance.loader.reference_sets import bind_for, choose_set

    bound = bind_for(questionnaire, assessment)
    if bound.reference_set is None:
        return bound, None
    return bound, choose_set(bound.reference_set, assessment.reference).read()


def for_verifying(
    files: dict[str, bytes], questionnaire: Questionnaire, assessment: Assessment
) -> Questionnaire:
    """The questionnaire bound to the bundle's ``data/reference.json``, checked to be a published
    set; raises :class:`VerifyError` (``reference-not-published``) otherwise."""
    from compliance.loader.reference_sets import installed_sets

    data = files.get(REFERENCE)
    set_id = questionnaire.reference_set
    if set_id is None:
        if data is not None:
            raise VerifyError(
                "reference-not-published",
                f"{questionnaire.id} {questionnaire.version} embeds its reference lists, but the "
                f"bundle carries {REFERENCE}",
            )
        return questionnaire
    if data is None:
        raise VerifyError(
            "reference-not-published",
            f"{questionnaire.id} {questionnaire.version} scores with a reference set, but the "
            f"bundle carries no {REFERENCE}",
        )
    digest = hashlib.sha256(data).hexdigest()
    entry = next((e for e in installed_sets() if e.digest == digest and e.id == set_id), None)
    if entry is None or entry.read() != data:
        raise VerifyError(
            "reference-not-published",
            f"the bundle's {REFERENCE} (digest {digest[:12]}...) is not a published "
            f"{set_id[:40]} reference set",
        )
    recorded = assessment.reference
    if recorded is not None and (
        (recorded.id, recorded.version) != (entry.id, entry.version)
        or (recorded.digest is not None and recorded.digest != entry.digest)
    ):
        raise VerifyError(
            "statement-mismatch",
            f"the assessment records reference set {recorded.id[:40]} {recorded.version}, but "
            f"the bundle carries {entry.label()}",
        )
    reference_set = entry.load()
    return questionnaire.with_reference(reference_set.lists, reference_set.stamp())
