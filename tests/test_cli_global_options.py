"""Global options (``--workspace``, ``--lang``, ``--debug``) mean the same before or after the
command, for every command the parser has (read from the parser itself, at every depth)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from compliance.cli import GLOBAL_OPTIONS, _parser


def _commands(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                path = (*prefix, name)
                has_children = any(isinstance(a, argparse._SubParsersAction) for a in sub._actions)
                if not has_children:
                    yield path, sub
                yield from _commands(sub, path)


def _required(parser: argparse.ArgumentParser) -> list[str]:
    """The fewest words the command parses with: a placeholder for each required argument."""
    words: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) or action.option_strings[:1] in (["-h"],):
            continue
        if action.option_strings and not action.required:
            continue
        value = str(next(iter(action.choices))) if action.choices else "1"
        if action.option_strings:
            words += [action.option_strings[-1], value]
        else:
            words.append(value)
    return words


COMMANDS = sorted(_commands(_parser()), key=lambda item: item[0])


def test_the_parser_has_every_command() -> None:
    names = {path for path, _ in COMMANDS}
    assert {("clients",), ("import",), ("report",), ("keys", "generate"), ("review",)} <= names
    assert len(names) >= 15


@pytest.mark.parametrize(("path", "sub"), COMMANDS, ids=[" ".join(path) for path, _ in COMMANDS])
@pytest.mark.parametrize("place", ["before", "after"])
def test_global_options_work_before_and_after_every_command(
    path: tuple[str, ...], sub: argparse.ArgumentParser, place: str
) -> None:
    options = ["--workspace", "postgresql://db/shared", "--lang", "fr", "--debug"]
    words = [*path, *_required(sub)]
    argv = [*options, *words] if place == "before" else [*words, *options]
    args = _parser().parse_args(argv)
    assert (args.workspace, args.lang, args.debug) == ("postgresql://db/shared", "fr", True)
    assert set(GLOBAL_OPTIONS) <= set(sub._option_string_actions)


@pytest.mark.parametrize(("path", "sub"), COMMANDS[:3], ids=[" ".join(p) for p, _ in COMMANDS[:3]])
def test_defaults_hold_when_no_global_option_is_given(
    path: tuple[str, ...], sub: argparse.ArgumentParser
) -> None:
    args = _parser().parse_args([*path, *_required(sub)])
    assert (args.workspace, args.lang, args.debug) == (None, "en", False)


def test_an_option_after_the_command_wins_over_one_before() -> None:
    args = _parser().parse_args(["--lang", "en", "clients", "--lang", "fr"])
    assert args.lang == "fr"


@pytest.mark.parametrize(("path", "sub"), COMMANDS, ids=[" ".join(path) for path, _ in COMMANDS])
def test_every_command_takes_every_language_after_its_name(
    path: tuple[str, ...], sub: argparse.ArgumentParser
) -> None:
    from compliance.languages import LANGUAGES

    assert "ar" in LANGUAGES
    for lang in LANGUAGES:
        args = _parser().parse_args([*path, *_required(sub), "--lang", lang])
        assert args.lang == lang


def test_a_language_the_program_does_not_speak_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        _parser().parse_args(["--lang", "de", "clients"])
    assert stopped.value.code == 2
    assert "invalid choice: 'de'" in capsys.readouterr().err
