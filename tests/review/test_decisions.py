"""Decisions: recorded with the audit log, persisted across restarts, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from compliance.errors import ReviewError
from compliance.review.decisions import (
    decide,
    latest_decisions,
    list_decisions,
    record_seen,
    seen_submissions,
)
from compliance.review.export import decisions_csv, neutralise, write_csv
from compliance.review.inbox import scan
from compliance.store import entries
from compliance.store.workspace import open_workspace
from tests.review.conftest import NOW, Inbox
from tests.signing.conftest import Signer


def test_decisions_persist_across_restarts(
    workspace_url: str, inbox: Inbox, signer: Signer
) -> None:
    found = {s.name: s for s in scan(inbox.folder, signer.trust, now=NOW)}
    with open_workspace(workspace_url, actor="cndp-reviewer") as ws:
        reviewer = ws.actor  # "cndp-reviewer" on SQLite; on PostgreSQL, the database login
        assert record_seen(ws, found.values()) == len(found)
        decide(ws, found["a-first.zip"], "revision_requested", "Flow f1 lacks SCCs")
        decide(ws, found["a-first.zip"], "accepted", "SCCs received")
        decide(ws, found["e-tampered.zip"], "rejected", "altered after signing")
    with open_workspace(workspace_url, actor="someone-else") as ws:  # a restart
        decisions = list_decisions(ws)
        assert [(d.submission.file, d.status, d.reviewer) for d in decisions] == [
            ("a-first.zip", "revision_requested", reviewer),
            ("a-first.zip", "accepted", reviewer),
            ("e-tampered.zip", "rejected", reviewer),
        ]
        latest = latest_decisions(ws)
        assert latest[found["a-first.zip"].sha256].comment == "SCCs received"
        tampered = latest[found["e-tampered.zip"].sha256].submission
        assert (tampered.verdict, tampered.reason, tampered.report_id, tampered.scores) == (
            "INVALID",
            "digest-mismatch",
            None,
            None,
        )
        log = [e for e in entries(ws) if e.action == "review.decide"]
        assert [(e.actor, e.old, e.new["status"]) for e in log] == [
            (reviewer, None, "revision_requested"),
            (
                reviewer,
                {"status": "revision_requested", "comment": "Flow f1 lacks SCCs"},
                "accepted",
            ),
            (reviewer, None, "rejected"),
        ]
        assert log[0].target == f"submission:{found['a-first.zip'].sha256}"
        assert len(seen_submissions(ws)) == len(found)


def test_recording_the_same_bundle_twice_keeps_one_row(
    workspace_url: str, inbox: Inbox, signer: Signer
) -> None:
    found = scan(inbox.folder, signer.trust, now=NOW)
    with open_workspace(workspace_url) as ws:
        record_seen(ws, found)
        record_seen(ws, found)
        rows = seen_submissions(ws)
    assert len(rows) == len(found)
    assert all(r.first_seen <= r.last_seen for r in rows)


def test_only_a_valid_submission_can_be_accepted(
    tmp_path: Path, inbox: Inbox, signer: Signer
) -> None:
    found = {s.name: s for s in scan(inbox.folder, signer.trust, now=NOW)}
    with open_workspace(tmp_path / "ws.sqlite") as ws:
        for name in ("e-tampered.zip", "d-expired.zip"):
            with pytest.raises(ReviewError, match="cannot be accepted"):
                decide(ws, found[name], "accepted", "looks fine")
        with pytest.raises(ReviewError, match="a decision is one of"):
            decide(ws, found["a-first.zip"], "approved", "x")
        with pytest.raises(ReviewError, match="longer than"):
            decide(ws, found["a-first.zip"], "rejected", "x" * 10_001)
        assert list_decisions(ws) == []


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        (" =1+1", "' =1+1"),
        ("\n=1+1", "'\n=1+1"),
        ("\x00=1", "'\x00=1"),
        ("\uff1d1+1", "'\uff1d1+1"),  # full-width equals sign
        ("\ufe621", "'\ufe621"),  # small plus sign
        ("\u22121", "'\u22121"),  # minus sign
        ("\u00a0=1", "'\u00a0=1"),  # no-break space
        ("\u202e=1", "'\u202e=1"),  # a bidi override before the formula
        ("Atlas = good", "Atlas = good"),
        ("École", "École"),
        ("", ""),
        (None, ""),
    ],
)
def test_cells_a_spreadsheet_would_evaluate_are_neutralised(
    cell: str | None, expected: str
) -> None:
    assert neutralise(cell) == expected


def test_the_csv_export_neutralises_comments_and_names(
    tmp_path: Path, inbox: Inbox, signer: Signer
) -> None:
    found = {s.name: s for s in scan(inbox.folder, signer.trust, now=NOW)}
    with open_workspace(tmp_path / "ws.sqlite", actor="=cmd|' /C calc'!A0") as ws:
        decide(ws, found["c-other.zip"], "rejected", '=HYPERLINK("http://evil","x")')
        decisions = list_decisions(ws)
    target = tmp_path / "decisions.csv"
    assert write_csv(decisions, target) == 1
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert target.stat().st_mode & 0o777 == 0o600
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0]["comment"] == '\'=HYPERLINK("http://evil","x")'
    assert rows[0]["reviewer"] == "'=cmd|' /C calc'!A0"
    assert (rows[0]["organisation"], rows[0]["registration_id"]) == ("Other SA", "RC-2")
    assert rows[0]["status"] == "rejected"
    assert decisions_csv([]).splitlines() == [decisions_csv(decisions).splitlines()[0]]
