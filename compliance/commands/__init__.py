"""Provides the sub-commands beyond the core ones, one module per area.

Each module has ``register(commands)``, which adds its sub-parsers to the ``compliance`` parser and
sets ``handler`` on each: a function of the parsed arguments returning the exit code. Modules import
only the standard library at module level (the start-up budget); handlers import what they need.
Only :mod:`compliance.cli` prints errors and decides exit codes: handlers raise
:class:`~compliance.errors.ComplianceError` subclasses.
"""
