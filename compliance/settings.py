"""Provides the user's settings: what the terminal UI remembers between runs.

One small JSON object in the user config folder (``COMPLIANCE_CONFIG_DIR`` overrides it, see
:func:`compliance.paths.config_dir`), ``settings.json``::

    {"lang": "fr", "theme": "textual-light", "signing_key": "/home/me/Documents/keys/DPO.key"}

Reading never stops the program: a missing file gives the defaults, and a file that cannot be read
or is not what it should be gives the defaults and a sentence saying why (the UI shows it once).
Unknown entries are kept as they are when the file is written again, so an older version of the
tool never erases what a newer one remembers. Writing is atomic (never half a file).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compliance.errors import ComplianceError, OutputError
from compliance.languages import LANGUAGES

__all__ = ["LANGUAGES", "THEMES", "Settings", "load_settings", "save_settings", "settings_path"]

THEMES = ("textual-dark", "textual-light")
_MAX_BYTES = 64 * 1024
_FILE = "settings.json"


@dataclass(frozen=True, slots=True)
class Settings:
    """What is remembered; None where nothing is."""

    lang: str | None = None
    """The interface language, one of :data:`compliance.languages.LANGUAGES`."""
    theme: str | None = None
    """The colour theme, one of :data:`THEMES`."""
    signing_key: str | None = None
    """The private key file last made or used to sign, offered first the next time."""
    problem: str | None = None
    """Why the file was not read (the defaults stand in), or None."""


def settings_path() -> Path:
    """Where the settings are kept."""
    from compliance.paths import config_dir

    return config_dir() / _FILE


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise ValueError("a setting is given twice")
    return found


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _read(path: Path) -> dict[str, Any]:
    """The settings file as a dict; {} when there is none; ValueError or OSError when bad."""
    from compliance.files import read_limited

    if not path.exists():
        return {}
    try:
        data = read_limited(path, "settings file", max_bytes=_MAX_BYTES)
    except ComplianceError as error:
        raise ValueError(str(error)) from None
    found = json.loads(data.decode("utf-8"), object_pairs_hook=_pairs, parse_constant=_no_constant)
    if not isinstance(found, dict):
        raise ValueError("it is not a JSON object")
    return found


def load_settings() -> Settings:
    """The remembered settings (never raises: see the module's docstring)."""
    path = settings_path()
    try:
        found = _read(path)
    except (ValueError, OSError, RecursionError) as error:
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        return Settings(
            problem=f"the settings file {path} was not read ({reason}); the defaults are used "
            "and it will be rewritten when a setting changes"
        )
    lang = found.get("lang")
    theme = found.get("theme")
    key = found.get("signing_key")
    return Settings(
        lang=lang if lang in LANGUAGES else None,
        theme=theme if theme in THEMES else None,
        signing_key=key if isinstance(key, str) and key else None,
    )


def save_settings(**changes: str | None) -> None:
    """Remembers ``changes`` (``lang``, ``theme``, ``signing_key``; None forgets one), keeping
    every other entry of the file. Raises :class:`OutputError` when it cannot be written."""
    unknown = set(changes) - {"lang", "theme", "signing_key"}
    if unknown:
        raise ValueError(f"unknown settings: {sorted(unknown)}")
    from compliance.files import write_atomically

    path = settings_path()
    try:
        current = _read(path)
    except (ValueError, OSError, RecursionError):
        current = {}  # a bad file is replaced by a good one
    for name, value in changes.items():
        if value is None:
            current.pop(name, None)
        else:
            current[name] = value
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(
            f"cannot create the settings folder {path.parent}: {error.strerror or error}"
        ) from None
    text = json.dumps(current, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    write_atomically(path, text.encode("utf-8"), mode=0o600)
