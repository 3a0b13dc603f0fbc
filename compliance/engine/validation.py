"""Provides the checks of an assessment against its questionnaire.

The models check each field on its own; these checks need the questionnaire and the reference data:
an answer to a question that does not exist, an option that does not exist, a value of the wrong
type, N/A where it is not allowed, an onward flow that does not exist or a cycle of onward flows, a
transfer mechanism or ground the reference data does not know. Each problem comes with the location
of the culprit in the assessment, so that the loader can name its line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from compliance.graph import find_cycles
from compliance.model.assessment import NA, Assessment, Flow
from compliance.model.questionnaire import (
    CountryQuestion,
    DateQuestion,
    MultiChoiceQuestion,
    NumberQuestion,
    Question,
    Questionnaire,
    ScaleQuestion,
    SingleChoiceQuestion,
    TextQuestion,
    YesNoQuestion,
)

__all__ = ["allowed_ma_bases", "allowed_mechanisms", "answer_problem", "check_assessment"]

Loc = tuple[int | str, ...]


def _is_number(value: Any) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def answer_problem(question: Question, value: Any, countries: set[str] | None = None) -> str | None:
    """Why ``value`` cannot answer ``question``, or None when it can."""
    if value == NA:
        return None if question.allow_na else f"question {question.id!r} does not allow N/A"
    if isinstance(question, YesNoQuestion):
        if value in (True, False, "yes", "no"):
            return None
        return f"{value!r} is not an answer to yes/no question {question.id!r}; use yes or no"
    if isinstance(question, SingleChoiceQuestion):
        ids = question.option_ids()
        if isinstance(value, str) and value in ids:
            return None
        return f"{value!r} is not an option of {question.id!r}; options are {', '.join(ids)}"
    if isinstance(question, MultiChoiceQuestion):
        ids = question.option_ids()
        if not isinstance(value, tuple):
            return f"question {question.id!r} takes a list of options ({', '.join(ids)})"
        wrong = [item for item in value if item not in ids]
        if wrong:
            return f"{wrong[0]!r} is not an option of {question.id!r}; options are {', '.join(ids)}"
        if len(set(value)) != len(value):
            return f"an option is chosen twice in {question.id!r}"
        return None
    if isinstance(question, ScaleQuestion):
        whole = isinstance(value, int) and not isinstance(value, bool)
        if whole and question.min <= value <= question.max:
            return None
        return f"{value!r} is not a whole number from {question.min} to {question.max}"
    if isinstance(question, NumberQuestion):
        if not _is_number(value):
            return f"{value!r} is not a number, as question {question.id!r} needs"
        number = Decimal(value)
        if question.min is not None and number < question.min:
            return f"{value} is below the minimum {question.min} of {question.id!r}"
        if question.max is not None and number > question.max:
            return f"{value} is above the maximum {question.max} of {question.id!r}"
        return None
    if isinstance(question, DateQuestion):
        if isinstance(value, str):
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                pass
            else:
                return None
        return f"{value!r} is not a date (YYYY-MM-DD)"
    if isinstance(question, TextQuestion):
        if not isinstance(value, str):
            return f"question {question.id!r} takes text"
        if len(value) > question.max_length:
            return f"the answer is longer than {question.max_length} characters"
        return None
    if isinstance(question, CountryQuestion):
        codes = value if isinstance(value, tuple) and question.multiple else (value,)
        if not codes:
            return f"question {question.id!r} needs at least one country (or no answer at all)"
        if len(set(codes)) != len(codes):
            return f"a country is given twice in {question.id!r}"
        for code in codes:
            if not isinstance(code, str) or (countries and code not in countries):
                return f"{code!r} is not a known ISO 3166 country code"
            if countries is None and not (len(code) == 2 and code.isupper()):
                return f"{code!r} is not an ISO 3166 country code"
        return None
    return None  # pragma: no cover  (every kind is handled above)


def allowed_mechanisms(questionnaire: Questionnaire) -> set[str]:
    """The GDPR transfer mechanisms a flow may name."""
    reference = questionnaire.reference
    modules = {m.id for m in reference.scc_modules} if reference else set()
    derogations = {d.id for d in reference.gdpr_derogations} if reference else set()
    return {"adequacy", "bcr", "none"} | modules | derogations


def allowed_ma_bases(questionnaire: Questionnaire) -> set[str]:
    """The Law 09-08 transfer bases a flow may name."""
    reference = questionnaire.reference
    grounds = {g.id for g in reference.ma_grounds} if reference else set()
    return {"listed_country", "none"} | grounds


def _flow_problems(
    flow: Flow, loc: Loc, questionnaire: Questionnaire, ids: set[str], countries: set[str] | None
) -> Iterator[tuple[Loc, str]]:
    if countries:
        places: list[tuple[Loc, str | None]] = [
            ((*loc, "exporter", "country"), flow.exporter.country),
            ((*loc, "importer", "country"), flow.importer.country),
            ((*loc, "origin"), flow.origin),
            ((*loc, "destination"), flow.destination),
        ]
        places += [
            ((*loc, "storage_locations", i), c) for i, c in enumerate(flow.storage_locations)
        ]
        places += [((*loc, "access_locations", i), c) for i, c in enumerate(flow.access_locations)]
        reference = questionnaire.reference
        organisations = set(reference.organisations or ()) if reference else set()
        for where, code in places:
            if code is not None and code not in countries and code not in organisations:
                yield where, f"{code!r} is not a known ISO 3166 country code"
    if flow.gdpr_mechanism is not None:
        allowed = allowed_mechanisms(questionnaire)
        if flow.gdpr_mechanism not in allowed:
            yield (
                (*loc, "gdpr_mechanism"),
                f"unknown GDPR mechanism {flow.gdpr_mechanism!r}; use one of "
                + ", ".join(sorted(allowed)),
            )
    if flow.ma_basis is not None:
        allowed = allowed_ma_bases(questionnaire)
        if flow.ma_basis not in allowed:
            yield (
                (*loc, "ma_basis"),
                f"unknown Law 09-08 transfer basis {flow.ma_basis!r}; use one of "
                + ", ".join(sorted(allowed)),
            )
    yield from _tia_problems(flow, (*loc, "tia"), questionnaire)
    for i, child in enumerate(flow.onward):
        if child not in ids:
            yield (*loc, "onward", i), f"onward flow {child!r} does not exist"
        elif child == flow.id:
            yield (*loc, "onward", i), f"flow {flow.id!r} lists itself as an onward flow"


def _tia_problems(flow: Flow, loc: Loc, questionnaire: Questionnaire) -> Iterator[tuple[Loc, str]]:
    """What a structured TIA says that does not fit its flow: a country the data does not go to,
    a basis not on that country's sheet (when the reference set has one), a measure or an
    estimate naming a basis that step 3 does not assess."""
    tia = flow.tia
    if not tia.structured:
        return
    if tia.country is not None:
        places = {flow.destination, *flow.storage_locations, *flow.access_locations}
        if tia.country not in places:
            yield (
                (*loc, "country"),
                f"the TIA assesses {tia.country}, where this flow's data neither goes, is stored "
                "nor accessed: give one of the flow's destination, storage or access countries",
            )
    country = tia.country or flow.destination
    reference = questionnaire.reference
    sheet = reference.sheet(country) if reference is not None and country else None
    named: list[tuple[Loc, str]] = [
        ((*loc, "law", i, "basis"), b.basis) for i, b in enumerate(tia.law or ())
    ]
    named += [
        ((*loc, "supplementary", i, "neutralises", j), basis)
        for i, measure in enumerate(tia.supplementary or ())
        for j, basis in enumerate(measure.neutralises)
    ]
    named += [
        ((*loc, "quantitative", "bases", i, "basis"), b.basis)
        for i, b in enumerate(tia.quantitative.bases if tia.quantitative else ())
    ]
    if sheet is not None:
        ids = sheet.basis_ids()
        wrong = [(where, basis) for where, basis in named if basis not in ids]
        for where, basis in wrong:
            yield (
                where,
                f"basis {basis!r} is not on the country sheet of {sheet.country}: use one of "
                + ", ".join(ids)
                + f" (compliance tia sheet {sheet.country} lists them)",
            )
        if wrong:
            return
    if tia.law is None:
        return
    assessed = {b.basis for b in tia.law}
    for where, basis in named:
        if where[len(loc)] == "law" or basis in assessed:
            continue
        what = "measure" if where[len(loc)] == "supplementary" else "estimate"
        yield (
            where,
            f"the {what} names basis {basis!r}, which step 3 (law) does not assess: assess it "
            "there first, or correct the id",
        )


def _onward_cycle(assessment: Assessment) -> tuple[Loc, str] | None:
    children = {flow.id: [c for c in flow.onward if c != flow.id] for flow in assessment.flows}
    index = {flow.id: i for i, flow in enumerate(assessment.flows)}
    ring = next(find_cycles({flow_id: children[flow_id] for flow_id in sorted(children)}), None)
    if ring is None:
        return None
    return ("flows", index[ring[-1]], "onward"), f"onward flows form a cycle: {' -> '.join(ring)}"


def check_assessment(questionnaire: Questionnaire, assessment: Assessment) -> list[tuple[Loc, str]]:
    """Every problem of ``assessment`` against ``questionnaire``, with where it is."""
    problems: list[tuple[Loc, str]] = []
    ref = assessment.questionnaire
    if ref.id != questionnaire.id or ref.version != questionnaire.version:
        problems.append(
            (
                ("questionnaire",),
                f"the assessment answers {ref.id} {ref.version}, "
                f"not {questionnaire.id} {questionnaire.version}",
            )
        )
    reference = questionnaire.reference
    countries = set(reference.countries) if reference and reference.countries else None
    for key, value in assessment.profile.items():
        question = questionnaire.profile_by_id.get(key)
        if question is None:
            problems.append((("profile", key), f"{key!r} is not a profile question"))
            continue
        reason = answer_problem(question, value, countries)
        if reason:
            problems.append((("profile", key), reason))
    for key, answer in assessment.answers.items():
        question = questionnaire.questions_by_id.get(key)
        if question is None:
            hint = " (it is a profile question)" if key in questionnaire.profile_by_id else ""
            problems.append(
                (("answers", key), f"{key!r} is not a question of the questionnaire{hint}")
            )
            continue
        if answer.value is None:
            continue  # a comment on an unanswered question
        reason = answer_problem(question, answer.value, countries)
        if reason:
            problems.append((("answers", key, "value"), reason))
    ids = {flow.id for flow in assessment.flows}
    for i, flow in enumerate(assessment.flows):
        problems.extend(_flow_problems(flow, ("flows", i), questionnaire, ids, countries))
    cycle = _onward_cycle(assessment)
    if cycle:
        problems.append(cycle)
    return problems
