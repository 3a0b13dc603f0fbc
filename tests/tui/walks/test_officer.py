"""The compliance officer's walk, in a real terminal at 80×24: every kind of answer, the jump, a
bad date then fixed, a comment, a data flow, the results and a report; then what the store and
the report hold.

The flow part goes by what the form says (it names the field it needs next and puts the focus
there), not by the order of its fields, so it holds when the form gains fields.
"""

from __future__ import annotations

import time

from compliance.store import (
    create_assessment,
    create_client,
    list_assessments,
    load_assessment,
    open_workspace,
)
from tests.tui.terminal import Terminal


def _until(terminal: Terminal, text: str, key: str, tries: int = 4) -> str:
    """Presses ``key`` until ``text`` shows (the workspace may need one Enter or two)."""
    for _ in range(tries):
        terminal.keys(key)
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            screen = terminal.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
    return terminal.wait_for(text, timeout=1)


def _jump(terminal: Terminal, key: str, question_id: str, shows: str) -> str:
    """Opens the jump with ``key``, finds ``question_id`` and goes there."""
    terminal.keys(key)
    terminal.wait_for("🔎")
    terminal.type(question_id)
    terminal.wait_for(f"{question_id} ")  # the hit, with its question's text
    terminal.keys("Enter")
    terminal.wait_gone("🔎")
    return terminal.wait_for(shows)


def _fill_flow(terminal: Terminal) -> None:
    """Saves a France → Morocco flow: its name in the field after the id (where the form
    opens), then each party the form asks for, in the field it puts the focus on."""
    for attempt in range(4):  # the form takes the focus as it opens: a key sent with it is lost
        time.sleep(1.0 + attempt)  # longer each time: a loaded machine opens it slower
        terminal.keys("Tab")
        terminal.type("Client calls")
        lines = terminal.wait_for("Client calls").splitlines()
        if any(" Name " in line and "Client calls" in line for line in lines):
            break
        terminal.keys("End", "C-u")  # it went into the id: the id back, then again
        terminal.type("f1")
    assert any(" Id " in line and " f1 " in line for line in lines), "\n".join(lines)
    given = {
        "exporter": ("Client SA", "France"),
        "importer": ("Atlas Contact", "Morocco"),
    }
    for _ in range(4):
        terminal.keys("C-s")
        deadline = time.monotonic() + 5
        problem = ""
        while time.monotonic() < deadline and not problem:
            screen = terminal.screen()
            if " Data flows · " in screen:  # saved: the form closed, the screen's title shows
                return
            problem = next((line for line in screen.splitlines() if "✗ " in line), "")
            time.sleep(0.1)
        party = next((p for p in given if p in problem), None)
        if party is None:
            raise AssertionError(f"the flow form asked for something unexpected:\n{screen}")
        name, country = given.pop(party)  # "Give the name and the country of the exporter"
        terminal.type(name)
        terminal.keys("Tab")
        terminal.type(country)
        terminal.wait_for(f"  {country}")  # the suggestion
        terminal.keys("Enter")
    raise AssertionError(f"the flow was never saved; the screen was:\n{terminal.screen()}")


def test_the_officer_answers_maps_a_flow_and_writes_a_report(terminal: Terminal) -> None:
    with open_workspace(terminal.workspace) as store:
        client = create_client(store, "Atlas Contact")
        assessment_id = create_assessment(store, client, "ma-offshoring")
    report = terminal.root / "report.html"
    terminal.start()
    terminal.wait_for("Atlas Contact")
    _until(terminal, "Profile question 1 of", "Enter")

    # a single choice, then yes/no: the focus is on the answer, so keys answer at once
    terminal.keys("Down", "Enter")  # role: processor only
    terminal.wait_for("saved")
    terminal.keys("PageDown")
    terminal.wait_for("Profile question 2 of")
    terminal.keys("Enter")  # foreign clients: yes

    # the jump with "/" from the options; several ticks, "Not one of these" clearing the others
    _jump(terminal, "/", "special_data", "Which of these kinds of data")
    terminal.keys("Down", "Down", "Down", "Down", "Down", "Space")  # national ID numbers
    terminal.wait_for("▐✓▌ National identity")
    terminal.keys("Down", "Space")  # not one of these
    screen = terminal.wait_for("▐✓▌ Not one of these")
    assert "▐ ▌ National identity" in screen

    # an answer that brings in a question, said on screen
    _jump(terminal, "C-f", "gov02.policy", "written data-protection policy")
    terminal.keys("Enter")  # the first option: approved, both laws
    terminal.wait_for("brings 1 more")  # the notice (it wraps after "more")
    terminal.keys("PageDown")
    terminal.wait_for("gov02.reviewed")

    # a date: a day that does not exist stays with why, Enter does not move on, then fixed
    terminal.type("31/04/2024")
    terminal.keys("Enter")
    screen = terminal.wait_for('"31/04/2024" is not a date')
    assert "gov02.reviewed" in screen  # Enter did not move on
    assert "✗ When was the polic" in screen  # marked in the tree: typed, not saved
    terminal.keys("C-u")  # clears the field
    terminal.type("12/03/2024")  # as dates are written in Morocco and France
    terminal.wait_gone("is not a date")
    terminal.keys("Enter")
    terminal.wait_gone("gov02.reviewed")

    # a number and a comment (a slash inside text is typed, not a jump)
    _jump(terminal, "C-f", "gov07.share", "What share of staff")
    terminal.type("85")
    terminal.keys("F7")
    terminal.type("HR training log, 24/7 access")
    terminal.keys("Tab")  # leaving the comment saves it
    terminal.wait_for("saved")

    # a data flow, then the results and a report (the notices gone: they cover the form's line)
    terminal.wait_gone("Escape to put back")
    terminal.keys("F4")
    terminal.wait_for("No flows yet")
    terminal.keys("a")
    terminal.wait_for("Exporter")  # the form is open
    _fill_flow(terminal)
    terminal.wait_for("FR → MA")
    terminal.keys("r")
    terminal.wait_for("Overall")
    terminal.keys("w")
    terminal.wait_for("Report file")
    for _ in range(3):  # the prompt takes the focus as it opens: keys sent with it are lost
        time.sleep(0.5)
        terminal.keys("End", "C-u")
        terminal.type(str(report))
        if str(report) in terminal.screen():
            break
    terminal.keys("Enter")
    terminal.wait_for("Report written")
    terminal.keys("C-q")
    terminal.wait_exit()

    with open_workspace(terminal.workspace) as store:
        (info,) = list_assessments(store)
        assessment = load_assessment(store, info.id)
    assert info.id == assessment_id
    assert assessment.profile["role"] == "processor"
    assert assessment.profile["foreign_clients"] == "yes"
    assert assessment.profile["special_data"] == ("none",)
    answers = assessment.answers
    assert answers["gov02.policy"].value == "both_laws"
    assert answers["gov02.reviewed"].value == "2024-03-12"  # stored ISO
    assert answers["gov07.share"].value == 85
    assert answers["gov07.share"].comment == "HR training log, 24/7 access"
    (flow,) = assessment.flows
    assert (flow.name, flow.exporter.country, flow.importer.country) == ("Client calls", "FR", "MA")
    written = report.read_text(encoding="utf-8")
    assert "HR training log, 24/7 access" in written
    assert "2024-03-12" in written and "Client calls" in written
