"""The repository API the TUI and the CLI share, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text

from compliance import store
from compliance.catalog import find
from compliance.errors import InvalidAssessment, WorkspaceError
from compliance.model.assessment import Assessment, Flow
from compliance.store import audit
from compliance.store.answers import KEEP
from compliance.store.workspace import Workspace


def _assessment(ws: Workspace, client: str = "Atlas") -> int:
    return store.create_assessment(ws, store.create_client(ws, client), "example")


def test_clients_are_created_renamed_listed_and_names_stay_unique(ws: Workspace) -> None:
    first = store.create_client(ws, "  Zagora Services ")
    second = store.create_client(ws, "Atlas")
    assert [c.name for c in store.list_clients(ws)] == ["Atlas", "Zagora Services"]
    with pytest.raises(WorkspaceError, match="already exists"):
        store.create_client(ws, "Atlas")
    with pytest.raises(WorkspaceError, match="empty"):
        store.create_client(ws, "   ")
    store.rename_client(ws, first, "Zagora Relation Client")
    assert store.get_client(ws, first).name == "Zagora Relation Client"
    found = store.find_client(ws, "Atlas")
    assert found is not None and found.id == second
    assert store.find_client(ws, "Nobody") is None
    renames = audit.entries(ws, target=f"client:{first}")
    assert [(e.action, e.old, e.new) for e in renames][-1] == (
        "client.rename",
        {"name": "Zagora Services"},
        {"name": "Zagora Relation Client"},
    )


def test_a_new_assessment_records_the_installed_questionnaire(ws: Workspace) -> None:
    aid = _assessment(ws)
    info = store.get_assessment(ws, aid)
    entry = find("example")
    assert (info.questionnaire_id, info.questionnaire_version) == ("example", "1.0.0")
    assert info.questionnaire_digest == entry.digest
    assert (info.status, info.cycle, info.client) == ("draft", 1, "Atlas")
    assessment = store.load_assessment(ws, aid)
    assert assessment.organisation.name == "Atlas"
    assert assessment.answers == {}


def test_answers_are_saved_changed_and_cleared_with_their_history(ws: Workspace) -> None:
    aid = _assessment(ws)
    store.save_answer(ws, aid, "gov01.lead", "no", comment="not yet")
    store.save_answer(ws, aid, "gov01.lead", "yes")  # the comment is kept
    answer = store.get_answer(ws, aid, "gov01.lead")
    assert answer is not None
    assert (answer.value, answer.comment, answer.answered_by) == ("yes", "not yet", ws.actor)
    store.save_answer(ws, aid, "gov01.lead", "yes", comment=None)
    assert store.clear_answer(ws, aid, "gov01.lead") is True
    assert store.clear_answer(ws, aid, "gov01.lead") is False
    assert store.get_answer(ws, aid, "gov01.lead") is None
    history = store.answer_history(ws, aid, "gov01.lead")
    assert [(e.action, e.old, e.new) for e in history] == [
        ("answer.set", None, {"value": "no", "comment": "not yet"}),
        (
            "answer.set",
            {"value": "no", "comment": "not yet"},
            {"value": "yes", "comment": "not yet"},
        ),
        ("answer.set", {"value": "yes", "comment": "not yet"}, {"value": "yes"}),
        ("answer.clear", {"value": "yes"}, None),
    ]
    assert {e.actor for e in history} == {"amina" if ws.dialect == "sqlite" else ws.actor}
    assert [e.at for e in history] == sorted(e.at for e in history)
    assert KEEP is not None


def test_a_wrong_answer_is_refused_and_changes_nothing(ws: Workspace) -> None:
    aid = _assessment(ws)
    questionnaire = find("example").questionnaire
    store.save_answer(ws, aid, "gov02.share", 50, questionnaire=questionnaire)
    with pytest.raises(InvalidAssessment, match="above the maximum"):
        store.save_answer(ws, aid, "gov02.share", 150, questionnaire=questionnaire)
    with pytest.raises(InvalidAssessment, match="not a question"):
        store.save_answer(ws, aid, "nope.q", "yes", questionnaire=questionnaire)
    with pytest.raises(InvalidAssessment, match="cannot save"):
        store.save_answer(ws, aid, "gov02.notes", {"not": "an answer"})
    with pytest.raises(WorkspaceError, match="no assessment 999"):
        store.save_answer(ws, 999, "gov01.lead", "yes")
    answer = store.get_answer(ws, aid, "gov02.share")
    assert answer is not None and answer.value == 50
    assert len(store.answer_history(ws, aid, "gov02.share")) == 1


def test_profile_status_and_score_cache(ws: Workspace) -> None:
    aid = _assessment(ws)
    store.set_profile_answer(ws, aid, "sectors", ["health"])
    store.set_profile_answer(ws, aid, "role", "controller")
    store.set_profile_answer(ws, aid, "role", None)
    assert store.load_assessment(ws, aid).profile == {"sectors": ("health",)}
    store.set_status(ws, aid, "in_review")
    assert store.get_assessment(ws, aid).status == "in_review"
    with pytest.raises(WorkspaceError, match="not a status"):
        store.set_status(ws, aid, "done")  # type: ignore[arg-type]
    store.save_answer(ws, aid, "gov01.lead", "yes")
    first = store.refresh_scores(ws)[aid]
    assert store.get_assessment(ws, aid).score == first.score
    assert store.refresh_scores(ws) == {}  # nothing stale
    store.save_answer(ws, aid, "gov02.share", 100)
    assert store.get_assessment(ws, aid).score is None  # stale scores are never shown
    second = store.refresh_scores(ws)[aid]
    assert second.score is not None and first.score is not None
    assert float(second.score) > float(first.score)


def test_duplicating_starts_the_next_cycle_with_a_copy(ws: Workspace, tmp_path: Path) -> None:
    aid = _assessment(ws)
    store.save_answer(ws, aid, "gov01.lead", "yes", comment="signed")
    proof = tmp_path / "letter.txt"
    proof.write_bytes(b"appointment letter")
    evidence_id = store.attach_evidence(ws, aid, "gov01.lead", proof, copy=True)
    copy = store.duplicate_assessment(ws, aid)
    info = store.get_assessment(ws, copy)
    assert (info.cycle, info.client_id) == (2, store.get_assessment(ws, aid).client_id)
    assert store.load_assessment(ws, copy).answers == store.load_assessment(ws, aid).answers
    store.save_answer(ws, copy, "gov01.lead", "no")
    assert store.load_assessment(ws, aid).answers["gov01.lead"].value == "yes"
    with ws.read() as connection:
        copied = connection.execute(
            text("SELECT content FROM evidence WHERE assessment_id = :a"), {"a": copy}
        ).scalar_one()
    assert bytes(copied) == store.evidence_content(ws, evidence_id) == b"appointment letter"
    client = store.get_client(ws, info.client_id)
    assert (client.assessments, client.latest_assessment) == (2, copy)


def test_flows_are_added_edited_and_deleted(ws: Workspace) -> None:
    aid = _assessment(ws)
    flow = Flow.model_validate(
        {
            "id": "crm",
            "name": "Calls",
            "exporter": {"name": "Client SA", "country": "FR"},
            "importer": {"name": "Atlas", "country": "MA"},
        }
    )
    other = flow.model_copy(update={"id": "hr", "name": "Payroll"})
    store.add_flow(ws, aid, flow)
    store.add_flow(ws, aid, other)
    with pytest.raises(WorkspaceError, match="already has a flow 'crm'"):
        store.add_flow(ws, aid, flow)
    store.replace_flow(ws, aid, flow.model_copy(update={"name": "Inbound calls"}))
    assert [(f.id, f.name) for f in store.load_assessment(ws, aid).flows] == [
        ("crm", "Inbound calls"),
        ("hr", "Payroll"),
    ]
    store.delete_flow(ws, aid, "crm")
    with pytest.raises(WorkspaceError, match="no flow 'crm'"):
        store.replace_flow(ws, aid, flow)
    assert [f.id for f in store.load_assessment(ws, aid).flows] == ["hr"]
    actions = [e.action for e in audit.entries(ws, assessment_id=aid, target="flow:crm")]
    assert actions == ["flow.add", "flow.edit", "flow.delete"]


def test_evidence_is_hashed_and_copied_only_when_asked(ws: Workspace, tmp_path: Path) -> None:
    aid = _assessment(ws)
    proof = tmp_path / "policy.pdf"
    proof.write_bytes(b"%PDF-1.7 policy")
    with pytest.raises(WorkspaceError, match="no answer yet"):
        store.attach_evidence(ws, aid, "gov01.lead", proof)
    store.save_answer(ws, aid, "gov01.lead", "yes")
    referenced = store.attach_evidence(ws, aid, "gov01.lead", proof, note="v2")
    copied = store.attach_evidence(ws, aid, "gov01.lead", proof, copy=True)
    assert store.evidence_content(ws, referenced) is None
    assert store.evidence_content(ws, copied) == b"%PDF-1.7 policy"
    items = store.load_assessment(ws, aid).answers["gov01.lead"].evidence
    digest = hashlib.sha256(b"%PDF-1.7 policy").hexdigest()
    assert [(e.path, e.sha256, e.note) for e in items] == [
        (str(proof), digest, "v2"),
        (str(proof), digest, None),
    ]
    store.detach_evidence(ws, referenced)
    assert len(store.load_assessment(ws, aid).answers["gov01.lead"].evidence) == 1
    with pytest.raises(WorkspaceError, match="cannot read"):
        store.attach_evidence(ws, aid, "gov01.lead", tmp_path / "missing.pdf")


def test_generated_reports_are_recorded_with_their_hash(ws: Workspace, tmp_path: Path) -> None:
    aid = _assessment(ws)
    report = tmp_path / "report.html"
    report.write_text("<html>ok</html>", encoding="utf-8")
    rid = store.record_report(ws, aid, report, format="html", lang="fr")
    [record] = store.list_reports(ws, aid)
    assert (record.id, record.format, record.lang, record.path) == (rid, "html", "fr", str(report))
    assert record.sha256 == hashlib.sha256(b"<html>ok</html>").hexdigest()


CANARY = "Canary-Kenza-Benjelloun-0612345678"


def test_deleting_a_client_removes_its_data_but_keeps_its_history(
    ws: Workspace, sample: Assessment, tmp_path: Path
) -> None:
    doomed = store.import_assessment(ws, sample, client=CANARY)
    kept = store.import_assessment(ws, sample, client="Kept Client")
    store.save_answer(ws, doomed, "gov02.notes", f"call {CANARY}", comment=CANARY)
    proof = tmp_path / "proof.txt"
    proof.write_text(CANARY)
    store.attach_evidence(ws, doomed, "gov02.notes", proof, copy=True)
    store.record_report(ws, doomed, proof, format="md", lang="en")
    client_id = store.get_assessment(ws, doomed).client_id
    store.duplicate_assessment(ws, doomed)
    history = [(e.action, e.target) for e in audit.entries(ws, client_id=client_id)]

    with pytest.raises(WorkspaceError, match="does not match"):
        store.delete_client(ws, client_id, confirm="Kept Client")
    store.delete_client(ws, client_id, confirm=f"  {CANARY} ")

    assert [c.name for c in store.list_clients(ws)] == ["Kept Client"]
    assert [a.id for a in store.list_assessments(ws)] == [kept]
    with ws.read() as connection:
        for table in ("answers", "flows", "evidence", "reports"):
            owners = connection.execute(text(f"SELECT DISTINCT assessment_id FROM {table}"))
            assert {row[0] for row in owners} <= {kept}, table
        rows = list(connection.execute(text("SELECT * FROM audit_log")).all())
        rows += connection.execute(text("SELECT * FROM audit_values")).all()
    everything = repr(rows)
    assert CANARY not in everything
    assert "Kept Client" in everything  # the kept client's history is untouched
    after = audit.entries(ws, client_id=client_id)
    assert [(e.action, e.target) for e in after[:-1]] == history  # who did what, when: kept
    assert all(e.old is None and e.new is None for e in after[:-1])  # the values: erased
    tombstone = after[-1]
    assert (tombstone.action, tombstone.target) == ("client.delete", f"client:{client_id}")
    assert (tombstone.client_id, tombstone.assessment_id, tombstone.old) == (client_id, None, None)
    assert tombstone.new == {"assessments": 2}
    with pytest.raises(WorkspaceError, match="no client"):
        store.delete_client(ws, client_id, confirm=CANARY)


def test_erased_data_does_not_linger_in_the_sqlite_files(
    tmp_path: Path, sample: Assessment
) -> None:
    path = tmp_path / "erase.sqlite"
    with store.open_workspace(path, actor="amina") as ws:
        aid = store.import_assessment(ws, sample, client=CANARY)
        for i in range(30):
            store.save_answer(ws, aid, "gov02.notes", f"{CANARY} note {i} " + "x" * 500)
        store.import_assessment(ws, sample, client="Kept Client")
        files = [p for p in tmp_path.iterdir() if p.name.startswith("erase.sqlite")]
        assert any(CANARY.encode() in p.read_bytes() for p in files)  # the probe works
        store.delete_client(ws, store.get_assessment(ws, aid).client_id, confirm=CANARY)
        for p in tmp_path.iterdir():
            if p.name.startswith("erase.sqlite"):
                assert CANARY.encode() not in p.read_bytes(), p.name
        assert [c.name for c in store.list_clients(ws)] == ["Kept Client"]


def test_one_answer_comes_with_its_evidence_as_in_the_whole_assessment(
    ws: Workspace, tmp_path: Path
) -> None:
    aid = _assessment(ws)
    store.save_answer(ws, aid, "gov01.lead", "yes")
    for name in ("minutes.pdf", "policy.pdf"):
        (tmp_path / name).write_bytes(name.encode())
        store.attach_evidence(ws, aid, "gov01.lead", tmp_path / name, note=f"about {name}")
    answer = store.get_answer(ws, aid, "gov01.lead")
    assert answer is not None
    assert [e.path for e in answer.evidence] == [
        str(tmp_path / "minutes.pdf"),
        str(tmp_path / "policy.pdf"),
    ]
    assert answer == store.load_assessment(ws, aid).answers["gov01.lead"]
