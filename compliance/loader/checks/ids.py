"""The check ``unique-ids``: domain, control and question ids are used once in a questionnaire,
and option ids once in their question."""

from __future__ import annotations

from collections.abc import Iterator

from compliance.loader.checks.registry import Finding, Loc, register
from compliance.loader.checks.walk import controls, domains, questions
from compliance.model.questionnaire import MultiChoiceQuestion, Questionnaire, SingleChoiceQuestion


@register("unique-ids")
def unique_ids(questionnaire: Questionnaire) -> Iterator[Finding]:
    """A second use of an id, reported where it is used again."""
    seen: dict[str, str] = {}

    def claim(what: str, ident: str, loc: Loc) -> Iterator[Finding]:
        if ident in seen:
            yield Finding(loc, f"duplicate id {ident!r} (already used by a {seen[ident]})", ident)
        else:
            seen[ident] = what

    for domain, loc in domains(questionnaire):
        yield from claim("domain", domain.id, (*loc, "id"))
    for control, loc in controls(questionnaire):
        yield from claim("control", control.id, (*loc, "id"))
    for site in questions(questionnaire):
        yield from claim("question", site.question.id, (*site.loc, "id"))
        if isinstance(site.question, SingleChoiceQuestion | MultiChoiceQuestion):
            option_ids: set[str] = set()
            for o, option in enumerate(site.question.options):
                if option.id in option_ids:
                    yield Finding(
                        (*site.loc, "options", o, "id"), f"duplicate option id {option.id!r}"
                    )
                option_ids.add(option.id)
