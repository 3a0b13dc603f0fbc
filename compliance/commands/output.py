"""Provides how every command prints: :func:`print_json` and :func:`shown_streams`.

Text from files (organisation and flow names, file names, messages quoting them) must not act on
the reader's terminal. Rather than trusting every ``print`` of every command to remember it, the
command line runs each command with standard output and standard error wrapped by
:func:`shown_streams`: whatever a command writes passes through :func:`compliance.text.shown`
(line feeds and tabs kept), the one function every output uses. ``--json`` output is stable
(sorted keys, UTF-8) and writes the same characters as JSON escapes, so the wrapper finds nothing
to change in it. Bytes written to ``sys.stdout.buffer`` (a report sent to standard output on
purpose) are the file itself and are not touched.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from compliance.text import json_safe, shown

__all__ = ["ShownStream", "print_json", "shown_streams", "unfiltered", "write_json_text"]


def write_json_text(document: str) -> None:
    """Prints JSON text made elsewhere, its control and bidi characters escaped."""
    sys.stdout.write(json_safe(document))
    sys.stdout.write("\n")


def print_json(value: Any) -> None:
    """Prints ``value`` as indented JSON with sorted keys, so that equal data prints equally."""
    write_json_text(json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True))


class ShownStream:
    """A text stream that shows every control character it is given escaped (see the module)."""

    def __init__(self, stream: TextIO) -> None:
        self.unfiltered = stream
        """The stream itself, for the rare write that is a terminal sequence on purpose."""

    def write(self, text: str) -> int:
        """Writes ``text`` with its control characters escaped; returns its length."""
        self.unfiltered.write(shown(text, single_line=False))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.unfiltered, name)


def unfiltered(stream: TextIO | ShownStream) -> TextIO:
    """The stream under a :class:`ShownStream` (or ``stream`` itself)."""
    return stream.unfiltered if isinstance(stream, ShownStream) else stream


@contextlib.contextmanager
def shown_streams() -> Iterator[None]:
    """Standard output and error wrapped in :class:`ShownStream` for the duration."""
    out, err = sys.stdout, sys.stderr
    sys.stdout = ShownStream(out)
    sys.stderr = ShownStream(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
