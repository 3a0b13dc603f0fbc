"""Comparison of two cycles of one organisation, and the replay flags of an inbox."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from compliance.errors import ReviewError
from compliance.review.compare import compare, flag_replays
from compliance.review.decisions import Seen
from compliance.review.detail import Verified, open_verified
from compliance.review.inbox import scan
from tests.review.conftest import NOW, Inbox
from tests.signing.conftest import Signer


def _open(folder: Path, name: str, signer: Signer) -> Verified:
    _, verified = open_verified(folder / name, signer.trust, now=NOW)
    assert verified is not None
    return verified


def test_two_cycles_show_what_changed(inbox: Inbox, signer: Signer) -> None:
    first = _open(inbox.folder, "a-first.zip", signer)
    second = _open(inbox.folder, "b-second.zip", signer)
    comparison = compare(first, second)
    assert comparison.registration_id == "RC-1"
    assert [(c.item, c.before, c.after) for c in comparison.answers] == [
        ("gov01.lead", "yes", "no")
    ]
    assert [c.item for c in comparison.flows] == ["f1 definition"]
    assert comparison.flags == ()
    assert {c.item for c in comparison.scores} >= {"overall"}
    overall = next(c for c in comparison.scores if c.item == "overall")
    assert (overall.before, overall.after) == (
        first.result.overall.score.__str__(),
        str(second.result.overall.score),
    )
    assert comparison.to_json()["answers"] == [
        {"item": "gov01.lead", "before": "yes", "after": "no"}
    ]


def test_an_older_resubmission_and_a_replayed_bundle_are_flagged(
    inbox: Inbox, signer: Signer
) -> None:
    first = _open(inbox.folder, "a-first.zip", signer)
    second = _open(inbox.folder, "b-second.zip", signer)
    assert compare(second, first).flags == ("older-than-seen",)
    assert compare(first, first).flags == ("duplicate-bundle",)


def test_different_organisations_are_not_compared(inbox: Inbox, signer: Signer) -> None:
    first = _open(inbox.folder, "a-first.zip", signer)
    other = _open(inbox.folder, "c-other.zip", signer)
    with pytest.raises(ReviewError, match="not from the same organisation"):
        compare(first, other)


def test_an_invalid_bundle_opens_without_data(inbox: Inbox, signer: Signer) -> None:
    submission, verified = open_verified(inbox.folder / "e-tampered.zip", signer.trust, now=NOW)
    assert verified is None and submission.summary is None


def _seen(submission_sha: str, report_id: str, registration_id: str, issued: str) -> Seen:
    return Seen(
        1,
        submission_sha,
        "old.zip",
        "VALID",
        None,
        report_id,
        registration_id,
        "Org",
        "Alice",
        issued,
        "example 1.0.0",
        None,
        "t",
        "t",
    )


def test_replay_flags_against_the_folder_and_the_workspace(inbox: Inbox, signer: Signer) -> None:
    found = {s.name: s for s in scan(inbox.folder, signer.trust, now=NOW)}
    first, second, other = found["a-first.zip"], found["b-second.zip"], found["c-other.zip"]
    assert first.summary and second.summary and other.summary
    assert all(s.flags == () for s in flag_replays(list(found.values())))
    # the same bytes twice in one folder
    copy = replace(first, path=first.path.with_name("copy.zip"))
    assert [s.flags for s in flag_replays([first, copy])] == [("duplicate-bundle",)] * 2
    # the report id of another bundle, seen earlier
    later = (NOW + dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    seen = [_seen("f" * 64, other.summary.report_id, "RC-2", later)]
    flagged = {s.name: s.flags for s in flag_replays([first, other], seen)}
    assert flagged == {
        "a-first.zip": (),
        "c-other.zip": ("report-id-seen-twice", "older-than-seen"),
    }
    # cycle 1 arriving after cycle 2 was seen is older than one already seen
    seen = [_seen(second.sha256, second.summary.report_id, "RC-1", second.summary.issued_at)]
    assert [s.flags for s in flag_replays([first], seen)] == [("older-than-seen",)]
    # a bundle already seen is not a resubmission
    seen.append(_seen(first.sha256, first.summary.report_id, "RC-1", first.summary.issued_at))
    assert [s.flags for s in flag_replays([first], seen)] == [()]
