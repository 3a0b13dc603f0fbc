"""Provides the glossaries of the questionnaires' translations and the check that a translation
applies one.

A glossary (``questionnaires/glossary/ar.yaml``) gives, for each concept, its term in English,
French and the glossary's language, the source of that term (the article of Law 09-08 or of
Decree 2-09-165 that defines or uses it, or the practice it comes from) and whether that source
was checked in an official text. "Applied consistently" is defined per term and on purpose
mechanically, so that a test can hold every translation to it:

- where an English text contains one of the term's ``en_match`` forms (whole words, any case,
  hyphens read as spaces, control ids such as ``CNDP-01`` left out), the same text's translation
  contains the term itself or one of its ``ar_accept`` forms, compared without diacritics or
  tatweel;
- ``ar_accept`` lists the stems that stand for the term once Arabic grammar has attached the
  article, a preposition or a plural ending ("للمسؤول عن المعالجة" contains
  "مسؤول عن المعالجة");
- a term without ``en_match`` guides translators but is not enforced.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, NamedTuple

from pydantic import BaseModel, Field, StringConstraints

from compliance.errors import LoadError
from compliance.model.base import Frozen, NonEmpty, Text
from compliance.safeyaml import parse_yaml, read_bytes

__all__ = [
    "GLOSSARY_SCHEMA",
    "Glossary",
    "Miss",
    "Term",
    "glossary_dir",
    "iter_texts",
    "load_glossary",
    "misses",
]

GLOSSARY_SCHEMA = "compliance.glossary/v1"
_MAX_GLOSSARY_BYTES = 1024 * 1024

_Form = Annotated[str, StringConstraints(min_length=2, max_length=200)]
_CONTROL_ID = re.compile(r"\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[0-9]+\b")  # GOV-01, S-XFR-02, CNDP-01
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, dagger alef, tatweel


class Term(Frozen):
    """One concept of the glossary."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]
    en: NonEmpty
    fr: NonEmpty
    ar: NonEmpty
    source: NonEmpty
    """The article that defines or uses the term, or the practice it comes from."""
    verified: bool
    """Whether the source was checked in an official text."""
    en_match: tuple[_Form, ...] = ()
    ar_accept: tuple[_Form, ...] = ()

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """Matches any ``en_match`` form in a normalised English text (None: not enforced)."""
        if not self.en_match:
            return None
        forms = sorted((_english(form) for form in self.en_match), key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(re.escape(form) for form in forms) + r")\b")

    def applied_in(self, arabic: str) -> bool:
        """Whether ``arabic`` uses the term or one of its accepted forms."""
        text = _arabic(arabic)
        return any(_arabic(form) in text for form in (self.ar, *self.ar_accept))


class Glossary(Frozen):
    """A glossary of one language."""

    schema_: str = Field(alias="schema", pattern=f"^{re.escape(GLOSSARY_SCHEMA)}$")
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
    terms: tuple[Term, ...]


class Miss(NamedTuple):
    """A translated text that does not use a glossary term its English calls for."""

    loc: tuple[int | str, ...]
    term: Term
    english: str
    translation: str

    def __str__(self) -> str:
        where = ".".join(str(step) for step in self.loc)
        return (
            f"{where}: the English says {self.term.en!r}, the translation lacks "
            f"{self.term.ar!r} (or one of {list(self.term.ar_accept)})"
        )


def glossary_dir() -> Path:
    """The bundled glossaries' folder (``questionnaires/glossary/``, in a checkout or a wheel)."""
    from compliance.paths import questionnaires_dir

    return questionnaires_dir() / "glossary"


def load_glossary(language: str = "ar", folder: Path | None = None) -> Glossary:
    """The glossary of ``language``; raises :class:`LoadError` with the file and line."""
    from compliance.loader.validation import validate_document

    path = (glossary_dir() if folder is None else folder) / f"{language}.yaml"
    data = read_bytes(path, max_bytes=_MAX_GLOSSARY_BYTES, what="glossary")
    document = parse_yaml(data, str(path))
    if not isinstance(document.data, dict):
        raise LoadError([document.problem((), "expected a mapping at the top of a glossary")])
    return validate_document(document, Glossary)


def iter_texts(
    value: Any, loc: tuple[int | str, ...] = ()
) -> Iterator[tuple[tuple[int | str, ...], Text]]:
    """Every :class:`Text` inside a validated model, with its location."""
    if isinstance(value, Text):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            yield from iter_texts(getattr(value, name), (*loc, field.alias or name))
    elif isinstance(value, list | tuple):
        for index, child in enumerate(value):
            yield from iter_texts(child, (*loc, index))
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from iter_texts(child, (*loc, str(key)))


def misses(model: BaseModel, glossary: Glossary) -> list[Miss]:
    """Every text of ``model`` translated into the glossary's language that does not apply it."""
    found: list[Miss] = []
    for loc, text in iter_texts(model):
        translation = getattr(text, glossary.language, None)
        if not isinstance(translation, str):
            continue
        english = _english(text.en)
        for term in glossary.terms:
            pattern = term.pattern
            if pattern is not None and pattern.search(english) and not term.applied_in(translation):
                found.append(Miss(loc, term, text.en, translation))
    return found


def _english(text: str) -> str:
    text = _CONTROL_ID.sub(" ", text)
    return " ".join(text.lower().replace("-", " ").split())


def _arabic(text: str) -> str:
    return _ARABIC_MARKS.sub("", text)
