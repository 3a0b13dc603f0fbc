"""The check ``condition-cycles``: no question depends, through ``when`` conditions (its own
and its control's), on itself."""

from __future__ import annotations

from collections.abc import Iterator

from compliance.loader.checks.registry import Finding, Loc, register
from compliance.loader.checks.walk import condition_tests, questions
from compliance.model.questionnaire import Questionnaire


@register("condition-cycles")
def condition_cycles(questionnaire: Questionnaire) -> Iterator[Finding]:
    """Each cycle once, reported at the condition that closes it."""
    depends: dict[str, set[str]] = {}
    where: dict[str, Loc] = {}
    sites = list(questions(questionnaire))
    # The domains' questions first, then the profile's: the order the cycles are searched in.
    for site in [s for s in sites if not s.in_profile] + [s for s in sites if s.in_profile]:
        conditions = [site.question.when]
        if site.control is not None:
            conditions.insert(0, site.control.when)
        elif site.question.when is None:
            continue
        depends[site.question.id] = {
            test.target
            for condition in conditions
            if condition is not None
            for test, _ in condition_tests(condition, ())
        }
        where[site.question.id] = (*site.loc, "when")
    reported: set[frozenset[str]] = set()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start, first_targets in depends.items():
        if state.get(start):
            continue
        path: list[str] = [start]
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(first_targets)))]
        state[start] = 1
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
                    yield Finding(where[child], f"conditions form a cycle: {ring}", child)
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(sorted(depends[child]))))
