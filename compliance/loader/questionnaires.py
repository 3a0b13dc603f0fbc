"""Provides the questionnaire loader: size cap → strict UTF-8 → safe YAML events
(:mod:`compliance.safeyaml`) → pydantic with unknown fields forbidden → the registered checks
(:mod:`compliance.loader.checks`), with the reference data embedded and the result cached."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from compliance.errors import LoadError, Problem
from compliance.loader import cache
from compliance.loader.checks import check_questionnaire
from compliance.loader.reference import embedded_reference_dir, load_reference
from compliance.loader.reference_sets import ReferenceSetError, bind
from compliance.loader.validation import validate_document
from compliance.model.questionnaire import Questionnaire
from compliance.model.reference import ReferenceData
from compliance.safeyaml import parse_yaml, read_bytes

__all__ = [
    "MAX_QUESTIONNAIRE_BYTES",
    "iter_problems",
    "load_questionnaire",
    "parse_questionnaire",
]

MAX_QUESTIONNAIRE_BYTES = 5 * 1024 * 1024
"""The largest questionnaire file accepted (a 10,000-question file is about 3 MB)."""


def parse_questionnaire(
    data: bytes, name: str, *, reference: ReferenceData | None = None
) -> Questionnaire:
    """Parses, validates and checks questionnaire bytes; no cache.

    A questionnaire naming a ``reference_set`` is bound to the newest installed set of that id
    (:mod:`compliance.loader.reference_sets`). Otherwise, when the file gives no ``reference``
    block, ``reference`` is embedded (if given).
    """
    document = parse_yaml(data, name)
    if not isinstance(document.data, dict):
        raise LoadError([document.problem((), "expected a mapping at the top of a questionnaire")])
    questionnaire = validate_document(document, Questionnaire)
    problems = check_questionnaire(questionnaire, document, name)
    if problems:
        raise LoadError(problems)
    if questionnaire.reference_set is not None:
        try:
            return bind(questionnaire)
        except ReferenceSetError as error:
            raise LoadError([document.problem(("reference_set",), str(error))]) from None
    if questionnaire.reference is None and reference is not None:
        questionnaire = questionnaire.with_reference(reference)
    return questionnaire


def load_questionnaire(
    path: Path | str,
    *,
    use_cache: bool = True,
    reference_dir: Path | None = None,
) -> Questionnaire:
    """Loads a questionnaire file: bound to the newest installed reference set when it names a
    ``reference_set``, else with the frozen embedded lists (``reference_dir``, default
    ``questionnaires/reference/embedded/``) unless it has its own.

    Raises :class:`LoadError` listing every problem found.
    """
    path = Path(path)
    data = read_bytes(path, max_bytes=MAX_QUESTIONNAIRE_BYTES, what="questionnaire")
    if reference_dir is None:
        reference_dir = embedded_reference_dir()
    key = cache.cache_key(data, reference_dir)
    if use_cache:
        cached = cache.recall(key)
        if cached is not None:
            return bind(cached) if cached.reference_set is not None else cached
    reference = load_reference(reference_dir) if reference_dir.is_dir() else None
    questionnaire = parse_questionnaire(data, str(path), reference=reference)
    if use_cache:
        cache.remember(key, questionnaire)
    return questionnaire


def iter_problems(paths: Iterable[Path]) -> Iterator[Problem]:
    """Every problem of every questionnaire file given (for ``compliance validate``)."""
    for path in paths:
        try:
            load_questionnaire(path, use_cache=False)
        except LoadError as error:
            yield from error.problems
