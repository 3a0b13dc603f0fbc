"""Provides the plain-text summary of a result that ``compliance score`` prints.

Numbers, percentages and labels are written by :mod:`compliance.typography` in the summary's
language (``Global : 91,67/100`` in French); ``score --json`` keeps machine numbers.
"""

from __future__ import annotations

from compliance.model.assessment import Assessment
from compliance.model.questionnaire import Questionnaire
from compliance.model.result import Result
from compliance.typography import label, number, percent, typeset

__all__ = ["summary_lines"]

_WORDS = {
    "en": {
        "overall": "Overall",
        "coverage": "coverage",
        "incomplete": "incomplete: the rating is provisional",
        "capped": "rating capped by",
        "domains": "Domains",
        "flows": "Data flows",
        "plan": "Remediation plan (highest impact first)",
        "points": "points",
        "na": "n/a",
        "none": "none",
        "reference": "Reference set",
        "chosen.assessment": "recorded by the assessment",
        "chosen.newest": "the newest installed; the assessment records none",
    },
    "fr": {
        "overall": "Global",
        "coverage": "couverture",
        "incomplete": "incomplet : la notation est provisoire",
        "capped": "notation plafonnée par",
        "domains": "Domaines",
        "flows": "Flux de données",
        "plan": "Plan de remédiation (impact le plus fort d'abord)",
        "points": "points",
        "na": "s.o.",
        "none": "aucun",
        "reference": "Jeu de référence",
        "chosen.assessment": "celui que l'évaluation indique",
        "chosen.newest": "le plus récent installé ; l'évaluation n'en indique aucun",
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
}


def summary_lines(
    questionnaire: Questionnaire, assessment: Assessment, result: Result, lang: str = "en"
) -> list[str]:
    """The summary as lines of text in ``lang`` (``en`` or ``fr``)."""
    words = {key: typeset(text, lang) for key, text in _WORDS.get(lang, _WORDS["en"]).items()}
    status_words = _STATUS.get(lang, _STATUS["en"])
    bands = {band.id: band.label.get(lang) for band in questionnaire.scoring.bands}
    domains = {domain.id: domain.title.get(lang) for domain in questionnaire.domains}
    overall = result.overall
    score = words["na"] if overall.score is None else f"{number(overall.score, lang, None)}/100"
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
            f"({words['chosen.' + used.chosen]}; {used.digest[:12]}...)"
        )
    if overall.incomplete:
        lines.append(f"  {words['incomplete']}")
    if overall.caps:
        lines.append(f"  {label(words['capped'], lang)} " + ", ".join(c.id for c in overall.caps))
    lines += ["", label(words["domains"], lang)]
    for domain in result.domains:
        value = words["na"] if domain.score is None else f"{number(domain.score, lang, None):>6}"
        lines.append(f"  {domain.id:<8} {value}  {domains[domain.id]}")
    if result.flows:
        lines += ["", label(words["flows"], lang)]
        for flow in result.flows:
            lines.append(
                f"  {flow.id:<12} {status_words[flow.status]:<16} "
                f"{number(flow.score, lang, None):>6}  {flow.name}"
            )
            for reason in flow.reasons:
                if reason.status == "ready":
                    continue
                refs = "; ".join(
                    f"{framework} {', '.join(articles)}"
                    for framework, articles in reason.refs.items()
                )
                lines.append(
                    f"      - {reason.message.get(lang)} [{refs}]"
                    if refs
                    else f"      - {reason.message.get(lang)}"
                )
    lines += ["", label(words["plan"], lang)]
    if not result.remediation:
        lines.append(f"  {words['none']}")
    for item in result.remediation:
        flag = "!" if item.caps_rating else ("*" if item.critical else " ")
        lines.append(
            f" {flag}{item.control:<10} -{number(item.impact, lang, None)} {words['points']}  "
            f"{item.title.get(lang)}"
        )
    return lines
