"""Provides a safe, position-aware YAML reader.

PyYAML's C parser turns the text into events; this module builds plain Python values from them
itself, which lets it refuse what a hostile file could use against us and remember where every value
stood, so that later validation errors can name their line:

- anchors and aliases are refused (no "billion laughs"), as are tags of any kind (no
  ``!!python/object``), duplicate keys, complex keys, a second document, and nesting deeper than a
  cap; the file size is capped before it is read;
- scalars follow the YAML 1.2 core schema: only ``true``/``false`` are booleans, so ``yes``, ``no``,
  ``on`` and the country code ``NO`` stay text; dates stay text for the models to parse; mapping
  keys are always text.

Building values from events in one tight loop is also faster than PyYAML's own constructor, which
is where most of ``CSafeLoader``'s time goes (DESIGN section 12).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compliance.errors import InputError, LoadError, Problem

__all__ = ["MAX_DEPTH", "Document", "Mark", "parse_yaml", "read_bytes"]

MAX_DEPTH = 64
"""Deepest nesting of mappings and lists accepted."""

_MAX_NUMBER_CHARS = 64

Mark = tuple[int, int]
"""A 1-based (line, column) position."""

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_NUMBER_START = frozenset("0123456789+-.")
_INT = re.compile(r"[-+]?[0-9]+\Z")
_INT_OCT = re.compile(r"0o[0-7]+\Z")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)\Z")


@dataclass(slots=True)
class Document:
    """Values read from one YAML or JSON file, with the position of each."""

    name: str
    data: Any
    marks: dict[int, Any] = field(default_factory=dict)
    """For each container (by ``id``): its children's marks (a dict, or a list for a list)."""

    def locate(self, loc: tuple[int | str, ...]) -> tuple[Mark, str | None]:
        """Returns the mark of the value at ``loc`` and the id of the nearest item holding it.

        Steps of ``loc`` that are not in the data (a union's tag, a missing field) are skipped, so
        the answer is the deepest value that exists.
        """
        current: Any = self.data
        mark: Mark = (1, 1)
        item = _item_id(current)
        for step in loc:
            child_marks = self.marks.get(id(current))
            in_map = isinstance(current, dict) and isinstance(step, str) and step in current
            in_list = (
                isinstance(current, list) and isinstance(step, int) and 0 <= step < len(current)
            )
            if in_map or in_list:
                mark = child_marks[step] if child_marks else mark
                current = current[step]
            else:
                continue
            item = _item_id(current) or item
        return mark, item

    def problem(self, loc: tuple[int | str, ...], message: str) -> Problem:
        """Builds a problem placed at ``loc``."""
        (line, column), item = self.locate(loc)
        return Problem(self.name, line, column, message, item)


def _item_id(value: Any) -> str | None:
    """The id of an item (question, control, domain, flow...); options and bands, which carry a
    ``label``, are parts of the item that holds them, not items."""
    if isinstance(value, dict) and "label" not in value:
        ident = value.get("id")
        if isinstance(ident, str):
            return ident
    return None


def read_bytes(path: Path, *, max_bytes: int, what: str = "file") -> bytes:
    """Reads a regular file whole (see :func:`compliance.files.read_limited`), refusing folders,
    FIFOs, devices, missing files and files over ``max_bytes`` with a :class:`LoadError`."""
    from compliance.files import read_limited

    try:
        return read_limited(path, what, max_bytes=max_bytes)
    except InputError as error:
        raise LoadError.single(str(path), error.problem) from None


