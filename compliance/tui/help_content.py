"""Provides what F1 shows: the keys of a screen grouped by task in plain words, and the signs.

The keys come from the screen's own bindings (its ``KEYS``, or a dialog's ``BINDINGS``) and the
app's, so a key added to a screen appears in its help; Textual's own bindings (focus, copy, the
palette's duplicate) are left out. Each key gets a plain description and a group from the curated
tables below; a key they do not know yet keeps its footer label and goes under "Everywhere" until
it is described.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from compliance.tui.strings import LANGUAGES, STRINGS, tr

__all__ = ["GROUPS", "Bound", "HelpGroup", "help_groups", "key_name", "screen_kind", "symbols"]

GROUPS = ("answer", "move", "flows", "workspace", "share", "review", "general")
"""The groups, in the order they are shown."""


@dataclass(frozen=True)
class Bound:
    """A binding as the help sees it: its keys (``"f6,x"``), action and footer label."""

    keys: str
    action: str
    label: str


@dataclass(frozen=True)
class HelpGroup:
    """One task and its keys, each as ``(keys as shown, what they do)``."""

    title: str
    rows: tuple[tuple[str, str], ...]


_ACTION_GROUP: dict[str, str] = {
    # moving around
    "back": "move",
    "leave": "move",
    "dismiss_view": "move",
    "cancel": "move",
    "close": "move",
    "next": "move",
    "previous": "move",
    "next_unanswered": "move",
    "jump": "move",
    "slash_jump": "move",
    "tree": "move",
    "parent": "move",
    "focus_path": "move",
    "toggle_hidden": "move",
    # answering
    "toggle_na": "answer",
    "comment": "answer",
    "evidence": "answer",
    # flows and results
    "flows": "flows",
    "results": "flows",
    "tia": "flows",
    # sharing and signing
    "report": "share",
    "sign": "share",
    "new_key": "share",
    "export": "share",
    "import": "share",
    "answer_pack": "share",
    "read_pack": "share",
    "open_html": "review",
    # reviewing bundles
    "review": "review",
    # the whole app
    "help": "general",
    "toggle_language": "general",
    "toggle_theme": "general",
    "quit": "general",
    "refresh": "general",
}
"""Which task an action serves, wherever it is bound."""

_SCREEN_GROUP: dict[str, str] = {
    "workspace": "workspace",
    "assessment": "answer",
    "flows": "flows",
    "results": "flows",
    "review": "review",
    "flowform": "flows",
    "tia": "flows",
}
"""Where a screen's other actions go (``delete`` on the flows screen deletes a flow)."""

_SCREEN_EXTRAS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "assessment": (("answer", "help.k.space_enter", "help.d.choose"),),
    "flows": (("flows", "help.k.arrows", "help.d.pick_flow"),),
    "flowform": (("answer", "help.k.space", "help.d.tick"),),
    "workspace": (("workspace", "help.k.arrows", "help.d.pick_row"),),
    "review": (("review", "help.k.arrows", "help.d.pick_bundle"),),
}
"""Keys a screen's widgets handle themselves, worth saying in words."""

_TEXTUAL_OWN = frozenset(
    {
        "focus_next",
        "focus_previous",
        "app.focus_next",
        "app.focus_previous",
        "copy_text",
        "screen.copy_text",
        "help_quit",
        "app.help_quit",
        "app.copy_text",
        "command_palette",
        "app.command_palette",
        "screenshot",
        "minimize",
        "maximize",
    }
)
"""Textual's built-in bindings: described once by the curated rows, never listed raw."""

_SYMBOLS: dict[str, tuple[str, ...]] = {
    "workspace": ("rating",),
    "assessment": ("tree", "rating"),
    "flows": ("status", "ticks"),
    "flowform": ("ticks",),
    "results": ("rating", "status", "plan"),
    "review": ("rating",),
}
"""The signs each screen shows; the help explains those first, then the others."""

_SYMBOL_ROWS: dict[str, tuple[tuple[str, str], ...]] = {
    "tree": (
        ("✓", "help.s.answered"),
        ("○", "help.s.unanswered"),
        ("–", "help.s.na"),
        ("✗", "help.s.draft"),
    ),
    "ticks": (
        ("?", "help.s.tick_unknown"),
        ("✓", "help.s.tick_yes"),
        ("help.s.blank", "help.s.tick_no"),
    ),
    "rating": (
        ("✓", "help.s.rating_top"),
        ("~", "help.s.rating_middle"),
        ("✗", "help.s.rating_bottom"),
    ),
    "status": (
        ("✓", "help.s.ready"),
        ("~", "help.s.conditional"),
        ("✗", "help.s.not_ready"),
        ("⛔", "help.s.blocked"),
    ),
    "plan": (
        ("!", "help.s.caps"),
        ("*", "help.s.critical"),
        ("⚠", "help.s.warning"),
    ),
}

