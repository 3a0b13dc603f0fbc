"""Provides ``compliance reference``: the installed reference sets and what each list holds."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from compliance.languages import LANGUAGES

__all__ = ["register"]


def register(commands: Any) -> None:
    """Adds ``reference`` to the command line."""
    parser = commands.add_parser(
        "reference",
        help="list the installed reference sets (adequacy lists, SCC modules, grounds...)",
        description=(
            "Lists the installed reference sets: id, version, digest, date, and per list the "
            "number of entries, how many are verified and the source. Also checks that the "
            "bundled source folder still matches its published set (exit 1 with one "
            "file:line:col line per list edited after publication)."
        ),
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help="language of the titles (default: en)",
    )
    parser.set_defaults(handler=_reference)


def _reference(args: argparse.Namespace) -> int:
    from compliance.errors import LoadError
    from compliance.loader.reference_sets import check_source, installed_sets

    problems: list[str] = []
    try:
        check_source()
    except LoadError as error:
        problems = [str(problem) for problem in error.problems]
    except FileNotFoundError:
        pass  # no bundled source folder: only the published sets are installed
    sets = [(entry, entry.load()) for entry in installed_sets()]
    if args.json:
        from compliance.commands.output import print_json

        print_json(
            [
                {
                    "id": entry.id,
                    "version": entry.version,
                    "digest": entry.digest,
                    "date": entry.date,
                    "title": reference_set.title.model_dump(exclude_none=True),
                    "lists": [row.model_dump() for row in reference_set.summaries()],
                }
                for entry, reference_set in sets
            ]
        )
    else:
        if not sets:
            print("No reference sets are installed.")
        for entry, reference_set in sets:
            print(f"{entry.id} {entry.version}  {reference_set.title.get(args.lang)}")
            print(f"    date {entry.date}, digest {entry.digest}")
            for row in reference_set.summaries():
                print(
                    f"    {row.name:<17} {row.entries:>4} entries, {row.verified:>4} verified"
                    f"  {row.source}"
                )
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0
