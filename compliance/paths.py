"""Provides where things live: bundled data, and the user's data, cache and config folders.

The bundled ``questionnaires/`` and ``report_templates/`` folders sit beside the package in a
checkout and inside it (``compliance/_data/``) in an installed wheel. An editable install does not
expose the bundled copy, so both places are looked at, installed copy first.

Each user folder can be moved with an environment variable, which the tests use to stay out of the
real home directory.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "cache_dir",
    "config_dir",
    "data_dir",
    "documents_dir",
    "in_folder",
    "published_dir",
    "questionnaires_dir",
    "report_templates_dir",
    "user_questionnaires_dir",
]

_APP = "compliance"
_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE_DIR.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"the bundled folder {name!r} is missing from this installation "
        f"(looked in {installed} and {checkout}); reinstall the package"
    )


def questionnaires_dir() -> Path:
    """The bundled questionnaires (one folder each) and their reference data."""
    return _bundled("questionnaires")


def published_dir() -> Path:
    """The registry of published questionnaires and reference sets, shipped inside the package."""
    return _PACKAGE_DIR / "signing" / "published"


def report_templates_dir() -> Path:
    """The bundled Jinja report templates."""
    return _bundled("report_templates")


def _user_dir(env: str, kind: str) -> Path:
    override = os.environ.get(env)
    if override:
        return Path(override).expanduser()
    import platformdirs

    getter = {
        "data": platformdirs.user_data_dir,
        "cache": platformdirs.user_cache_dir,
        "config": platformdirs.user_config_dir,
    }[kind]
    return Path(getter(_APP, appauthor=False))


def data_dir() -> Path:
    """The user's data folder (``COMPLIANCE_DATA_DIR`` overrides it)."""
    return _user_dir("COMPLIANCE_DATA_DIR", "data")


def cache_dir() -> Path:
    """The user's cache folder (``COMPLIANCE_CACHE_DIR`` overrides it)."""
    return _user_dir("COMPLIANCE_CACHE_DIR", "cache")


def config_dir() -> Path:
    """The user's config folder (``COMPLIANCE_CONFIG_DIR`` overrides it)."""
    return _user_dir("COMPLIANCE_CONFIG_DIR", "config")


def user_questionnaires_dir() -> Path:
    """Where a user puts questionnaires of their own, listed beside the bundled ones."""
    override = os.environ.get("COMPLIANCE_QUESTIONNAIRES")
    if override:
        return Path(override).expanduser()
    return data_dir() / "questionnaires"


def documents_dir() -> Path:
    """Where files the user asks for (reports, exports, keys) are offered by default.

    ``COMPLIANCE_DOCUMENTS_DIR`` overrides it; else the user's documents folder (platformdirs:
    ``~/Documents`` or its localised name); else, when that does not exist (a server reached over
    ssh often has none), the home folder, so the default is always a folder that exists.
    """
    override = os.environ.get("COMPLIANCE_DOCUMENTS_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def in_folder(folder: Path, typed: str) -> Path:
    """The file a user typed in a dialog that says files go to ``folder``: a bare name (or a
    relative path) is in ``folder``; ``~`` is the home folder; an absolute path is itself."""
    path = Path(typed.strip()).expanduser()
    return path if path.is_absolute() else folder / path
