"""Provides the safe loader: questionnaire files (and reference data) in, validated models out.

Loading goes: size cap → strict UTF-8 → safe YAML events (:mod:`compliance.safeyaml`) → pydantic
with unknown fields forbidden → cross-reference checks. Every problem found at one stage is reported
at once, each as ``file:line:col: id: message``.

A validated questionnaire is cached as JSON in the user cache folder, keyed by the SHA-256 of the
file's bytes (and of the reference data and the toolkit version), so a repeated load skips YAML
parsing and the checks. The cache is a speed-up only: a missing or damaged entry is rebuilt.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from compliance import __version__
from compliance.canonical import digest
from compliance.engine.validation import answer_problem, check_assessment
from compliance.errors import LoadError, Problem
from compliance.model.assessment import Assessment
from compliance.model.conditions import AllOf, AnswerTest, AnyOf, Condition, Not, ProfileTest
from compliance.model.questionnaire import (
    MultiChoiceQuestion,
    Question,
    Questionnaire,
    SingleChoiceQuestion,
)
from compliance.model.reference import ReferenceData, article_number
from compliance.safeyaml import Document, parse_yaml, read_bytes

__all__ = [
    "MAX_ASSESSMENT_BYTES",
    "MAX_QUESTIONNAIRE_BYTES",
    "check_against",
    "check_questionnaire",
    "load_questionnaire",
    "load_reference",
    "parse_assessment",
    "parse_questionnaire",
    "validate_document",
]

M = TypeVar("M", bound=BaseModel)

MAX_QUESTIONNAIRE_BYTES = 5 * 1024 * 1024
"""The largest questionnaire file accepted (a 10,000-question file is about 3 MB)."""

MAX_REFERENCE_BYTES = 2 * 1024 * 1024

_CACHE_FORMAT = "1"
_memo: dict[str, Questionnaire] = {}


# --- validation with positions --------------------------------------------------------------


def _field_name(loc: tuple[int | str, ...]) -> str | None:
    """The name to show for a location: its last key (for an answer's value, the question id)."""
    names = [step for step in loc if isinstance(step, str)]
    if len(names) >= 2 and names[-1] == "value":
        return names[-2]
    return names[-1] if names else None


def _message(error: Any) -> str:
    kind = error["type"]
    loc = tuple(error["loc"])
    last = loc[-1] if loc else None
    if kind == "missing":
        return f"'{last}' is required"
    if kind == "extra_forbidden":
        return f"unknown field '{last}'"
    if kind == "unknown_operator":
        given = error.get("input")
        keys = ", ".join(map(str, given)) if isinstance(given, dict) else repr(given)
        return (
            f"unknown condition ({keys}); a condition has exactly one operator of: "
            "all, any, not, answer, profile"
        )
    if kind == "union_tag_invalid":
        ctx = error.get("ctx", {})
        field = str(ctx.get("discriminator", "kind")).strip("'")
        return f"unknown {field} {ctx.get('tag')!r}; expected one of {ctx.get('expected_tags')}"
    if kind == "union_tag_not_found":
        field = str(error.get("ctx", {}).get("discriminator", "kind")).strip("'")
        return f"'{field}' is required"
    message = str(error["msg"]).removeprefix("Value error, ")
    name = _field_name(loc)
    return f"{name}: {message}" if name else message


def validate_document(document: Document, model: type[M]) -> M:
    """Validates a parsed document against ``model``, reporting every error with its line."""
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        locations = [tuple(err["loc"]) for err in errors]
        problems = [
            document.problem(tuple(err["loc"]), _message(err))
            for err in errors
            if not _is_echo(err, locations)
        ]
        raise LoadError(problems) from None


def _is_echo(error: Any, locations: list[tuple[Any, ...]]) -> bool:
    """Whether ``error`` only repeats another: a list reported too short because items failed."""
    if error["type"] != "too_short":
        return False
    loc = tuple(error["loc"])
    return any(len(other) > len(loc) and other[: len(loc)] == loc for other in locations)


# --- cross-reference checks -----------------------------------------------------------------

Loc = tuple[int | str, ...]


def _tests(condition: Condition, loc: Loc) -> Iterator[tuple[AnswerTest | ProfileTest, Loc]]:
    if isinstance(condition, AllOf):
        for i, child in enumerate(condition.all_):
            yield from _tests(child, (*loc, "all", i))
    elif isinstance(condition, AnyOf):
        for i, child in enumerate(condition.any_):
            yield from _tests(child, (*loc, "any", i))
    elif isinstance(condition, Not):
        yield from _tests(condition.not_, (*loc, "not"))
    else:
        yield condition, loc


def _value_problem(question: Question, value: Any) -> str | None:
    """Why a condition's ``value`` can never be an answer to ``question``, or None when it can.

    A condition tests one value at a time, so a multiple-choice option is checked as a one-option
    answer; numbers are compared exactly.
    """
    if isinstance(question, MultiChoiceQuestion):
        value = (value,)
    elif isinstance(value, float):
        value = Decimal(str(value))
    return answer_problem(question, value)


class _Checker:
    """Collects the cross-reference problems of one questionnaire."""

    def __init__(self, questionnaire: Questionnaire, document: Document | None, name: str) -> None:
        self.q = questionnaire
        self.document = document
        self.name = name
        self.problems: list[Problem] = []
        self.frameworks = {f.id: f for f in questionnaire.frameworks}

    def add(self, loc: Loc, message: str, item: str | None = None) -> None:
        if self.document is not None:
            problem = self.document.problem(loc, message)
            if item and problem.item != item:
                problem = Problem(problem.file, problem.line, problem.column, message, item)
        else:
            problem = Problem(self.name, 1, 1, message, item)
        self.problems.append(problem)

    def run(self) -> list[Problem]:
        self.check_ids()
        self.check_refs()
        self.check_scoring()
        self.check_conditions()
        self.check_cycles()
        return self.problems

    def questions(self) -> Iterator[tuple[Question, Loc, bool]]:
        """Every question with its location and whether it belongs to the profile."""
        for i, question in enumerate(self.q.profile.questions):
            yield question, ("profile", "questions", i), True
        for d, domain in enumerate(self.q.domains):
            for c, control in enumerate(domain.controls):
                for k, question in enumerate(control.questions):
                    yield question, ("domains", d, "controls", c, "questions", k), False

    def check_ids(self) -> None:
        seen: dict[str, str] = {}
        for d, domain in enumerate(self.q.domains):
            self._unique(seen, "domain", domain.id, ("domains", d, "id"))
        for d, domain in enumerate(self.q.domains):
            for c, control in enumerate(domain.controls):
                self._unique(seen, "control", control.id, ("domains", d, "controls", c, "id"))
        for question, loc, _ in self.questions():
            self._unique(seen, "question", question.id, (*loc, "id"))
            if isinstance(question, SingleChoiceQuestion | MultiChoiceQuestion):
                option_ids: set[str] = set()
                for o, option in enumerate(question.options):
                    if option.id in option_ids:
                        self.add((*loc, "options", o, "id"), f"duplicate option id {option.id!r}")
                    option_ids.add(option.id)

    def _unique(self, seen: dict[str, str], what: str, ident: str, loc: Loc) -> None:
        if ident in seen:
            self.add(loc, f"duplicate id {ident!r} (already used by a {seen[ident]})", ident)
        else:
            seen[ident] = what

    def _check_ref_map(self, refs: dict[str, tuple[str, ...]], loc: Loc) -> None:
        for framework_id, articles in refs.items():
            framework = self.frameworks.get(framework_id)
            if framework is None:
                declared = ", ".join(self.frameworks)
                self.add(
                    (*loc, framework_id),
                    f"framework {framework_id!r} is not declared in 'frameworks' ({declared})",
                )
                continue
            for a, article in enumerate(articles):
                number = article_number(article)
                if number < 1 or (framework.articles and number > framework.articles):
                    top = framework.articles or "?"
                    self.add(
                        (*loc, framework_id, a),
                        f"article {article!r} does not exist in {framework_id} (1-{top})",
                    )

    def check_refs(self) -> None:
        for d, domain in enumerate(self.q.domains):
            for c, control in enumerate(domain.controls):
                self._check_ref_map(control.refs, ("domains", d, "controls", c, "refs"))
        for question, loc, _ in self.questions():
            self._check_ref_map(question.refs, (*loc, "refs"))

    def check_scoring(self) -> None:
        for d, domain in enumerate(self.q.domains):
            for c, control in enumerate(domain.controls):
                loc: Loc = ("domains", d, "controls", c)
                if control.status == "active" and not any(q.scored for q in control.questions):
                    self.add(loc, "an active control needs at least one scored question")
        for question, loc, in_profile in self.questions():
            if in_profile or not isinstance(question, SingleChoiceQuestion | MultiChoiceQuestion):
                continue
            for o, option in enumerate(question.options):
                if option.score is None:
                    self.add(
                        (*loc, "options", o),
                        f"option {option.id!r} needs a 'score' from 0 to 1 "
                        "(the question is scored)",
                    )

    def _check_condition(self, condition: Condition, loc: Loc, *, in_profile: bool) -> None:
        for test, test_loc in _tests(condition, loc):
            if isinstance(test, ProfileTest):
                target = self.q.profile_by_id.get(test.profile)
                if target is None:
                    self.add(
                        (*test_loc, "profile"),
                        f"condition refers to profile question {test.profile!r}, "
                        "which does not exist",
                    )
                    continue
            else:
                if in_profile:
                    self.add(
                        (*test_loc, "answer"),
                        "a profile question can only depend on other profile questions",
                    )
                    continue
                target = self.q.questions_by_id.get(test.answer)
                if target is None:
                    self.add(
                        (*test_loc, "answer"),
                        f"condition refers to question {test.answer!r}, which does not exist",
                    )
                    continue
            values: tuple[Any, ...] = ()
            if test.equals is not None:
                values = (test.equals,)
            elif test.in_ is not None:
                values = test.in_
            for value in values:
                reason = _value_problem(target, value)
                if reason:
                    self.add(test_loc, reason)

    def check_conditions(self) -> None:
        for d, domain in enumerate(self.q.domains):
            for c, control in enumerate(domain.controls):
                if control.when is not None:
                    loc: Loc = ("domains", d, "controls", c, "when")
                    self._check_condition(control.when, loc, in_profile=False)
        for question, loc, in_profile in self.questions():
            if question.when is not None:
                self._check_condition(question.when, (*loc, "when"), in_profile=in_profile)

    def check_cycles(self) -> None:
        depends: dict[str, set[str]] = {}
        where: dict[str, Loc] = {}
        for d, domain in enumerate(self.q.domains):
            for c, control in enumerate(domain.controls):
                for k, question in enumerate(control.questions):
                    targets: set[str] = set()
                    for cond in (control.when, question.when):
                        if cond is not None:
                            targets |= {t.target for t, _ in _tests(cond, ())}
                    depends[question.id] = targets
                    where[question.id] = ("domains", d, "controls", c, "questions", k, "when")
        for i, question in enumerate(self.q.profile.questions):
            if question.when is not None:
                depends[question.id] = {t.target for t, _ in _tests(question.when, ())}
                where[question.id] = ("profile", "questions", i, "when")
        reported: set[frozenset[str]] = set()
        state: dict[str, int] = {}  # 1: on the current path, 2: done
        for start, first_targets in depends.items():
            if state.get(start):
                continue
            path: list[str] = []
            stack: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(first_targets)))]
            state[start] = 1
            path.append(start)
            while stack:
                node, children = stack[-1]
                child = next(children, None)
                if child is None:
                    stack.pop()
                    path.pop()
                    state[node] = 2
                    continue
                if child not in depends:
                    continue
                if state.get(child) == 1:
                    cycle = path[path.index(child) :]
                    key = frozenset(cycle)
                    if key not in reported:
                        reported.add(key)
                        ring = " -> ".join([*cycle, child])
                        self.add(where[child], f"conditions form a cycle: {ring}", child)
                elif not state.get(child):
                    state[child] = 1
                    path.append(child)
                    stack.append((child, iter(sorted(depends[child]))))


