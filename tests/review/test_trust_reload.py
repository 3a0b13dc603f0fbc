"""The inbox reads the trust store again: a key trusted while the screen is open counts at once.

Pilot tests of the regulator's path after ``compliance trust add``: the untrusted bundle's detail
shows the key id and the exact line to run; once the store holds the key, ``t`` (in the inbox or
in the detail) or reopening the folder verifies it.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from compliance.signing.keys import grouped
from compliance.signing.trust import TrustStore
from compliance.tui.screens.review import ReviewScreen
from compliance.tui.widgets.review_views import DetailView
from tests.review.conftest import NOW, Inbox, shown_text
from tests.signing.conftest import Signer


class Host(App[None]):
    def __init__(self, screen: ReviewScreen) -> None:
        super().__init__()
        self.review = screen

    def on_mount(self) -> None:
        self.push_screen(self.review)


async def _settle(app: App[None], pilot: Pilot[None]) -> None:
    for _ in range(4):
        await app.workers.wait_for_complete()
        await pilot.pause()


def _store(tmp_path: Path, signer: Signer) -> Path:
    folder = tmp_path / "trust"
    TrustStore(signer.trust.entries, folder).save()
    return folder


def _trust_stranger(folder: Path, stranger: Signer) -> None:
    """What ``compliance trust add`` does: the store on disk gains the key."""
    TrustStore.load(folder).add(stranger.trust.entries[0]).save()


def _verdicts(screen: ReviewScreen) -> dict[str, str]:
    return {s.name: s.status for s in screen.submissions}


def _open_row(screen: ReviewScreen, name: str) -> None:
    screen.query_one(DataTable).move_cursor(row=[s.name for s in screen.shown].index(name))


async def test_t_reads_the_trust_store_again_and_verifies_the_folder_again(
    inbox: Inbox, signer: Signer, stranger: Signer, tmp_path: Path
) -> None:
    trust_dir = _store(tmp_path, signer)
    screen = ReviewScreen(
        TrustStore.load(trust_dir), workspace=str(tmp_path / "ws.sqlite"), folder=inbox.folder
    )
    app = Host(screen)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(app, pilot)
        assert _verdicts(screen)["f-untrusted.zip"] == "INVALID"
        _trust_stranger(trust_dir, stranger)
        await pilot.press("t")
        await _settle(app, pilot)
        assert _verdicts(screen)["f-untrusted.zip"] == "VALID"
        assert screen.trust.find(stranger.key.key_id) is not None
        assert "invalid: 2" in shown_text(screen.query_one("#review-status", Static))


async def test_reopening_the_folder_reads_the_trust_store_again(
    inbox: Inbox, signer: Signer, stranger: Signer, tmp_path: Path
) -> None:
    trust_dir = _store(tmp_path, signer)
    screen = ReviewScreen(
        TrustStore.load(trust_dir), workspace=str(tmp_path / "ws.sqlite"), folder=inbox.folder
    )
    app = Host(screen)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(app, pilot)
        _trust_stranger(trust_dir, stranger)
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one(Input).value = str(inbox.folder)
        await pilot.press("enter")
        await _settle(app, pilot)
        assert _verdicts(screen)["f-untrusted.zip"] == "VALID"


async def test_the_untrusted_detail_gives_the_key_id_and_the_line_then_t_verifies_it(
    inbox: Inbox, signer: Signer, stranger: Signer, tmp_path: Path
) -> None:
    trust_dir = _store(tmp_path, signer)
    screen = ReviewScreen(
        TrustStore.load(trust_dir),
        workspace=str(tmp_path / "ws.sqlite"),
        folder=inbox.folder,
        lang="fr",
    )
    app = Host(screen)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(app, pilot)
        _open_row(screen, "f-untrusted.zip")
        await pilot.press("enter")
        await _settle(app, pilot)
        view = app.screen
        assert isinstance(view, DetailView)
        checks = shown_text(view.query_one("#detail-checks", Static))
        key = grouped(stranger.key.key_id)
        assert key[:39] in checks and key[40:] in checks
        assert "absente de votre magasin de confiance" in checks
        line = next(x for x in checks.splitlines() if "compliance trust add" in x).strip()
        assert shlex.split(line) == [
            "compliance",
            "trust",
            "add",
            "SIGNER.pub.pem",  # no key file beside the bundles: the placeholder, explained
            "--name",
            "Atlas Contact",
            "--trust",
            str(trust_dir),
        ]
        assert "SIGNER.pub.pem : le fichier de clé publique" in checks
        _trust_stranger(trust_dir, stranger)
        await pilot.press("t")
        await _settle(app, pilot)
        assert view.verified is not None
        assert shown_text(view.query_one("#detail-head", Static)).startswith("Valide : ")
        assert "signé par Mallory" in shown_text(view.query_one("#detail-checks", Static))
        await pilot.press("escape")
        await _settle(app, pilot)
        assert app.screen is screen
        assert _verdicts(screen)["f-untrusted.zip"] == "VALID"  # the inbox verified again too


async def test_a_store_given_without_a_folder_is_kept(inbox: Inbox, signer: Signer) -> None:
    screen = ReviewScreen(signer.trust, folder=inbox.folder, now=NOW)
    assert screen._fresh_trust() is signer.trust


async def test_a_late_progress_message_never_hides_the_summary(
    inbox: Inbox, signer: Signer, tmp_path: Path
) -> None:
    screen = ReviewScreen(signer.trust, workspace=str(tmp_path / "ws.sqlite"), folder=inbox.folder)
    app = Host(screen)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(app, pilot)
        # The worker posts its last progress before it hands over the result; delivered after
        # it, that message used to leave "Verifying 8/8 bundles..." in place of the summary.
        screen.post_message(ReviewScreen.Progress(8, 8))
        await pilot.pause()
        status = shown_text(screen.query_one("#review-status", Static))
        assert status.startswith("bundles: 8, invalid: 3")
