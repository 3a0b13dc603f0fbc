"""Provides the options several commands share, so no command module imports another for them."""

from __future__ import annotations

import argparse

__all__ = ["add_workspace"]


def add_workspace(parser: argparse.ArgumentParser) -> None:
    """Adds ``--workspace PATH_OR_URL`` to a command."""
    parser.add_argument(
        "--workspace",
        metavar="PATH_OR_URL",
        help=(
            "a SQLite file or a postgresql:// URL (default: $COMPLIANCE_WORKSPACE, "
            "else workspace.sqlite in the user data folder)"
        ),
    )
