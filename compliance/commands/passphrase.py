"""Provides how a command obtains a passphrase: never from the command line.

The passphrase comes from ``--passphrase-file`` (its first line; a regular file of at most 4 KiB,
so that ``/dev/zero`` or a FIFO is refused at once), else ``COMPLIANCE_PASSPHRASE`` (for
automation and tests), else a prompt at the terminal. Parsers that offer ``--passphrase-file``
must turn argparse abbreviations off, so that ``--passphrase X`` cannot pass for it. The passphrase
never appears in an error message.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from compliance.errors import ComplianceError

__all__ = [
    "ARGV_REFUSAL",
    "PASSPHRASE_ENV",
    "add_passphrase_file",
    "passphrase_in_argv",
    "read_passphrase",
]

PASSPHRASE_ENV = "COMPLIANCE_PASSPHRASE"  # noqa: S105 - the name of a variable, not a secret


ARGV_REFUSAL = (
    "a passphrase is never taken on the command line, where the shell history and the process "
    "list would keep it; use --passphrase-file F, or type it at the prompt"
)
"""The one sentence for a command line that tries to give a passphrase."""


def passphrase_in_argv(argv: Sequence[str]) -> bool:
    """Whether ``argv`` tries to give a passphrase as an option (``--passphrase X``,
    ``--passphrase=X`` or an abbreviation down to ``--pas X``).

    The command line refuses such a command before argparse reads it: argparse's own errors quote
    what they reject, which would print the passphrase.
    """
    for word in argv:
        if word == "--":
            return False
        name = word.split("=", 1)[0]
        # From "--pas" on, a prefix of --passphrase names no other option (not so "--pa": --partial)
        if name in ("--password", "--passwd") or (
            len(name) >= len("--pas") and "--passphrase".startswith(name)
        ):
            return True
    return False


def add_passphrase_file(parser: argparse.ArgumentParser) -> None:
    """Adds ``--passphrase-file F`` to ``parser``."""
    parser.add_argument(
        "--passphrase-file",
        metavar="F",
        help=(
            f"read the passphrase from the first line of F (else ${PASSPHRASE_ENV}, else a prompt)"
        ),
    )


def read_passphrase(args: argparse.Namespace, *, confirm: bool) -> str:
    """The passphrase, from ``--passphrase-file``, the environment or the terminal."""
    if args.passphrase_file:
        from compliance.files import read_limited

        path = Path(args.passphrase_file)
        try:
            text = read_limited(path, "passphrase file").decode("utf-8")
        except UnicodeDecodeError:
            raise ComplianceError(f"the passphrase file {path} is not UTF-8 text") from None
        lines = text.splitlines()
        phrase = lines[0] if lines else ""
        if not phrase:
            raise ComplianceError(f"the passphrase file {path} is empty")
        return phrase
    phrase = os.environ.get(PASSPHRASE_ENV, "")
    if phrase:
        return phrase
    if not sys.stdin.isatty():
        raise ComplianceError(
            "a passphrase is needed and there is no terminal to ask it on; "
            f"use --passphrase-file or set {PASSPHRASE_ENV}"
        )
    import getpass

    phrase = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Passphrase again: ") != phrase:
        raise ComplianceError("the two passphrases differ; nothing was written")
    if not phrase:
        raise ComplianceError("the passphrase is empty; nothing was done")
    return phrase
