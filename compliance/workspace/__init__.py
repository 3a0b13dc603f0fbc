"""Provides the workspace service: what the CLI and the TUI do to a workspace, with no UI.

Both faces call the same functions and differ only in how they ask and tell:

- :mod:`~compliance.workspace.listing`: the clients and assessments with their scores, a quick
  look at a SQLite workspace before the store is opened, an assessment's coverage;
- :mod:`~compliance.workspace.changes`: create, rename and delete a client, start an assessment,
  open a client's next cycle;
- :mod:`~compliance.workspace.transfer`: import and export an assessment file, the sample client.

Every failure is a :class:`~compliance.errors.ComplianceError` with one sentence; nothing here
prints, asks or exits. The modules import the store (SQLAlchemy) and the engine only when a
function needs them, so the quick look stays quick.
"""