def check_questionnaire(
    questionnaire: Questionnaire, document: Document | None = None, name: str = "<questionnaire>"
) -> list[Problem]:
    """Every cross-reference problem of a validated questionnaire, placed in ``document``."""
    return _Checker(questionnaire, document, name).run()


# --- reference data -------------------------------------------------------------------------


def _reference_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.yaml") if p.is_file())


def load_reference(directory: Path | None = None) -> ReferenceData:
    """Loads and merges every ``*.yaml`` file of a reference-data folder.

    Each file holds some of the fields of :class:`ReferenceData`; a field given in two files is
    an error.
    """
    if directory is None:
        from compliance.paths import questionnaires_dir

        directory = questionnaires_dir() / "reference"
    merged: dict[str, Any] = {}
    owner: dict[str, str] = {}
    problems: list[Problem] = []
    for path in _reference_files(directory):
        try:
            document = parse_yaml(read_bytes(path, max_bytes=MAX_REFERENCE_BYTES), str(path))
            if not isinstance(document.data, dict):
                raise LoadError([document.problem((), "expected a mapping of reference lists")])
            part = validate_document(document, ReferenceData)
        except LoadError as error:
            problems.extend(error.problems)
            continue
        for key in part.model_fields_set:
            if key in merged:
                problems.append(
                    document.problem((key,), f"'{key}' is already given in {owner[key]}")
                )
            merged[key] = getattr(part, key)
            owner[key] = path.name
    if problems:
        raise LoadError(problems)
    return ReferenceData(**merged)