def _decode(data: bytes, name: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise LoadError.single(
            name,
            f"is not valid UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8",
            line=line,
            column=column,
        ) from None
    return text.removeprefix("\ufeff")


def _plain_scalar(value: str, name: str, mark: Mark) -> Any:
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if value[0] not in _NUMBER_START:
        return value
    if len(value) > _MAX_NUMBER_CHARS and (_INT.match(value) or _FLOAT.match(value)):
        raise LoadError.single(
            name, f"a number of {len(value)} characters is too long", line=mark[0], column=mark[1]
        )
    if _INT.match(value):
        return int(value)
    if _INT_OCT.match(value):
        return int(value[2:], 8)
    if _INT_HEX.match(value):
        return int(value[2:], 16)
    if _FLOAT.match(value) and any(ch.isdigit() for ch in value):
        return float(value)
    if _INF.match(value):
        return float("-inf") if value.startswith("-") else float("inf")
    if _NAN.match(value):
        return float("nan")
    return value


def parse_yaml(  # noqa: PLR0915  (one tight event loop is the fast path, DESIGN section 12)
    data: bytes, name: str, *, max_depth: int = MAX_DEPTH
) -> Document:
    """Parses one YAML document (JSON is YAML too) into plain values with their marks.

    Raises :class:`LoadError` with the position of the first problem found.
    """
    import yaml
    from yaml.events import (
        AliasEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
    )

    text = _decode(data, name)
    if not text.strip():
        raise LoadError.single(name, "is empty; expected a YAML mapping")

    def fail(message: str, event: Any) -> LoadError:
        start = event.start_mark
        return LoadError.single(name, message, line=start.line + 1, column=start.column + 1)

    marks: dict[int, Any] = {}
    root: Any = None
    has_root = False
    documents = 0
    # Each frame: [container, its marks, pending key (None when the next scalar is a key)].
    stack: list[list[Any]] = []
    no_key = object()

    def attach(value: Any, mark: Mark, event: Any) -> None:
        nonlocal root, has_root
        if not stack:
            root, has_root = value, True
            return
        frame = stack[-1]
        container = frame[0]
        if isinstance(container, dict):
            key = frame[2]
            if key is no_key:
                raise fail("a mapping key must be plain text, not a list or mapping", event)
            container[key] = value
            frame[1][key] = mark
            frame[2] = no_key
        else:
            container.append(value)
            frame[1].append(mark)

    try:
        events: Iterator[Any] = yaml.parse(text, Loader=yaml.CSafeLoader)
        for event in events:
            cls = event.__class__
            if cls is ScalarEvent:
                if event.anchor is not None:
                    raise fail(
                        f"anchors (&{event.anchor}) are not allowed; write values out", event
                    )
                if event.tag is not None:
                    raise fail(f"tags ({event.tag}) are not allowed", event)
                start = event.start_mark
                mark = (start.line + 1, start.column + 1)
                if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is no_key:
                    key = event.value
                    if key in stack[-1][0]:
                        raise fail(f"duplicate key {key!r}", event)
                    stack[-1][2] = key
                    continue
                value = _plain_scalar(event.value, name, mark) if event.implicit[0] else event.value
                attach(value, mark, event)
            elif cls is MappingStartEvent or cls is SequenceStartEvent:
                if event.anchor is not None:
                    raise fail(
                        f"anchors (&{event.anchor}) are not allowed; write values out", event
                    )
                if event.tag is not None:
                    raise fail(f"tags ({event.tag}) are not allowed", event)
                if len(stack) >= max_depth:
                    raise fail(f"nesting is deeper than {max_depth} levels", event)
                start = event.start_mark
                container: Any = {} if cls is MappingStartEvent else []
                child_marks: Any = {} if cls is MappingStartEvent else []
                attach(container, (start.line + 1, start.column + 1), event)
                marks[id(container)] = child_marks
                stack.append([container, child_marks, no_key])
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                stack.pop()
            elif cls is AliasEvent:
                raise fail(f"aliases (*{event.anchor}) are not allowed; write values out", event)
            elif cls is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise fail("holds more than one YAML document; keep one per file", event)
    except yaml.MarkedYAMLError as error:
        mark_ = error.problem_mark or error.context_mark
        line = mark_.line + 1 if mark_ else 1
        column = mark_.column + 1 if mark_ else 1
        reason = error.problem or error.context or "cannot be parsed"
        raise LoadError.single(
            name, f"is not valid YAML: {reason}", line=line, column=column
        ) from None
    except yaml.YAMLError as error:
        raise LoadError.single(name, f"is not valid YAML: {error}") from None
    if not has_root or root is None:
        raise LoadError.single(name, "is empty; expected a YAML mapping")
    return Document(name=name, data=root, marks=marks)
