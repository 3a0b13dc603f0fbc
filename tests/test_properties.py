"""Property tests: the loader fed junk raises only the project's load error."""

from __future__ import annotations

import contextlib
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.errors import LoadError
from compliance.loader import parse_questionnaire
from compliance.safeyaml import parse_yaml
from tests.helpers import example_data

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.text(max_size=10), children, max_size=5),
    ),
    max_leaves=40,
)


def _load(data: bytes) -> None:
    """Loads ``data``; success is fine, and any failure must be a well-formed LoadError."""
    failure: LoadError | None = None
    try:
        parse_questionnaire(data, "junk.yaml")
    except LoadError as error:
        failure = error
    if failure is None:
        return
    assert failure.problems
    for problem in failure.problems:
        assert problem.line >= 1
        assert problem.column >= 1
        assert problem.message


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_raise_only_load_errors(data: bytes) -> None:
    _load(data)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_arbitrary_yaml_documents_raise_only_load_errors(document: Any) -> None:
    _load(yaml.safe_dump(document).encode())


def _mutations() -> st.SearchStrategy[tuple[list[Any], Any]]:
    return st.tuples(st.lists(st.integers(0, 50) | st.text(max_size=8), max_size=6), documents)


def _set_at(data: Any, path: list[Any], value: Any) -> None:
    """Replaces the value reached by following ``path`` as far as it goes."""
    node = data
    for step in path[:-1]:
        if isinstance(node, dict) and node:
            key = list(node)[hash(str(step)) % len(node)]
            if isinstance(node[key], dict | list):
                node = node[key]
                continue
        elif isinstance(node, list) and node and isinstance(node[0], dict | list):
            node = node[int(step) % len(node) if isinstance(step, int) else 0]
            continue
        break
    if isinstance(node, dict) and node:
        node[list(node)[hash(str(path[-1:])) % len(node)]] = value
    elif isinstance(node, list) and node:
        node[0] = value


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(_mutations())
def test_a_questionnaire_with_one_part_replaced_by_junk_raises_only_load_errors(
    mutation: tuple[list[Any], Any],
) -> None:
    path, value = mutation
    data = example_data()
    if path:
        _set_at(data, path, value)
    _load(yaml.safe_dump(data, allow_unicode=True).encode())


@given(st.text(max_size=200))
def test_any_text_parses_or_raises_a_load_error(text: str) -> None:
    with contextlib.suppress(LoadError):
        parse_yaml(text.encode("utf-8", "surrogatepass"), "t.yaml")
