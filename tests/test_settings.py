"""The user's settings: remembered between runs, never in the way when the file is bad."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance import paths
from compliance.settings import Settings, load_settings, save_settings, settings_path


def test_nothing_remembered_gives_the_defaults() -> None:
    assert load_settings() == Settings()


def test_saved_settings_load_back_and_others_are_kept(user_dirs: Path) -> None:
    path = settings_path()
    assert path == user_dirs / "config" / "settings.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"future": {"x": 1}, "lang": "en"}))
    save_settings(lang="fr", theme="textual-light")
    assert load_settings() == Settings(lang="fr", theme="textual-light")
    assert json.loads(path.read_text())["future"] == {"x": 1}  # a newer version's, kept
    assert path.stat().st_mode & 0o077 == 0
    save_settings(theme=None)  # forgotten
    assert load_settings() == Settings(lang="fr")


def test_arabic_is_remembered_and_read_back() -> None:
    save_settings(lang="ar")
    assert json.loads(settings_path().read_text())["lang"] == "ar"
    assert load_settings() == Settings(lang="ar")


def test_values_out_of_range_are_ignored_one_by_one() -> None:
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text(
        json.dumps({"lang": "de", "theme": "textual-light", "signing_key": 3})
    )
    assert load_settings() == Settings(theme="textual-light")


@pytest.mark.parametrize(
    "content",
    [b"{", b"[]", b'{"lang": "fr", "lang": "en"}', b'{"lang": NaN}', b"\xff\xfe", b"[" * 70000],
)
def test_a_bad_file_gives_the_defaults_and_says_why(content: bytes) -> None:
    settings_path().parent.mkdir(parents=True)
    settings_path().write_bytes(content)
    found = load_settings()
    assert (found.lang, found.theme, found.signing_key) == (None, None, None)
    assert found.problem is not None and str(settings_path()) in found.problem
    save_settings(lang="fr")  # a bad file is replaced by a good one
    assert load_settings() == Settings(lang="fr")


def test_a_folder_in_place_of_the_file_is_said_not_raised() -> None:
    settings_path().mkdir(parents=True)
    assert load_settings().problem is not None


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=300))
def test_junk_never_raises(junk: bytes) -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_bytes(junk)
    found = load_settings()
    assert found.lang in (None, "en", "fr", "ar")
    assert found.theme in (None, "textual-dark", "textual-light")


def test_the_documents_folder_is_overridable_and_else_exists(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("COMPLIANCE_DOCUMENTS_DIR", str(tmp_path / "docs"))
    assert paths.documents_dir() == tmp_path / "docs"
    monkeypatch.delenv("COMPLIANCE_DOCUMENTS_DIR")
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path / "Documents"))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.documents_dir() == tmp_path  # no Documents folder: the home folder
    (tmp_path / "Documents").mkdir()
    assert paths.documents_dir() == tmp_path / "Documents"
    assert os.path.isdir(paths.documents_dir())


def test_the_tui_is_given_a_language_only_when_the_command_line_gives_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from compliance import cli

    seen: list[str | None] = []

    def run(lang: str | None, workspace: object) -> int:
        seen.append(lang)
        return 0

    monkeypatch.setattr("compliance.tui.loading.pause_collection", lambda: None)
    monkeypatch.setattr("compliance.tui.app.run", run)
    assert cli.main([]) == 0
    assert cli.main(["--lang", "fr"]) == 0
    assert cli.main(["--lang", "en"]) == 0
    assert seen == [None, "fr", "en"]  # None: the language the settings remember
