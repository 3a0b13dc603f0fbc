"""Provides :func:`find_cycles`: the cycles of a small dependency graph, found without recursion
(so a long chain cannot exhaust the stack), each reported once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

__all__ = ["find_cycles"]


def find_cycles(graph: Mapping[str, Iterable[str]]) -> Iterator[list[str]]:
    """Each cycle of ``graph`` (node → the nodes it depends on) once, as the path that closes it:
    ``[a, b, a]``.

    Nodes are searched from in the mapping's order and their edges in sorted order, so the same
    graph always gives the same cycles; edges to nodes outside the mapping are ignored. A cycle
    through the same nodes as one already given is not given again.
    """
    reported: set[frozenset[str]] = set()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in graph:
        if state.get(start):
            continue
        path: list[str] = [start]
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(graph[start])))]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif child not in graph:
                continue
            elif state.get(child) == 1:
                cycle = path[path.index(child) :]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    yield [*cycle, child]
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(sorted(graph[child]))))
