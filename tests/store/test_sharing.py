"""A workspace several people share: conflicts refused and shown, nothing lost, distinct cycles,
roles enforced, an audit log nobody can rewrite, and changes noticed by the others (issue 19).

Each test runs on SQLite and on a real PostgreSQL (a database of its own); on PostgreSQL every
person is a database login of their own, as the README says to set it up.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from compliance import store
from compliance.errors import WorkspaceConflict, WorkspaceDenied, WorkspaceError
from compliance.model.assessment import Assessment, Flow
from compliance.store.answers import KEEP
from compliance.store.grants import grant_role
from compliance.store.workspace import Workspace, open_workspace


@dataclass
class People:
    """People sharing the workspace: each a database login of their own on PostgreSQL, a user
    name on SQLite; :meth:`join` gives one a role (granted by the owner) and opens it as them."""

    url: str
    login: Callable[[str], str] | None
    opened: list[Workspace] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    urls: dict[str, str] = field(default_factory=dict)

    def join(self, owner: Workspace, person: str, role: str) -> Workspace:
        if self.login is None:
            self.names[person], self.urls[person] = person, self.url
        else:
            self.urls[person] = self.login(person)
            self.names[person] = make_url(self.urls[person]).username or ""
        grant_role(owner, self.names[person], role)
        ws = open_workspace(self.urls[person], actor=person)
        self.opened.append(ws)
        return ws


@pytest.fixture
def people(workspace_url: str, request: pytest.FixtureRequest) -> Iterator[People]:
    login = None
    if workspace_url.startswith("postgresql"):
        login = request.getfixturevalue("pg_login")
    crowd = People(workspace_url, login)
    yield crowd
    for ws in crowd.opened:
        ws.close()


def _assessment(ws: Workspace, sample: Assessment) -> int:
    return store.import_assessment(ws, sample, client="Atlas")


def _revision(ws: Workspace, aid: int, question: str) -> int:
    from compliance.store.revisions import revisions

    return revisions(ws, aid).answers.get(question, 0)


def test_two_people_answering_the_same_question_conflict_and_nothing_is_lost(
    people: People, ws: Workspace, sample: Assessment
) -> None:
    aid = _assessment(ws, sample)
    amina, youssef = people.join(ws, "bahia", "editor"), people.join(ws, "youssef", "editor")
    seen_by_amina = _revision(amina, aid, "gov01.maturity")
    seen_by_youssef = _revision(youssef, aid, "gov01.maturity")
    assert seen_by_amina == seen_by_youssef > 0

    store.save_answer(youssef, aid, "gov01.maturity", 4, based_on=seen_by_youssef)
    with pytest.raises(WorkspaceConflict) as caught:
        store.save_answer(amina, aid, "gov01.maturity", 2, based_on=seen_by_amina)
    conflict = caught.value
    assert conflict.actor == people.names["youssef"]
    assert conflict.theirs == {"value": 4}
    assert conflict.at is not None
    assert f"changed by {people.names['youssef']} at " in str(conflict)
    assert store.get_answer(ws, aid, "gov01.maturity").value == 4  # type: ignore[union-attr]

    # "use mine": written again, based on what the conflict showed
    store.save_answer(amina, aid, "gov01.maturity", 2, based_on=conflict.revision)
    history = store.answer_history(ws, aid, "gov01.maturity")
    assert [e.new["value"] for e in history[-2:]] == [4, 2]  # both versions are in the log
    assert [e.actor for e in history[-2:]] == [people.names["youssef"], people.names["bahia"]]


def test_a_stale_comment_save_never_resends_the_value(
    people: People, ws: Workspace, sample: Assessment
) -> None:
    aid = _assessment(ws, sample)
    amina, youssef = people.join(ws, "bahia", "editor"), people.join(ws, "youssef", "editor")
    base = _revision(amina, aid, "gov01.lead")
    store.save_answer(youssef, aid, "gov01.lead", "no", based_on=base)
    with pytest.raises(WorkspaceConflict) as caught:
        store.save_answer(amina, aid, "gov01.lead", comment="letter on file", based_on=base)
    assert caught.value.theirs["value"] == "no"  # type: ignore[index]
    # a comment saved on the current revision changes the comment only
    store.save_answer(
        amina, aid, "gov01.lead", comment="letter on file", based_on=caught.value.revision
    )
    answer = store.get_answer(ws, aid, "gov01.lead")
    assert answer is not None
    assert (answer.value, answer.comment) == ("no", "letter on file")
    assert answer.answered_by == people.names["youssef"]  # the value is still Youssef's
    with pytest.raises(WorkspaceError, match="no answer yet"):
        store.save_answer(amina, aid, "gov09.none", KEEP, comment="x")


def test_flows_profile_evidence_and_clients_refuse_stale_writes(
    people: People, ws: Workspace, sample: Assessment, tmp_path: Path
) -> None:
    from compliance.store.revisions import revisions

    aid = _assessment(ws, sample)
    amina, youssef = people.join(ws, "bahia", "admin"), people.join(ws, "youssef", "editor")
    before = revisions(amina, aid)
    crm = store.load_assessment(ws, aid).flows[0]
    store.replace_flow(
        youssef, aid, crm.model_copy(update={"name": "Calls"}), based_on=before.flows["crm"]
    )
    with pytest.raises(WorkspaceConflict) as flow:
        store.replace_flow(
            amina, aid, crm.model_copy(update={"name": "CRM"}), based_on=before.flows["crm"]
        )
    assert flow.value.theirs["name"] == "Calls"  # type: ignore[index]
    with pytest.raises(WorkspaceConflict):
        store.delete_flow(amina, aid, "crm", based_on=before.flows["crm"])

    store.set_profile_answer(youssef, aid, "role", "controller", based_on=before.profile)
    with pytest.raises(WorkspaceConflict) as profile:
        store.set_profile_answer(amina, aid, "role", "processor", based_on=before.profile)
    assert profile.value.theirs == "controller"

    proof = tmp_path / "proof.pdf"
    proof.write_bytes(b"proof")
    store.attach_evidence(youssef, aid, "gov01.lead", proof, based_on=before.answers["gov01.lead"])
    with pytest.raises(WorkspaceConflict):
        store.attach_evidence(
            amina, aid, "gov01.lead", proof, based_on=before.answers["gov01.lead"]
        )

    client = store.get_assessment(ws, aid).client_id
    from compliance.store.clients import client_revision

    seen = client_revision(amina, client)
    store.rename_client(youssef, client, "Atlas SARL", based_on=seen)
    with pytest.raises(WorkspaceConflict) as renamed:
        store.rename_client(amina, client, "Atlas SA", based_on=seen)
    assert renamed.value.theirs == {"name": "Atlas SARL"}
    with pytest.raises(WorkspaceConflict):
        store.delete_client(amina, client, confirm="Atlas SARL", based_on=seen)
    assert store.get_client(ws, client).name == "Atlas SARL"


def test_parallel_imports_get_distinct_cycles_and_none_fails(
    workspace_url: str, sample: Assessment
) -> None:
    open_workspace(workspace_url).close()  # created (and migrated) once, before the race
    workers = 4
    barrier = threading.Barrier(workers)
    results: list[int] = []
    failures: list[BaseException] = []

    def one() -> None:
        with open_workspace(workspace_url, busy_timeout=20) as mine:
            barrier.wait()
            try:
                results.append(store.import_assessment(mine, sample, client="Racing SARL"))
            except BaseException as error:
                failures.append(error)

    threads = [threading.Thread(target=one) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    with open_workspace(workspace_url) as ws:
        cycles = sorted(a.cycle for a in store.list_assessments(ws) if a.id in results)
        assert cycles == [1, 2, 3, 4]
        assert [c.name for c in store.list_clients(ws)] == ["Racing SARL"]
        created = store.create_assessment(ws, store.list_clients(ws)[0].id, "example")
        assert store.get_assessment(ws, created).cycle == 5  # a new assessment takes the next


def test_a_cycle_number_is_unique_per_client(ws: Workspace, sample: Assessment) -> None:
    aid = _assessment(ws, sample)
    with pytest.raises(WorkspaceError), ws.write() as connection:
        connection.execute(
            text("UPDATE assessments SET cycle = 1 WHERE id = :id"),
            {"id": store.duplicate_assessment(ws, aid)},
        )


def test_a_reader_reads_everything_and_is_refused_every_write(
    people: People, ws: Workspace, sample: Assessment, tmp_path: Path
) -> None:
    aid = _assessment(ws, sample)
    rita = people.join(ws, "rita", "reader")
    store.save_answer(ws, aid, "gov01.maturity", 1)  # the cached score is now stale
    assert store.refresh_scores(rita)[aid].rating  # scored for the reader, not cached
    assert [c.name for c in store.list_clients(rita)] == ["Atlas"]
    assert store.load_assessment(rita, aid).answers["gov01.maturity"].value == 1
    assert rita.role() == "reader"
    client = store.get_assessment(ws, aid).client_id
    proof = tmp_path / "p.txt"
    proof.write_text("p")
    flow = Flow.model_validate(
        {
            "id": "new",
            "name": "N",
            "exporter": {"name": "A", "country": "MA"},
            "importer": {"name": "B", "country": "FR"},
        }
    )
    writes: list[Callable[[], object]] = [
        lambda: store.save_answer(rita, aid, "gov01.maturity", 2),
        lambda: store.save_answer(rita, aid, "gov01.lead", comment="c"),
        lambda: store.clear_answer(rita, aid, "gov01.lead"),
        lambda: store.set_profile_answer(rita, aid, "role", "controller"),
        lambda: store.add_flow(rita, aid, flow),
        lambda: store.delete_flow(rita, aid, "crm"),
        lambda: store.attach_evidence(rita, aid, "gov01.lead", proof),
        lambda: store.create_client(rita, "Other"),
        lambda: store.rename_client(rita, client, "Other"),
        lambda: store.delete_client(rita, client, confirm="Atlas"),
        lambda: store.import_assessment(rita, sample, client="Other"),
        lambda: store.duplicate_assessment(rita, aid),
        lambda: store.set_status(rita, aid, "in_review"),
        lambda: grant_role(rita, people.names["rita"], "admin"),
    ]
    for write in writes:
        with pytest.raises(WorkspaceDenied, match="is a reader"):
            write()
    assert store.load_assessment(ws, aid) == store.load_assessment(rita, aid)
    if rita.dialect == "postgresql":  # the database refuses the login too, store or not
        from sqlalchemy.exc import ProgrammingError

        for statement in ("UPDATE answers SET comment = 'x'", "DELETE FROM flows"):
            with (
                pytest.raises(ProgrammingError, match="permission denied"),
                rita.engine.begin() as connection,
            ):
                connection.execute(text(statement))


def test_only_an_admin_deletes_a_client_and_its_history_stays(
    people: People, ws: Workspace, sample: Assessment
) -> None:
    aid = _assessment(ws, sample)
    client = store.get_assessment(ws, aid).client_id
    eddie = people.join(ws, "eddie", "editor")
    store.save_answer(eddie, aid, "gov01.maturity", 2)  # an editor edits
    with pytest.raises(WorkspaceDenied, match="cannot delete clients"):
        store.delete_client(eddie, client, confirm="Atlas")
    with pytest.raises(WorkspaceDenied, match="cannot decide"):
        store.set_status(eddie, aid, "final")
    store.delete_client(ws, client, confirm="Atlas")  # the owner granted first: an admin
    actions = [e.action for e in store.entries(ws, client_id=client)]
    assert actions[0] == "client.create"
    assert "answer.set" in actions
    assert actions[-1] == "client.delete"


def test_the_audit_log_refuses_updates_and_deletions(ws: Workspace, sample: Assessment) -> None:
    _assessment(ws, sample)
    count = len(store.entries(ws))
    for statement in (
        "UPDATE audit_log SET actor = 'nobody'",
        "DELETE FROM audit_log",
    ):
        with pytest.raises(WorkspaceDenied, match="append-only"), ws.write() as connection:
            connection.execute(text(statement))
    assert len(store.entries(ws)) == count
    assert {e.actor for e in store.entries(ws)} == {ws.actor}


def test_a_change_by_someone_else_is_noticed_within_two_seconds(
    people: People, ws: Workspace, sample: Assessment
) -> None:
    from compliance.store.changes import ChangeWatcher

    aid = _assessment(ws, sample)
    amina = people.join(ws, "bahia", "editor")
    watcher = ChangeWatcher(ws)
    try:
        assert watcher.wait(0.1) is False  # nothing happened
        threading.Timer(0.2, store.save_answer, (amina, aid, "gov01.maturity", 4)).start()
        assert watcher.wait(2.0) is True  # a bounded wait, not a speed assertion
        assert store.get_answer(ws, aid, "gov01.maturity").value == 4  # type: ignore[union-attr]
    finally:
        watcher.close()


def test_a_change_made_before_the_watcher_started_is_not_missed(
    people: People, ws: Workspace, sample: Assessment
) -> None:
    """A screen reads, someone else writes, then the screen's watcher starts: watching from the
    start of the log still reports that change on the first check (on PostgreSQL too, where no
    notification of it will ever arrive)."""
    from compliance.store.changes import ChangeWatcher

    aid = _assessment(ws, sample)
    amina = people.join(ws, "bahia", "editor")
    store.save_answer(amina, aid, "gov01.maturity", 4)
    late = ChangeWatcher(ws)
    from_start = ChangeWatcher(ws, since=0)
    try:
        assert late.others_changed() is False  # the watcher that starts now misses it
        assert from_start.others_changed() is True
        assert from_start.others_changed() is False  # and reports it once
    finally:
        late.close()
        from_start.close()


def test_the_sample_is_made_once_however_many_ask_at_once(
    workspace_url: str, sample: Assessment
) -> None:
    open_workspace(workspace_url).close()
    barrier = threading.Barrier(3)
    results: list[int] = []

    def one() -> None:
        with open_workspace(workspace_url, busy_timeout=20) as mine:
            barrier.wait()
            results.append(store.import_assessment(mine, sample, client="Sample", once=True))

    threads = [threading.Thread(target=one) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == 3 and len(set(results)) == 1
    with open_workspace(workspace_url) as ws:
        assert [(a.client, a.cycle) for a in store.list_assessments(ws)] == [("Sample", 1)]
