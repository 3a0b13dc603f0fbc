"""A writer process for the durability tests (run as a script, not collected by pytest).

Usage: ``python writer.py WORKSPACE ASSESSMENT_ID PREFIX COUNT [BUSY_TIMEOUT]``. It imports
everything, prints ``ready``, waits for a line on stdin, then saves COUNT answers
``PREFIX.<i> = i`` and prints ``i`` after each save has *returned*, so the parent knows exactly
which writes the store had acknowledged when it killed this process. A write refused as busy
prints ``busy <i>``.
"""

from __future__ import annotations

import sys

from compliance.errors import WorkspaceBusy
from compliance.store.answers import save_answer
from compliance.store.workspace import open_workspace


def main() -> None:
    """Runs the writes described by the command line."""
    location, assessment_id, prefix, count = sys.argv[1:5]
    timeout = float(sys.argv[5]) if len(sys.argv) > 5 else 5.0
    print("ready", flush=True)
    sys.stdin.readline()
    workspace = open_workspace(location, actor="writer", busy_timeout=timeout)
    for i in range(int(count)):
        try:
            save_answer(workspace, int(assessment_id), f"{prefix}.{i}", i)
        except WorkspaceBusy:
            print(f"busy {i}", flush=True)
            continue
        print(i, flush=True)
    workspace.close()


if __name__ == "__main__":
    main()
