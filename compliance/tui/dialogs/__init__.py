"""Provides the modal dialogs of the terminal UI (each imported on first use)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from compliance.tui.dialogs.answer_pack import PackDialog
    from compliance.tui.dialogs.audit import AuditDialog
    from compliance.tui.dialogs.choose import Choose
    from compliance.tui.dialogs.confirm import Confirm
    from compliance.tui.dialogs.conflict import ConflictDialog
    from compliance.tui.dialogs.file_picker import FilePicker
    from compliance.tui.dialogs.flow_form import FlowForm
    from compliance.tui.dialogs.help import HelpScreen
    from compliance.tui.dialogs.passphrase import NewPassphrase
    from compliance.tui.dialogs.prompt import Prompt
    from compliance.tui.dialogs.signing_keys import NewKey, UnlockKey
    from compliance.tui.dialogs.welcome import Welcome

_LAZY = {
    "AuditDialog": "compliance.tui.dialogs.audit",
    "Choose": "compliance.tui.dialogs.choose",
    "Confirm": "compliance.tui.dialogs.confirm",
    "ConflictDialog": "compliance.tui.dialogs.conflict",
    "FilePicker": "compliance.tui.dialogs.file_picker",
    "FlowForm": "compliance.tui.dialogs.flow_form",
    "HelpScreen": "compliance.tui.dialogs.help",
    "NewKey": "compliance.tui.dialogs.signing_keys",
    "NewPassphrase": "compliance.tui.dialogs.passphrase",
    "PackDialog": "compliance.tui.dialogs.answer_pack",
    "Prompt": "compliance.tui.dialogs.prompt",
    "UnlockKey": "compliance.tui.dialogs.signing_keys",
    "Welcome": "compliance.tui.dialogs.welcome",
}

__all__ = [
    "AuditDialog",
    "Choose",
    "Confirm",
    "ConflictDialog",
    "FilePicker",
    "FlowForm",
    "HelpScreen",
    "NewKey",
    "NewPassphrase",
    "PackDialog",
    "Prompt",
    "UnlockKey",
    "Welcome",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
