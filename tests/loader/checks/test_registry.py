"""The registry of questionnaire checks: every registered check has its own test module here,
the example passes every check, and checks run in a fixed order."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from compliance.loader.checks import CHECKS, check_questionnaire, register
from compliance.model.questionnaire import Questionnaire
from tests import loader as loader_tests
from tests.helpers import example_data

TEST_PACKAGE = f"{loader_tests.__name__}.checks"


def check_test_modules() -> dict[str, str]:
    """The check each test module of this folder declares (``CHECK = "name"``), by module."""
    package = importlib.import_module(TEST_PACKAGE)
    declared: dict[str, str] = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{TEST_PACKAGE}.{info.name}")
        name = getattr(module, "CHECK", None)
        if isinstance(name, str):
            declared[info.name] = name
    return declared


def test_the_checks_run_in_this_order() -> None:
    assert list(CHECKS) == [
        "unique-ids",
        "article-references",
        "scoring",
        "condition-targets",
        "condition-cycles",
        "bidi-controls",
    ]


@pytest.mark.parametrize("name", list(CHECKS))
def test_every_registered_check_has_its_own_test_module(name: str) -> None:
    module = f"test_{name.replace('-', '_')}"
    declared = check_test_modules()
    assert declared.get(module) == name, (
        f"add tests/loader/checks/{module}.py with CHECK = {name!r}"
    )
    tests = [
        attr
        for attr in vars(importlib.import_module(f"{TEST_PACKAGE}.{module}"))
        if attr.startswith("test_")
    ]
    assert len(tests) >= 2, f"{module} needs a case that finds a problem and one that does not"


def test_every_check_test_module_names_a_registered_check() -> None:
    assert set(check_test_modules().values()) <= set(CHECKS)


@pytest.mark.parametrize("name", list(CHECKS))
def test_the_example_passes_every_check(name: str) -> None:
    assert list(CHECKS[name](Questionnaire.model_validate(example_data()))) == []


def test_a_name_is_registered_once() -> None:
    with pytest.raises(ValueError, match="'scoring' is already registered"):
        register("scoring")(CHECKS["scoring"])
    assert len(CHECKS) == 6


def test_findings_without_a_document_are_placed_at_the_start_of_the_name() -> None:
    data = example_data()
    data["domains"][0]["controls"][1]["id"] = "GOV-01"
    [problem] = check_questionnaire(Questionnaire.model_validate(data), name="built")
    assert str(problem) == "built:1:1: GOV-01: duplicate id 'GOV-01' (already used by a control)"
