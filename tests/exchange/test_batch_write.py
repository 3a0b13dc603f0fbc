"""The store's batch answer write that unpacking uses: one transaction, checked first, audited per
answer, and compare-and-set on each answer's version; on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from compliance.errors import InvalidAssessment
from compliance.loader import load_questionnaire
from compliance.store.answers import (
    AnswerWrite,
    answer_versions,
    save_answer,
    save_answers,
)
from compliance.store.assessments import create_assessment, get_assessment, load_assessment
from compliance.store.audit import entries
from compliance.store.clients import create_client
from compliance.store.workspace import Workspace, open_workspace
from tests.helpers import EXAMPLE
from tests.store.conftest import postgres_url, workspace_url

__all__ = ["postgres_url", "workspace_url"]  # fixtures shared with the store suite


@pytest.fixture
def store(workspace_url: str) -> Iterator[Workspace]:
    workspace = open_workspace(workspace_url, actor="amina")
    try:
        yield workspace
    finally:
        workspace.close()


def test_a_batch_is_checked_whole_and_saved_at_once(store: Workspace) -> None:
    questionnaire = load_questionnaire(EXAMPLE)
    assessment = create_assessment(store, create_client(store, "Atlas"), "example")
    revision = get_assessment(store, assessment).revision
    bad = [AnswerWrite("gov01.lead", "yes"), AnswerWrite("gov01.maturity", 12)]
    with pytest.raises(InvalidAssessment, match="12 is not a whole number from 0 to 4"):
        save_answers(store, assessment, bad, questionnaire=questionnaire)
    assert load_assessment(store, assessment).answers == {}
    good = [
        AnswerWrite("gov01.lead", "yes", "signed letter"),
        AnswerWrite("gov01.maturity", 3),
    ]
    assert save_answers(store, assessment, good, questionnaire=questionnaire) == []
    answers = load_assessment(store, assessment).answers
    assert (answers["gov01.lead"].value, answers["gov01.lead"].comment) == ("yes", "signed letter")
    assert answers["gov01.maturity"].value == 3
    assert get_assessment(store, assessment).revision == revision + 1
    audit = [e for e in entries(store, assessment_id=assessment) if e.action == "answer.set"]
    assert [(e.target, e.old, e.new) for e in audit] == [
        ("answer:gov01.lead", None, {"value": "yes", "comment": "signed letter"}),
        ("answer:gov01.maturity", None, {"value": 3}),
    ]


def test_an_answer_that_moved_on_is_a_conflict_and_kept(store: Workspace) -> None:
    assessment = create_assessment(store, create_client(store, "Atlas"), "example")
    save_answer(store, assessment, "gov01.lead", "yes", comment="kept")
    seen = answer_versions(store, assessment)
    assert set(seen) == {"gov01.lead"} and seen["gov01.lead"]
    save_answer(store, assessment, "gov01.lead", "no")  # someone else, meanwhile
    conflicts = save_answers(
        store,
        assessment,
        [
            AnswerWrite("gov01.lead", "yes", expect=seen["gov01.lead"]),
            AnswerWrite("gov02.notes", "new", expect=""),  # unanswered when seen: still is
        ],
    )
    assert conflicts == ["gov01.lead"]
    answers = load_assessment(store, assessment).answers
    assert (answers["gov01.lead"].value, answers["gov01.lead"].comment) == ("no", "kept")
    assert answers["gov02.notes"].value == "new"
    assert answer_versions(store, assessment)["gov02.notes"] != ""
