"""Provides :func:`shown_findings`: a flow's findings as a reader should see them, never
contradicting one another.

The transfer rules record, for a country on a list whose entry is marked unverified, two things:
a note that the country is on the list (``MA_LISTED``, ``GDPR_ADEQUATE``, status ``ready``) and a
finding that this rests on unverified data (``MA_LIST_UNVERIFIED``, ``GDPR_ADEQUACY_UNVERIFIED``,
``conditional``). Read one after the other they contradict ("✓ France is on the CNDP list" then
"~ whether France is on the list is unverified"). What is true is the second alone: the verdict
depends on the list. So the note is left out wherever its unverified finding is shown, and that
finding is the one line the reader sees.

The result itself keeps both (its bytes are signed and re-derived on verify); this is a view of it,
used by the terminal UI, ``compliance score`` and the report alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from compliance.model.result import FlowResult, Reason

__all__ = ["SUPERSEDED_BY", "shown_findings"]

SUPERSEDED_BY: Final[Mapping[str, tuple[str, int]]] = {
    "MA_LISTED": ("MA_LIST_UNVERIFIED", +1),
    "GDPR_ADEQUATE": ("GDPR_ADEQUACY_UNVERIFIED", -1),
}
"""A note's code → the finding that replaces it and where the rules put that finding: ``+1``
after the note (the Moroccan gate notes the listing, then doubts it), ``-1`` before it (the GDPR
gate doubts the adequacy, then notes it). Other notes (an adequacy decision's scope, review or
expiry) may sit between the two."""


def _partner(reasons: tuple[Reason, ...], index: int, code: str, step: int) -> bool:
    """Whether the finding ``code`` for the same country follows (``step`` 1) or precedes
    (``step`` -1) the note at ``index`` in the same gate, with only notes in between."""
    note = reasons[index]
    position = index + step
    while 0 <= position < len(reasons):
        other = reasons[position]
        if other.gate != note.gate:
            return False
        if other.code == code:
            return True
        if other.status != "ready" or other.code == note.code:
            return False  # another finding, or the note for the next country
        position += step
    return False


def shown_findings(flow: FlowResult) -> tuple[Reason, ...]:
    """The flow's findings in the engine's order, less every note an unverified finding about the
    same listing replaces."""
    reasons = flow.reasons
    return tuple(
        reason
        for index, reason in enumerate(reasons)
        if reason.code not in SUPERSEDED_BY
        or not _partner(reasons, index, *SUPERSEDED_BY[reason.code])
    )
