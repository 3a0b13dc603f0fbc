"""Provides :class:`FilePicker`: one regular file, chosen in a folder tree or typed, or nothing.

The tree reads folders in Textual's worker threads, so a slow folder never blocks the interface
and an unreadable one simply shows empty (typed in the path box, it is refused with a reason).
File names come from the disk: they are shown literally (never as markup) and without control
characters. Only a regular file can be picked: a folder opens instead, and a device, a socket or
a pipe is refused with a one-line reason (it could not be hashed, or reading it would never end).
Names starting with a dot are hidden until asked for.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from rich.text import Text, TextType
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Input, Label, Static

from compliance.tui.keys import KeySpec, bindings, relabel
from compliance.tui.safe import plain
from compliance.tui.strings import tr

__all__ = ["FilePicker"]

_KEYS = [
    KeySpec("escape", "cancel", "key.cancel"),
    KeySpec("backspace", "parent", "fp.key.parent"),
    KeySpec("ctrl+h,full_stop", "toggle_hidden", "fp.key.hidden"),
    KeySpec("ctrl+l", "focus_path", "fp.key.path"),
]
"""Backspace and the dot reach the screen only from the tree (the path box types them)."""


class _FileTree(DirectoryTree):
    """A directory tree with literal names that leaves out hidden entries unless asked."""

    def __init__(self, path: Path, *, id: str | None = None) -> None:
        self.show_hidden = False
        """Whether names starting with a dot are listed."""
        self.highlight: Path | None = None
        """The entry to put the cursor on once the next folder is loaded."""
        super().__init__(path, id=id)

    def process_label(self, label: TextType) -> Text:
        """The first line of ``label``; a string (a name from the disk) is never markup."""
        text = plain(label) if isinstance(label, str) else label
        return text.split()[0] if text.plain else text

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        """``paths`` without the hidden ones unless they are shown."""
        return [path for path in paths if self.show_hidden or not path.name.startswith(".")]

    async def watch_path(self) -> None:
        """Loads the new root, then puts the cursor on :attr:`highlight` if it is there."""
        await super().watch_path()
        wanted, self.highlight = self.highlight, None
        for node in self.root.children:
            if node.data is not None and node.data.path == wanted:
                self.move_cursor(node, animate=False)
                break


class FilePicker(ModalScreen[Path | None]):
    """Picks a regular file: Enter in the tree or a typed path picks it, Escape cancels (None)."""

    DEFAULT_CSS = """
    FilePicker #fp-box {
        width: 76;
        max-width: 100%;
        height: 100%;
        max-height: 30;
        padding: 0 1;
        border: thick $primary;
        background: $surface;
    }
    FilePicker #fp-title { text-style: bold; width: 100%; }
    FilePicker #fp-problem { color: $text-error; height: auto; }
    FilePicker #fp-tree { height: 1fr; }
    FilePicker #fp-hint { color: $text-muted; height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = list(bindings(_KEYS))

    def __init__(self, title: str = "", *, start: Path | None = None, lang: str = "en") -> None:
        super().__init__(classes="dialog")
        self.title_text = title or tr("fp.title", lang)
        self.lang = lang
        self.folder = _start_folder(start)
        """The folder the tree shows (absolute)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="fp-box"):
            yield Label(plain(self.title_text), id="fp-title")
            yield Input(
                _as_typed(self.folder),
                placeholder=tr("fp.placeholder", self.lang),
                select_on_focus=False,
                id="fp-path",
            )
            yield Static("", id="fp-problem")
            yield _FileTree(self.folder, id="fp-tree")
            yield Static(tr("fp.hint", self.lang), id="fp-hint")

    def on_mount(self) -> None:
        relabel(self, _KEYS, self.lang)
        tree = self.query_one(_FileTree)
        tree.show_root = False  # the path box names the folder
        tree.focus()

    # --- picking --------------------------------------------------------------------------

    @on(DirectoryTree.FileSelected)
    def _file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self._pick(event.path, event.path.name)

    @on(Input.Submitted, "#fp-path")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        typed = event.value.strip()
        if typed:
            path = Path(typed)
            with contextlib.suppress(RuntimeError):  # ~nobody: no such home, kept as typed
                path = path.expanduser()
            self._pick(path if path.is_absolute() else self.folder / path, typed)

    def _pick(self, path: Path, shown: str) -> None:
        """Dismisses with ``path`` if it is a readable regular file; opens it if a folder."""
        try:
            mode = path.stat().st_mode
        except (FileNotFoundError, ValueError):  # ValueError: a NUL in a pasted path
            self._problem(tr("fp.missing", self.lang, path=shown))
            return
        except OSError:
            self._problem(tr("fp.unreadable", self.lang, path=shown))
            return
        if stat.S_ISDIR(mode):
            self._open(path)
        elif not stat.S_ISREG(mode):
            self._problem(tr("fp.not_regular", self.lang, path=shown))
        elif not os.access(path, os.R_OK):
            self._problem(tr("fp.unreadable", self.lang, path=shown))
        else:
            self.dismiss(path)

    def _problem(self, text: str | None) -> None:
        self.query_one("#fp-problem", Static).update(plain(f"✗ {text}") if text else "")

    # --- moving around --------------------------------------------------------------------

    def _open(self, folder: Path, *, highlight: Path | None = None) -> None:
        """Shows ``folder`` in the tree and in the path box (the tree reads it in a worker)."""
        folder = Path(os.path.abspath(folder))
        if not os.access(folder, os.R_OK | os.X_OK):
            self._problem(tr("fp.folder_unreadable", self.lang, path=str(folder)))
            return
        self._problem(None)
        self.folder = folder
        tree = self.query_one(_FileTree)
        tree.highlight = highlight
        tree.path = folder
        self.query_one("#fp-path", Input).value = _as_typed(folder)

    def action_parent(self) -> None:
        """Shows the parent folder, the cursor on the folder just left."""
        if self.folder.parent != self.folder:
            self._open(self.folder.parent, highlight=self.folder)

    async def action_toggle_hidden(self) -> None:
        """Shows or hides the names starting with a dot."""
        tree = self.query_one(_FileTree)
        tree.show_hidden = not tree.show_hidden
        await tree.reload()

    def action_focus_path(self) -> None:
        """Moves to the path box, to type a path."""
        self.query_one("#fp-path", Input).focus()

    def action_cancel(self) -> None:
        """Closes the dialog without a file."""
        self.dismiss(None)


def _as_typed(folder: Path) -> str:
    """``folder`` as the path box shows it: ready for a name to be typed after it."""
    text = str(folder)
    return text if text.endswith(os.sep) else text + os.sep


def _start_folder(start: Path | None) -> Path:
    """The first existing folder among ``start`` and its parents; else the working directory."""
    candidates: list[Path] = []
    if start is not None:
        start = start.expanduser()
        candidates = [start, *start.parents]
    with contextlib.suppress(OSError):  # the working directory may have been deleted
        candidates.append(Path.cwd())
    for candidate in candidates:
        with contextlib.suppress(OSError):  # not even allowed to look
            if candidate.is_dir():
                return Path(os.path.abspath(candidate))
    return Path(os.path.abspath(os.sep))
