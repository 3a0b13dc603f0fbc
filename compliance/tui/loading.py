"""Provides :func:`load_store` and :func:`load_domain`: heavy imports, one thread at a time.

Workers import the store (SQLAlchemy) and the domain (pydantic models, engine, catalogue) on first
use, off the UI thread. Two threads importing the same cycle of modules at once can see a module
half-initialised ("cannot import name ... from partially initialized module"), so every worker
goes through these functions, which import under one lock; after the first call they cost nothing.
"""

from __future__ import annotations

import gc
import importlib
import threading

__all__ = ["load_domain", "load_store", "pause_collection", "resume_collection"]

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
        _settle_after_import()


def load_store() -> None:
    """Imports what opening the workspace and listing clients need (SQLAlchemy)."""
    _load(_STORE)


def load_domain() -> None:
    """Imports the store, the models, the engine and the catalogue."""
    _load(_STORE + _DOMAIN)


# --- the garbage collector during start-up -----------------------------------------------------


class _StartUp:
    """Whether :func:`pause_collection` paused the collector for this process's start-up."""

    paused = False


def pause_collection() -> None:
    """Pauses the cyclic garbage collector for the start-up (the CLI calls it before importing).

    Starting the UI imports several hundred modules and builds the first screen: hundreds of
    thousands of objects, nearly all of which live as long as the program. The collector, run on
    allocation counts, would walk them again and again (about 40 ms of a 300 ms start-up on the
    project's machine). :func:`resume_collection` turns it back on after the first frame.
    """
    _StartUp.paused = True
    gc.disable()


def resume_collection() -> None:
    """After the first frame: freezes what start-up built (never garbage) and collects again.

    Does nothing unless :func:`pause_collection` paused it (tests and embedders are left alone).
    """
    if _StartUp.paused and not gc.isenabled():
        gc.freeze()
        gc.enable()


def _settle_after_import() -> None:
    """Moves what a heavy import built out of the collector's way (in the paused start-up mode).

    Modules, classes and the catalogue are permanent: freezing them keeps every later full
    collection from walking them while the user types.
    """
    if _StartUp.paused:
        gc.freeze()
