"""The regulator's walk, in a real terminal at 80×24: review a folder, trust a key, see it verify.

The folder is prepared with the toolkit's own functions (not in tmux): a valid bundle signed by a
key of the trust store, the same bundle tampered with, and a bundle signed by a key the store does
not hold, with that key's public file beside it as a firm would send it. The regulator opens the
folder from the workspace (``v``), tells the three rows apart by file name and verdict, opens the
untrusted one and reads its key id and the line that trusts it, runs ``compliance trust add``,
presses ``t`` and sees it verify. Then the trust store and the workspace's record are checked.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from compliance.review.decisions import seen_submissions
from compliance.signing.keys import grouped
from compliance.signing.trust import TrustStore
from compliance.store.workspace import open_workspace
from tests.review.conftest import cycle, tamper
from tests.signing.conftest import Signer, make_signer, sign
from tests.tui.terminal import Terminal

VALID = "atlas-2026.zip"
TAMPERED = "atlas-2026-tampered.zip"
UNTRUSTED = "sahara-2026.zip"


def _prepare(root: Path) -> tuple[Signer, Signer]:
    """The inbox folder and a trust store (the user config's) holding only Atlas's key."""
    keys = root / "keys"
    (keys / "atlas").mkdir(parents=True)
    (keys / "sahara").mkdir()
    atlas = make_signer(keys / "atlas", "atlas dpo")
    sahara = make_signer(keys / "sahara", "sahara")
    inbox = root / "inbox"
    inbox.mkdir()
    yesterday = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=1)
    good = sign(
        atlas, cycle(name="Atlas Services SARL", registration_id="RC-1"), issued_at=yesterday
    )
    (inbox / VALID).write_bytes(good)
    (inbox / TAMPERED).write_bytes(tamper(good))
    other = cycle(name="Sahara Contact SA", registration_id="RC-2")
    (inbox / UNTRUSTED).write_bytes(sign(sahara, other, issued_at=yesterday))
    (inbox / "sahara.pub.pem").write_bytes(sahara.public_path.read_bytes())
    TrustStore(atlas.trust.entries, root / "config" / "trust").save()
    return atlas, sahara


def _row(screen: str, name: str) -> str:
    return next(line for line in screen.splitlines() if line.strip().startswith(name))


def test_a_regulator_tells_the_bundles_apart_trusts_a_key_and_sees_it_verify(
    terminal: Terminal,
) -> None:
    atlas, sahara = _prepare(terminal.root)
    terminal.start()
    terminal.wait_for("Create a sample client")
    terminal.keys("Escape")  # no sample: this workspace is for reviewing
    terminal.keys("v")
    terminal.wait_for("Folder of signed bundles to review")
    terminal.keys("C-u")
    terminal.type("inbox")  # relative to the folder the app was started in
    terminal.keys("Enter")
    terminal.wait_for("invalid: 2")
    screen = terminal.wait_for("Invalid: untrusted key")  # the columns sized to their rows

    # Three rows told apart at 80 columns: file names and verdicts in words.
    assert "File" in screen and "Verdict" in screen
    assert "Invalid: tampered" in _row(screen, TAMPERED)
    assert "Invalid: untrusted key" in _row(screen, UNTRUSTED)
    assert "Valid" in _row(screen, VALID)
    assert "Atlas Services SARL (unverifie" in _row(screen, TAMPERED)  # claimed, marked so
    assert "-mismatch" not in screen and "untrusted-signer" not in screen  # no codes

    # The untrusted bundle's detail: its key id and the exact line that trusts it.
    rows = [line.strip().split()[0] for line in screen.splitlines() if ".zip" in line]
    terminal.keys(*["Down"] * rows.index(UNTRUSTED), "Enter")
    detail = terminal.wait_for("key id:")
    key = grouped(sahara.key.key_id)
    assert key[:39] in detail and key[40:] in detail
    assert "compliance trust add inbox/sahara.pub.pem --name 'Sahara" in detail
    assert "--organisation RC-2" in detail
    assert "then press t" in detail

    done = terminal.run(
        "trust",
        "add",
        "inbox/sahara.pub.pem",
        "--name",
        "Sahara Contact SA",
        "--organisation",
        "RC-2",
    )
    assert done.returncode == 0, done.stderr
    assert sahara.key.key_id in done.stdout

    terminal.keys("t")
    detail = terminal.wait_for(f"Valid: {UNTRUSTED}")
    assert "signed by Sahara Contact SA, a key of the trust store" in detail
    terminal.keys("Escape")
    terminal.wait_for("invalid: 1")
    screen = terminal.wait_for("Sahara Contact SA\n")  # its own row now, not a claim
    assert "Valid" in _row(screen, UNTRUSTED) and "Invalid" not in _row(screen, UNTRUSTED)
    assert "Sahara Contact SA" in _row(screen, UNTRUSTED)
    assert "Invalid: tampered" in _row(screen, TAMPERED)  # still caught
    terminal.keys("C-q")
    terminal.wait_exit()

    # What the stores hold: the key, bound to the organisation; the three bundles as seen now.
    store = TrustStore.load(terminal.root / "config" / "trust")
    entry = store.find(sahara.key.key_id)
    assert entry is not None and entry.organisations == ("RC-2",)
    assert store.find(atlas.key.key_id) is not None and len(store.entries) == 2
    with open_workspace(terminal.workspace) as workspace:
        seen = {s.file: s for s in seen_submissions(workspace)}
    assert set(seen) == {VALID, TAMPERED, UNTRUSTED}
    assert (seen[UNTRUSTED].verdict, seen[UNTRUSTED].signer) == ("VALID", "Sahara Contact SA")
    assert (seen[TAMPERED].verdict, seen[TAMPERED].reason) == ("INVALID", "digest-mismatch")
    assert seen[VALID].verdict == "VALID"
