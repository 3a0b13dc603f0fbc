"""Provides short citations (``Law 09-08 Art. 43``, ``Loi 09-08 art. 43``, ``المادة 43 من القانون
رقم 09.08``) and their legend.

A questionnaire names each legal text it cites by its full title ("Law 09-08 on the protection of
individuals with regard to the processing of personal data (Morocco, 2009)"). Repeated in every
citation, that title buries the article number a reader looks for. Citations are therefore written
with a short name, and the full titles are given once, in a legend of the texts actually cited.

The short names of the texts the bundled questionnaires cite are kept here (a published
questionnaire cannot gain a field without a new version); any other text is cited by its full
title, and then needs no legend line.

Arabic cites in the order of the official Arabic texts, the article first: ``المادة 43 من القانون
رقم 09.08``, ``المادتان 43 و44 من ...``, ``المواد 12 و21 و43 من ...``; the GDPR, which has no
official Arabic name, is ``اللائحة العامة لحماية البيانات`` (the glossary's term).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from compliance.model.questionnaire import Questionnaire

__all__ = ["SHORT_NAMES", "Cited", "cite", "legend", "short_name"]

SHORT_NAMES: Final[Mapping[str, tuple[str, str, str]]] = {
    "law-09-08": ("Law 09-08", "Loi 09-08", "القانون رقم 09.08"),
    "decree-2-09-165": ("Decree 2-09-165", "Décret 2-09-165", "المرسوم رقم 2.09.165"),
    "gdpr": ("GDPR", "RGPD", "اللائحة العامة لحماية البيانات"),
}
"""Short names by framework id, in English, French and Arabic."""

_ARTICLES_AR: Final = ("المادة", "المادتان", "المواد")
""""Article" in Arabic for one, two, and three or more articles."""

NBSP: Final = "\u00a0"


@dataclass(frozen=True, slots=True)
class Cited:
    """One legal text in a legend: its short name and its full title."""

    short: str
    title: str


def _titles(questionnaire: Questionnaire | None, lang: str) -> dict[str, str]:
    if questionnaire is None:
        return {}
    return {f.id: f.title.get(lang) for f in questionnaire.frameworks}


def short_name(framework: str, questionnaire: Questionnaire | None, lang: str) -> str:
    """The name a citation uses: the short name when one is known, else the full title, else
    the id."""
    names = SHORT_NAMES.get(framework)
    if names is not None:
        return names[{"fr": 1, "ar": 2}.get(lang, 0)]
    return _titles(questionnaire, lang).get(framework, framework)


def cite(
    refs: Mapping[str, Sequence[str]],
    questionnaire: Questionnaire | None,
    lang: str,
    separator: str = " · ",
) -> str:
    """``Law 09-08 Art. 43 · GDPR Art. 44, 46`` (``Loi 09-08 art. 43`` in French, ``المادة 43 من
    القانون رقم 09.08`` in Arabic); texts with no article are left out. A short name, ``Art.``
    and the first article are joined by no-break spaces, so a line never breaks inside them."""
    cited = tuple((framework, tuple(articles)) for framework, articles in refs.items() if articles)
    if all(framework in SHORT_NAMES for framework, _ in cited):
        # The usual case, and a pure function of its arguments: a report cites the same few
        # references hundreds of times (benchmarks/bench_report.py).
        return _cite_known(cited, lang, separator)
    return separator.join(
        _one(framework, articles, short_name(framework, questionnaire, lang), lang)
        for framework, articles in cited
    )


@functools.lru_cache(maxsize=4096)
def _cite_known(cited: tuple[tuple[str, tuple[str, ...]], ...], lang: str, separator: str) -> str:
    return separator.join(
        _one(framework, articles, short_name(framework, None, lang), lang)
        for framework, articles in cited
    )


def _one(framework: str, articles: tuple[str, ...], name: str, lang: str) -> str:
    if framework in SHORT_NAMES:  # never broken inside "Law 09-08 Art. 43"
        name = name.replace(" ", NBSP)
    if lang == "ar":
        word = _ARTICLES_AR[min(len(articles), 3) - 1]
        return f"{word}{NBSP}{' و'.join(articles)} من{NBSP}{name}"
    article = "art." if lang == "fr" else "Art."
    return f"{name}{NBSP}{article}{NBSP}{', '.join(articles)}"


def legend(
    cited: Iterable[Mapping[str, Sequence[str]]], questionnaire: Questionnaire | None, lang: str
) -> tuple[Cited, ...]:
    """The texts cited by any of ``cited``, each once, with its full title, in the order the
    questionnaire lists its texts; a text cited by its full title already is left out."""
    titles = _titles(questionnaire, lang)
    seen: dict[str, Cited] = {}
    for refs in cited:
        for framework, articles in refs.items():
            if not articles or framework in seen:
                continue
            short = short_name(framework, questionnaire, lang)
            title = titles.get(framework)
            if title is not None and title != short:
                seen[framework] = Cited(short=short, title=title)
    order = {framework: index for index, framework in enumerate(titles)}
    return tuple(seen[key] for key in sorted(seen, key=lambda f: (order.get(f, len(order)), f)))
