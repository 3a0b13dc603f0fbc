"""Provides :func:`load_store` and :func:`load_domain`: heavy imports, one thread at a time.

Workers import the store (SQLAlchemy) and the domain (pydantic models, engine, catalogue) on first
use, off the UI thread. Two threads importing the same cycle of modules at once can see a module
half-initialised ("cannot import name ... from partially initialized module"), so every worker
goes through these functions, which import under one lock; after the first call they cost nothing.
"""

from __future__ import annotations

import importlib
import threading

__all__ = ["load_domain", "load_store"]

_LOCK = threading.RLock()
_STORE = ("compliance.store.workspace", "compliance.store.clients")
_DOMAIN = (
    "compliance.model.questionnaire",
    "compliance.model.assessment",
    "compliance.catalog",
    "compliance.engine.scoring",
    "compliance.engine.validation",
    "compliance.store.assessments",
    "compliance.store.answers",
    "compliance.store.evidence",
    "compliance.store.flows",
    "compliance.store.scores",
    "compliance.store.transfer",
    "compliance.tui.session",
)
_done: set[str] = set()


def _load(names: tuple[str, ...]) -> None:
    if all(name in _done for name in names):
        return
    with _LOCK:
        for name in names:
            if name not in _done:
                importlib.import_module(name)
                _done.add(name)


def load_store() -> None:
    """Imports what opening the workspace and listing clients need (SQLAlchemy)."""
    _load(_STORE)


def load_domain() -> None:
    """Imports the store, the models, the engine and the catalogue."""
    _load(_STORE + _DOMAIN)
