"""Provides the regulator's review of signed submissions: inbox, comparison, decisions, export.

A reviewer (the CNDP, or a client's DPO) points the toolkit at a folder of report bundles.
:mod:`~compliance.review.inbox` verifies every bundle and keeps, for each, either the facts taken
from verified bytes or only the file name and the reason it failed; :mod:`~.triage` sorts and
filters them; :mod:`~.compare` shows what changed between two cycles of one organisation and flags
replays; :mod:`~.decisions` records decisions in the workspace (with the audit log) and
:mod:`~.export` writes them as CSV. Nothing here imports the terminal UI.
"""
