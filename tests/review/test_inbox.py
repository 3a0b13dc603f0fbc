"""The inbox: each bundle of a mixed folder gets its verdict; unverified ones carry no data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from compliance.review.inbox import read_submission, scan
from compliance.review.triage import select, sort_submissions
from tests.review.conftest import HOSTILE, NOW, Inbox
from tests.signing.conftest import Signer


@pytest.mark.parametrize("workers", [1, 2])
def test_a_mixed_folder_gives_the_right_verdict_for_each_bundle(
    inbox: Inbox, signer: Signer, workers: int
) -> None:
    seen: list[tuple[int, int]] = []
    found = scan(
        inbox.folder,
        signer.trust,
        now=NOW,
        workers=workers,
        progress=lambda done, total, _s: seen.append((done, total)),
    )
    verdicts = {s.name: (s.status, s.verdict.reason) for s in found}
    assert verdicts == inbox.expected  # notes.txt is not a bundle
    assert seen == [(i, len(inbox.expected)) for i in range(1, len(inbox.expected) + 1)]


def test_an_invalid_bundle_yields_only_its_name_and_reason(inbox: Inbox, signer: Signer) -> None:
    found = {s.name: s for s in scan(inbox.folder, signer.trust, now=NOW)}
    tampered = found["e-tampered.zip"]
    assert tampered.summary is None
    assert tampered.verdict.details == {}
    payload = tampered.to_json()
    assert payload["submission"] is None
    assert "99.00" not in str(payload)  # the claimed score is never shown
    assert payload["claimed"] == {
        "verified": False,
        "organisation": "Atlas Contact",
        "registrationId": "RC-1",
        "keyId": signer.key.key_id,
        "issuedAt": payload["claimed"]["issuedAt"],
        "reportId": payload["claimed"]["reportId"],
    }
    assert tampered.claimed_signer == "Alice"  # the key it names is in the store
    malformed = found["g-malformed.zip"]
    assert malformed.claims is None and malformed.to_json()["claimed"] is None
    valid = found["a-first.zip"].summary
    assert valid is not None
    assert (valid.registration_id, valid.signer, valid.flows) == ("RC-1", "Alice", 2)
    assert valid.flows_at_risk == valid.flows_blocked + valid.flows_not_ready
    assert valid.domains and all(v is None or isinstance(v, str) for v in valid.domains.values())


def test_expired_bundles_keep_their_verified_facts(inbox: Inbox, signer: Signer) -> None:
    found = {s.name: s for s in scan(inbox.folder, signer.trust, now=NOW)}
    expired = found["d-expired.zip"]
    assert expired.status == "EXPIRED"
    assert expired.summary is not None and expired.summary.score is not None


def test_links_and_special_files_are_not_followed(tmp_path: Path, signer: Signer) -> None:
    target = tmp_path / "secret.zip"
    target.write_bytes(b"x")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "link.zip").symlink_to(target)
    os.mkfifo(folder / "pipe.zip")
    (folder / "dir.zip").mkdir()
    found = {s.name: s for s in scan(folder, signer.trust, now=NOW)}
    assert {n: s.verdict.reason for n, s in found.items()} == {
        "dir.zip": "unreadable",
        "link.zip": "unreadable",
        "pipe.zip": "unreadable",
    }


def test_a_missing_folder_is_a_clear_error(tmp_path: Path, signer: Signer) -> None:
    from compliance.errors import ReviewError

    with pytest.raises(ReviewError, match="cannot read the folder"):
        scan(tmp_path / "missing", signer.trust, now=NOW)


def test_scanning_stops_when_cancelled(inbox: Inbox, signer: Signer) -> None:
    found = scan(inbox.folder, signer.trust, now=NOW, cancelled=lambda: True)
    assert len(found) == 1


def test_sort_and_filter(inbox: Inbox, signer: Signer) -> None:
    found = scan(inbox.folder, signer.trust, now=NOW)
    by_verdict = [s.status for s in sort_submissions(found, "verdict")]
    assert by_verdict == ["INVALID"] * 3 + ["EXPIRED"] + ["VALID"] * 4
    by_date = [s.summary.issued_at for s in sort_submissions(found, "date") if s.summary]
    assert by_date == sorted(by_date)
    by_org = [s.summary.organisation for s in sort_submissions(found, "organisation") if s.summary]
    assert by_org == sorted(by_org, key=str.casefold)
    ranks = [s.summary.rating_rank for s in sort_submissions(found, "rating") if s.summary]
    assert ranks == sorted(ranks, reverse=True)  # the worst rating first
    assert {s.name for s in select(found, ["invalid"])} == {
        "e-tampered.zip",
        "f-untrusted.zip",
        "g-malformed.zip",
    }
    assert [s.name for s in select(found, ["reason=untrusted-signer"])] == ["f-untrusted.zip"]
    # The same terms in French, as the French hint shows them.
    assert select(found, ["invalide"]) == select(found, ["invalid"])
    assert select(found, ["Expiré"]) == select(found, ["expired"])
    assert select(found, ["à-risque"]) == select(found, ["at-risk"]) != []
    assert [s.name for s in select(found, ["motif=untrusted-signer"])] == ["f-untrusted.zip"]
    assert select(found, ["niveau=not_ready"]) == select(found, ["rating=not_ready"]) != []
    assert [s.name for s in select(found, ["other"])] == ["c-other.zip"]
    assert [s.name for s in select(found, ["valid", "rc-1"])] == ["a-first.zip", "b-second.zip"]
    with pytest.raises(ValueError, match="sort by one of"):
        sort_submissions(found, "size")


def test_the_hostile_organisation_is_kept_verbatim_for_literal_display(
    inbox: Inbox, signer: Signer
) -> None:
    from compliance.review.text import clean

    submission, _ = read_submission(inbox.folder / "h-hostile.zip", signer.trust, now=NOW)
    assert submission.summary is not None
    assert submission.summary.organisation == HOSTILE
    shown = clean(submission.summary.organisation)
    assert "\x1b" not in shown and "\x07" not in shown
    assert "[bold red]Evil[/]" in shown  # markup stays literal text
