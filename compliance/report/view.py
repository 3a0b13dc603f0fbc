"""Provides the view of a report: everything the templates print, already worded and formatted.

Templates only place these values; they make no decision and compute nothing, so the HTML and the
Markdown report say the same things. Every string here is plain text (user text included): the
templates' escaping makes it safe, never this module. Charts are the only markup, built by
:mod:`compliance.report.charts` with every value escaped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from markupsafe import Markup

from compliance.engine import plan
from compliance.engine.citations import Cited, cite, legend
from compliance.engine.findings import shown_findings
from compliance.model.assessment import Answer, Assessment, Flow
from compliance.model.base import Text as BaseText
from compliance.model.questionnaire import (
    CountryQuestion,
    MultiChoiceQuestion,
    NumberQuestion,
    Question,
    Questionnaire,
    ScaleQuestion,
    SingleChoiceQuestion,
)
from compliance.model.reference import ReferenceData
from compliance.model.result import FlowResult, GateResult, QuestionResult, Result
from compliance.report import charts
from compliance.report.bidi import RTL, direction, ltr
from compliance.report.formatting import country, long_date, number, percent
from compliance.report.strings import labels, method, strings
from compliance.report.tia import TiaView, build_tia, flows_with_tia
from compliance.report.worksheets import Worksheet, cndp_worksheets, scc_worksheets
from compliance.typography import NBSP, label, typeset

__all__ = ["Document", "build"]


@dataclass(frozen=True, slots=True)
class EvidenceView:
    path: str
    sha256: str
    note: str | None


@dataclass(frozen=True, slots=True)
class AnswerView:
    id: str
    text: str
    answer: str
    state: str
    """``given``, ``na`` or ``missing``: how the template styles the answer."""
    status: str
    score: str
    lost: str
    comment: str | None = None
    answered_by: str | None = None
    evidence: tuple[EvidenceView, ...] = ()


@dataclass(frozen=True, slots=True)
class ControlView:
    id: str
    title: str
    critical: bool
    applicable: bool
    score: str
    lost: str
    refs: str
    bar: Markup
    questions: tuple[AnswerView, ...] = ()


@dataclass(frozen=True, slots=True)
class DomainView:
    id: str
    title: str
    score: str
    coverage: str
    lost: str
    bar: Markup
    controls: tuple[ControlView, ...]


@dataclass(frozen=True, slots=True)
class ReasonView:
    status: str
    status_label: str
    gate: str
    message: str
    refs: str


@dataclass(frozen=True, slots=True)
class GateView:
    name: str
    status: str
    status_label: str
    checks: str


@dataclass(frozen=True, slots=True)
class FlowView:
    id: str
    name: str
    status: str
    status_label: str
    score: str
    bar: Markup
    route: str
    exporter: str
    importer: str
    regime: str
    gates: tuple[GateView, ...]
    reasons: tuple[ReasonView, ...]
    onward: str | None
    description: str | None
    purpose: str | None


@dataclass(frozen=True, slots=True)
class ActionView:
    rank: int
    control: str
    title: str
    impact: str
    critical: bool
    caps_rating: bool
    score: str
    action: str
    evidence: tuple[str, ...]
    refs: str
    questions: str


@dataclass(frozen=True, slots=True)
class Cover:
    organisation: str
    details: tuple[tuple[str, str], ...]
    assessor: str | None
    date: str
    date_iso: str
    questionnaire: str
    questionnaire_id: str
    version: str
    digest: str
    engine: str
    reference: str | None = None
    """The reference set scored with (``id version``), for questionnaires that take one."""
    reference_digest: str | None = None
    reference_note: str | None = None


@dataclass(frozen=True, slots=True)
class Summary:
    score: str
    rating: str
    rating_status: str
    coverage: str
    sentences: tuple[str, ...]
    flows: str
    actions: tuple[ActionView, ...]
    gauge: Markup
    flow_chart: Markup


@dataclass(frozen=True, slots=True)
class Document:
    """Everything a report prints."""

    lang: str
    s: Mapping[str, str]
    title: str
    dir: str
    """``ltr`` or ``rtl`` (Arabic): the document's direction."""
    labelled: Mapping[str, str]
    """The catalogue's labels printed before a value, with their colon (``Commentaire :``), worded
    once here rather than by a filter on every row."""
    ltr_attr: Markup
    """`` dir="ltr"`` in a right-to-left document, else nothing: the attribute that isolates an
    identifier's element (a ``<span>`` or a cell) as ``<bdi dir="ltr">`` would."""
    cover: Cover
    summary: Summary
    method: tuple[str, ...]
    domains: tuple[DomainView, ...]
    flows: tuple[FlowView, ...]
    profile: tuple[AnswerView, ...]
    remediation: tuple[ActionView, ...]
    cndp: tuple[Worksheet, ...]
    scc: tuple[Worksheet, ...]
    signature: str | None
    charts: bool = field(default=True)
    texts: tuple[Cited, ...] = ()
    """The legal texts cited, each once: its short name (as citations give it) and full title."""
    tias: tuple[TiaView, ...] = ()
    """The annex: the TIA of each flow that has a structured one."""


