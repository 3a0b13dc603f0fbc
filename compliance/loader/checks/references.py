"""The check ``article-references``: every legal reference of a control or question names a
framework the questionnaire declares, and an article that exists in it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from compliance.loader.checks.registry import Finding, Loc, register
from compliance.loader.checks.walk import controls, questions
from compliance.model.questionnaire import Framework, Questionnaire
from compliance.model.reference import article_number


@register("article-references")
def article_references(questionnaire: Questionnaire) -> Iterator[Finding]:
    """An undeclared framework, or an article number outside the framework's range."""
    frameworks = {f.id: f for f in questionnaire.frameworks}
    for control, loc in controls(questionnaire):
        yield from _ref_map(frameworks, control.refs, (*loc, "refs"))
    for site in questions(questionnaire):
        yield from _ref_map(frameworks, site.question.refs, (*site.loc, "refs"))


def _ref_map(
    frameworks: Mapping[str, Framework], refs: Mapping[str, tuple[str, ...]], loc: Loc
) -> Iterator[Finding]:
    for framework_id, articles in refs.items():
        framework = frameworks.get(framework_id)
        if framework is None:
            declared = ", ".join(frameworks)
            yield Finding(
                (*loc, framework_id),
                f"framework {framework_id!r} is not declared in 'frameworks' ({declared})",
            )
            continue
        for a, article in enumerate(articles):
            number = article_number(article)
            if number < 1 or (framework.articles and number > framework.articles):
                top = framework.articles or "?"
                yield Finding(
                    (*loc, framework_id, a),
                    f"article {article!r} does not exist in {framework_id} (1-{top})",
                )
