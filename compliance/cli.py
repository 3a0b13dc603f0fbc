"""Provides the ``compliance`` command line: a stable contract (DESIGN section 11).

Only this module decides exit codes and how errors print. Sub-commands import what they need inside
their function, so that ``compliance --version`` and the headless commands stay fast and never load
Textual; the terminal UI is imported only by the function that opens it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from compliance import __version__
from compliance.commands.output import print_json, shown_streams
from compliance.errors import ComplianceError, LoadError
from compliance.languages import LANGUAGES

__all__ = ["main"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

Handler = Callable[[argparse.Namespace], int]

COMMAND_MODULES = (
    "score",
    "workspace",
    "access",
    "report",
    "signing",
    "review",
    "exchange",
    "reference",
    "migrate",
    "tia",
)
"""Modules of :mod:`compliance.commands` that each add sub-commands through ``register(commands)``.

They are imported at start-up, so each must import only the standard library at module level and
defer everything heavy to its handlers."""


# --- sub-commands ---------------------------------------------------------------------------


def _cmd_questionnaires(args: argparse.Namespace) -> int:
    from compliance.catalog import entries

    loaded, errors = entries()
    for error in errors:
        for problem in error.problems:
            print(
                f"warning: skipped a questionnaire that does not load: {problem}", file=sys.stderr
            )
    if args.json:
        print_json([entry.summary() for entry in loaded])
        return EXIT_OK
    if not loaded:
        print("No questionnaires found.")
        return EXIT_OK
    lang = args.lang
    for entry in loaded:
        q = entry.questionnaire
        print(f"{q.id} {q.version}  {q.title.get(lang)}")
        print(
            f"    {len(q.domains)} domains, {q.control_count} controls, "
            f"{q.question_count} questions; {entry.source}: {entry.path}"
        )
        print(f"    digest {entry.digest}")
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    from compliance.loader import load_questionnaire

    count = 0
    for raw in args.paths:
        try:
            load_questionnaire(Path(raw), use_cache=False)
        except LoadError as error:
            for problem in error.problems:
                print(problem)
                count += 1
    if count:
        print(
            f"{count} problem{'s' * (count != 1)} in {len(args.paths)} "
            f"file{'s' * (len(args.paths) != 1)}",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    if not args.quiet:
        print(f"{len(args.paths)} file{'s' * (len(args.paths) != 1)} valid", file=sys.stderr)
    return EXIT_OK


def _cmd_tui(args: argparse.Namespace) -> int:
    from compliance.tui.loading import pause_collection

    pause_collection()  # until the first frame: see its docstring
    from compliance.tui.app import run

    # A language given on the command line holds for this run; else the one remembered.
    return run(
        lang=args.lang if getattr(args, "lang_given", False) else None, workspace=args.workspace
    )


# --- parser ---------------------------------------------------------------------------------


GLOBAL_OPTIONS = ("--debug", "--lang", "--workspace")
"""Options that mean the same before or after the command (``compliance --lang fr clients`` and
``compliance clients --lang fr``)."""


class _GivenLanguage(argparse.Action):
    """Stores ``--lang`` and notes that it was given (the terminal UI otherwise opens in the
    language it remembers)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        setattr(namespace, self.dest, values)
        namespace.lang_given = True


def _add_global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """Adds the global options; below the top they default to SUPPRESS, so that a sub-command
    that is not given one keeps the value given before the command (or the top default)."""
    existing = parser._option_string_actions
    for option, spec in (
        (
            "--debug",
            {
                "action": "store_true",
                "default": False,
                "help": "show the full traceback of an unexpected error",
            },
        ),
        (
            "--lang",
            {
                "action": _GivenLanguage,
                "choices": LANGUAGES,
                "default": "en",
                "help": "language of the output (default: en)",
            },
        ),
        (
            "--workspace",
            {
                "dest": "workspace",
                "metavar": "PATH_OR_URL",
                "default": None,
                "help": "the workspace (default: COMPLIANCE_WORKSPACE, else "
                "workspace.sqlite in the user data folder)",
            },
        ),
    ):
        kwargs = spec if top else spec | {"default": argparse.SUPPRESS}
        if option in existing:  # a command's own wording of it: same meaning, same place
            action = existing[option]
            action.dest = str(kwargs.get("dest", option.lstrip("-")))
            action.default = kwargs["default"]
            continue
        parser.add_argument(option, **kwargs)


def _share_global_options(parser: argparse.ArgumentParser) -> None:
    """Lets every sub-command (at any depth) take the global options after its name too."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            seen: set[int] = set()
            for sub in action.choices.values():
                if id(sub) in seen:
                    continue
                seen.add(id(sub))
                _add_global_options(sub, top=False)
                _share_global_options(sub)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="compliance",
        description=(
            "Data-protection readiness for Moroccan offshoring firms: Law 09-08, "
            "Decree 2-09-165 and the GDPR. With no command, opens the terminal UI."
        ),
    )
    parser.add_argument("--version", action="version", version=f"compliance {__version__}")
    _add_global_options(parser, top=True)
    parser.set_defaults(handler=_cmd_tui)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    listing = commands.add_parser("questionnaires", help="list the bundled and user questionnaires")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(handler=_cmd_questionnaires)

    validate = commands.add_parser(
        "validate",
        help="check questionnaire files; one line per problem",
        description=(
            "Checks questionnaire files and prints one line per problem as "
            "file:line:col: id: message. Exit 0 when clean, 1 when a problem was found."
        ),
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="questionnaire YAML files")
    validate.add_argument("-q", "--quiet", action="store_true", help="print nothing when clean")
    validate.set_defaults(handler=_cmd_validate)

    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(f"compliance.commands.{name}").register(commands)
    _share_global_options(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line and returns the exit code."""
    from compliance.commands.passphrase import ARGV_REFUSAL, passphrase_in_argv

    argv = list(sys.argv[1:] if argv is None else argv)
    if passphrase_in_argv(argv):
        print(f"compliance: error: {ARGV_REFUSAL}", file=sys.stderr)
        return EXIT_USAGE
    parser = _parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    if handler is _cmd_tui:
        return _run(handler, args)
    with shown_streams():  # text from files cannot act on the terminal: see commands.output
        return _run(handler, args)


def _run(handler: Handler, args: argparse.Namespace) -> int:
    try:
        return handler(args)
    except ComplianceError as error:
        if args.debug:
            raise
        print(f"compliance: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("compliance: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # the last line of defence: one sentence, not a traceback
        if args.debug:
            raise
        print(
            f"compliance: unexpected error: {type(error).__name__}: {error}. "
            "Run again with --debug for the traceback, and please report it.",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
