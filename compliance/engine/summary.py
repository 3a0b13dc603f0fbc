"""Provides the plain-text summary of a result that ``compliance score`` prints.

Numbers, percentages and labels are written by :mod:`compliance.typography` in the summary's
language (``Score global : 91,67/100`` in French, ``النتيجة الإجمالية: 91,67/100`` in Arabic);
``score --json`` keeps machine numbers. What
the summary says about the plan, the rating and the next step comes from
:mod:`compliance.engine.plan`, as on the terminal UI's results screen and in the report.
"""

from __future__ import annotations

from compliance.engine import plan
from compliance.engine.citations import cite, legend
from compliance.engine.findings import shown_findings
from compliance.model.assessment import Assessment
from compliance.model.questionnaire import Questionnaire
from compliance.model.result import Result
from compliance.typography import colon, label, number, percent, typeset

__all__ = ["summary_lines"]

_WORDS = {
    "en": {
        "overall": "Overall",
        "coverage": "coverage",
        "domains": "Domains",
        "flows": "Data flows",
        "score": "score",
        "answered": "answered",
        "domain": "domain",
        "not_started": "not started",
        "legend": "Legal texts cited",
        "points": "points",
        "na": "n/a",
        "none": "none",
        "reference": "Reference set",
        "chosen.assessment": "recorded by the assessment",
        "chosen.newest": "the newest installed; the assessment records none",
    },
    "fr": {
        "overall": "Score global",
        "coverage": "couverture",
        "domains": "Domaines",
        "flows": "Flux de données",
        "score": "score",
        "answered": "réponses",
        "domain": "domaine",
        "not_started": "pas commencé",
        "legend": "Textes cités",
        "points": "points",
        "na": "s.o.",
        "none": "aucun",
        "reference": "Jeu de référence",
        "chosen.assessment": "celui que l'évaluation indique",
        "chosen.newest": "le plus récent installé ; l'évaluation n'en indique aucun",
    },
    "ar": {
        "overall": "النتيجة الإجمالية",
        "coverage": "التغطية",
        "domains": "المجالات",
        "flows": "تدفقات المعطيات",
        "score": "النتيجة",
        "answered": "الإجابة",
        "domain": "المجال",
        "not_started": "لم يبدأ",
        "legend": "النصوص القانونية المذكورة",
        "points": "نقاط",
        "na": "لا ينطبق",
        "none": "لا شيء",
        "reference": "المجموعة المرجعية",
        "chosen.assessment": "المسجلة في التقييم",
        "chosen.newest": "الأحدث بين المثبتة؛ لا يسجل التقييم أيا منها",
    },
}

_STATUS = {
    "en": {
        "ready": "ready",
        "conditional": "conditional",
        "not_ready": "not ready",
        "blocked": "BLOCKED",
    },
    "fr": {
        "ready": "prêt",
        "conditional": "sous conditions",
        "not_ready": "pas prêt",
        "blocked": "BLOQUÉ",
    },
    "ar": {
        "ready": "جاهز",
        "conditional": "بشروط",
        "not_ready": "غير جاهز",
        "blocked": "موقوف",
    },
}


def summary_lines(
    questionnaire: Questionnaire, assessment: Assessment, result: Result, lang: str = "en"
) -> list[str]:
    """The summary as lines of text in ``lang`` (``en``, ``fr`` or ``ar``): the headline, why the
    rating is what it is and the next step, the domains, the flows' findings (never two that
    contradict) and the remediation plan in the order its title gives, with the signs, markers
    and short citations the terminal UI and the report use (:mod:`compliance.engine.plan`)."""
    words = {key: typeset(text, lang) for key, text in _WORDS.get(lang, _WORDS["en"]).items()}
    status_words = _STATUS.get(lang, _STATUS["en"])
    separator = colon(lang)
    semicolon = "؛ " if lang == "ar" else "; "
    bands = {band.id: band.label.get(lang) for band in questionnaire.scoring.bands}
    domains = {domain.id: domain.title.get(lang) for domain in questionnaire.domains}
    overall = result.overall
    score = words["na"] if overall.score is None else f"{number(overall.score, lang)}/100"
    lines = [
        f"{assessment.organisation.name} — {questionnaire.title.get(lang)} "
        f"{questionnaire.version} ({result.as_of.isoformat()})",
        f"{label(words['overall'], lang)} {score}  {bands[overall.rating]}  "
        f"({words['coverage']} {percent(overall.coverage, lang)})",
    ]
    if result.reference is not None:
        used = result.reference
        lines.append(
            f"{label(words['reference'], lang)} {used.id} {used.version} "
            f"({words['chosen.' + used.chosen]}{semicolon}{used.digest[:12]}...)"
        )
    why = plan.rating_why(questionnaire, result, lang)
    lines.append(f"  {why.sentence}")
    lines += [f"    ! {line}" for line in why.caps]
    lines += [f"    {line}" for line in why.notes]
    sentence, actions = plan.next_step_lines(result, lang)
    lines.append(f"  {sentence}")
    lines += [f"    {line}" for line in actions]
    lines += ["", label(words["domains"], lang)]
    lines.append(f"  {'':<8} {words['score']:>11}  {words['answered']:>8}  {words['domain']}")
    for domain in result.domains:
        if domain.score is None:
            value = words["na"]
        elif domain.coverage == 0:
            value = words["not_started"]
        else:
            value = number(domain.score, lang)
        answered = percent(int(domain.coverage), lang)
        lines.append(f"  {domain.id:<8} {value:>11}  {answered:>8}  {domains[domain.id]}")
    if result.flows:
        lines += ["", label(words["flows"], lang)]
        for flow in result.flows:
            status, points = status_words[flow.status], number(flow.score, lang)
            lines.append(f"  {flow.id:<12} {status:<16} {points:>6}  {flow.name}")
            for reason in shown_findings(flow):
                if reason.status == "ready":
                    continue
                refs = cite(dict(reason.refs), questionnaire, lang, separator=semicolon)
                message = reason.message.get(lang)
                lines.append(f"      - {message} [{refs}]" if refs else f"      - {message}")
    lines += ["", label(plan.plan_title(lang), lang)]
    if not result.remediation:
        lines.append(f"  {words['none']}")
    for item in plan.ordered_plan(result):
        lines.append(
            f" {plan.marker(item)}{item.control:<10} {plan.gain(item.impact, lang):>6} "
            f"{words['points']}  {item.title.get(lang)}"
        )
    for flag, meaning in plan.marker_legend(questionnaire, result, lang):
        lines.append(f"  {flag} {meaning}")
    cited = legend(_refs(result), questionnaire, lang)
    if cited:
        lines += ["", label(words["legend"], lang)]
        lines += [f"  {entry.short}{separator}{entry.title}" for entry in cited]
    return lines


def _refs(result: Result) -> list[dict[str, tuple[str, ...]]]:
    """The citations the summary prints: the findings it shows (the plan's are not printed)."""
    return [
        dict(reason.refs)
        for flow in result.flows
        for reason in shown_findings(flow)
        if reason.status != "ready"
    ]
