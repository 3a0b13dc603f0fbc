"""Provides the cache of validated questionnaires: JSON files in the user cache folder, keyed by
the SHA-256 of the questionnaire's bytes, of the reference data and of the toolkit version, and
a memo of the ones loaded in this process.

The cache is a speed-up only: a missing or damaged entry is rebuilt, and one that cannot be
written is skipped.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import ValidationError

from compliance import __version__
from compliance.errors import OutputError
from compliance.files import write_atomically
from compliance.loader.reference import reference_fingerprint
from compliance.model.questionnaire import Questionnaire

__all__ = ["cache_key", "clear_memo", "recall", "remember"]

_CACHE_FORMAT = "2"
"""Bumped when the checks change: an entry cached before a new check must not let a file skip it."""
_memo: dict[str, Questionnaire] = {}


def cache_key(data: bytes, reference_dir: Path) -> str:
    """The key of a questionnaire's bytes loaded with the reference data of ``reference_dir``."""
    key_hash = hashlib.sha256()
    for part in (_CACHE_FORMAT.encode(), __version__.encode(), data):
        key_hash.update(part)
        key_hash.update(b"\0")
    key_hash.update(reference_fingerprint(reference_dir))
    return key_hash.hexdigest()


def recall(key: str) -> Questionnaire | None:
    """The questionnaire cached under ``key``, from memory or disk, or None."""
    cached = _memo.get(key) or _read_cache(key)
    if cached is not None:
        _memo[key] = cached
    return cached


def remember(key: str, questionnaire: Questionnaire) -> None:
    """Caches ``questionnaire`` under ``key``, in memory and on disk."""
    _write_cache(key, questionnaire)
    _memo[key] = questionnaire


def clear_memo() -> None:
    """Forgets the questionnaires loaded in this process (the disk cache stays)."""
    _memo.clear()


def _cache_path(key: str) -> Path:
    from compliance.paths import cache_dir

    return cache_dir() / "questionnaires" / f"{key}.json"


def _read_cache(key: str) -> Questionnaire | None:
    path = _cache_path(key)
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    try:
        return Questionnaire.model_validate_json(raw)
    except ValidationError:
        return None


def _write_cache(key: str, questionnaire: Questionnaire) -> None:
    path = _cache_path(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, questionnaire.model_dump_json(exclude_none=True).encode())
    except (OSError, OutputError):
        return  # a cache that cannot be written only costs speed
