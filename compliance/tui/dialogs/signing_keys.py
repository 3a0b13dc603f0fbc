"""Provides the signing-key dialogs: :class:`NewKey` makes a key pair, :class:`UnlockKey` opens one.

Both do what the command line does (:func:`compliance.signing.keys.generate_key`, the function
behind ``compliance keys generate``, and :func:`~compliance.signing.keys.load_private_key`) in a
worker, since the key derivation takes a noticeable moment, and both stay open on a problem with
what was typed kept: a wrong passphrase is said at once, beside the key path, which stays filled in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from compliance.errors import ComplianceError
from compliance.signing.keys import SigningKey
from compliance.tui.dialogs.passphrase import passphrase_problem
from compliance.tui.safe import plain
from compliance.tui.strings import tr

__all__ = ["MadeKey", "NewKey", "UnlockKey"]


@dataclass(frozen=True, slots=True)
class MadeKey:
    """A key pair just written."""

    name: str
    private: Path
    public: Path
    key_id: str


T = TypeVar("T")


class _KeyDialog(ModalScreen[T | None]):
    """What both dialogs share: Enter moves to the next empty box, and acts once every box is
    filled; Escape cancels; the work runs in a worker, one at a time, its problem shown in the
    dialog."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    ORDER: ClassVar[tuple[str, ...]] = ()
    """The boxes, in the order Enter goes through them."""

    def __init__(self, *, lang: str = "en") -> None:
        super().__init__(classes="dialog")
        self.lang = lang
        self.busy = False

    def value(self, box: str) -> str:
        """What is typed in the box ``box`` (its id)."""
        return self.query_one(f"#{box}", Input).value

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        box = event.input.id or ""
        empty = [b for b in self.ORDER if not self.value(b).strip()]
        if empty:  # the next empty box after this one, else the first
            after = self.ORDER[self.ORDER.index(box) + 1 :] if box in self.ORDER else ()
            self.query_one(f"#{next((b for b in after if b in empty), empty[0])}", Input).focus()
            return
        if not self.busy:
            self.act()

    def act(self) -> None:
        """Does the dialog's work (every box is filled)."""

    def say(self, problem: str | None, *, working: bool = False) -> None:
        """Shows a problem (or the work under way; None clears it)."""
        line = self.query_one("#key-problem", Static)
        line.set_class(not working, "problem")
        line.update("" if problem is None else plain(problem if working else f"✗ {problem}"))

    def action_cancel(self) -> None:
        """Closes the dialog (work under way finishes, but nothing more happens)."""
        self.dismiss(None)


class NewKey(_KeyDialog[MadeKey]):
    """Makes an Ed25519 key pair, as ``compliance keys generate`` does: a name, a folder, and a
    passphrase typed twice. Answers the :class:`MadeKey`, or None when cancelled.

    Its four boxes are one line each (with their label on the line above), so that the whole
    dialog fits 80×24."""

    DEFAULT_CSS = """
    NewKey Input {
        margin: 0 0 1 0;
        background: $boost;
    }
    NewKey Input:focus {
        background: $primary 30%;
    }
    """

    ORDER = ("key-name", "key-folder", "pp-first", "pp-second")

    def __init__(self, folder: Path, *, lang: str = "en") -> None:
        super().__init__(lang=lang)
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="new-key-box"):
            yield Static(tr("nk.title", self.lang), classes="dialog-title")
            yield Static(tr("nk.about", self.lang), classes="dialog-text")
            yield Label(tr("nk.name", self.lang))
            yield Input(id="key-name", placeholder=tr("nk.name_example", self.lang), compact=True)
            yield Label(tr("nk.folder", self.lang))
            yield Input(str(self.folder), id="key-folder", compact=True)
            yield Label(tr("pp.first", self.lang))
            yield Input(password=True, id="pp-first", compact=True)
            yield Label(tr("pp.second", self.lang))
            yield Input(password=True, id="pp-second", compact=True)
            yield Static("", id="key-problem", classes="problem")
            yield Static(tr("nk.keys", self.lang), classes="hint")

    def act(self) -> None:
        from compliance.signing.keys import check_name

        problem = passphrase_problem(self.value("pp-first"), self.value("pp-second"), self.lang)
        if problem is not None:
            self.query_one("#pp-first", Input).value = ""
            self.query_one("#pp-second", Input).value = ""
            self.query_one("#pp-first", Input).focus()
            self.say(problem)
            return
        try:
            name = check_name(self.value("key-name"))
        except ComplianceError as error:
            self.query_one("#key-name", Input).focus()
            self.say(str(error))
            return
        folder = Path(self.value("key-folder").strip()).expanduser()
        self.busy = True
        self.say(tr("nk.making", self.lang), working=True)
        passphrase = self.value("pp-first")
        self.run_worker(
            lambda: self._make(name, folder, passphrase),
            thread=True,
            group="key",
            description="make a key",
            exit_on_error=False,
        )

    def _make(self, name: str, folder: Path, passphrase: str) -> None:
        from compliance.signing.keys import generate_key

        try:
            private, public, key_id = generate_key(name, folder, passphrase)
        except ComplianceError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self.dismiss, MadeKey(name, private, public, key_id))

    def _failed(self, problem: str) -> None:
        self.busy = False
        self.say(problem)


class UnlockKey(_KeyDialog[SigningKey]):
    """Opens a private key file with its passphrase. A wrong passphrase is said at once, the path
    kept and the passphrase box emptied for another try; answers the unlocked key (with the path
    it came from as :attr:`path`), or None when cancelled."""

    ORDER = ("key-path", "key-passphrase")

    def __init__(self, path: str = "", *, lang: str = "en") -> None:
        super().__init__(lang=lang)
        self.path = path
        """The key file: the one offered first, then the one that was unlocked."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="unlock-key-box"):
            yield Static(tr("uk.title", self.lang), classes="dialog-title")
            yield Label(tr("uk.path", self.lang))
            yield Input(self.path, id="key-path")
            yield Label(tr("uk.passphrase", self.lang))
            yield Input(password=True, id="key-passphrase")
            yield Static("", id="key-problem", classes="problem")
            yield Static(tr("uk.keys", self.lang), classes="hint")

    def on_mount(self) -> None:
        if self.path:
            self.query_one("#key-passphrase", Input).focus()

    def act(self) -> None:
        path = Path(self.value("key-path").strip()).expanduser()
        passphrase = self.value("key-passphrase")
        self.busy = True
        self.say(tr("uk.unlocking", self.lang), working=True)
        self.run_worker(
            lambda: self._unlock(path, passphrase),
            thread=True,
            group="key",
            description="unlock a key",
            exit_on_error=False,
        )

    def _unlock(self, path: Path, passphrase: str) -> None:
        from compliance.signing.keys import load_private_key

        try:
            key = load_private_key(path, passphrase)
        except ComplianceError as error:
            wrong = "wrong passphrase" in str(error)
            self.app.call_from_thread(self._failed, str(error), wrong)
            return
        self.path = str(path)
        self.app.call_from_thread(self.dismiss, key)

    def _failed(self, problem: str, wrong_passphrase: bool) -> None:
        self.busy = False
        self.say(problem)
        passphrase = self.query_one("#key-passphrase", Input)
        if wrong_passphrase:
            passphrase.value = ""
            passphrase.focus()
        else:
            self.query_one("#key-path", Input).focus()
