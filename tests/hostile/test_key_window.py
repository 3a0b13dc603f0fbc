"""A key that signs after its window, back-dating issuedAt (issue 14, point 4).

A key trusted until a date keeps the private key; later it signs with ``issuedAt`` back-dated into
the window. An offline verifier cannot tell (the signature is good and the claimed time is in the
window), but the inbox knows when it first saw the bundle: after the window ended, it flags it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from compliance.cli import main
from compliance.review.compare import LATE, flag_replays
from compliance.review.decisions import Seen
from compliance.review.inbox import scan
from compliance.signing.trust import TrustStore
from compliance.signing.verify import verify_bundle
from tests.signing.conftest import make_signer, sign

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
WINDOW_END = NOW - dt.timedelta(days=30)


@pytest.fixture(scope="module")
def setting(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, TrustStore]:
    keys = tmp_path_factory.mktemp("keys")
    signer = make_signer(keys, "retired")
    trust = signer.store(valid_from=NOW - dt.timedelta(days=400), valid_until=WINDOW_END)
    folder = tmp_path_factory.mktemp("inbox")
    back_dated = sign(signer, issued_at=WINDOW_END - dt.timedelta(days=1), valid_days=3660)
    (folder / "late.zip").write_bytes(back_dated)
    return folder, trust


def test_the_verdict_alone_cannot_tell(setting: tuple[Path, TrustStore]) -> None:
    folder, trust = setting
    assert verify_bundle((folder / "late.zip").read_bytes(), trust).status == "VALID"


def test_a_bundle_first_seen_after_the_window_is_flagged(
    setting: tuple[Path, TrustStore],
) -> None:
    folder, trust = setting
    (submission,) = flag_replays(scan(folder, trust), (), trust=trust, now=NOW)
    assert submission.status == "VALID" and LATE in submission.flags
    assert LATE == "signed-with-an-expired-key?"


def test_a_bundle_seen_inside_the_window_is_not(setting: tuple[Path, TrustStore]) -> None:
    folder, trust = setting
    (found,) = scan(folder, trust)
    earlier = (WINDOW_END - dt.timedelta(days=2)).isoformat(timespec="microseconds")
    seen = Seen(
        id=1,
        bundle_sha256=found.sha256,
        file="late.zip",
        verdict="VALID",
        reason=None,
        report_id=None,
        registration_id=None,
        organisation=None,
        signer=None,
        issued_at=None,
        questionnaire=None,
        scores=None,
        first_seen=earlier,
        last_seen=earlier,
    )
    (submission,) = flag_replays([found], [seen], trust=trust, now=NOW)
    assert LATE not in submission.flags
    (again,) = flag_replays([found], [], trust=trust, now=WINDOW_END)
    assert LATE not in again.flags  # first seen on the window's last moment: still inside


def test_the_command_line_prints_the_flag_and_records_the_first_sight(
    setting: tuple[Path, TrustStore], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, trust = setting
    TrustStore(trust.entries, tmp_path / "trust").save()
    ws = tmp_path / "ws.sqlite"
    arguments = ["review", str(folder), "--trust", str(tmp_path / "trust"), "--workspace", str(ws)]
    assert main(arguments) == 0
    assert f"[{LATE}]" in capsys.readouterr().out
    assert main([*arguments, "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["flags"] == [LATE]  # still flagged on the second scan: first seen is kept
