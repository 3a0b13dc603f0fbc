"""Provides :class:`Session`: the open assessment, kept in step with the workspace store.

The session holds no rule of its own: answers are checked by
:func:`compliance.engine.validation.answer_problem`, saved by :mod:`compliance.store` (one durable
transaction each, before the in-memory copy changes) and what applies is decided by
:class:`compliance.engine.scoring.Applicability`. Screens read the session and call its methods.

The session remembers the store revision of every answer, flow and of the profile as it read
them; each write is based on that revision, so a change someone else made since is refused with
:class:`~compliance.errors.WorkspaceConflict` instead of being overwritten. The screen then offers
"keep theirs" (:meth:`Session.take_theirs`) or "use mine" (the same write ``based_on`` the
revision the conflict reported).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compliance.engine.conditions import condition_targets
from compliance.engine.scoring import Applicability
from compliance.engine.validation import answer_problem
from compliance.model.assessment import NA, Answer, Assessment, Flow
from compliance.model.questionnaire import Control, Domain, Question, Questionnaire
from compliance.model.result import Result
from compliance.store.revisions import Revisions
from compliance.store.values import now as now_stamp
from compliance.store.workspace import Workspace

if TYPE_CHECKING:
    from compliance.exchange.pack import PackSummary
    from compliance.exchange.unpack import UnpackReport

__all__ = ["Item", "Session"]


@dataclass(frozen=True, slots=True)
class Item:
    """A question as the assessment screen walks it: a profile question or one of a control."""

    question: Question
    domain: Domain | None = None
    control: Control | None = None

    @property
    def id(self) -> str:
        """The question id."""
        return self.question.id

    @property
    def profile(self) -> bool:
        """Whether this is a profile question."""
        return self.domain is None


@dataclass
class Session:
    """An assessment open in the UI."""

    workspace: Workspace
    assessment_id: int
    client: str
    questionnaire: Questionnaire
    assessment: Assessment
    stored: Revisions = field(default_factory=lambda: Revisions(0, 0))
    """The store revisions of what the session holds (the ``based_on`` of its writes)."""
    revision: int = 0
    """Bumped by every change, so a score of an older state can be told apart."""
    result: Result | None = None
    _applicability: Applicability | None = field(default=None, repr=False)
    _order: threading.Condition = field(default_factory=threading.Condition, repr=False)
    _next_ticket: int = field(default=0, repr=False)
    _serving: int = field(default=0, repr=False)

    @classmethod
    def open(
        cls,
        workspace: Workspace,
        assessment_id: int,
        lookup: Callable[[str, str], Questionnaire | None] | None = None,
    ) -> Session:
        """Loads an assessment and its questionnaire (blocking: call it from a worker).

        ``lookup`` finds the questionnaire by id and version (the app's loaded catalogue); the
        catalogue is searched when it is not given or finds nothing.
        """
        from compliance.catalog import find
        from compliance.loader.reference_sets import bind_for
        from compliance.store.assessments import get_assessment, load_assessment
        from compliance.store.revisions import revisions

        info = get_assessment(workspace, assessment_id)
        # revisions first: a change landing between the two reads makes the next write conflict
        # (safe), never overwrite
        stored = revisions(workspace, assessment_id)
        assessment = load_assessment(workspace, assessment_id)
        ref = assessment.questionnaire
        questionnaire = lookup(ref.id, ref.version) if lookup else None
        if questionnaire is None:
            questionnaire = find(ref.id, ref.version).questionnaire
        questionnaire = bind_for(questionnaire, assessment)  # the reference set it records
        return cls(workspace, assessment_id, info.client, questionnaire, assessment, stored)

    # --- what applies ---------------------------------------------------------------------

    @property
    def applicability(self) -> Applicability:
        """Which questions apply to the answers as they stand."""
        if self._applicability is None:
            self._applicability = Applicability(self.questionnaire, self.assessment)
        return self._applicability

    def items(self) -> Iterator[Item]:
        """Every question that applies, profile first, in questionnaire order."""
        applies = self.applicability
        for question in self.questionnaire.profile.questions:
            if applies.profile_applies(question.id):
                yield Item(question)
        for domain, control, question in self.questionnaire.iter_questions():
            if applies.applies(question.id):
                yield Item(question, domain, control)

    def value(self, item: Item) -> Any:
        """The current answer value of an item (None when unanswered)."""
        if item.profile:
            return self.assessment.profile.get(item.id)
        answer = self.assessment.answers.get(item.id)
        return None if answer is None else answer.value

    def value_of(self, question_id: str) -> Any:
        """The answer value of a question of the domains (None when unanswered)."""
        answer = self.assessment.answers.get(question_id)
        return None if answer is None else answer.value

    def answer(self, question_id: str) -> Answer | None:
        """The full answer to a question of the domains."""
        return self.assessment.answers.get(question_id)

    def answered(self, item: Item) -> bool:
        """Whether the item has an answer (N/A counts)."""
        return self.value(item) is not None

    def progress(self, items: list[Item] | None = None) -> dict[str | None, tuple[int, int]]:
        """``(answered, applicable)`` by domain id (None: the profile), in one pass."""
        counts: dict[str | None, list[int]] = {}
        for item in self.items() if items is None else items:
            key = None if item.domain is None else item.domain.id
            pair = counts.setdefault(key, [0, 0])
            pair[0] += self.answered(item)
            pair[1] += 1
        return {key: (pair[0], pair[1]) for key, pair in counts.items()}

    # --- changes (each one durable before the in-memory copy moves) -------------------------

    @cached_property
    def condition_targets(self) -> frozenset[str]:
        """The questions some condition tests: only their answers can change what applies."""
        return condition_targets(self.questionnaire)

    def affects_conditions(self, item: Item) -> bool:
        """Whether answering ``item`` can show or hide other questions."""
        return item.id in self.condition_targets

    @cached_property
    def _countries(self) -> set[str] | None:
        reference = self.questionnaire.reference
        return set(reference.countries) or None if reference else None

    def _changed(self, assessment: Assessment, question_id: str | None = None) -> None:
        self.assessment = assessment
        if question_id is None or question_id in self.condition_targets:
            self._applicability = None
        elif self._applicability is not None:
            self._applicability.assessment = assessment
        self.revision += 1

    def problem(self, item: Item, value: Any) -> str | None:
        """Why ``value`` cannot answer ``item``, or None."""
        return answer_problem(item.question, value, self._countries)

    def _based(self, question_id: str) -> int:
        return self.stored.answers.get(question_id, 0)

    def _remember(self, question_id: str, revision: int | None) -> None:
        answers = dict(self.stored.answers)
        if revision is None:
            answers.pop(question_id, None)
        else:
            answers[question_id] = revision
        self.stored = replace(self.stored, answers=answers)

    def set_answer(self, item: Item, value: Any, *, based_on: int | None = None) -> None:
        """Saves an answer (None clears it); raises a ComplianceError when the store refuses it
        (:class:`WorkspaceConflict` when someone changed it since it was read). ``based_on``
        overrides the revision the write is based on ("use mine" after a conflict)."""
        self.write_answer(item, value, based_on=based_on)
        self.apply_answer(item, value)

    def write_answer(self, item: Item, value: Any, *, based_on: int | None = None) -> None:
        """The store half of :meth:`set_answer` (safe in a worker thread; writes one at a
        time, in the order asked): the in-memory copy is left to :meth:`apply_answer`."""
        from compliance.store.answers import clear_answer, save_answer
        from compliance.store.assessments import set_profile_answer

        with self._turn():
            if item.profile:
                revision = set_profile_answer(
                    self.workspace,
                    self.assessment_id,
                    item.id,
                    value,
                    based_on=self.stored.profile if based_on is None else based_on,
                )
                self.stored = replace(self.stored, profile=revision)
                return
            base = self._based(item.id) if based_on is None else based_on
            if value is None:
                clear_answer(self.workspace, self.assessment_id, item.id, based_on=base)
                self._remember(item.id, None)
                return
            revision = save_answer(
                self.workspace,
                self.assessment_id,
                item.id,
                value,
                questionnaire=self.questionnaire,
                based_on=base,
            )
            self._remember(item.id, revision)

    def apply_answer(self, item: Item, value: Any) -> None:
        """The in-memory half of :meth:`set_answer`, once the store has the answer."""
        if item.profile:
            profile = dict(self.assessment.profile)
            if value is None:
                profile.pop(item.id, None)
            else:
                profile[item.id] = tuple(value) if isinstance(value, list) else value
            self._changed(self.assessment.model_copy(update={"profile": profile}), item.id)
            return
        answers = dict(self.assessment.answers)
        if value is None:
            answers.pop(item.id, None)
        else:
            old = answers.get(item.id)
            answers[item.id] = Answer.model_validate(
                {
                    "value": value,
                    "comment": old.comment if old else None,
                    "evidence": old.evidence if old else (),
                    "answered_by": self.workspace.actor,
                    "answered_at": now_stamp(),
                }
            )
        self._changed(self.assessment.model_copy(update={"answers": answers}), item.id)

    @contextmanager
    def _turn(self) -> Iterator[None]:
        """One store write at a time, first asked first served (several workers may wait)."""
        with self._order:
            ticket = self._next_ticket
            self._next_ticket += 1
            while ticket != self._serving:
                self._order.wait()
        try:
            yield
        finally:
            with self._order:
                self._serving += 1
                self._order.notify_all()

    def set_na(self, item: Item) -> None:
        """Answers "not applicable"."""
        self.set_answer(item, NA)

    def set_comment(
        self, question_id: str, comment: str | None, *, based_on: int | None = None
    ) -> None:
        """Saves the comment of an answered question: the comment only, never the value."""
        self.write_comment(question_id, comment, based_on=based_on)
        self.apply_comment(question_id, comment)

    def write_comment(
        self, question_id: str, comment: str | None, *, based_on: int | None = None
    ) -> None:
        """The store half of :meth:`set_comment` (safe in a worker thread)."""
        from compliance.store.answers import KEEP, save_answer

        with self._turn():
            revision = save_answer(
                self.workspace,
                self.assessment_id,
                question_id,
                KEEP,
                comment=comment or None,
                based_on=self._based(question_id) if based_on is None else based_on,
            )
            self._remember(question_id, revision)

    def apply_comment(self, question_id: str, comment: str | None) -> None:
        """The in-memory half of :meth:`set_comment`."""
        answer = self.assessment.answers.get(question_id)
        if answer is None:
            return
        answers = dict(self.assessment.answers)
        answers[question_id] = answer.model_copy(update={"comment": comment or None})
        self._changed(self.assessment.model_copy(update={"answers": answers}))

    def take_theirs(self, question_id: str) -> None:
        """Reads one answer (or the profile) again from the store: "keep theirs"."""
        from compliance.store.answers import get_answer
        from compliance.store.assessments import load_assessment
        from compliance.store.revisions import revisions

        stored = revisions(self.workspace, self.assessment_id)
        if any(question_id == q.id for q in self.questionnaire.profile.questions):
            fresh = load_assessment(self.workspace, self.assessment_id)
            self.stored = replace(self.stored, profile=stored.profile)
            profile = fresh.profile
            self._changed(self.assessment.model_copy(update={"profile": profile}), question_id)
            return
        answer = get_answer(self.workspace, self.assessment_id, question_id)
        answers = dict(self.assessment.answers)
        if answer is None:
            answers.pop(question_id, None)
        else:
            answers[question_id] = answer
        self._remember(question_id, stored.answers.get(question_id))
        self._changed(self.assessment.model_copy(update={"answers": answers}), question_id)

    def attach(self, question_id: str, path: Path) -> None:
        """Hashes a file and attaches it to an answered question (blocking for large files)."""
        self.apply_attached(question_id, self.write_attach(question_id, path))

    def write_attach(self, question_id: str, path: Path) -> Answer | None:
        """The store half of :meth:`attach` (safe in a worker thread; in the order of the other
        writes): the answer as stored now, for :meth:`apply_attached`."""
        from compliance.store.answers import get_answer
        from compliance.store.evidence import attach_evidence
        from compliance.store.revisions import revisions

        with self._turn():
            attach_evidence(
                self.workspace,
                self.assessment_id,
                question_id,
                path,
                based_on=self._based(question_id),
            )
            stored = get_answer(self.workspace, self.assessment_id, question_id)
            self._remember(
                question_id, revisions(self.workspace, self.assessment_id).answers.get(question_id)
            )
        return stored

    def apply_attached(self, question_id: str, stored: Answer | None) -> None:
        """The in-memory half of :meth:`attach`."""
        if stored is not None:
            answers = dict(self.assessment.answers)
            answers[question_id] = stored
            self._changed(self.assessment.model_copy(update={"answers": answers}))

    def write_pack(self, domains: list[str], lang: str, output: Path) -> PackSummary:
        """Writes an answer pack of these domains to ``output`` with the function
        ``compliance pack`` uses (blocking: call it from a worker)."""
        from compliance.exchange.pack import make_pack
        from compliance.files import write_atomically

        with self._turn():
            data, summary = make_pack(
                self.workspace, self.assessment_id, domains=domains, lang=lang
            )
        write_atomically(output, data)
        return summary

    def read_pack(self, path: Path, *, partial: bool = False) -> UnpackReport:
        """Reads an answer pack back into this assessment as ``compliance unpack --into`` does
        (``partial``: ``--partial``), then re-reads the assessment (blocking: call it from a
        worker). Raises :class:`~compliance.errors.ExchangeError` listing every problem, with
        nothing changed, when a cell is wrong and not ``partial``."""
        from compliance.exchange.unpack import apply_pack
        from compliance.store.scores import refresh_scores

        with self._turn():
            report = apply_pack(self.workspace, path, into=self.assessment_id, partial=partial)
            if report.applied:
                refresh_scores(self.workspace, [report.assessment_id])
            self.reload()
        return report

    def save_flow(self, flow: Flow, *, new: bool) -> None:
        """Adds a flow (``new``) or replaces the one with the same id."""
        self.write_flow(flow, new=new)
        self.apply_flow(flow, new=new)

    def write_flow(self, flow: Flow, *, new: bool) -> None:
        """The store half of :meth:`save_flow` (safe in a worker thread; in order)."""
        from compliance.store.flows import add_flow, replace_flow

        with self._turn():
            if new:
                revision = add_flow(self.workspace, self.assessment_id, flow)
            else:
                revision = replace_flow(
                    self.workspace,
                    self.assessment_id,
                    flow,
                    based_on=self.stored.flows.get(flow.id, 0),
                )
            self.stored = replace(self.stored, flows={**self.stored.flows, flow.id: revision})

    def apply_flow(self, flow: Flow, *, new: bool) -> None:
        """The in-memory half of :meth:`save_flow`."""
        flows = list(self.assessment.flows)
        if new:
            flows.append(flow)
        else:
            flows = [flow if f.id == flow.id else f for f in flows]
        self._changed(self.assessment.model_copy(update={"flows": tuple(flows)}))

    def delete_flow(self, flow_id: str) -> None:
        """Deletes a flow and drops it from the onward flows of the others."""
        self.apply_read(self.write_delete_flow(flow_id))

    def write_delete_flow(self, flow_id: str) -> Assessment:
        """The store half of :meth:`delete_flow` (safe in a worker thread; in order): the
        assessment read back afterwards, for :meth:`apply_read`."""
        from compliance.store.assessments import load_assessment
        from compliance.store.flows import delete_flow, replace_flow
        from compliance.store.revisions import revisions

        with self._turn():
            for other in self.assessment.flows:
                if flow_id in other.onward:
                    onward = tuple(f for f in other.onward if f != flow_id)
                    replace_flow(
                        self.workspace,
                        self.assessment_id,
                        other.model_copy(update={"onward": onward}),
                        based_on=self.stored.flows.get(other.id, 0),
                    )
            delete_flow(
                self.workspace,
                self.assessment_id,
                flow_id,
                based_on=self.stored.flows.get(flow_id, 0),
            )
            self.stored = revisions(self.workspace, self.assessment_id)
            return load_assessment(self.workspace, self.assessment_id)

    def apply_read(self, assessment: Assessment) -> None:
        """Shows an assessment read back from the store."""
        self._changed(assessment)

    def reload(self) -> None:
        """Reads the assessment back from the store (revisions first, as :meth:`open`)."""
        from compliance.store.assessments import load_assessment
        from compliance.store.revisions import revisions

        self.stored = revisions(self.workspace, self.assessment_id)
        self._changed(load_assessment(self.workspace, self.assessment_id))

    def from_store(self) -> Assessment:
        """The assessment as the store holds it now, others' changes included (blocking: call
        it from a worker). Results, reports and signatures are made from it, never from a copy
        that may be stale; the screens catch up through the app's store follower."""
        from compliance.store.assessments import load_assessment

        return load_assessment(self.workspace, self.assessment_id)

    def changed_in_store(self) -> bool:
        """Whether someone changed the assessment since the session read or wrote it (one
        small query; call it from a worker)."""
        from compliance.store.revisions import revisions

        now = revisions(self.workspace, self.assessment_id)
        mine = self.stored
        return (now.profile, now.answers, now.flows) != (mine.profile, mine.answers, mine.flows)

    def score(self) -> Result:
        """Scores the assessment as it stands (pure; safe in a worker on a snapshot)."""
        from compliance.engine.scoring import score

        return score(self.questionnaire, self.assessment)