_KEY_NAMES: dict[str, tuple[str, str, str]] = {
    "escape": ("Esc", "Échap", "Esc"),
    "enter": ("Enter", "Entrée", "إدخال"),
    "space": ("Space", "Espace", "مسافة"),
    "delete": ("Del", "Suppr", "Del"),
    "backspace": ("Backspace", "Retour arrière", "Backspace"),
    "pagedown": ("PgDn", "Pg suiv", "PgDn"),
    "pageup": ("PgUp", "Pg préc", "PgUp"),
    "tab": ("Tab", "Tab", "Tab"),
    "slash": ("/", "/", "/"),
    "question_mark": ("?", "?", "?"),
    "full_stop": (".", ".", "."),
    "up": ("↑", "↑", "↑"),
    "down": ("↓", "↓", "↓"),
}
"""Keys as the help names them, in the order of :data:`~compliance.tui.strings.LANGUAGES`. Arabic
keeps the caps a keyboard prints (Esc, Del, Tab) and names in words only Enter and Space."""


def key_name(key: str, lang: str) -> str:
    """``ctrl+n`` as ``Ctrl+N``, ``escape`` as ``Esc`` (``Échap`` in French), ``f1`` as ``F1``."""
    parts = key.split("+")
    shown = []
    for part in parts[:-1]:
        shown.append(part.capitalize())
    last = parts[-1]
    if last in _KEY_NAMES:
        shown.append(_KEY_NAMES[last][LANGUAGES.index(lang) if lang in LANGUAGES else 0])
    elif re.fullmatch(r"f\d{1,2}", last) or (len(last) == 1 and len(parts) > 1):
        shown.append(last.upper())
    else:
        shown.append(last)
    return "+".join(shown)


def screen_kind(class_name: str) -> str:
    """``AssessmentScreen`` as ``assessment``, ``FlowForm`` as ``flowform``."""
    return class_name.removesuffix("Screen").lower() or "app"


def _base(action: str) -> str:
    """``next(True)`` as ``next``, ``app.quit`` as ``quit``."""
    return action.split("(", 1)[0].removeprefix("app.")


def _describe(action: str, label: str, lang: str) -> str:
    key = f"help.d.{action}"
    return tr(key, lang) if key in STRINGS else label


def help_groups(
    screen: list[Bound], app: list[Bound], kind: str, lang: str, *, palette: bool = True
) -> list[HelpGroup]:
    """The screen's keys then the app's, grouped by task, each key once.

    Keys of one action (``PgDn`` and ``n`` both go to the next question) share a row, written
    ``PgDn, n``.
    """
    rows: dict[str, list[tuple[str, str]]] = {group: [] for group in GROUPS}
    index: dict[tuple[str, str], int] = {}
    for owner, bound in (("screen", screen), ("app", app)):
        for item in bound:
            action = _base(item.action)
            if item.action in _TEXTUAL_OWN:
                continue
            default = _SCREEN_GROUP.get(kind, "general") if owner == "screen" else "general"
            group = _ACTION_GROUP.get(action, default)
            text = _describe(action, item.label, lang)
            keys = [key_name(k.strip(), lang) for k in item.keys.split(",") if k.strip()]
            place = (group, text)
            if place in index:
                known_keys, known_text = rows[group][index[place]]
                merged = known_keys.split(", ") + keys
                rows[group][index[place]] = (", ".join(dict.fromkeys(merged)), known_text)
                continue
            index[place] = len(rows[group])
            rows[group].append((", ".join(dict.fromkeys(keys)), text))
    for group, keys_key, text_key in _SCREEN_EXTRAS.get(kind, ()):
        rows[group].insert(0, (tr(keys_key, lang), tr(text_key, lang)))
    rows["move"].append((tr("help.k.tab", lang), tr("help.d.tab", lang)))
    if palette:
        what = "help.d.palette_questions" if kind == "assessment" else "help.d.palette"
        rows["general"].append(("Ctrl+P", tr(what, lang)))
    return [
        HelpGroup(tr(f"help.g.{group}", lang), tuple(rows[group]))
        for group in GROUPS
        if rows[group]
    ]


def symbols(kind: str, lang: str) -> list[HelpGroup]:
    """The signs the interface uses, those of screen ``kind`` first, each set with its title."""
    first = _SYMBOLS.get(kind, ())
    order = list(first) + [name for name in _SYMBOL_ROWS if name not in first]
    groups = []
    for name in order:
        rows = tuple(
            (tr(sign, lang) if sign.startswith("help.") else sign, tr(meaning, lang))
            for sign, meaning in _SYMBOL_ROWS[name]
        )
        groups.append(HelpGroup(tr(f"help.sg.{name}", lang), rows))
    return groups