def _reference_fingerprint(directory: Path) -> bytes:
    digest = hashlib.sha256()
    for path in _reference_files(directory):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(read_bytes(path, max_bytes=MAX_REFERENCE_BYTES, what="reference file"))
        digest.update(b"\0")
    return digest.digest()


# --- questionnaires -------------------------------------------------------------------------


def parse_questionnaire(
    data: bytes, name: str, *, reference: ReferenceData | None = None
) -> Questionnaire:
    """Parses, validates and checks questionnaire bytes; no cache.

    When the file gives no ``reference`` block, ``reference`` is embedded (if given).
    """
    document = parse_yaml(data, name)
    if not isinstance(document.data, dict):
        raise LoadError([document.problem((), "expected a mapping at the top of a questionnaire")])
    questionnaire = validate_document(document, Questionnaire)
    problems = check_questionnaire(questionnaire, document, name)
    if problems:
        raise LoadError(problems)
    if questionnaire.reference is None and reference is not None:
        questionnaire = questionnaire.with_reference(reference)
    return questionnaire


def _cache_path(key: str) -> Path:
    from compliance.paths import cache_dir

    return cache_dir() / "questionnaires" / f"{key}.json"


def _read_cache(key: str) -> Questionnaire | None:
    path = _cache_path(key)
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    try:
        return Questionnaire.model_validate_json(raw)
    except ValidationError:
        return None