_RATING_STATUS = ("ready", "conditional", "not_ready", "blocked")
_LABELLED = (
    "comment", "answered_by", "evidence", "evidence_note", "expected_evidence", "signature_key",
)  # fmt: skip
_CONTROL_ID = re.compile(r"(?<![\w\u2068-])[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[0-9]+(?![\w\u2069-])")
"""A control id (``GOV-01``, ``S-XFR-03``) not already isolated."""


def _isolated(match: re.Match[str]) -> str:
    return ltr(match.group(0), "ar")


class _Builder:
    def __init__(
        self, q: Questionnaire, a: Assessment, r: Result, lang: str, with_charts: bool
    ) -> None:
        self.q, self.a, self.r, self.lang = q, a, r, lang
        self.s = strings(lang)
        self.reference = q.reference or ReferenceData()
        self.band_mins = [band.min for band in q.scoring.bands]
        self.bands = {band.id: band.label.get(lang) for band in q.scoring.bands}
        self.with_charts = with_charts
        self.rtl = lang in RTL
        self.comma = "، " if lang == "ar" else ", "
        """Between the items of a list in running text (the Arabic comma in Arabic)."""

    def iso(self, text: str) -> str:
        """An identifier or a name inside a composed string, isolated in a right-to-left report
        (U+2068 FSI ... U+2069 PDI: its direction is its first strong letter's, ADR 0025)."""
        return ltr(text, self.lang)

    def n(self, value: Decimal | None) -> str:
        return number(value, self.lang)

    def words(self, text: BaseText) -> str:
        """Questionnaire wording in the report's language and typography."""
        return self.ids(typeset(text.get(self.lang), self.lang))

    def ids(self, text: str) -> str:
        """``text`` with each control id in it (``S-GOV-01``) isolated in a right-to-left report:
        questionnaire wording and the engine's sentences name controls inside Arabic text."""
        if not self.rtl or "-" not in text:  # every control id has a hyphen
            return text
        return _CONTROL_ID.sub(_isolated, text)

    def refs(self, citations: Mapping[str, tuple[str, ...]]) -> str:
        separator = {"fr": f"{NBSP}; ", "ar": "؛ "}.get(self.lang, "; ")
        return cite(citations, self.q, self.lang, separator=separator)

    def texts(self) -> tuple[Cited, ...]:
        cited: list[Mapping[str, tuple[str, ...]]] = [
            c.refs for d in self.q.domains for c in d.controls
        ]
        cited += [reason.refs for fr in self.r.flows for reason in shown_findings(fr)]
        return legend(cited, self.q, self.lang)

    def bar(self, score: Decimal | None) -> Markup:
        if not self.with_charts:
            return Markup("")
        return charts.bar(score, self.band_mins, rtl=self.rtl)

    def country(self, code: str | None) -> str:
        return country(code, self.reference.countries, self.lang) or self.s["not_given"]

    # --- answers --------------------------------------------------------------------------

    def answer_text(self, question: Question, answer: Answer) -> str:
        value = answer.value
        s = self.s
        if isinstance(value, bool):
            return s["yes"] if value else s["no"]
        if isinstance(question, SingleChoiceQuestion | MultiChoiceQuestion):
            options = {o.id: o.label.get(self.lang) for o in question.options}
            chosen = value if isinstance(value, tuple) else (str(value),)
            return self.comma.join(options.get(c, c) for c in chosen)
        if isinstance(question, ScaleQuestion):
            marks = {label.value: label.label.get(self.lang) for label in question.labels}
            shown = f"{value} / {question.max}"
            mark = marks.get(value) if isinstance(value, int) else None
            return f"{shown} ({mark})" if mark else shown
        if isinstance(question, NumberQuestion):
            shown = str(value)
            if self.lang in ("fr", "ar"):
                shown = shown.replace(".", ",")
            return f"{shown} {question.unit.get(self.lang)}" if question.unit else shown
        if isinstance(question, CountryQuestion):
            codes = value if isinstance(value, tuple) else (str(value),)
            return self.comma.join(self.country(c) for c in codes)
        if value in ("yes", "no"):
            return s[str(value)]
        if isinstance(value, tuple):
            return self.comma.join(value)
        return str(value)

    def answer(self, question: Question, result: QuestionResult | None) -> AnswerView:
        answer = self.a.answers.get(question.id)
        status = result.status if result else "unanswered"
        if answer is None or answer.value is None:
            text, state = self.s["not_answered"], "missing"
        elif answer.is_na:
            text, state = self.s["answer_na"], "na"
        else:
            text, state = self.answer_text(question, answer), "given"
        score = "" if result is None or result.score is None else self.n(result.score * 100)
        lost = "" if result is None or not result.lost else self.n(result.lost)
        return AnswerView(
            id=question.id,
            text=self.words(question.text),
            answer=text,
            state=state,
            status=self.s[f"qstatus_{status}"],
            score=score,
            lost=lost,
            comment=answer.comment if answer else None,
            answered_by=answer.answered_by if answer else None,
            evidence=tuple(EvidenceView(e.path, e.sha256, e.note) for e in answer.evidence)
            if answer
            else (),
        )

    def profile(self) -> tuple[AnswerView, ...]:
        views = []
        for question in self.q.profile.questions:
            value = self.a.profile.get(question.id)
            if value is None:
                text, state = self.s["not_answered"], "missing"
            else:
                text, state = self.answer_text(question, Answer(value=value)), "given"
            views.append(
                AnswerView(question.id, self.words(question.text), text, state, "", "", "")
            )
        return tuple(views)

    # --- scores ---------------------------------------------------------------------------

    def domains(self) -> tuple[DomainView, ...]:
        results = {c.id: c for c in self.r.controls}
        domain_results = {d.id: d for d in self.r.domains}
        views = []
        for domain in self.q.domains:
            dr = domain_results.get(domain.id)
            controls = []
            for control in domain.controls:
                cr = results.get(control.id)
                if cr is None:
                    continue
                by_id = {qr.id: qr for qr in cr.questions}
                controls.append(
                    ControlView(
                        id=control.id,
                        title=control.title.get(self.lang),
                        critical=control.critical,
                        applicable=cr.applicable,
                        score=self.n(cr.score) if cr.applicable else self.s["not_applicable"],
                        lost=self.n(cr.lost),
                        refs=self.refs(control.refs),
                        bar=self.bar(cr.score),
                        questions=tuple(
                            self.answer(question, by_id.get(question.id))
                            for question in control.questions
                        ),
                    )
                )
            views.append(
                DomainView(
                    id=domain.id,
                    title=domain.title.get(self.lang),
                    score=self.n(dr.score) if dr else "",
                    coverage=percent(dr.coverage, self.lang) if dr else "",
                    lost=self.n(dr.lost) if dr else "",
                    bar=self.bar(dr.score if dr else None),
                    controls=tuple(controls),
                )
            )
        return tuple(views)

    # --- flows ----------------------------------------------------------------------------

    def gate(self, name: str, gate: GateResult) -> GateView:
        checks = self.s["checks_passed"].format(passed=gate.passed, checks=gate.checks)
        return GateView(name, gate.status, self.s[f"status_{gate.status}"], checks)

    def party(self, name: str, code: str, role: str | None) -> str:
        roles = labels("role", self.lang)
        text = f"{self.iso(name)}{self.comma}{self.country(code)}"
        return f"{text} ({roles[role]})" if role else text

    def flow(self, flow: Flow, fr: FlowResult) -> FlowView:
        regimes: dict[str, str] = {r.id: r.title.get(self.lang) for r in self.reference.regimes}
        route = [flow.origin or flow.exporter.country, flow.destination or flow.importer.country]
        route += [c for c in (*flow.storage_locations, *flow.access_locations) if c not in route]
        reasons = tuple(
            ReasonView(
                status=reason.status,
                status_label=self.s[f"status_{reason.status}"],
                gate=self.s[f"gate_tag_{reason.gate}"],
                message=self.ids(reason.message.get(self.lang)),
                refs=self.refs(reason.refs),
            )
            for reason in shown_findings(fr)
        )
        return FlowView(
            id=fr.id,
            name=fr.name,
            status=fr.status,
            status_label=self.s[f"status_{fr.status}"],
            score=self.n(fr.score),
            bar=self.bar(fr.score),
            route=(" ← " if self.rtl else " → ").join(self.country(c) for c in route),
            exporter=self.party(flow.exporter.name, flow.exporter.country, flow.exporter.role),
            importer=self.party(flow.importer.name, flow.importer.country, flow.importer.role),
            regime=regimes.get(fr.regime, fr.regime),
            gates=(
                self.gate(self.s["gate_gdpr"], fr.gdpr),
                self.gate(self.s["gate_morocco"], fr.morocco),
            ),
            reasons=reasons,
            onward=self.comma.join(self.iso(flow_id) for flow_id in fr.onward) or None,
            description=flow.description,
            purpose=flow.purpose,
        )

    def flows(self) -> tuple[FlowView, ...]:
        by_id = {flow.id: flow for flow in self.a.flows}
        return tuple(self.flow(by_id[fr.id], fr) for fr in self.r.flows if fr.id in by_id)

    # --- plan and summary -----------------------------------------------------------------

    def remediation(self) -> tuple[ActionView, ...]:
        return tuple(
            ActionView(
                rank=rank,
                control=item.control,
                title=item.title.get(self.lang),
                impact=plan.gain(item.impact, self.lang),
                critical=item.critical,
                caps_rating=item.caps_rating,
                score=self.n(item.score),
                action=self.words(item.remediation),
                evidence=tuple(self.words(e) for e in item.evidence),
                refs=self.refs(item.refs),
                questions=self.comma.join(self.iso(qid) for qid in item.questions),
            )
            for rank, item in enumerate(plan.ordered_plan(self.r), start=1)
        )

    def summary(self, actions: tuple[ActionView, ...]) -> Summary:
        s, overall = self.s, self.r.overall
        score = self.n(overall.score)
        rating = self.bands.get(overall.rating, overall.rating)
        sentences = [
            s["summary_score"].format(
                org=self.iso(self.a.organisation.name),
                score=score,
                questionnaire=self.q.title.get(self.lang),
                version=self.q.version,
            ),
            s["summary_rating"].format(rating=rating),
        ]
        why = plan.rating_why(self.q, self.r, self.lang)
        sentences.append(self.ids(" ".join((why.sentence, *why.caps))))
        coverage = percent(overall.coverage, self.lang)
        sentences.append(
            s["summary_incomplete"].format(coverage=coverage)
            if overall.incomplete
            else s["summary_complete"]
        )
        counts = dict.fromkeys(_RATING_STATUS, 0)
        for fr in self.r.flows:
            counts[fr.status] += 1
        flows = (
            s["summary_flows"].format(count=len(self.r.flows), **counts)
            if self.r.flows
            else s["summary_no_flows"]
        )
        ids = [band.id for band in self.q.scoring.bands]
        position = ids.index(overall.rating) if overall.rating in ids else len(ids) - 1
        rating_status = _RATING_STATUS[min(3, round(position * 2 / max(1, len(ids) - 1)))]
        names = {status: s[f"status_{status}"] for status in _RATING_STATUS}
        return Summary(
            score=score,
            rating=rating,
            rating_status=rating_status,
            coverage=coverage,
            sentences=tuple(sentences),
            flows=flows,
            actions=actions[:3],
            gauge=charts.gauge(
                overall.score,
                self.band_mins,
                score,
                f"{s['overall']}{s['colon']}{score}",
                rtl=self.rtl,
            )
            if self.with_charts
            else Markup(""),
            flow_chart=charts.flow_readiness(counts, names, s["flows_chart"], rtl=self.rtl)
            if self.with_charts and self.r.flows
            else Markup(""),
        )

    def cover(self) -> Cover:
        org = self.a.organisation
        details = [("", self.country(org.country))]
        if org.city:
            details.insert(0, ("", org.city))
        if org.registration_id:
            details.append((self.s["registration"], org.registration_id))
        if org.sector:
            details.append((self.s["sector"], org.sector))
        assessor = self.a.assessor
        who = None
        if assessor is not None:
            who = (
                f"{assessor.name}, {assessor.organisation}"
                if assessor.organisation
                else assessor.name
            )
        used = self.r.reference
        return Cover(
            organisation=org.name,
            details=tuple(details),
            assessor=who,
            date=long_date(self.r.as_of, self.lang),
            date_iso=self.r.as_of.isoformat(),
            questionnaire=self.q.title.get(self.lang),
            questionnaire_id=self.r.questionnaire.id,
            version=self.r.questionnaire.version,
            digest=self.r.questionnaire.digest,
            engine=self.r.engine,
            reference=None if used is None else f"{used.id} {used.version}",
            reference_digest=None if used is None else used.digest,
            reference_note=(
                self.s["cover_reference_newest"] if used and used.chosen == "newest" else None
            ),
        )


