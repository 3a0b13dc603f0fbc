"""Provides the cached latest score of each assessment, refreshed by scoring with the engine.

Listings read the cache; a score is shown only when it was computed for the assessment's current
revision. :func:`refresh_scores` scores the stale ones (with the installed questionnaire they
name) and records each result only if the assessment did not change meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select, update

from compliance.errors import ComplianceError, WorkspaceDenied, WorkspaceReadOnly
from compliance.model.questionnaire import Questionnaire
from compliance.store.assessments import load_assessment
from compliance.store.schema import assessments
from compliance.store.workspace import Workspace

__all__ = ["Score", "refresh_scores"]


@dataclass(frozen=True, slots=True)
class Score:
    """The headline of a result."""

    score: str | None
    rating: str


def refresh_scores(
    workspace: Workspace,
    assessment_ids: list[int] | None = None,
    progress: Callable[[int, int], None] | None = None,
    problems: dict[int, str] | None = None,
) -> dict[int, Score]:
    """Scores every stale assessment (or those given) and caches the results.

    Returns the new scores by assessment id; an assessment whose questionnaire is not installed is
    left out. On a read-only workspace (or for a reader whose login may not write) the scores are
    computed but not cached. ``progress`` is told
    ``(done, total)`` before each assessment is scored (only when some are stale).

    An assessment that cannot be scored (it no longer fits its questionnaire, or it makes the
    engine fail) is left unscored and the others are still scored: one stored assessment never
    takes a listing down. Why it cannot be scored goes into ``problems``, by assessment id.
    """
    from compliance.catalog import find
    from compliance.engine.scoring import score
    from compliance.loader.reference_sets import bind_for

    query = select(assessments.c.id, assessments.c.revision).where(
        assessments.c.scored_revision.is_(None)
        | (assessments.c.scored_revision != assessments.c.revision)
    )
    if assessment_ids is not None:
        query = query.where(assessments.c.id.in_(assessment_ids))
    with workspace.read() as connection:
        stale = connection.execute(query).all()
    questionnaires: dict[tuple[str, str], Questionnaire | None] = {}
    computed: dict[int, tuple[int, Score]] = {}
    found = problems if problems is not None else {}
    for done, row in enumerate(stale):
        if progress is not None:
            progress(done, len(stale))
        try:
            assessment = load_assessment(workspace, row.id)
        except ComplianceError as error:
            found[row.id] = str(error)
            continue
        ref = assessment.questionnaire
        key = (ref.id, ref.version)
        if key not in questionnaires:
            try:
                questionnaires[key] = find(ref.id, ref.version).questionnaire
            except ComplianceError:
                questionnaires[key] = None
        questionnaire = questionnaires[key]
        if questionnaire is None:
            continue
        try:
            overall = score(bind_for(questionnaire, assessment), assessment).overall
        except ComplianceError as error:  # it does not fit its questionnaire (any more)
            found[row.id] = str(error)
            continue
        except Exception as error:  # a fault it finds in the engine must not end the listing
            found[row.id] = f"the engine failed on it ({type(error).__name__}: {str(error)[:200]})"
            continue
        value = None if overall.score is None else str(overall.score)
        computed[row.id] = (row.revision, Score(value, overall.rating))
    try:
        with workspace.write(needs="reader") as connection:  # a cache, not a change
            for assessment_id, (revision, result) in computed.items():
                connection.execute(
                    update(assessments)
                    .where(
                        (assessments.c.id == assessment_id) & (assessments.c.revision == revision)
                    )
                    .values(score=result.score, rating=result.rating, scored_revision=revision)
                )
    except (WorkspaceReadOnly, WorkspaceDenied):
        pass  # a read-only file, or a reader's login on PostgreSQL: shown, not cached
    return {assessment_id: result for assessment_id, (_, result) in computed.items()}