def _write_cache(key: str, questionnaire: Questionnaire) -> None:
    path = _cache_path(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "wb") as handle:
            handle.write(questionnaire.model_dump_json(exclude_none=True).encode())
        Path(tmp).replace(path)
    except OSError:
        return  # a cache that cannot be written only costs speed


def load_questionnaire(
    path: Path | str,
    *,
    use_cache: bool = True,
    reference_dir: Path | None = None,
) -> Questionnaire:
    """Loads a questionnaire file, with the bundled reference data embedded unless it has its own.

    Raises :class:`LoadError` listing every problem found.
    """
    path = Path(path)
    data = read_bytes(path, max_bytes=MAX_QUESTIONNAIRE_BYTES, what="questionnaire")
    if reference_dir is None:
        from compliance.paths import questionnaires_dir

        reference_dir = questionnaires_dir() / "reference"
    key_hash = hashlib.sha256()
    for part in (_CACHE_FORMAT.encode(), __version__.encode(), data):
        key_hash.update(part)
        key_hash.update(b"\0")
    key_hash.update(_reference_fingerprint(reference_dir))
    key = key_hash.hexdigest()
    if use_cache:
        cached = _memo.get(key) or _read_cache(key)
        if cached is not None:
            _memo[key] = cached
            return cached
    reference = load_reference(reference_dir) if reference_dir.is_dir() else None
    questionnaire = parse_questionnaire(data, str(path), reference=reference)
    if use_cache:
        _write_cache(key, questionnaire)
        _memo[key] = questionnaire
    return questionnaire


def iter_problems(paths: Iterable[Path]) -> Iterator[Problem]:
    """Every problem of every questionnaire file given (for ``compliance validate``)."""
    for path in paths:
        try:
            load_questionnaire(path, use_cache=False)
        except LoadError as error:
            yield from error.problems


# --- assessments ----------------------------------------------------------------------------

MAX_ASSESSMENT_BYTES = 20 * 1024 * 1024
"""The largest assessment file accepted."""


def parse_assessment(
    data: bytes, name: str, *, default_as_of: dt.date | None = None
) -> tuple[Assessment, Document]:
    """Parses and validates assessment bytes (YAML or JSON) into an assessment and its document.

    ``as_of`` is set to ``default_as_of`` when the file leaves it out.
    """
    document = parse_yaml(data, name)
    if not isinstance(document.data, dict):
        raise LoadError([document.problem((), "expected a mapping at the top of an assessment")])
    if document.data.get("as_of") is None and default_as_of is not None:
        document.data["as_of"] = default_as_of.isoformat()
    return validate_document(document, Assessment), document


def check_against(assessment: Assessment, questionnaire: Questionnaire, document: Document) -> None:
    """Raises :class:`LoadError`, placed in ``document``, unless the assessment fits."""
    expected = assessment.questionnaire.digest
    actual = digest(questionnaire)
    if expected is not None and expected != actual:
        raise LoadError(
            [
                document.problem(
                    ("questionnaire", "digest"),
                    f"the questionnaire digest {expected[:12]}... does not match the installed "
                    f"{questionnaire.id} {questionnaire.version} ({actual[:12]}...); "
                    "the assessment was made with other content",
                )
            ]
        )
    problems = [
        document.problem(loc, message)
        for loc, message in check_assessment(questionnaire, assessment)
    ]
    if problems:
        raise LoadError(problems)
