"""The file picker through Pilot: picking in the tree or by typing, refusals, hidden files, names.

The last test attaches evidence on the assessment screen: ``e`` opens the picker, the file picked
is hashed and stored with its sha256.
"""

from __future__ import annotations

import hashlib
import os
import socket
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import DirectoryTree, Input, RadioButton, RadioSet, Static
from textual.widgets.directory_tree import DirEntry
from textual.widgets.tree import TreeNode

from compliance.store import create_assessment, create_client, load_assessment, open_workspace
from compliance.tui.app import ComplianceApp
from compliance.tui.dialogs import FilePicker
from compliance.tui.screens import AssessmentScreen
from tests.tui.conftest import settle

HOSTILE = "[bold]x[@click=app.quit]y \x1b[31mz"
"""A file name that would be styled (and clickable) if it were read as markup; no ``/``: POSIX."""

Outcome = Path | None | str
UNSET = "unset"


class Host(App[None]):
    """Opens one :class:`FilePicker` and keeps what it returned."""

    CSS_PATH = ComplianceApp.CSS_PATH

    def __init__(self, start: Path | None, lang: str = "en") -> None:
        super().__init__()
        self.start = start
        self.lang = lang
        self.picked: Outcome = UNSET

    def compose(self) -> ComposeResult:
        yield Static("below")

    def on_mount(self) -> None:
        self.push_screen(FilePicker("Evidence", start=self.start, lang=self.lang), self._picked)

    def _picked(self, path: Path | None) -> None:
        self.picked = path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """``docs/`` with a sub-folder, a plain file, a hidden file and a hostile name."""
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "sub" / "inner.pdf").write_bytes(b"inner")
    (docs / "policy.pdf").write_bytes(b"%PDF-1.7 policy")
    (docs / ".secret").write_text("hidden")
    (docs / HOSTILE).write_text("hostile")
    return docs


async def _until(pilot: Pilot[None], condition: Callable[[], bool]) -> None:
    """Pauses until ``condition`` holds (the tree reads folders in workers)."""
    for _ in range(200):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError("the condition never held")


def _picker(app: App[None]) -> FilePicker:
    screen = app.screen
    assert isinstance(screen, FilePicker)
    return screen


def _tree(app: App[None]) -> DirectoryTree:
    return _picker(app).query_one("#fp-tree", DirectoryTree)


def _label(node: TreeNode[DirEntry]) -> Text:
    """The label of a tree node as shown (always a Text once added)."""
    label = node.label
    assert isinstance(label, Text)
    return label


def _names(app: App[None]) -> list[str]:
    return [_label(node).plain for node in _tree(app).root.children]


async def _loaded(pilot: Pilot[None], folder: Path) -> DirectoryTree:
    tree = _tree(pilot.app)
    await _until(pilot, lambda: tree.path == folder and bool(tree.root.children))
    return tree


async def _cursor_to(pilot: Pilot[None], name: str) -> None:
    """Moves the tree's cursor down to the entry ``name``, with the arrow key."""
    tree = _tree(pilot.app)
    for _ in range(len(tree.root.children) + 1):
        node = tree.cursor_node
        if node is not None and _label(node).plain == name:
            return
        await pilot.press("down")
    raise AssertionError(f"{name} is not in the tree")


def _problem(app: App[None]) -> str:
    return str(_picker(app).query_one("#fp-problem", Static).render())


async def _type_path(pilot: Pilot[None], text: str) -> None:
    """Replaces the path box's text with ``text`` and presses Enter."""
    await pilot.press("ctrl+l")
    box = _picker(pilot.app).query_one("#fp-path", Input)
    assert box.has_focus
    box.value = ""
    await pilot.press(*text, "enter")
    await pilot.pause()


