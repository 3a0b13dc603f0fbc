"""Provides :func:`print_json`: how every ``--json`` option prints (stable, sorted, UTF-8)."""

from __future__ import annotations

import json
import sys
from typing import Any

__all__ = ["print_json"]


def print_json(value: Any) -> None:
    """Prints ``value`` as indented JSON with sorted keys, so that equal data prints equally."""
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True))
    sys.stdout.write("\n")
