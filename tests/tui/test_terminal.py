"""The TUI in a real terminal: ``compliance`` started in tmux at 80×24 and driven by its keys.

Pilot drives the app inside the test's event loop; this test runs the command a user runs, in a
real pseudo-terminal, and reads the screen as the user sees it (``tmux capture-pane``). It walks the
newcomer's path: the welcome, the sample client, its assessment, an answer, the results, French,
and quitting. Without tmux it skips, except under ``CI=true`` where it fails (``.ci/run`` installs
tmux).
"""

from __future__ import annotations

from compliance.store import list_assessments, load_assessment, open_workspace
from tests.tui.terminal import Terminal


def test_a_newcomer_sees_a_filled_assessment_and_its_results(terminal: Terminal) -> None:
    terminal.start()
    workspace = terminal.workspace
    terminal.wait_for("Create a sample client")
    terminal.keys("Enter")  # the welcome's first button: the sample
    terminal.wait_for("Sud Contact Marketing SARL")
    terminal.wait_for("ma-offshoring")
    terminal.keys("Enter")  # opens the highlighted client's assessment, from the clients table
    screen = terminal.wait_for("answered")
    assert "Profile" in screen and "Results" in screen  # the tree, and the footer's keys
    terminal.keys("Down", "Enter")  # another role, on the focused question
    terminal.wait_for("saved")
    terminal.keys("F5")
    screen = terminal.wait_for("Overall")
    assert "% answered" in screen and "Why “" in screen  # the rating explained
    assert "→ Next" in screen
    terminal.keys("F2")
    terminal.wait_for("Retour")  # the footer in French
    terminal.keys("C-q")
    terminal.wait_exit()
    assert workspace.is_file()  # the app's, not one this check would create
    with open_workspace(workspace) as store:
        (info,) = list_assessments(store)
        assessment = load_assessment(store, info.id)
    assert assessment.organisation.name == "Sud Contact Marketing SARL"
    assert assessment.answers  # a filled assessment, as the welcome promised
    assert assessment.profile["role"] != "processor"  # the sample's, changed by the key press
