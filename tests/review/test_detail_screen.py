"""The detail view of a bundle in the app, through Pilot: it speaks the language F2 picks."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from compliance.tui.app import ComplianceApp
from compliance.tui.screens.review import ReviewScreen
from compliance.tui.widgets.review_views import DetailView
from tests.review.conftest import NOW, Inbox, shown_text
from tests.signing.conftest import Signer
from tests.tui.conftest import settle


def _text(view: DetailView, part: str) -> str:
    return shown_text(view.query_one(f"#detail-{part}", Static))


def _keys(view: DetailView) -> set[str]:
    return {b.binding.description for b in view.active_bindings.values() if b.node is view}


async def _open(app: ComplianceApp, pilot: Pilot[None], screen: ReviewScreen, name: str) -> None:
    table = screen.query_one(DataTable)
    table.move_cursor(row=[s.name for s in screen.shown].index(name))
    await pilot.press("enter")
    await settle(app, pilot)


async def _review(
    app: ComplianceApp, pilot: Pilot[None], inbox: Inbox, signer: Signer, tmp_path: Path
) -> ReviewScreen:
    await settle(app, pilot)
    screen = ReviewScreen(
        signer.trust,
        workspace=str(tmp_path / "ws.sqlite"),
        folder=inbox.folder,
        now=NOW,
        lang=app.lang,
        opener=lambda _uri: None,
    )
    await app.push_screen(screen)
    await settle(app, pilot)
    return screen


async def test_the_detail_view_speaks_the_language_f2_picked(
    inbox: Inbox, signer: Signer, tmp_path: Path
) -> None:
    app = ComplianceApp(workspace=tmp_path / "workspace.sqlite", welcome=False)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await _review(app, pilot, inbox, signer, tmp_path)
        assert app.lang == "en"
        await pilot.press("f2")
        await pilot.pause()
        assert app.lang == "fr" and screen.lang == "fr"
        await _open(app, pilot, screen, "a-first.zip")
        view = app.screen
        assert isinstance(view, DetailView) and view.verified is not None
        checks = _text(view, "checks")
        assert checks.startswith("Vérification\n  signé par Alice, avec une clé du magasin")
        assert "le score a été recalculé à partir des réponses" in checks
        assert "identique octet pour octet" in checks and "valide jusqu'au 20" in checks
        for phrase in ("signed by", "re-scored", "valid until", "byte for byte", "..."):
            assert phrase not in checks
        head = _text(view, "head")
        assert head.startswith("Valide : ") and "a-first.zip" in head and "rapport" in head
        assert "Synthèse" in _text(view, "report")  # the report is rendered in French too
        assert "Ouvrir le HTML dans le navigateur" in _keys(view)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen

        await pilot.press("f2")  # Arabic: the verification lines from the domain's catalogue
        await pilot.pause()
        assert app.lang == "ar" and screen.lang == "ar"
        await _open(app, pilot, screen, "a-first.zip")
        arabic = app.screen
        assert isinstance(arabic, DetailView) and arabic is not view
        checks = _text(arabic, "checks")
        assert "وقعها Alice، بمفتاح من مخزن الثقة" in checks
        assert "أعيد احتساب الإجابات" in checks and "صالح إلى غاية 20" in checks
        for phrase in ("signed by", "re-scored", "valid until", "signé par"):
            assert phrase not in checks
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen

        await pilot.press("f2")  # back to English: the next detail speaks English
        await pilot.pause()
        assert app.lang == "en" and screen.lang == "en"
        await _open(app, pilot, screen, "a-first.zip")
        english = app.screen
        assert isinstance(english, DetailView) and english not in (view, arabic)
        checks = _text(english, "checks")
        assert checks.startswith("Verification\n  signed by Alice, a key of the trust store")
        assert "the answers were re-scored" in checks and "signé par" not in checks
        assert "Executive summary" in _text(english, "report")
        assert "Open HTML in browser" in _keys(english)


async def test_an_invalid_bundle_is_explained_in_french(
    inbox: Inbox, signer: Signer, tmp_path: Path
) -> None:
    app = ComplianceApp(lang="fr", workspace=tmp_path / "workspace.sqlite", welcome=False)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await _review(app, pilot, inbox, signer, tmp_path)
        await _open(app, pilot, screen, "e-tampered.zip")
        view = app.screen
        assert isinstance(view, DetailView) and view.verified is None
        checks = _text(view, "checks")
        assert _text(view, "head") == "Invalide : altéré : e-tampered.zip"
        assert (
            "échec de la vérification (altéré) : data/result.json a été modifié après la signature"
        ) in checks
        assert "organisme Atlas Contact (RC-1)" in checks and "(non vérifié)" in checks
        for english in ("verification failed", "digest-mismatch", "en anglais", "changed"):
            assert english not in checks
        assert _text(view, "report") == ""


async def test_an_expired_bundle_shows_its_expiry_in_french(
    inbox: Inbox, signer: Signer, tmp_path: Path
) -> None:
    app = ComplianceApp(lang="fr", workspace=tmp_path / "workspace.sqlite", welcome=False)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await _review(app, pilot, inbox, signer, tmp_path)
        await _open(app, pilot, screen, "d-expired.zip")
        view = app.screen
        assert isinstance(view, DetailView)
        assert _text(view, "head").startswith("Expiré : d-expired.zip")
        last = _text(view, "checks").splitlines()[-1]
        assert last.startswith("  EXPIRÉ : l'évaluation était valide jusqu'au 20")
