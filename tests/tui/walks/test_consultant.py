"""The consultant's walk, in a real terminal at 80×24: two clients, an assessment each, a new
cycle (confirmed, and told what it made), an encrypted export (a ``.cmpl`` in the documents
folder, its passphrase typed twice) and its import into a second workspace.

It checks what the screen shows at each step and what the two stores hold at the end.
"""

from __future__ import annotations

import time

from compliance import filecrypt
from compliance.store import export_assessment, list_assessments, list_clients, open_workspace
from tests.tui.terminal import TIMEOUT, Terminal

PASSPHRASE = "atlas sahara 2026"


def _cycles_shown(terminal: Terminal, count: int) -> list[str]:
    """The cycles the assessments pane shows, once it shows ``count`` rows (or fails)."""
    deadline = time.monotonic() + TIMEOUT
    cycles: list[str] = []
    while time.monotonic() < deadline:
        screen = terminal.screen()
        detail = [line.split("▏", 1)[1] for line in screen.splitlines() if "▏" in line]
        cycles = [row.split()[2] for row in detail if "ma-offshoring" in row]
        if len(cycles) == count:
            return cycles
        time.sleep(0.1)
    raise AssertionError(f"{count} rows never showed ({cycles}); the screen was:\n{screen}")


def _start_assessment(terminal: Terminal, client: str) -> None:
    """Creates ``client``, starts an assessment of the main questionnaire, and comes back."""
    terminal.keys("n")
    terminal.wait_for("Name of the new client")
    terminal.type(client)
    terminal.keys("Enter")
    terminal.wait_for(f"Assessments of {client}")
    terminal.keys("s")
    terminal.wait_for("Which questionnaire?")
    # The main questionnaire is offered first (and preselected): Enter takes it. The list is
    # drawn after the dialog's title, so wait for its last line before reading the order.
    screen = terminal.wait_for("ma-offshoring 1.1.0")
    assert screen.index("ma-offshoring 1.2.0") < screen.index("ma-offshoring 1.1.0")
    terminal.keys("Enter")
    terminal.wait_for("answered")  # the assessment screen's header
    terminal.keys("Escape")
    terminal.wait_for(f"Assessments of {client}")


def test_a_consultant_keeps_two_clients_apart_and_hands_over_an_encrypted_file(
    terminal: Terminal,
) -> None:
    terminal.start()
    terminal.wait_for("Create a sample client")
    terminal.keys("Escape")  # start empty
    terminal.wait_for("No clients yet")
    _start_assessment(terminal, "Atlas Contact")
    _start_assessment(terminal, "Sahara Data")

    terminal.keys("Up")  # back to Atlas: the detail follows the highlighted client
    screen = terminal.wait_for("Assessments of Atlas Contact")
    assert "Sahara Data" in screen  # still listed on the left
    terminal.keys("d")
    screen = terminal.wait_for("Start a new cycle of Atlas Contact?")
    assert "cycle 2" in screen
    terminal.keys("Enter")  # Yes has the focus
    terminal.wait_for("Cycle 2 of Atlas")  # what it made, said
    assert _cycles_shown(terminal, 2) == ["1", "2"]  # Atlas's two cycles, and only those

    terminal.keys("e")
    screen = terminal.wait_for("Encrypted (.cmpl)")
    terminal.keys("Enter")  # encrypted: first and preselected
    screen = terminal.wait_for("File to write")
    assert str(terminal.documents)[:30] in screen  # the documents folder, said
    terminal.keys("Enter")  # the name offered
    terminal.wait_for("The same passphrase again")
    terminal.type(PASSPHRASE)
    terminal.keys("Enter")
    terminal.type(PASSPHRASE)
    terminal.keys("Enter")
    exported = terminal.documents / "Atlas-Contact-ma-offshoring-cycle-2.cmpl"
    terminal.wait_for("Encrypted export")
    assert filecrypt.is_encrypted(exported.read_bytes())
    terminal.keys("C-q")
    terminal.wait_exit()

    second = terminal.root / "second.sqlite"
    terminal.start("--workspace", str(second))
    terminal.wait_for("Create a sample client")
    terminal.keys("Escape")
    terminal.wait_for("No clients yet")
    terminal.keys("i")
    terminal.wait_for("File to import")
    terminal.type(exported.name)  # after the documents folder the box already holds
    terminal.keys("Enter")
    terminal.wait_for("Passphrase of the encrypted file")
    terminal.type(PASSPHRASE)
    terminal.keys("Enter")
    screen = terminal.wait_for("Assessments of Atlas Contact")
    assert "Sahara" not in screen
    terminal.keys("C-q")
    terminal.wait_exit()

    with open_workspace(terminal.workspace) as first:
        clients = sorted(c.name for c in list_clients(first))
        cycles = sorted((a.client, a.cycle) for a in list_assessments(first))
        (source,) = [a for a in list_assessments(first) if a.cycle == 2]
        sent = export_assessment(first, source.id)
    assert clients == ["Atlas Contact", "Sahara Data"]
    assert cycles == [("Atlas Contact", 1), ("Atlas Contact", 2), ("Sahara Data", 1)]
    with open_workspace(second) as other:
        (imported,) = list_assessments(other)
        received = export_assessment(other, imported.id)
    assert imported.client == "Atlas Contact" and imported.questionnaire_id == "ma-offshoring"
    assert received == sent  # the same assessment, whole, on the other side
