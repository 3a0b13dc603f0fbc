"""The cycle finder shared by the questionnaire checks and the assessment checks."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from compliance.graph import find_cycles


def test_a_graph_without_a_loop_has_no_cycle() -> None:
    assert list(find_cycles({"a": ["b"], "b": ["c"], "c": []})) == []


def test_each_cycle_once_as_the_path_that_closes_it() -> None:
    graph = {"a": ["b"], "b": ["c"], "c": ["a"], "d": ["d"], "e": ["a"]}
    assert list(find_cycles(graph)) == [["a", "b", "c", "a"], ["d", "d"]]


def test_edges_leaving_the_graph_are_ignored() -> None:
    assert list(find_cycles({"a": ["x", "b"], "b": ["a"]})) == [["a", "b", "a"]]


def test_a_long_chain_does_not_exhaust_the_stack() -> None:
    size = 50_000
    graph = {str(i): [str(i + 1)] for i in range(size)} | {str(size): ["0"]}
    [ring] = find_cycles(graph)
    assert len(ring) == size + 2


@given(st.dictionaries(st.sampled_from("abcdef"), st.lists(st.sampled_from("abcdefg"))))
def test_every_cycle_given_is_a_real_closed_path(graph: dict[str, list[str]]) -> None:
    seen: set[frozenset[str]] = set()
    for ring in find_cycles(graph):
        assert ring[0] == ring[-1]
        assert all(b in graph[a] for a, b in itertools.pairwise(ring))
        assert frozenset(ring) not in seen
        seen.add(frozenset(ring))


@given(st.dictionaries(st.sampled_from("abcdef"), st.lists(st.sampled_from("abcdef"))))
def test_a_graph_with_a_cycle_is_never_called_acyclic(graph: dict[str, list[str]]) -> None:
    def acyclic() -> bool:  # Kahn's algorithm, independently
        edges = {
            node: {child for child in children if child in graph}
            for node, children in graph.items()
        }
        indegree = dict.fromkeys(graph, 0)
        for children in edges.values():
            for child in children:
                indegree[child] += 1
        ready = [node for node, degree in indegree.items() if degree == 0]
        removed = 0
        while ready:
            node = ready.pop()
            removed += 1
            for child in edges[node]:
                indegree[child] -= 1
                if indegree[child] == 0:
                    ready.append(child)
        return removed == len(graph)

    assert (next(find_cycles(graph), None) is None) == acyclic()
