"""Provides bindings whose descriptions follow the interface language.

A screen lists its keys once as :data:`KeySpec` tuples; :func:`bindings` makes the class
``BINDINGS`` in English and :func:`relabel` rewrites the descriptions in place when the language
changes, so the footer and the help screen always speak the user's language.
"""

from __future__ import annotations

import dataclasses
from typing import NamedTuple

from textual.binding import Binding
from textual.dom import DOMNode

from compliance.tui.strings import tr

__all__ = ["KeySpec", "bindings", "relabel"]


class KeySpec(NamedTuple):
    """A key of a screen, its description named by its catalogue key."""

    keys: str
    action: str
    text: str
    show: bool = True
    """Shown in the footer (every key is in the help screen)."""
    priority: bool = False
    """Checked before the focused widget (for keys an input or a tree would take)."""


def bindings(spec: list[KeySpec], lang: str = "en") -> list[Binding]:
    """The bindings of ``spec`` described in ``lang``."""
    return [
        Binding(key.keys, key.action, tr(key.text, lang), show=key.show, priority=key.priority)
        for key in spec
    ]


def relabel(node: DOMNode, spec: list[KeySpec], lang: str) -> None:
    """Rewrites the descriptions of ``node``'s bindings of ``spec`` in ``lang``."""
    described = {key.action: tr(key.text, lang) for key in spec}
    for key, found in node._bindings.key_to_bindings.items():
        node._bindings.key_to_bindings[key] = [
            dataclasses.replace(binding, description=described[binding.action])
            if binding.action in described
            else binding
            for binding in found
        ]
    node.refresh_bindings()