def build(
    questionnaire: Questionnaire,
    assessment: Assessment,
    result: Result,
    *,
    lang: str,
    signature: str | None,
    with_charts: bool = True,
) -> Document:
    """The view of one report in ``lang``."""
    b = _Builder(questionnaire, assessment, result, lang, with_charts)
    actions = b.remediation()
    flow_results = {fr.id: fr for fr in result.flows}
    return Document(
        lang=lang,
        s=b.s,
        title=f"{b.s['doc_title']}{b.s['colon']}{assessment.organisation.name}",
        dir=direction(lang),
        labelled={key: label(b.s[key], lang) for key in _LABELLED},
        ltr_attr=Markup(' dir="ltr"') if b.rtl else Markup(""),
        cover=b.cover(),
        summary=b.summary(actions),
        method=method(lang),
        domains=b.domains(),
        flows=b.flows(),
        profile=b.profile(),
        remediation=actions,
        cndp=cndp_worksheets(assessment.flows, b.reference, lang),
        scc=scc_worksheets(assessment.flows, flow_results, b.reference, lang),
        signature=signature,
        charts=with_charts,
        texts=b.texts(),
        tias=tuple(
            build_tia(questionnaire, assessment, result, flow, lang=lang, with_charts=with_charts)
            for flow in flows_with_tia(assessment)
        ),
    )
