"""Provides :class:`QuestionCommands`: the command palette jumps to any question or control."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from compliance.tui.safe import clean
from compliance.tui.strings import tr

if TYPE_CHECKING:
    from compliance.tui.session import Item

__all__ = ["QuestionCommands", "QuestionScreen"]


@runtime_checkable
class QuestionScreen(Protocol):
    """A screen that shows questions one at a time (the assessment screen)."""

    @property
    def lang(self) -> str: ...

    @property
    def items(self) -> Sequence[Item]: ...

    async def jump_to(self, question_id: str) -> None:
        """Shows the question and puts the focus on its card."""


class QuestionCommands(Provider):
    """Every question that applies and every control, searchable by id and text."""

    def _targets(self) -> list[tuple[str, str, str]]:
        """``(search text, question id to show, help)`` for each question and control."""
        screen = self.screen
        if not isinstance(screen, QuestionScreen):
            return []
        lang = screen.lang
        targets: list[tuple[str, str, str]] = []
        seen: set[str] = set()
        for item in screen.items:
            control = item.control
            if control is not None and control.id not in seen:
                seen.add(control.id)
                title = clean(f"{control.id} {control.title.get(lang)}")
                targets.append((title, item.id, tr("cmd.control", lang)))
            text = clean(f"{item.id} {item.question.text.get(lang)}")
            targets.append((text, item.id, tr("cmd.question", lang)))
        return targets

    async def search(self, query: str) -> Hits:
        """Hits for ``query`` among the questions and controls."""
        matcher = self.matcher(query)
        screen = self.screen
        for text, question_id, help_text in self._targets():
            found = matcher.match(text)
            if found > 0:
                yield Hit(
                    found,
                    matcher.highlight(escape(text)),
                    partial(self._go, screen, question_id),
                    help=help_text,
                )

    async def discover(self) -> Hits:
        """The first questions, shown before anything is typed."""
        screen = self.screen
        for text, question_id, help_text in self._targets()[:30]:
            yield DiscoveryHit(escape(text), partial(self._go, screen, question_id), help=help_text)

    @staticmethod
    async def _go(screen: object, question_id: str) -> None:
        if isinstance(screen, QuestionScreen):
            await screen.jump_to(question_id)
