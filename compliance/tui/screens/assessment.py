"""Provides :class:`AssessmentScreen`: the profile, then every domain, one question at a time.

The tree on the left shows the domains with their progress; the card on the right shows the
question. Every answer is checked and saved through the session at once (the status line says
"saved"); questions appear and disappear in the tree as conditions change; scoring runs later, in
the app's debounced worker.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static, Tree
from textual.widgets.tree import TreeNode

from compliance.errors import ComplianceError, WorkspaceConflict
from compliance.model.questionnaire import DateQuestion
from compliance.model.result import Result
from compliance.tui.commands import QuestionCommands
from compliance.tui.format import number, percent, rating_text
from compliance.tui.keys import KeySpec, bindings
from compliance.tui.loading import load_domain
from compliance.tui.safe import clean, plain
from compliance.tui.screens.base import BaseScreen
from compliance.tui.session import Item, Session
from compliance.tui.strings import tr
from compliance.tui.widgets.key_footer import KeyFooter
from compliance.tui.widgets.question_card import JumpWanted, QuestionCard
from compliance.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from compliance.exchange.unpack import UnpackReport
    from compliance.tui.dialogs.answer_pack import PackChoice

__all__ = ["COMMENT_RETRY", "AssessmentScreen"]

COMMENT_RETRY = 3.0
"""Seconds before a comment whose save failed is tried again."""
MAX_PROBLEMS_SHOWN = 30
"""Problems of an answer pack listed on screen (the rest are summed up)."""

NodeData = tuple[str, str]
"""``(kind, id)`` with kind ``profile``, ``domain``, ``control`` or ``question``."""


def _ids_by_domain(items: list[Item]) -> dict[str | None, list[str]]:
    """The question ids of each domain (None: the profile), domains in order."""
    found: dict[str | None, list[str]] = {}
    for item in items:
        found.setdefault(None if item.domain is None else item.domain.id, []).append(item.id)
    return found


def _under(node: TreeNode[NodeData], ancestor: TreeNode[NodeData]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.parent
    return False


class AssessmentScreen(BaseScreen):
    """One assessment being answered."""

    CSS_PATH = "assessment.tcss"

    COMMANDS = BaseScreen.COMMANDS | {QuestionCommands}
    KEYS: ClassVar[list[KeySpec]] = [
        KeySpec("escape", "back", "key.back", True),
        KeySpec("pagedown", "next", "key.next", True, priority=True),
        KeySpec("pageup", "previous", "key.previous", False, priority=True),
        KeySpec("ctrl+n", "next_unanswered", "key.unanswered", True, priority=True),
        # before F4/F5: when the footer is too narrow (French at 80 columns) the last go first
        KeySpec("ctrl+f", "jump", "key.jump", True, priority=True),
        KeySpec("n", "next(True)", "key.next", False),
        KeySpec("p", "previous(True)", "key.previous", False),
        KeySpec("u", "next_unanswered(True)", "key.unanswered", False),
        KeySpec("f4", "flows", "key.flows", True),
        KeySpec("f5", "results", "key.results", True),
        KeySpec("f", "flows", "key.flows", False),
        KeySpec("r", "results", "key.results", False),
        KeySpec("f6,x", "toggle_na", "key.na", False),
        KeySpec("f7,c", "comment", "key.comment", False),
        KeySpec("f8,e", "evidence", "key.evidence", False),
        KeySpec("t", "tree", "key.tree", False),
        KeySpec("f9,w", "answer_pack", "key.pack", False),
        KeySpec("f10,i", "read_pack", "key.unpack", False),
        KeySpec("slash", "slash_jump", "key.jump", False),
    ]
    BINDINGS: ClassVar[list[BindingType]] = list(bindings(KEYS))

    class Opened(Message):
        """The assessment is on screen: tree built, first question shown."""

    def __init__(self) -> None:
        super().__init__(id="assessment")
        self.session: Session = self.open_session()
        self.items: list[Item] = []
        self.current: str | None = None
        """The id of the question on the card."""
        self.saved: str = ""
        self.evidence_folder: str | None = None
        """The folder of the last evidence file picked, where the next pick starts."""
        self.saving = 0
        """Store writes under way (in workers)."""
        self._slow: Timer | None = None
        self.unsaved_comments: dict[str, str] = {}
        """Comments whose save failed, by question id: kept, shown as not saved, retried."""
        self.drafts: dict[str, tuple[str, str]] = {}
        """Typed answers that could not be saved, by question id: ``(text, why)``. Kept in the
        field with the reason until fixed or Escape restores the saved value, marked ✗ in the
        tree, and never dropped by moving on."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="as-status", classes="status")
        with Horizontal(id="as-body"):
            yield Tree[NodeData]("", id="as-tree")
            yield QuestionCard(id="card")
        yield KeyFooter()

    async def on_mount(self) -> None:
        self.query_one("#as-tree", Tree).show_root = False
        self.items = list(self.session.items())
        self._build_tree()
        first = next((i for i in self.items if not self.session.answered(i)), None)
        target = first or (self.items[0] if self.items else None)
        if target is not None:
            await self.goto(target.id)
        self._status()
        self.watch(self.app, "result", self._result_changed, init=False)
        self.post_message(self.Opened())
        self.call_after_refresh(self.capp.rescore, now=True)

    # --- the tree -------------------------------------------------------------------------

    def _mark(self, item: Item) -> str:
        if item.id in self.drafts:
            return "✗"
        value = self.session.value(item)
        if value is None:
            return "○"
        return "–" if value == "na" else "✓"

    def _question_label(self, item: Item) -> Text:
        text = Text(f"{self._mark(item)} ")
        text.append(plain(item.question.text.get(self.lang)))
        return text

    def _build_tree(self) -> None:
        """Builds the profile and domain nodes; a domain's questions are added when it opens."""
        tree: Tree[NodeData] = self.query_one("#as-tree", Tree)
        tree.clear()
        self.nodes: dict[str, TreeNode[NodeData]] = {}
        self.domain_nodes: dict[str | None, TreeNode[NodeData]] = {}
        self.filled: set[str | None] = set()
        progress = self.session.progress(self.items)
        for item in self.items:
            key = None if item.domain is None else item.domain.id
            if key in self.domain_nodes:
                continue
            kind = "profile" if key is None else "domain"
            node = tree.root.add(self._domain_label(key, progress), data=(kind, key or ""))
            node.allow_expand = True
            self.domain_nodes[key] = node

    def _fill(self, key: str | None) -> None:
        """Adds the controls and questions of a domain (or the profile) to its node, once."""
        if key in self.filled or key not in self.domain_nodes:
            return
        self.filled.add(key)
        node = self.domain_nodes[key]
        controls: dict[str, TreeNode[NodeData]] = {}
        for item in self.items:
            if (None if item.domain is None else item.domain.id) != key:
                continue
            parent = node
            if item.control is not None:
                parent = controls.get(item.control.id) or node.add(
                    plain(f"{item.control.id} {item.control.title.get(self.lang)}"),
                    data=("control", item.control.id),
                    expand=True,
                )
                controls[item.control.id] = parent
            self.nodes[item.id] = parent.add_leaf(
                self._question_label(item), data=("question", item.id)
            )

    @on(Tree.NodeExpanded, "#as-tree")
    def _expanded(self, event: Tree.NodeExpanded[NodeData]) -> None:
        data = event.node.data
        if data is not None and data[0] in ("profile", "domain"):
            self._fill(data[1] or None)

    def _domain_label(
        self, domain_id: str | None, progress: dict[str | None, tuple[int, int]]
    ) -> Text:
        done, total = progress.get(domain_id, (0, 0))
        if domain_id is None:
            title = tr("as.profile", self.lang)
        else:
            domain = next(d for d in self.session.questionnaire.domains if d.id == domain_id)
            title = domain.title.get(self.lang)
        text = plain(title, style="bold")
        text.append(f" {done}/{total}", style="bold green" if done == total else "")
        if done == total:
            text.append(" ✓")
        return text

    def _refresh_labels(self, item: Item) -> None:
        """Redraws the answered item's mark and its own domain's count (the others are as
        they were: an answer that changes what applies rebuilds the tree instead)."""
        node = self.nodes.get(item.id)
        if node is not None:
            node.set_label(self._question_label(item))
        key = None if item.domain is None else item.domain.id
        domain_node = self.domain_nodes.get(key)
        if domain_node is not None:
            progress = self.session.progress(self._in_domain(key))
            domain_node.set_label(self._domain_label(key, progress))

    def _expand_to(self, question_id: str) -> None:
        item = self.item(question_id)
        if item is not None:
            self._fill(None if item.domain is None else item.domain.id)
        node = self.nodes.get(question_id)
        if node is None:
            return
        for domain_node in self.domain_nodes.values():
            if domain_node is not node.parent and (
                node.parent is None or domain_node is not node.parent.parent
            ):
                domain_node.collapse()
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        tree: Tree[NodeData] = self.query_one("#as-tree", Tree)
        # A node just added or expanded has no line until the tree is laid out again: moving
        # the cursor now would put it on the first line (the profile) instead.
        tree.call_after_refresh(tree.move_cursor, node, animate=False)

    @on(Tree.NodeSelected, "#as-tree")
    async def _node_selected(self, event: Tree.NodeSelected[NodeData]) -> None:
        data = event.node.data
        if data is None:
            return
        kind, key = data
        if kind == "question":
            await self.goto(key)
        elif kind == "control":
            first = next((i for i in self.items if i.control and i.control.id == key), None)
            if first is not None:
                await self.goto(first.id)

    # --- moving ---------------------------------------------------------------------------

    def item(self, question_id: str | None) -> Item | None:
        """The applicable item with this id."""
        return next((i for i in self.items if i.id == question_id), None)

    async def goto(self, question_id: str, *, stay_in_tree: bool = False) -> None:
        """Shows a question on the card (it must apply) and puts the focus on its answer, so
        the next key answers it; ``stay_in_tree`` keeps the focus in the tree when it is there
        (the letter keys n, p and u pressed in the tree, and redraws)."""
        item = self.item(question_id)
        if item is None:
            return
        left = self.current
        if left is not None and left != item.id and left in self.drafts:
            self._say_draft_kept(left)
        self.current = item.id
        position, total = self._number(item)
        card = self.query_one(QuestionCard)
        tree = self.query_one("#as-tree", Tree)
        keep_tree = stay_in_tree and tree.has_focus
        draft, problem = self.drafts.get(item.id, (None, None))
        await card.show(
            self.session,
            item,
            lang=self.lang,
            position=position,
            total=total,
            applicable=sum(1 for i in self.items if not i.profile),
            draft=draft,
            problem=problem,
        )
        self._expand_to(item.id)
        if not keep_tree:
            card.focus_answer()

    @cached_property
    def _numbers(self) -> dict[str, int]:
        """Each question's number in the questionnaire: the profile's from 1, then the domains'
        from 1 (the questionnaire chooser and ``compliance questionnaires`` count the latter)."""
        questionnaire = self.session.questionnaire
        numbers = {q.id: n for n, q in enumerate(questionnaire.profile.questions, 1)}
        for n, (_, _, question) in enumerate(questionnaire.iter_questions(), 1):
            numbers[question.id] = n
        return numbers

    def _number(self, item: Item) -> tuple[int, int]:
        """``(number, total)`` of an item: stable whatever the answers (the questions that
        apply now are counted apart)."""
        questionnaire = self.session.questionnaire
        if item.profile:
            return self._numbers[item.id], len(questionnaire.profile.questions)
        return self._numbers[item.id], questionnaire.question_count

    def _index(self) -> int:
        item = self.item(self.current)
        return self.items.index(item) if item is not None else -1

    async def action_next(self, stay_in_tree: bool = False) -> None:
        """Shows the next question that applies."""
        index = self._index()
        if index + 1 < len(self.items):
            await self.goto(self.items[index + 1].id, stay_in_tree=stay_in_tree)

    async def action_previous(self, stay_in_tree: bool = False) -> None:
        """Shows the previous question that applies."""
        index = self._index()
        if index > 0:
            await self.goto(self.items[index - 1].id, stay_in_tree=stay_in_tree)

    async def action_next_unanswered(self, stay_in_tree: bool = False) -> None:
        """Shows the next question without an answer (wrapping around)."""
        index = self._index()
        order = self.items[index + 1 :] + self.items[: index + 1]
        found = next((i for i in order if not self.session.answered(i)), None)
        if found is None:
            self.notify(tr("as.all_answered", self.lang))
            return
        if self.items.index(found) <= index:  # past the last question: from the start again
            self.notify(tr("as.wrapped", self.lang, id=found.id), timeout=4)
        await self.goto(found.id, stay_in_tree=stay_in_tree)

    def action_jump(self) -> None:
        """Opens the jump (the command palette of questions and controls)."""
        self.app.action_command_palette()

    def action_slash_jump(self) -> None:
        """``/`` where it types nothing (the options, the tree) opens the jump; a field that
        holds text takes it as a slash (12/03/2024, "24/7"), an empty answer or comment field
        asks for the jump itself (:class:`JumpWanted`); Ctrl+F jumps from everywhere."""
        self.action_jump()

    @on(JumpWanted)
    def _jump_wanted(self, event: JumpWanted) -> None:
        event.stop()
        self.action_jump()

    async def jump_to(self, question_id: str) -> None:
        """Shows the question and puts the focus on its answer (the command palette's jump)."""
        await self.goto(question_id)

    def on_screen_resume(self) -> None:
        """Back on this screen (from results, flows, a dialog): the focus goes to the answer,
        never left in a comment or another field where typed keys would land unseen (the tree
        keeps it)."""
        self.call_after_refresh(self._refocus)

    def _refocus(self) -> None:
        if not self.is_attached or not self.query("#q-answer"):
            return
        if not self.query_one("#as-tree", Tree).has_focus:
            self.query_one(QuestionCard).focus_answer()

    def action_back(self) -> None:
        """Puts back the saved value of a field holding text that could not be saved;
        otherwise returns to the workspace (asking first when typed answers are unsaved)."""
        if self.current in self.drafts:
            self.restore_saved()
            return
        if self.drafts:
            from compliance.tui.dialogs import Confirm

            ids = ", ".join(self.drafts)
            self.app.push_screen(
                Confirm(tr("as.leave_drafts", self.lang, ids=ids), lang=self.lang),
                self._leave_anyway,
            )
            return
        self._leave()

    def _leave_anyway(self, yes: bool | None) -> None:
        if yes:
            self._leave()
        else:
            first = next(iter(self.drafts))
            self.call_later(self.goto, first)

    def _leave(self) -> None:
        self.capp.close_session()
        self.dismiss()

    def restore_saved(self) -> None:
        """Drops the unsaved text of the current question and shows its saved value again."""
        if self.current is None or self.drafts.pop(self.current, None) is None:
            return
        item = self.item(self.current)
        if item is not None:
            self._refresh_labels(item)
        self.saved = tr("as.restored", self.lang)
        self._status()
        self.call_after_refresh(self._redraw_card)

    def _say_draft_kept(self, question_id: str) -> None:
        text, why = self.drafts[question_id]
        self.notify(
            tr("as.draft_kept", self.lang, id=question_id, text=text, why=why),
            severity="warning",
            markup=False,
            timeout=8,
        )

    def action_flows(self) -> None:
        """Opens the data-flows screen."""
        self.capp.show("flows")

    def action_results(self) -> None:
        """Opens the results screen."""
        self.capp.show("results")

    def action_tree(self) -> None:
        """Moves the focus to the tree."""
        self.query_one("#as-tree", Tree).focus()

    def action_comment(self) -> None:
        """Moves the focus to the comment box."""
        found = self.query("#q-comment")
        if found:
            found.first().focus()

    def action_toggle_na(self) -> None:
        """Answers N/A (or takes it back) where the question allows it."""
        item = self.item(self.current)
        if item is None:
            return
        if not item.question.allow_na:
            self.notify(tr("as.na_not_allowed", self.lang))
            return
        self.answer(item, None if self.session.value(item) == "na" else "na", redraw=True)

    # --- answering ------------------------------------------------------------------------

    @on(Input.Submitted, "#q-answer")
    async def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        item = self.item(self.current)
        card = self.query_one(QuestionCard)
        if item is not None and card.item is not None and card.item.id == item.id:
            # the text as it is now: its last change may not have reached the card yet
            value = card.parse(event.value)
            if value is not None and self.session.problem(item, value):
                self.answer(item, value, typed=event.value)
                self.app.bell()  # Enter never moves past a value it could not save
                self.notify(tr("as.fix_first", self.lang), severity="warning", timeout=6)
                return
        await self.action_next()

    @on(QuestionCard.Answered)
    def _answered(self, event: QuestionCard.Answered) -> None:
        event.stop()
        self.answer(event.item, event.value, typed=event.text)

    def answer(
        self,
        item: Item,
        value: Any,
        *,
        based_on: int | None = None,
        redraw: bool = False,
        typed: str | None = None,
    ) -> bool:
        """Checks an answer (None clears it) and saves it in a worker; False when it was
        refused before any save.

        The screen keeps answering keys while the store works; a save that waits longer than
        ``NOT_ANSWERING`` seconds is shown as such. When someone else changed the answer since it
        was read, nothing is saved and the conflict dialog offers theirs or mine."""
        card = self.query_one(QuestionCard)
        problem = None if value is None else self.session.problem(item, value)
        if problem:
            if isinstance(item.question, DateQuestion):  # the formats this screen reads
                problem = tr("as.bad_date", self.lang, text=str(value))
            shown = card.item is not None and card.item.id == item.id
            if shown:
                card.set_problem(problem)
                typed = card.typed() if typed is None else typed
            if typed is not None:
                self.drafts[item.id] = (typed, problem)
                self._refresh_labels(item)
                if not shown:  # typed just before moving on: kept, and said
                    self._say_draft_kept(item.id)
            self.saved = tr("as.saving_failed", self.lang)
            self._status()
            return False
        session = self.session
        self.in_background(
            lambda: session.write_answer(item, value, based_on=based_on),
            partial(self._answer_saved, item, value, redraw),
            partial(self._answer_failed, item, value),
        )
        return True

    def _answer_saved(self, item: Item, value: Any, redraw: bool) -> None:
        self.session.apply_answer(item, value)
        self.drafts.pop(item.id, None)
        if self.current == item.id:
            self.query_one(QuestionCard).set_problem(None)
        self.saved = tr("as.saved", self.lang) if value is not None else tr("as.unsaved", self.lang)
        self._after_change(item)
        if redraw:
            self.call_after_refresh(self._redraw_card)

    def _answer_failed(self, item: Item, value: Any, error: ComplianceError) -> None:
        self.saved = tr("as.saving_failed", self.lang)
        self._status()
        if isinstance(error, WorkspaceConflict):
            self._ask_conflict(error, {"value": value}, partial(self._resolve_answer, item, value))
            return
        if self.current == item.id:
            self.query_one(QuestionCard).set_problem(str(error))

    def show_not_answering(self) -> None:
        """The status line says the workspace is not answering while a save waits."""
        self.saved = tr("as.not_answering", self.lang)
        self._status()

    def _ask_conflict(
        self, conflict: WorkspaceConflict, mine: Any, resolve: Callable[[str, int], None]
    ) -> None:
        from compliance.tui.dialogs import ConflictDialog

        self.app.push_screen(
            ConflictDialog(conflict, mine, lang=self.lang),
            lambda choice: resolve(choice or "theirs", conflict.revision),
        )

    def _resolve_answer(self, item: Item, value: Any, choice: str, revision: int) -> None:
        if choice == "mine":
            self.answer(item, value, based_on=revision, redraw=True)
        else:
            self._keep_theirs(item.id)

    def _keep_theirs(self, question_id: str) -> None:
        session = self.session

        def kept() -> None:
            self.saved = tr("as.conflict_kept", self.lang)
            self.show_store_state()
            self.call_after_refresh(self._redraw_card)

        self.in_background(
            lambda: session.take_theirs(question_id),
            kept,
            lambda error: self.capp.error(str(error)),
        )

    def show_store_state(self) -> None:
        """Shows the session as it now is (after the store was re-read): what applies, the
        tree, the card and the status."""
        if not self.is_mounted or not self.query("#as-tree"):
            return  # not on screen yet: it shows the session as it is when it mounts
        self.items = list(self.session.items())
        self._build_tree()
        if self.current is not None and self.item(self.current) is None and self.items:
            self.current = self.items[0].id
        if self.current is not None:
            self._expand_to(self.current)
        self._status()
        card = self.query_one(QuestionCard)
        if not card.editing_comment() and not card.typing_answer():
            self.call_after_refresh(self._redraw_card)

    def _after_change(self, item: Item) -> None:
        if not self.session.affects_conditions(item):  # nothing can appear or disappear
            self._refresh_labels(item)
            self._status()
            self.capp.rescore()
            return
        items = list(self.session.items())
        before, after = _ids_by_domain(self.items), _ids_by_domain(items)
        self._announce_revealed(item, items)
        self.items = items
        if list(before) != list(after):  # a whole domain appeared or went: build it all again
            self._build_tree()
            if self.current is not None:
                self._expand_to(self.current)
        else:
            for key, ids in after.items():
                if ids != before[key]:
                    self._refill(key)
            self._refresh_labels(item)
        self._status()
        self.capp.rescore()

    def _announce_revealed(self, answered: Item, items: list[Item]) -> None:
        """Says which questions an answer made apply: how many come next, and which come
        before the question answered (they would be missed going forward)."""
        known = {i.id for i in self.items}
        new = [i for i in items if i.id not in known]
        if not new:
            return
        order = [i.id for i in items]
        here = order.index(answered.id) if answered.id in order else -1
        earlier = [i.id for i in new if order.index(i.id) < here]
        text = tr("as.revealed", self.lang, count=len(new))
        if earlier:
            text += " " + tr("as.revealed_earlier", self.lang, ids=", ".join(earlier[:5]))
        self.notify(text, markup=False, timeout=6)

    def _refill(self, key: str | None) -> None:
        """Shows a domain's questions again after some appeared or went, and its new count."""
        node = self.domain_nodes[key]
        if key in self.filled:
            for question_id in [q for q, n in self.nodes.items() if _under(n, node)]:
                del self.nodes[question_id]
            node.remove_children()
            self.filled.discard(key)
            self._fill(key)
        node.set_label(self._domain_label(key, self.session.progress(self._in_domain(key))))
        current = self.item(self.current)
        if current is not None and (current.domain.id if current.domain else None) == key:
            self._expand_to(current.id)  # its node is new: put the cursor back on it

    def _in_domain(self, key: str | None) -> list[Item]:
        return [i for i in self.items if (None if i.domain is None else i.domain.id) == key]

    async def _redraw_card(self) -> None:
        if self.current is not None:
            await self.goto(self.current, stay_in_tree=True)

    @on(QuestionCard.Commented)
    def _commented(self, event: QuestionCard.Commented) -> None:
        event.stop()
        self.save_comment(event.question_id, event.comment)

    def save_comment(self, question_id: str, comment: str, *, based_on: int | None = None) -> None:
        """Saves a comment in a worker (the card sends one after a pause or when the field is
        left). A failed save keeps the text in the field, marked not saved, says so once, and
        is tried again after ``COMMENT_RETRY`` seconds."""
        card = self.query_one(QuestionCard)
        if self.session.answer(question_id) is None:
            card.set_problem(tr("as.answer_first", self.lang))
            return
        session = self.session
        self.in_background(
            lambda: session.write_comment(question_id, comment, based_on=based_on),
            partial(self._comment_saved, question_id, comment),
            partial(self._comment_failed, question_id, comment),
        )

    def _comment_saved(self, question_id: str, comment: str) -> None:
        self.session.apply_comment(question_id, comment)
        self.unsaved_comments.pop(question_id, None)
        self.query_one(QuestionCard).comment_saved(question_id)
        self.saved = tr("as.saved", self.lang)
        self._status()

    def _comment_failed(self, question_id: str, comment: str, error: ComplianceError) -> None:
        self.saved = tr("as.comment_unsaved", self.lang)
        self._status()
        if isinstance(error, WorkspaceConflict):
            self._ask_conflict(
                error,
                {"value": self.session.value_of(question_id), "comment": comment},
                partial(self._resolve_comment, question_id, comment),
            )
            return
        self.query_one(QuestionCard).comment_failed(question_id)
        if question_id not in self.unsaved_comments:
            self.capp.error(str(error))  # one message, not one per try
        self.unsaved_comments[question_id] = comment
        self.set_timer(COMMENT_RETRY, partial(self._retry_comment, question_id, comment))

    def _retry_comment(self, question_id: str, comment: str) -> None:
        if self.unsaved_comments.get(question_id) == comment and self.is_attached:
            self.save_comment(question_id, comment)

    def _resolve_comment(self, question_id: str, comment: str, choice: str, revision: int) -> None:
        if choice == "mine":
            self.save_comment(question_id, comment, based_on=revision)
        else:
            self.unsaved_comments.pop(question_id, None)
            self._keep_theirs(question_id)

    @on(QuestionCard.EvidenceWanted)
    def _evidence_wanted(self, event: QuestionCard.EvidenceWanted) -> None:
        event.stop()
        self._ask_evidence(event.question_id)

    def action_evidence(self) -> None:
        """Asks for a file to attach to the current answer."""
        if self.current is not None:
            self._ask_evidence(self.current)

    def _ask_evidence(self, question_id: str) -> None:
        from pathlib import Path

        from compliance.tui.dialogs import FilePicker

        item = self.item(question_id)
        if item is not None and item.profile:  # the profile describes the firm: no evidence
            self.notify(tr("as.profile_no_evidence", self.lang))
            return
        if self.session.answer(question_id) is None:
            self.notify(tr("as.answer_first", self.lang))
            return
        start = Path(self.evidence_folder) if self.evidence_folder else None
        self.app.push_screen(
            FilePicker(tr("ask.evidence", self.lang), start=start, lang=self.lang),
            partial(self._attach_from, question_id),
        )

    def _attach_from(self, question_id: str, path: Any) -> None:
        """Hashes the picked file (a :class:`~pathlib.Path`, or None: nothing picked)."""
        if path is not None:
            self.evidence_folder = str(path.parent)
            self.attach(question_id, path)

    def attach(self, question_id: str, path: Any) -> None:
        """Hashes the file and records it with the answer (in a worker, in the order of the
        other writes: files may be large and the store may be slow)."""
        session = self.session
        stored: list[Any] = []

        def job() -> None:
            self.progress_from_worker("work.hashing", 0, None, name=clean(path.name))
            load_domain()
            stored.append(session.write_attach(question_id, path))

        def done() -> None:
            self.progress_done()
            session.apply_attached(question_id, stored[0])
            self._attached()

        def failed(error: ComplianceError) -> None:
            self.progress_done()
            self.capp.error(str(error))

        self.in_background(job, done, failed)

    def _attached(self) -> None:
        self.saved = tr("as.saved", self.lang)
        self._status()
        self.call_after_refresh(self._redraw_card)

    # --- answer packs ----------------------------------------------------------------------

    def action_answer_pack(self) -> None:
        """Asks which domains, language and file an answer pack holds, then writes it."""
        from compliance.paths import documents_dir
        from compliance.tui.dialogs import PackDialog

        domains = [
            (domain.id, domain.title.get(self.lang))
            for domain in self.session.questionnaire.domains
            if domain.id in _ids_by_domain(self.items)
        ]
        folder = documents_dir()  # the user's documents folder, else the home folder
        output = folder / f"answer-pack-{self.session.assessment_id}.xlsx"
        self.app.push_screen(PackDialog(domains, output=output, lang=self.lang), self._pack_chosen)

    def _pack_chosen(self, choice: PackChoice | None) -> None:
        if choice is not None:
            self.write_pack(choice)

    @work(thread=True, group="pack", description="write an answer pack")
    def write_pack(self, choice: PackChoice) -> None:
        """Writes the pack (in a worker) and says where."""
        self.progress_from_worker("work.packing", 0, None, name=clean(choice.output.name))
        try:
            summary = self.session.write_pack(list(choice.domains), choice.lang, choice.output)
        except ComplianceError as error:
            self.app.call_from_thread(self.capp.error, str(error))
            return
        finally:
            self.app.call_from_thread(self.progress_done)
        said = tr(
            "pk.written",
            self.lang,
            path=str(choice.output),
            questions=summary.questions,
            answered=summary.answered,
            sheets=len(summary.sheets),
        )
        self.app.call_from_thread(self.notify, said, markup=False, timeout=12)

    def action_read_pack(self) -> None:
        """Asks for an answer pack, then reads it back into this assessment."""
        from compliance.tui.dialogs import FilePicker

        self.app.push_screen(
            FilePicker(tr("ask.unpack", self.lang), lang=self.lang), self._pack_picked
        )

    def _pack_picked(self, path: Path | None) -> None:
        if path is not None:
            self.read_pack(path)

    @work(thread=True, group="pack", description="read an answer pack back")
    def read_pack(self, path: Path, valid_only: bool = False) -> None:
        """Reads the pack back (in a worker), then shows what it did and the new answers."""
        from compliance.errors import ExchangeError

        self.progress_from_worker("work.unpacking", 0, None, name=clean(path.name))
        try:
            report = self.session.read_pack(path, partial=valid_only)
        except ExchangeError as error:
            if error.problems and not valid_only:
                self.app.call_from_thread(self._pack_problems, path, error.problems)
            else:
                self.app.call_from_thread(self.capp.error, str(error))
            return
        except ComplianceError as error:
            self.app.call_from_thread(self.capp.error, str(error))
            return
        finally:
            self.app.call_from_thread(self.progress_done)
        self.app.call_from_thread(self._pack_read, path, report)

    def _pack_problems(self, path: Path, problems: tuple[str, ...]) -> None:
        """Lists the problems (nothing was changed) and offers to apply the valid rows."""
        from compliance.tui.dialogs import Confirm

        shown = list(problems[:MAX_PROBLEMS_SHOWN])
        if len(problems) > len(shown):
            shown.append("…")
        text = "\n".join(
            [
                tr("pk.problems", self.lang, path=str(path)),
                *shown,
                "",
                tr("pk.apply_valid", self.lang),
            ]
        )
        self.app.push_screen(
            Confirm(text, lang=self.lang),
            partial(self._apply_valid, path),
        )

    def _apply_valid(self, path: Path, yes: bool | None) -> None:
        if yes:
            self.read_pack(path, valid_only=True)

    def _pack_read(self, path: Path, report: UnpackReport) -> None:
        """Says what reading the pack back did, and shows the assessment as it now is."""
        lines = [
            tr(
                "pk.read",
                self.lang,
                path=str(path),
                saved=len(report.applied),
                conflicts=len(report.conflicts),
                unchanged=report.unchanged,
            )
        ]
        lines += [
            tr("pk.conflict", self.lang, cell=c.cell, question=c.question_id)
            for c in report.conflicts
        ]
        lines += [tr("pk.skipped", self.lang, problem=p) for p in report.problems]
        bad = bool(report.conflicts or report.problems)
        self.notify(
            "\n".join(lines), markup=False, severity="warning" if bad else "information", timeout=15
        )
        if report.applied:
            self.saved = tr("as.saved", self.lang)
            self.show_store_state()
            self.capp.rescore(now=True)

    # --- status and language -----------------------------------------------------------------

    def _result_changed(self, result: Result | None) -> None:
        self._status()

    def _status(self) -> None:
        session = self.session
        text = Text()
        result = session.result
        if result is None:
            text.append(tr("as.scoring", self.lang))
        else:
            score = number(result.overall.score, self.lang)
            text.append(tr("as.score", self.lang, score=score) + " ")
            text.append(rating_text(session.questionnaire, result.overall.rating, self.lang))
            coverage = percent(result.overall.coverage)
            text.append(" · " + tr("as.coverage", self.lang, coverage=coverage))
        if self.saved:
            text.append(f" · {self.saved}", style="bold")
        text.append(" · ")
        text.append(plain(session.client))
        text.append(" · ")
        text.append(plain(session.questionnaire.title.get(self.lang)))
        self.query_one("#as-status", Static).update(text)

    def refresh_text(self) -> None:
        self.saved = ""
        self._build_tree()
        self._status()
        self.call_after_refresh(self._redraw_card)