async def test_enter_on_a_file_in_the_tree_picks_it(folder: Path) -> None:
    app = Host(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _loaded(pilot, folder)
        assert _tree(app).has_focus
        assert _names(app)[0] == "sub"  # folders first
        await _cursor_to(pilot, "policy.pdf")
        await pilot.press("enter")
        await _until(pilot, lambda: app.picked != UNSET)
    assert app.picked == folder / "policy.pdf"


async def test_enter_on_a_folder_opens_it_in_place(folder: Path) -> None:
    app = Host(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _loaded(pilot, folder)
        await _cursor_to(pilot, "sub")
        await pilot.press("enter")
        await _until(pilot, lambda: bool(_tree(app).root.children[0].children))
        await pilot.press("down", "enter")
        await _until(pilot, lambda: app.picked != UNSET)
    assert app.picked == folder / "sub" / "inner.pdf"


async def test_a_typed_file_path_picks_it(folder: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("x")
    app = Host(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _loaded(pilot, folder)
        box = _picker(app).query_one("#fp-path", Input)
        assert box.value == f"{folder}{os.sep}"  # the folder, ready for a name
        await pilot.press("ctrl+l", *"sub/inner.pdf", "enter")
        await pilot.pause()
    assert app.picked == folder / "sub" / "inner.pdf"

    app = Host(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _loaded(pilot, folder)
        await _type_path(pilot, str(elsewhere))
    assert app.picked == elsewhere


async def test_a_typed_folder_opens_in_the_tree(folder: Path) -> None:
    app = Host(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _loaded(pilot, folder)
        await _type_path(pilot, "sub")
        tree = await _loaded(pilot, folder / "sub")
        assert _names(app) == ["inner.pdf"]
        assert _picker(app).query_one("#fp-path", Input).value == f"{folder / 'sub'}{os.sep}"
        assert _problem(app) == ""
        await _type_path(pilot, "..")
        await _loaded(pilot, folder)
        tree.focus()
        await _cursor_to(pilot, "sub")
        await pilot.press("enter")  # opens in place: the tree root stays
        await pilot.pause()
        assert tree.path == folder
        assert isinstance(app.screen, FilePicker)
    assert app.picked == UNSET


async def test_backspace_in_the_tree_goes_to_the_parent_folder(folder: Path) -> None:
    app = Host(folder / "sub")
    async with app.run_test(size=(80, 24)) as pilot:
        tree = await _loaded(pilot, folder / "sub")
        await pilot.press("backspace")
        await _loaded(pilot, folder)
        await _until(pilot, lambda: tree.cursor_node is not None)
        node = tree.cursor_node
        assert node is not None and _label(node).plain == "sub"  # the folder just left
        box = _picker(app).query_one("#fp-path", Input)
        assert box.value == f"{folder}{os.sep}"
        await pilot.press("ctrl+l", "backspace")  # in the path box it deletes a character
        assert box.value == str(folder)
        assert tree.path == folder


async def test_missing_and_special_paths_are_refused_and_the_dialog_stays(
    folder: Path, tmp_path: Path
) -> None:
    os.mkfifo(folder / "pipe")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(folder / "sock"))
    try:
        app = Host(folder)
        async with app.run_test(size=(80, 24)) as pilot:
            await _loaded(pilot, folder)
            await _type_path(pilot, "nothing.pdf")
            assert _problem(app) == "✗ nothing.pdf: no such file or folder"
            await _type_path(pilot, "~no-such-user-here/a.pdf")
            assert "no such file" in _problem(app)
            _picker(app).query_one("#fp-path", Input).value = "a\x00b"  # pasted
            await pilot.press("enter")
            assert _problem(app) == "✗ a\\x00b: no such file or folder"  # the NUL shown, inert
            await _type_path(pilot, "pipe")  # opening a pipe would wait forever
            assert "pipe is not a regular file" in _problem(app)
            await _type_path(pilot, "sock")
            assert "sock is not a regular file" in _problem(app)
            if stat.S_ISCHR(os.stat("/dev/null").st_mode):
                await _type_path(pilot, "/dev/null")
                assert "/dev/null is not a regular file" in _problem(app)
            _tree(app).focus()
            await _cursor_to(pilot, "pipe")  # refused in the tree as well
            await pilot.press("enter")
            await _until(pilot, lambda: "pipe is not" in _problem(app))
            assert isinstance(app.screen, FilePicker)
            await _type_path(pilot, "policy.pdf")  # the problem does not stick
        assert app.picked == folder / "policy.pdf"
    finally:
        listener.close()


async def test_escape_returns_nothing_from_the_tree_and_from_the_path_box(folder: Path) -> None:
    app = Host(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _loaded(pilot, folder)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, FilePicker)
    assert app.picked is None

    app = Host(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _loaded(pilot, folder)
        await pilot.press("ctrl+l", "x", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, FilePicker)
    assert app.picked is None


async def test_hidden_files_are_shown_only_when_asked(folder: Path) -> None:
    app = Host(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _loaded(pilot, folder)
        assert ".secret" not in _names(app)
        await pilot.press("ctrl+h")
        await _until(pilot, lambda: ".secret" in _names(app))
        await pilot.press("full_stop")  # the dot, for terminals that send ctrl+h as backspace
        await _until(pilot, lambda: ".secret" not in _names(app))
        box = _picker(app).query_one("#fp-path", Input)
        await pilot.press("ctrl+l", "full_stop")  # typed in the path box, not a toggle
        await pilot.pause()
        assert box.value.endswith(".") and ".secret" not in _names(app)
        box.value = ".secret"  # a hidden file can still be typed
        await pilot.press("enter")
        await pilot.pause()
    assert app.picked == folder / ".secret"


async def test_a_hostile_file_name_is_shown_literally(folder: Path) -> None:
    app = Host(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        tree = await _loaded(pilot, folder)
        shown = "\n".join(tree.render_line(y).text for y in range(tree.size.height))
        assert "[bold]x[@click=app.quit]y \\x1b[31mz" in shown  # the escape shown, nothing styled
        assert "\x1b" not in shown
        node = next(n for n in tree.root.children if n.data and n.data.path.name == HOSTILE)
        assert not _label(node).spans
        line = tree.render_line(node.line)
        assert HOSTILE[:-7] in line.text
        assert not any(segment.style and "@click" in segment.style.meta for segment in line)
        await _cursor_to(pilot, _label(node).plain)
        await pilot.press("enter")
        await _until(pilot, lambda: app.picked != UNSET)
    assert app.picked == folder / HOSTILE


@pytest.fixture
def unreadable_by_listing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Listing a folder named ``locked`` fails as it would without permission (even for root)."""
    real = Path.iterdir

    def iterdir(self: Path) -> Iterator[Path]:
        if self.name == "locked":
            raise PermissionError(13, "Permission denied", str(self))
        yield from real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)


@pytest.mark.usefixtures("unreadable_by_listing")
async def test_an_unreadable_folder_shows_empty_and_the_dialog_keeps_working(
    folder: Path,
) -> None:
    (folder / "locked").mkdir()
    (folder / "locked" / "never-listed.pdf").write_text("x")
    app = Host(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        tree = await _loaded(pilot, folder)
        await _cursor_to(pilot, "locked")
        await pilot.press("enter")  # expands it: the listing fails in the worker
        await pilot.pause(0.1)
        locked = next(n for n in tree.root.children if _label(n).plain == "locked")
        assert list(locked.children) == []
        await _type_path(pilot, "locked")  # typed: opens, empty
        await _until(pilot, lambda: tree.path == folder / "locked")
        await pilot.pause(0.1)
        assert _names(app) == []
        await _type_path(pilot, str(folder / "policy.pdf"))
    assert app.picked == folder / "policy.pdf"


async def test_unreadable_paths_are_refused_with_a_reason(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "locked").mkdir()
    (folder / "private.pdf").write_text("x")
    real = os.access

    def access(path: os.PathLike[str] | str, mode: int, **kwargs: object) -> bool:
        # what a user without the permission is told (root is allowed everything)
        return Path(path).name not in {"locked", "private.pdf"} and real(path, mode)

    monkeypatch.setattr(os, "access", access)
    app = Host(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        tree = await _loaded(pilot, folder)
        await _type_path(pilot, "locked")
        assert _problem(app) == f"✗ The folder {folder / 'locked'} cannot be opened."
        assert tree.path == folder
        tree.focus()
        await _cursor_to(pilot, "private.pdf")
        await pilot.press("enter")
        await _until(pilot, lambda: bool(_problem(app)))
        assert _problem(app) == "✗ private.pdf cannot be read."
        assert isinstance(app.screen, FilePicker)


@pytest.fixture
def permissions_as_for_a_user(monkeypatch: pytest.MonkeyPatch) -> None:
    """The permission check a user gets, also when the tests run as root (as CI does).

    Root reads every file and folder whatever its mode, so there ``os.access`` is replaced by the
    owner's permission bits of the path's real mode: what the kernel decides for a user who owns
    it. A ``chmod 0`` path is then refused for root too, and a path given its permissions back is
    allowed again. As any other user the real check runs untouched.
    """
    if os.geteuid() != 0:
        return
    owner = {os.R_OK: stat.S_IRUSR, os.W_OK: stat.S_IWUSR, os.X_OK: stat.S_IXUSR}

    def access(path: os.PathLike[str] | str, mode: int, **kwargs: object) -> bool:
        try:
            bits = os.stat(path).st_mode
        except OSError:
            return False
        return all(bits & bit for flag, bit in owner.items() if mode & flag)

    monkeypatch.setattr(os, "access", access)


@pytest.mark.usefixtures("permissions_as_for_a_user")
async def test_permissions_refuse_a_locked_folder_and_file(folder: Path) -> None:
    locked = folder / "locked"
    locked.mkdir()
    secret = folder / "private.pdf"
    secret.write_text("x")
    locked.chmod(0)
    secret.chmod(0)
    try:
        app = Host(folder)
        async with app.run_test(size=(80, 24)) as pilot:
            tree = await _loaded(pilot, folder)
            await _cursor_to(pilot, "locked")
            await pilot.press("enter")
            await pilot.pause(0.1)
            await _type_path(pilot, "locked")
            assert _problem(app) == f"✗ The folder {locked} cannot be opened."
            assert tree.path == folder
            await _type_path(pilot, "private.pdf")
            assert _problem(app) == "✗ private.pdf cannot be read."
            assert isinstance(app.screen, FilePicker)
            # the refusals came from the modes: given their permissions back, both are taken
            locked.chmod(0o700)
            secret.chmod(0o600)
            await _type_path(pilot, "locked")
            await _until(pilot, lambda: tree.path == locked)
            await _type_path(pilot, str(secret))
        assert app.picked == secret
    finally:
        locked.chmod(0o700)
        secret.chmod(0o600)


async def test_a_missing_start_folder_falls_back_to_an_existing_parent(folder: Path) -> None:
    app = Host(folder / "gone" / "deeper")
    async with app.run_test(size=(80, 24)) as pilot:
        await _loaded(pilot, folder)


async def test_the_dialog_speaks_french(folder: Path) -> None:
    app = Host(folder, lang="fr")
    async with app.run_test(size=(80, 24)) as pilot:
        await _loaded(pilot, folder)
        hint = str(_picker(app).query_one("#fp-hint", Static).render())
        assert "Échap\u00a0: annuler" in hint  # French typography: a no-break space
        await _type_path(pilot, "rien.pdf")
        assert _problem(app).replace("\u00a0", " ") == "✗ rien.pdf : fichier ou dossier introuvable"
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert "Fichiers cachés" in descriptions


# --- on the assessment screen ---------------------------------------------------------------


async def test_evidence_is_picked_hashed_and_stored(
    ws_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder)  # the first pick starts in the working directory
    with open_workspace(ws_path) as workspace:
        client = create_client(workspace, "Atlas Contact")
        assessment_id = create_assessment(workspace, client, "example")
    app = ComplianceApp(workspace=ws_path, welcome=False, open_assessment=assessment_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        await screen.goto("gov01.lead")
        screen.query_one("#as-tree").focus()
        await pilot.press("e")  # nothing to attach evidence to yet
        await pilot.pause()
        assert app.screen is screen
        screen.query_one("#q-answer", RadioSet).query(RadioButton)[0].value = True  # yes
        await pilot.pause()
        screen.query_one("#as-tree").focus()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FilePicker)
        await _loaded(pilot, folder)
        await _cursor_to(pilot, "sub")
        await pilot.press("enter")  # opens sub/ in place
        await _until(pilot, lambda: bool(_tree(app).root.children[0].children))
        await pilot.press("down", "enter")  # picks sub/inner.pdf
        await _until(pilot, lambda: app.screen is screen)
        await settle(app, pilot)
        assert screen.evidence_folder == str(folder / "sub")
        assert screen.saved.startswith("✓")
        answer = screen.session.answer("gov01.lead")  # the open copy has the file too
        assert answer is not None and [e.path for e in answer.evidence] == [
            str(folder / "sub" / "inner.pdf")
        ]
        shown = screen.query_one("#q-evidence", Static).render()
        assert "inner.pdf" in str(shown)
        await pilot.press("e")  # the next pick starts where the last one was made
        await pilot.pause()
        await _loaded(pilot, folder / "sub")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
    with open_workspace(ws_path) as workspace:
        stored = load_assessment(workspace, assessment_id)
    files = stored.answers["gov01.lead"].evidence
    digest = hashlib.sha256(b"inner").hexdigest()
    assert [(file.path, file.sha256) for file in files] == [
        (str(folder / "sub" / "inner.pdf"), digest)
    ]
