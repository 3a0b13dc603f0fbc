"""Every item of the hostile corpus against every command (issue 14, points 1, 2, 5 and 7).

Each run must exit with the code its item expects (and say what it expects), and never print a
traceback, an "unexpected error" or a raw control or bidi character, on standard output or
error. Commands run in this process under a hang guard: a FIFO or a device read without end
would trip it (a guard against hanging for ever, not a speed assertion).
"""

from __future__ import annotations

import contextlib
import io
import shutil
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from compliance.cli import main
from compliance.filecrypt import MINIMUM_PARAMS
from compliance.signing.keys import generate_key, key_id, load_public_key
from compliance.signing.trust import TrustEntry, TrustStore
from compliance.text import UNSAFE
from tests.hostile.corpus import FIXTURE, ITEMS, PASSPHRASE, Expect, Item

HANG_GUARD_SECONDS = 300


@dataclass(frozen=True)
class Setting:
    """What the commands need beside the item: a key, its trust store, a workspace."""

    folder: Path
    key: Path
    passphrase_file: Path
    trust: Path
    workspace: Path


Command = Callable[[Path, Setting], list[str]]

COMMANDS: dict[str, Command] = {
    "score": lambda p, s: ["score", str(p)],
    "score-json": lambda p, s: ["score", "--json", str(p)],
    "report": lambda p, s: ["report", str(p), "-o", str(s.folder / "out.md")],
    "sign": lambda p, s: [
        "sign",
        str(p),
        "--key",
        str(s.key),
        "-o",
        str(s.folder / "signed.zip"),
        "--no-pdf",
        "--passphrase-file",
        str(s.passphrase_file),
    ],
    "import": lambda p, s: [
        "import",
        str(p),
        "--workspace",
        str(s.workspace),
        "--passphrase-file",
        str(s.passphrase_file),
    ],
    "validate": lambda p, s: ["validate", str(p)],
    "verify": lambda p, s: ["verify", "--trust", str(s.trust), str(p)],
    "review": lambda p, s: [
        "review",
        str(_inbox_of(p, s)),
        "--trust",
        str(s.trust),
        "--workspace",
        str(s.workspace),
    ],
    "sign-key": lambda p, s: [
        "sign",
        str(FIXTURE),
        "--key",
        str(p),
        "-o",
        str(s.folder / "signed.zip"),
        "--no-pdf",
        "--passphrase-file",
        str(s.passphrase_file),
    ],
    "passphrase-file": lambda p, s: ["keys", "show", str(s.key), "--passphrase-file", str(p)],
}


def _inbox_of(path: Path, setting: Setting) -> Path:
    inbox = setting.folder / "inbox"
    inbox.mkdir(exist_ok=True)
    if path.is_file():
        shutil.copyfile(path, inbox / path.name)
    return inbox


@contextlib.contextmanager
def _hang_guard(seconds: int) -> Iterator[None]:
    def hung(signum: int, frame: object) -> None:
        raise TimeoutError(f"the command was still running after {seconds} s: it hangs")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run(argv: list[str]) -> tuple[int, str, str]:
    """Runs the command line in this process; its exit code, standard output and error."""
    out, err = io.StringIO(), io.StringIO()
    with (
        _hang_guard(HANG_GUARD_SECONDS),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            code = main(argv)
        except SystemExit as exit_:  # argparse usage errors
            code = int(exit_.code or 0)
    return code, out.getvalue(), err.getvalue()


def assert_clean(text: str) -> None:
    assert "Traceback" not in text, text
    assert "unexpected error" not in text, text
    raw = UNSAFE.findall(text.replace("\n", "").replace("\t", ""))
    assert not raw, f"raw control characters {raw!r} in {text!r}"


@pytest.fixture(scope="module")
def setting(tmp_path_factory: pytest.TempPathFactory) -> Setting:
    folder = tmp_path_factory.mktemp("setting")
    private, public, identifier = generate_key(
        "Corpus Signer", folder / "keys", PASSPHRASE, params=MINIMUM_PARAMS
    )
    passphrase_file = folder / "passphrase.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    pem = public.read_bytes()
    assert key_id(load_public_key(pem)) == identifier
    import datetime as dt

    entry = TrustEntry(identifier, "Corpus", pem.decode(), dt.datetime.now(dt.UTC))
    TrustStore((entry,), folder / "trust").save()
    return Setting(folder, private, passphrase_file, folder / "trust", folder / "ws.sqlite")


def _cases() -> Iterator[tuple[Item, str, Expect]]:
    for item in ITEMS:
        for command, expect in item.expect.items():
            yield item, command, expect


@pytest.mark.parametrize(
    ("item", "command", "expect"),
    list(_cases()),
    ids=[f"{i.name}-{c}" for i, c, _ in _cases()],
)
def test_each_item_gets_its_behaviour(
    item: Item, command: str, expect: Expect, setting: Setting, tmp_path: Path
) -> None:
    path = item.make(tmp_path)
    work = Setting(
        tmp_path, setting.key, setting.passphrase_file, setting.trust, tmp_path / "ws.sqlite"
    )
    code, out, err = run(COMMANDS[command](path, work))
    assert code == expect.code, (out, err)
    assert expect.says in out + err, (out, err)
    assert_clean(out)
    assert_clean(err)


def test_every_command_meets_the_corpus() -> None:
    used = {command for item in ITEMS for command in item.expect}
    assert used == set(COMMANDS)
    kinds = {item.kind for item in ITEMS}
    assert kinds >= {"assessment", "bundle", "key", "encrypted", "passphrase"}


def test_a_hostile_signed_bundle_through_every_reading_command(
    setting: Setting, tmp_path: Path
) -> None:
    """The hostile names signed by a trusted key, then read back by every command that shows a
    bundle or a workspace: text is escaped everywhere, JSON escapes the bidi override."""
    from tests.hostile.corpus import hostile_names

    source = hostile_names(tmp_path)
    bundle = tmp_path / "signed.zip"
    work = Setting(
        tmp_path, setting.key, setting.passphrase_file, setting.trust, tmp_path / "ws.sqlite"
    )
    runs: list[Callable[[], list[str]]] = [
        lambda: COMMANDS["sign"](source, work),
        lambda: ["verify", "--trust", str(work.trust), str(bundle)],
        lambda: ["verify", "--json", "--trust", str(work.trust), str(bundle)],
        lambda: COMMANDS["review"](bundle, work),
        lambda: [*COMMANDS["review"](bundle, work), "--json"],
        lambda: COMMANDS["import"](source, work),
        lambda: ["clients", "--workspace", str(work.workspace)],
        lambda: ["clients", "--json", "--workspace", str(work.workspace)],
        lambda: ["assessments", "--workspace", str(work.workspace)],
        lambda: ["assessments", "--json", "--workspace", str(work.workspace)],
        lambda: ["score", str(source)],
        lambda: ["score", "--json", str(source)],
    ]
    for make in runs:
        argv = make()  # built when run: the inbox copies the bundle signed by the first run
        code, out, err = run(argv)
        assert code == 0, (argv, out, err)
        assert_clean(out)
        assert_clean(err)
        shown = "\\u202e" if "--json" in argv else "Evil\\x1b[2J"
        assert shown in out or argv[0] == "import", (argv, out)
