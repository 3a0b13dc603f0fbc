"""Provides migration: an assessment carried from one version of its questionnaire to a newer one.

Answers are carried by stable question id. An answer that still fits its question (the option
still exists, the kind is the same, the value is in range) is carried as it was, with its comment
and evidence. One that no longer fits (a removed option, a changed kind, N/A no longer allowed) is
never dropped silently: the question is left unanswered and the old answer is written into its
comment, then listed in the report. An answer to a question the new version no longer has, and a
profile answer that no longer fits, have nowhere to live in the new assessment: they are listed in
the report with their value, so the user sees what to re-enter. A flow field that names something
the new version does not know (a transfer mechanism or ground) is cleared and listed.

The report also lists the questions added, removed and changed between the two versions, and ends
with the score, rating and flow statuses before and after, both computed with the assessment's own
``as_of`` date, each version bound to the reference set its assessment records (else the newest
installed one). Nothing here reads the clock, and the only files read are the installed reference
sets.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel

from compliance.catalog import version_key
from compliance.engine.scoring import score
from compliance.engine.validation import answer_problem, check_assessment
from compliance.errors import ComplianceError
from compliance.loader.reference_sets import bind_for
from compliance.model.assessment import Answer, Assessment, QuestionnaireRef
from compliance.model.questionnaire import Question, Questionnaire

__all__ = [
    "COMMENT_LIMIT",
    "ChangedQuestion",
    "ClearedFlowField",
    "LostAnswer",
    "MigrationError",
    "MigrationReport",
    "Standing",
    "UnfitAnswer",
    "check_direction",
    "compare_versions",
    "migrate",
]

COMMENT_LIMIT = 20_000
"""The longest comment an answer may hold (the assessment model's limit)."""

_CLEARABLE_FLOW_FIELDS = ("gdpr_mechanism", "ma_basis")


class MigrationError(ComplianceError):
    """A migration that cannot be done: another questionnaire, the same version, or a lower one."""


def check_direction(source: Questionnaire | QuestionnaireRef, target: Questionnaire) -> None:
    """Raises :class:`MigrationError` unless ``target`` is a newer version of the same
    questionnaire as ``source``."""
    if source.id != target.id:
        raise MigrationError(
            f"the assessment answers {source.id}, not {target.id}: "
            "a migration only moves to another version of the same questionnaire"
        )
    if source.version == target.version:
        raise MigrationError(
            f"the assessment already answers {source.id} {source.version}; nothing to migrate"
        )
    if version_key(target.version) < version_key(source.version):
        raise MigrationError(
            f"cannot migrate {source.id} down from {source.version} to {target.version}: "
            "answers only move to a newer version"
        )


# --- what changed between two versions -------------------------------------------------------

Where = Literal["profile", "answers"]


@dataclass(frozen=True, slots=True)
class ChangedQuestion:
    """A question both versions have, with the parts of it that differ."""

    id: str
    where: Where
    parts: tuple[str, ...]
    """Field names that differ (``kind``, ``options``, ``text``, ``when``...), plus ``control``
    when the question moved to another control."""


@dataclass(frozen=True, slots=True)
class VersionChanges:
    """The questions added, removed and changed from one version to the next."""

    added: tuple[tuple[str, Where], ...]
    removed: tuple[tuple[str, Where], ...]
    changed: tuple[ChangedQuestion, ...]
    controls: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Controls both versions have whose own fields differ (description, refs, weight...)."""
    translated: tuple[str, ...] = ()
    """Questions and controls whose only change is a translation beyond English and French
    (1.2.0 adds Arabic): listed as one count, not as 261 "changed" questions."""


def _questions(q: Questionnaire) -> dict[str, tuple[Question, Where, str | None]]:
    found: dict[str, tuple[Question, Where, str | None]] = {
        question.id: (question, "profile", None) for question in q.profile.questions
    }
    for _, control, question in q.iter_questions():
        found[question.id] = (question, "answers", control.id)
    return found


def _without_translations(value: Any) -> Any:
    """``value`` with the optional translations (``ar``) left out of every text."""
    if isinstance(value, dict):
        is_text = "en" in value and "fr" in value
        return {
            k: _without_translations(v) for k, v in value.items() if not (is_text and k == "ar")
        }
    if isinstance(value, list):
        return [_without_translations(v) for v in value]
    return value


def _differences(old: BaseModel, new: BaseModel, *, exclude: set[str]) -> tuple[str, ...]:
    """The fields that differ in English, French or substance (translations left out)."""
    a = _without_translations(old.model_dump(mode="json", exclude=exclude))
    b = _without_translations(new.model_dump(mode="json", exclude=exclude))
    return tuple(sorted(key for key in a.keys() | b.keys() if a.get(key) != b.get(key)))


def _translated(old: BaseModel, new: BaseModel, *, exclude: set[str]) -> bool:
    """Whether a translation beyond English and French differs."""
    return old.model_dump(mode="json", exclude=exclude) != new.model_dump(
        mode="json", exclude=exclude
    ) and not _differences(old, new, exclude=exclude)


def _changed_controls(
    old: Questionnaire, new: Questionnaire
) -> tuple[tuple[tuple[str, tuple[str, ...]], ...], tuple[str, ...]]:
    """The controls both versions have whose own fields differ (with those fields), and those
    whose only change is a translation."""
    before = {c.id: c for domain in old.domains for c in domain.controls}
    changed, translated = [], []
    for domain in new.domains:
        for control in domain.controls:
            previous = before.get(control.id)
            if previous is None:
                continue
            parts = _differences(previous, control, exclude={"id", "questions"})
            if parts:
                changed.append((control.id, parts))
            elif _translated(previous, control, exclude={"id", "questions"}):
                translated.append(control.id)
    return tuple(changed), tuple(translated)


def compare_versions(old: Questionnaire, new: Questionnaire) -> VersionChanges:
    """The questions added, removed and changed from ``old`` to ``new``, in the new (then old)
    asking order."""
    before, after = _questions(old), _questions(new)
    added = tuple((qid, after[qid][1]) for qid in after if qid not in before)
    removed = tuple((qid, before[qid][1]) for qid in before if qid not in after)
    changed = []
    translated = []
    for qid, (question, where, control_id) in after.items():
        if qid not in before:
            continue
        previous, _, previous_control = before[qid]
        parts = _differences(previous, question, exclude={"id"})
        if control_id != previous_control:
            parts = (*parts, "control")
        if parts:
            changed.append(ChangedQuestion(qid, where, parts))
        elif _translated(previous, question, exclude={"id"}):
            translated.append(qid)
    controls, controls_translated = _changed_controls(old, new)
    return VersionChanges(
        added, removed, tuple(changed), controls, (*translated, *controls_translated)
    )


# --- the migration ---------------------------------------------------------------------------


def _shown(value: Any) -> str:
    """An answer value as plain text for a comment or a report line."""
    if isinstance(value, tuple):
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, Decimal):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class UnfitAnswer:
    """An answer that no longer fits its question: kept in the question's comment."""

    id: str
    value: Any
    reason: str
    shortened: bool = False
    """True when the old comment had to be shortened to fit beside the old answer."""


@dataclass(frozen=True, slots=True)
class LostAnswer:
    """An answer the new assessment cannot hold (its question is gone, or a profile answer
    that no longer fits): listed so that it can be entered again by hand."""

    id: str
    where: Where
    value: Any
    reason: str
    comment: str | None = None


@dataclass(frozen=True, slots=True)
class ClearedFlowField:
    """A flow field naming something the new version does not know, cleared."""

    flow: str
    field: str
    value: str
    reason: str


@dataclass(frozen=True, slots=True)
class Standing:
    """Where an assessment stands: overall score, rating, coverage and each flow's status."""

    score: Decimal | None
    rating: str
    coverage: Decimal
    incomplete: bool
    flows: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class MigrationReport:
    """What a migration did, for the user to read before trusting the new assessment."""

    questionnaire: str
    from_version: str
    to_version: str
    changes: VersionChanges
    carried: tuple[str, ...]
    unfit: tuple[UnfitAnswer, ...]
    lost: tuple[LostAnswer, ...]
    cleared: tuple[ClearedFlowField, ...]
    dropped_reference: str | None
    """The reference set the assessment recorded, when the new version does not score with sets
    of that id (the migrated assessment then uses the newest installed set of its own)."""
    before: Standing
    after: Standing
    migrated: Assessment = field(repr=False)

    @property
    def listed_ids(self) -> set[str]:
        """Every answer id (profile or domain) the report accounts for."""
        return {*self.carried, *(u.id for u in self.unfit), *(x.id for x in self.lost)}

    def lines(self) -> Iterator[str]:
        """The report as text lines (English), the way ``compliance migrate`` prints it."""
        yield f"Migration of {self.questionnaire} {self.from_version} -> {self.to_version}"
        c = self.changes
        yield ""
        yield f"Questions added ({len(c.added)}):"
        yield from (f"  + {qid}" + (" (profile)" if w == "profile" else "") for qid, w in c.added)
        yield f"Questions removed ({len(c.removed)}):"
        yield from (f"  - {qid}" + (" (profile)" if w == "profile" else "") for qid, w in c.removed)
        yield f"Questions changed ({len(c.changed)}):"
        yield from (f"  ~ {q.id}: {', '.join(q.parts)}" for q in c.changed)
        yield f"Controls changed ({len(c.controls)}):"
        yield from (f"  ~ {cid}: {', '.join(parts)}" for cid, parts in c.controls)
        if c.translated:
            yield (
                f"Wording translated, English and French unchanged ({len(c.translated)} "
                "questions and controls): their answers carry over as they are"
            )
        yield ""
        yield f"Answers carried over: {len(self.carried)}"
        yield f"Answers that no longer fit, kept in the question's comment ({len(self.unfit)}):"
        for u in self.unfit:
            note = " (old comment shortened)" if u.shortened else ""
            yield f"  ! {u.id} = {_shown(u.value)}: {u.reason}{note}"
        yield f"Answers with no place in {self.to_version}, to re-enter by hand ({len(self.lost)}):"
        for x in self.lost:
            comment = f" (comment: {x.comment})" if x.comment else ""
            yield f"  ! {x.id} = {_shown(x.value)}: {x.reason}{comment}"
        if self.cleared:
            yield f"Flow fields cleared ({len(self.cleared)}):"
            for f in self.cleared:
                yield f"  ! {f.flow}.{f.field} = {f.value}: {f.reason}"
        if self.dropped_reference:
            yield (
                f"Reference set {self.dropped_reference} no longer recorded: {self.to_version} "
                "scores with the newest installed set of its own"
            )
        yield ""
        yield from self._standing_lines()

    def _standing_lines(self) -> Iterator[str]:
        b, a = self.before, self.after
        old_flows, new_flows = dict(b.flows), dict(a.flows)
        rows = [
            ("", self.from_version, self.to_version),
            ("score", _num(b.score), _num(a.score)),
            ("rating", b.rating, a.rating),
            ("coverage", f"{b.coverage}%", f"{a.coverage}%"),
            *(
                (f"flow {flow_id}", old_flows.get(flow_id, "-"), new_flows.get(flow_id, "-"))
                for flow_id in dict.fromkeys([*old_flows, *new_flows])
            ),
        ]
        width = max(len(label) for label, _, _ in rows)
        cell = max(len(value) for _, old, new in rows for value in (old, new))
        for i, (label, old, new) in enumerate(rows):
            mark = "  (changed)" if i and old != new else ""
            yield f"{label:<{width}}  {old:>{cell}}  {new:>{cell}}{mark}".rstrip()

    def as_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data (``--json``)."""

        def standing(s: Standing) -> dict[str, Any]:
            return {
                "score": None if s.score is None else str(s.score),
                "rating": s.rating,
                "coverage": str(s.coverage),
                "incomplete": s.incomplete,
                "flows": dict(s.flows),
            }

        def plain(value: Any) -> Any:
            if isinstance(value, tuple):
                return list(value)
            return str(value) if isinstance(value, Decimal) else value

        c = self.changes
        return {
            "questionnaire": self.questionnaire,
            "from": self.from_version,
            "to": self.to_version,
            "added": [{"id": qid, "where": w} for qid, w in c.added],
            "removed": [{"id": qid, "where": w} for qid, w in c.removed],
            "changed": [{"id": q.id, "where": q.where, "parts": list(q.parts)} for q in c.changed],
            "controls_changed": [{"id": cid, "parts": list(parts)} for cid, parts in c.controls],
            "carried": list(self.carried),
            "unfit": [
                {"id": u.id, "value": plain(u.value), "reason": u.reason, "shortened": u.shortened}
                for u in self.unfit
            ],
            "lost": [
                {
                    "id": x.id,
                    "where": x.where,
                    "value": plain(x.value),
                    "reason": x.reason,
                    "comment": x.comment,
                }
                for x in self.lost
            ],
            "cleared": [
                {"flow": f.flow, "field": f.field, "value": f.value, "reason": f.reason}
                for f in self.cleared
            ],
            "dropped_reference": self.dropped_reference,
            "before": standing(self.before),
            "after": standing(self.after),
        }


def _num(value: Decimal | None) -> str:
    return "-" if value is None else str(value)


def _standing(questionnaire: Questionnaire, assessment: Assessment) -> Standing:
    result = score(questionnaire, assessment)
    o = result.overall
    return Standing(
        score=o.score,
        rating=o.rating,
        coverage=o.coverage,
        incomplete=o.incomplete,
        flows=tuple((flow.id, flow.status) for flow in result.flows),
    )


def _kept_comment(
    old: Questionnaire, new: Questionnaire, answer: Answer, reason: str
) -> tuple[str, bool]:
    head = (
        f"[{old.id} {old.version} -> {new.version}] The answer {_shown(answer.value)} "
        f"no longer fits this question ({reason}); answer it again."
    )
    if not answer.comment:
        return head, False
    previous = f"\nEarlier comment: {answer.comment}"
    if len(head) + len(previous) <= COMMENT_LIMIT:
        return head + previous, False
    room = COMMENT_LIMIT - len(head) - 1
    return head + previous[:room] + "…", True


@dataclass
class _Tally:
    """What became of each answer, filled in as they are carried."""

    countries: set[str] | None
    carried: list[str] = field(default_factory=list)
    unfit: list[UnfitAnswer] = field(default_factory=list)
    lost: list[LostAnswer] = field(default_factory=list)


def _carry_profile(assessment: Assessment, new: Questionnaire, tally: _Tally) -> dict[str, Any]:
    profile: dict[str, Any] = {}
    for key, value in assessment.profile.items():
        question = new.profile_by_id.get(key)
        reason = (
            f"{new.version} has no such question"
            if question is None
            else answer_problem(question, value, tally.countries)
        )
        if reason is None:
            profile[key] = value
            tally.carried.append(key)
        else:
            tally.lost.append(LostAnswer(key, "profile", value, reason))
    return profile


def _carry_answers(
    assessment: Assessment, old: Questionnaire, new: Questionnaire, tally: _Tally
) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for key, answer in assessment.answers.items():
        question = new.questions_by_id.get(key)
        if question is None:
            reason = f"{new.version} has no such question"
            tally.lost.append(LostAnswer(key, "answers", answer.value, reason, answer.comment))
            continue
        fits = answer.value is None  # a comment with no answer is carried as it is
        problem = None if fits else answer_problem(question, answer.value, tally.countries)
        if problem is None:
            answers[key] = answer
            tally.carried.append(key)
            continue
        comment, shortened = _kept_comment(old, new, answer, problem)
        answers[key] = answer.model_copy(update={"value": None, "comment": comment})
        tally.unfit.append(UnfitAnswer(key, answer.value, problem, shortened))
    return answers


def migrate(assessment: Assessment, old: Questionnaire, new: Questionnaire) -> MigrationReport:
    """Carries ``assessment`` (answering ``old``) over to ``new``, a newer version of the same
    questionnaire, and reports what happened. Raises :class:`MigrationError` when ``new`` is not
    a newer version of ``old``."""
    ref = assessment.questionnaire
    if (ref.id, ref.version) != (old.id, old.version):
        raise MigrationError(
            f"the assessment answers {ref.id} {ref.version}, not {old.id} {old.version}"
        )
    check_direction(old, new)
    old = bind_for(old, assessment)
    stamp = assessment.reference
    dropped_reference = None
    if stamp is not None and stamp.id != new.reference_set:
        dropped_reference = f"{stamp.id} {stamp.version}"
        stamp = None  # the new version scores with its own sets: the newest installed one
    new = bind_for(new, assessment.model_copy(update={"reference": stamp}))
    reference = new.reference
    tally = _Tally(set(reference.countries) if reference and reference.countries else None)
    migrated = assessment.model_copy(
        update={
            "questionnaire": QuestionnaireRef(
                id=new.id, version=new.version, digest=None if ref.digest is None else new.digest
            ),
            "profile": _carry_profile(assessment, new, tally),
            "answers": _carry_answers(assessment, old, new, tally),
            "reference": stamp,
        }
    )
    migrated, cleared = _clear_unknown_flow_fields(migrated, new)
    problems = check_assessment(new, migrated)
    if problems:
        loc, message = problems[0]
        where = ".".join(str(part) for part in loc)
        raise MigrationError(
            f"the migrated assessment does not fit {new.id} {new.version} at {where}: {message}; "
            "fix the source assessment and migrate again"
        )
    return MigrationReport(
        questionnaire=new.id,
        from_version=old.version,
        to_version=new.version,
        changes=compare_versions(old, new),
        carried=tuple(tally.carried),
        unfit=tuple(tally.unfit),
        lost=tuple(tally.lost),
        cleared=tuple(cleared),
        dropped_reference=dropped_reference,
        before=_standing(old, assessment),
        after=_standing(new, migrated),
        migrated=migrated,
    )


def _clear_unknown_flow_fields(
    assessment: Assessment, new: Questionnaire
) -> tuple[Assessment, list[ClearedFlowField]]:
    flows_only = assessment.model_copy(update={"answers": {}, "profile": {}})
    updates: dict[int, dict[str, None]] = {}
    cleared: list[ClearedFlowField] = []
    for loc, message in check_assessment(new, flows_only):
        if len(loc) != 3 or loc[0] != "flows" or loc[2] not in _CLEARABLE_FLOW_FIELDS:
            continue
        index, name = int(loc[1]), str(loc[2])
        flow = assessment.flows[index]
        updates.setdefault(index, {})[name] = None
        cleared.append(ClearedFlowField(flow.id, name, str(getattr(flow, name)), message))
    if not cleared:
        return assessment, cleared
    flows = tuple(
        flow.model_copy(update=updates[i]) if i in updates else flow
        for i, flow in enumerate(assessment.flows)
    )
    return assessment.model_copy(update={"flows": flows}), cleared
