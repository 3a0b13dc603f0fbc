"""Snapshots of the regulator's inbox at 80×24: the table in English, an untrusted detail in French.

The keys come from fixed seeds and every bundle is issued at a fixed time and verified at a fixed
``now``, and report ids are fixed, so the pictures are the same on every run.
Update with ``pytest tests/tui/test_snapshots_review.py --snapshot-update`` after looking at them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from compliance.signing.keys import SigningKey, key_id, public_pem
from compliance.signing.trust import TrustEntry, TrustStore
from compliance.tui.app import ComplianceApp
from compliance.tui.screens.review import ReviewScreen
from tests.review.conftest import cycle, tamper
from tests.signing.conftest import Signer, sign
from tests.tui.conftest import settle_pilot

NOW = dt.datetime(2026, 12, 4, 12, 0, 0, tzinfo=dt.UTC)
ISSUED = NOW - dt.timedelta(days=3)


def _signer(seed: int, name: str) -> Signer:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.from_private_bytes(bytes([seed]) * 32)
    identifier = key_id(private.public_key())
    entry = TrustEntry(
        identifier, name, public_pem(private.public_key()).decode("ascii"), ISSUED - dt.timedelta(1)
    )
    key = SigningKey(name, identifier, private)
    return Signer(key, Path("unused.key"), Path("unused.pub.pem"), TrustStore((entry,)))


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    ids = iter(uuid.UUID(int=n, version=4) for n in range(1, 10))
    monkeypatch.setattr(uuid, "uuid4", lambda: next(ids))  # report ids shown in a claim
    atlas, sahara = _signer(7, "Atlas DPO"), _signer(9, "Sahara")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = sign(atlas, cycle(name="Atlas Services SARL", registration_id="RC-1"), issued_at=ISSUED)
    (inbox / "atlas-2026.zip").write_bytes(good)
    (inbox / "atlas-2026-tampered.zip").write_bytes(tamper(good))
    other = cycle(name="Sahara Contact SA", registration_id="RC-2")
    (inbox / "sahara-2026.zip").write_bytes(sign(sahara, other, issued_at=ISSUED))
    (inbox / "broken.zip").write_bytes(b"PK\x03\x04 not a bundle")
    return inbox


def _review(folder: Path, lang: str) -> tuple[ComplianceApp, Any]:
    app = ComplianceApp(lang=lang, workspace="workspace.sqlite", welcome=False)
    trust = _signer(7, "Atlas DPO").trust

    async def open_inbox(pilot: Pilot[Any]) -> None:
        await settle_pilot(pilot)
        app.push_screen(
            ReviewScreen(trust, workspace="workspace.sqlite", folder=folder, now=NOW, lang=lang)
        )
        await settle_pilot(pilot)
        await settle_pilot(pilot)

    return app, open_inbox


def test_the_inbox_tells_bundles_apart(snap_compare: Any, folder: Path) -> None:
    app, open_inbox = _review(folder, "en")
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_inbox)


def test_an_untrusted_bundle_in_french(snap_compare: Any, folder: Path) -> None:
    app, open_inbox = _review(folder, "fr")

    async def run_before(pilot: Pilot[Any]) -> None:
        await open_inbox(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen)
        names = [s.name for s in screen.shown]
        screen.query_one(DataTable).move_cursor(row=names.index("sahara-2026.zip"))
        await pilot.press("enter")
        await settle_pilot(pilot)
        await settle_pilot(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
