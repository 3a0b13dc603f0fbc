"""Provides canonical JSON and the digest built on it.

The canonical form of a model is its JSON dump (decimals as strings, fields by alias, absent values
left out) with sorted keys and no insignificant whitespace, in UTF-8. The digest of a questionnaire
is the SHA-256 of that form: listings, assessment files, signed bundles and the registry of
published versions all use this one digest.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel

__all__ = ["canonical_bytes", "canonical_json", "digest"]


def canonical_json(value: Any) -> bytes:
    """Canonical JSON bytes of plain JSON-compatible data."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def canonical_bytes(model: BaseModel) -> bytes:
    """Canonical JSON bytes of a model."""
    return canonical_json(model.model_dump(mode="json", exclude_none=True, by_alias=True))


def digest(model: BaseModel) -> str:
    """The SHA-256 of the model's canonical JSON, as 64 hex digits."""
    return hashlib.sha256(canonical_bytes(model)).hexdigest()
