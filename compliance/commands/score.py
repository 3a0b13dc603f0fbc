"""Provides ``compliance score FILE``: the readiness of one assessment file."""

from __future__ import annotations

import argparse
from typing import Any

from compliance.languages import LANGUAGES

__all__ = ["register"]


def register(commands: Any) -> None:
    """Adds ``score`` to the command line."""
    parser = commands.add_parser(
        "score",
        help="score an assessment file",
        description=(
            "Scores an assessment file (YAML or JSON) against the questionnaire it names. "
            "Prints a summary, or the whole result with --json (decimals as strings, "
            "byte-identical for identical input). Exit 1 on a bad file."
        ),
    )
    parser.add_argument(
        "file", metavar="FILE", help="an assessment file (compliance.assessment/v1)"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help="language of the summary (default: en)",
    )
    parser.set_defaults(handler=_score)


def _score(args: argparse.Namespace) -> int:
    from compliance.catalog import load_assessment
    from compliance.engine.scoring import score

    assessment, questionnaire = load_assessment(args.file)
    result = score(questionnaire, assessment)
    if args.json:
        from compliance.commands.output import write_json_text

        write_json_text(result.model_dump_json(indent=2))
        return 0
    from compliance.engine.summary import summary_lines

    for line in summary_lines(questionnaire, assessment, result, args.lang):
        print(line)
    return 0
