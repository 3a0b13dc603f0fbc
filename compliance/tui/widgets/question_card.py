"""Provides :class:`QuestionCard`: one question with its help, references and answer widget.

The card shows what the session gives it and reports what the user does through nested messages
(:class:`QuestionCard.Answered`, :class:`QuestionCard.Commented`,
:class:`QuestionCard.EvidenceWanted`); the screen saves. A widget event that repeats the current
value (as when the card is filled in) sends nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    RadioSet,
    SelectionList,
    Static,
    TextArea,
)

from compliance.model.assessment import NA
from compliance.model.dates import parse_date
from compliance.model.questionnaire import (
    CountryQuestion,
    DateQuestion,
    MultiChoiceQuestion,
    NumberQuestion,
    ScaleQuestion,
    SingleChoiceQuestion,
    TextQuestion,
    YesNoQuestion,
)
from compliance.tui.format import refs_text
from compliance.tui.safe import plain
from compliance.tui.session import Item, Session
from compliance.tui.strings import tr
from compliance.tui.widgets.country_picker import CountryPicker
from compliance.tui.widgets.country_set_picker import CountrySetPicker
from compliance.tui.widgets.toggles import Choice, Choices, Tick, Ticks
from compliance.typography import colon

COMMENT_PAUSE = 1.0
"""Seconds of no typing after which a comment is saved (it is also saved when the field is left)."""

__all__ = ["COMMENT_PAUSE", "JumpWanted", "QuestionCard", "choices", "refs_text"]


def choices(question: Any, lang: str) -> list[tuple[Any, str]]:
    """The ``(value, label)`` pairs a choice-like question offers, in order."""
    if isinstance(question, YesNoQuestion):
        return [("yes", tr("yes", lang)), ("no", tr("no", lang))]
    if isinstance(question, SingleChoiceQuestion | MultiChoiceQuestion):
        return [(o.id, o.label.get(lang)) for o in question.options]
    if isinstance(question, ScaleQuestion):
        labels = {label.value: label.label.get(lang) for label in question.labels}
        return [
            (v, f"{v} — {labels[v]}" if v in labels else str(v))
            for v in range(question.min, question.max + 1)
        ]
    return []


def _number(text: str) -> int | Decimal | None:
    try:
        number = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    return int(number) if number == number.to_integral_value() else number


def _shown(value: Any) -> str:
    if value is None or value == NA:
        return ""
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


class JumpWanted(Message):
    """``/`` was pressed in an empty answer or comment field: the user wants the jump."""


class AnswerField(Input):
    """The field of a typed answer (a date, a number, text). ``/`` in it while it is empty opens
    the jump instead of typing; once it holds text, ``/`` is a slash (12/03/2024). Decided here,
    in the order the keys come, not by a screen binding that would see the field before the keys
    typed just before the slash have reached it."""

    def __init__(self, item: Item, value: str, *, placeholder: str, max_length: int) -> None:
        super().__init__(value, placeholder=placeholder, max_length=max_length, id="q-answer")
        self.item = item
        """The question this field answers (its events may arrive after the card moved on)."""

    async def _on_key(self, event: events.Key) -> None:
        if event.character == "/" and not self.value:
            event.prevent_default()
            event.stop()
            self.post_message(JumpWanted())


class CommentBox(TextArea):
    """The comment of an answer: several lines (Enter starts a new one; Tab leaves), at least
    four shown, growing with the text. Says when it is left, so the comment is saved then."""

    class Left(Message):
        """The focus left the comment box."""

    def __init__(self, text: str, *, placeholder: str) -> None:
        super().__init__(
            text, id="q-comment", soft_wrap=True, tab_behavior="focus", placeholder=placeholder
        )
        self.show_line_numbers = False

    def on_blur(self, event: events.Blur) -> None:
        self.post_message(self.Left())

    async def _on_key(self, event: events.Key) -> None:
        if event.character == "/" and not self.text:  # the jump, as in an empty answer field
            event.prevent_default()
            event.stop()
            self.post_message(JumpWanted())


class QuestionCard(VerticalScroll):
    """The question being answered."""

    @dataclass
    class Answered(Message):
        """The user gave an answer (None: cleared it)."""

        item: Item
        value: Any
        text: str | None = None
        """What was typed, for a typed answer (kept as a draft when it cannot be saved)."""

    @dataclass
    class Commented(Message):
        """The user changed the comment of an answered question."""

        question_id: str
        comment: str

    @dataclass
    class EvidenceWanted(Message):
        """The user asked to attach a file to the answer."""

        question_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="question-card")
        self.item: Item | None = None
        self.current: Any = None
        self.comment = ""
        self.lang = "en"
        self.draft: str | None = None
        """Text typed in the answer field that could not be saved (shown again with why)."""
        self._pending: tuple[str, str] | None = None
        """A comment typed but not yet sent: saved after a pause or when the field is left."""
        self._pause: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="q-where", classes="dim")

    # --- filling in -----------------------------------------------------------------------

    async def show(
        self,
        session: Session,
        item: Item,
        *,
        lang: str,
        position: int,
        total: int,
        applicable: int = 0,
        draft: str | None = None,
        problem: str | None = None,
    ) -> None:
        """Shows ``item`` as it stands in ``session``: ``position`` of ``total`` in the
        questionnaire's own numbering (of the profile, or of the domains' questions, as the
        questionnaire chooser counts them), ``applicable`` the domains' questions that apply
        now; ``draft`` is text typed earlier that could not be saved, shown in the field again
        with ``problem`` until it is fixed."""
        self.flush_comment()
        self.item = item
        self.lang = lang
        self.current = session.value(item)
        self.draft = draft
        await self.remove_children()
        await self.mount_all(self._widgets(session, item, position, total, applicable))
        if draft is not None:
            self.current = self.parse(draft)  # the field shows it: no event repeats it
            self.set_problem(problem)
        self.scroll_home(animate=False)

    def _widgets(
        self, session: Session, item: Item, position: int, total: int, applicable: int
    ) -> list[Widget]:
        lang = self.lang
        q = item.question
        questionnaire = session.questionnaire
        if item.profile or item.control is None or item.domain is None:
            where = Text(tr("as.profile_count", lang, n=position, total=total))
        else:
            count = tr("as.question_count", lang, n=position, total=total, applicable=applicable)
            where = Text(count + " · ")
            where.append(plain(item.domain.title.get(lang)))
            where.append(" › ")
            where.append(plain(f"{item.control.id} {item.control.title.get(lang)}"))
        where.append(" · ")
        where.append(plain(q.id))
        widgets: list[Widget] = [
            Static(where, id="q-where", classes="dim"),
            Static(plain(q.text.get(lang), single_line=False), id="q-text"),
            self._answer_widget(session, item),
            Static("", id="q-problem", classes="problem"),
        ]
        if q.allow_na:
            widgets.append(Tick(tr("as.na", lang), self.current == NA, id="q-na"))
        if q.help is not None:
            widgets.append(
                Static(plain(q.help.get(lang), single_line=False), id="q-help", classes="help")
            )
        refs: dict[str, tuple[str, ...]] = {}
        if item.control is not None:
            refs.update(item.control.refs)
        for framework, articles in q.refs.items():
            refs[framework] = tuple(dict.fromkeys(refs.get(framework, ()) + articles))
        if refs:
            text = Text(tr("as.refs", lang) + colon(lang), style="bold")
            text.append(plain(refs_text(questionnaire, refs, lang)))
            reference = questionnaire.reference
            for entry in reference.crosswalk_for(refs) if reference else ():
                text.append("\n" + tr("as.crosswalk", lang) + colon(lang), style="bold")
                text.append(plain(f"{entry.topic.get(lang)} — {entry.note.get(lang)}"))
                if not entry.verified:
                    text.append(tr("as.unverified", lang))
            widgets.append(Static(text, id="q-refs", classes="refs"))
        if not item.profile:
            answer = session.answer(q.id)
            if answer is not None and answer.answered_by:
                when = "" if answer.answered_at is None else str(answer.answered_at)[:16]
                by = tr("as.answered_by", lang, who=answer.answered_by, when=when.replace("T", " "))
                widgets.append(Static(plain(by), id="q-by", classes="dim"))
            self.comment = (answer.comment or "") if answer else ""
            widgets.append(CommentBox(self.comment, placeholder=tr("as.comment", lang)))
            evidence = Text(tr("as.evidence", lang) + colon(lang), style="bold")
            files = answer.evidence if answer else ()
            if not files:
                evidence.append(tr("as.no_evidence", lang), style="italic")
            for file in files:
                evidence.append("\n• ")
                evidence.append(plain(f"{file.path}  sha256:{file.sha256[:16]}…"))
            widgets.append(Static(evidence, id="q-evidence"))
            widgets.append(Button(f"{tr('key.evidence', lang)}…", id="q-attach", compact=True))
        return widgets

    def _answer_widget(self, session: Session, item: Item) -> Widget:
        q = item.question
        lang = self.lang
        value = self.current
        if isinstance(q, YesNoQuestion | SingleChoiceQuestion | ScaleQuestion):
            if isinstance(q, YesNoQuestion) and isinstance(value, bool):
                value = "yes" if value else "no"
            return Choices(
                *(Choice(plain(label), value == key) for key, label in choices(q, lang)),
                id="q-answer",
                classes="answer",
            )
        if isinstance(q, MultiChoiceQuestion):
            chosen = set(value) if isinstance(value, tuple) else set()
            return Ticks(
                *((plain(label), key, key in chosen) for key, label in choices(q, lang)),
                id="q-answer",
                classes="answer",
            )
        countries = (
            {c: t.get(lang) for c, t in session.questionnaire.reference.countries.items()}
            if session.questionnaire.reference
            else {}
        )
        if isinstance(q, CountryQuestion) and not q.multiple and countries:
            code = value if isinstance(value, str) and value != NA else None
            return CountryPicker(
                countries, value=code, placeholder=tr("fl.search", lang), id="q-answer"
            )
        if isinstance(q, CountryQuestion) and countries:
            codes = value if isinstance(value, tuple) else ()
            if isinstance(value, str) and value != NA:
                codes = (value,)  # one code is a valid answer to a multiple question too
            return CountrySetPicker(
                countries, value=codes, lang=lang, placeholder=tr("fl.search", lang), id="q-answer"
            )
        hint = {
            NumberQuestion: "as.number_hint",
            DateQuestion: "as.date_hint",
            CountryQuestion: "as.country_hint",
        }.get(type(q), "as.text_hint")
        if isinstance(q, NumberQuestion) and q.unit is not None:
            placeholder = f"{tr(hint, lang)} ({q.unit.get(lang)})"
        else:
            placeholder = tr(hint, lang)
        max_length = q.max_length if isinstance(q, TextQuestion) else 200
        shown = self.draft if self.draft is not None else _shown(value)
        return AnswerField(item, shown, placeholder=placeholder, max_length=max_length)

    # --- reading what the user did ----------------------------------------------------------

    def parse(self, text: str, item: Item | None = None) -> Any:
        """The answer value ``text`` gives ``item`` (the current question by default)."""
        item = item or self.item
        assert item is not None
        q = item.question
        text = text.strip()
        if not text:
            return None
        if isinstance(q, NumberQuestion):
            number = _number(text)
            return text if number is None else number
        if isinstance(q, DateQuestion):
            day = parse_date(text)
            return text if day is None else day.isoformat()
        if isinstance(q, CountryQuestion):
            codes = tuple(c.strip().upper() for c in text.split(",") if c.strip())
            return codes if q.multiple else (codes[0] if len(codes) == 1 else text)
        return text

    def _give(self, value: Any, text: str | None = None) -> None:
        if self.item is None or value == self.current:
            return
        self.current = value
        self.post_message(self.Answered(self.item, value, text))

    def set_problem(self, problem: str | None) -> None:
        """Shows why the last value was refused (or clears it)."""
        shown = plain(tr("as.invalid", self.lang, problem=problem)) if problem else ""
        found = self.query("#q-problem")
        if found:
            found.first(Static).update(shown)

    def typed(self) -> str | None:
        """The text in the answer field, when the answer is typed (None: a choice, a picker)."""
        found = self.query("#q-answer")
        if found and isinstance(found.first(), Input):
            return found.first(Input).value
        return None

    @on(RadioSet.Changed, "#q-answer")
    def _radio(self, event: RadioSet.Changed) -> None:
        event.stop()
        if self.item is None:
            return
        options = choices(self.item.question, self.lang)
        self._give(options[event.index][0])

    @on(SelectionList.SelectedChanged, "#q-answer")
    def _selection(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        if self.item is None:
            return
        question = self.item.question
        order = [key for key, _ in choices(question, self.lang)]
        selected = set(event.selection_list.selected)
        chosen = tuple(key for key in order if key in selected)
        if isinstance(question, MultiChoiceQuestion):  # "none of these" excludes the others
            before = self.current if isinstance(self.current, tuple) else ()
            kept = question.with_exclusive(before, chosen)
            if kept != chosen:
                ticks = event.selection_list
                with ticks.prevent(SelectionList.SelectedChanged):
                    for key in chosen:
                        if key not in kept:
                            ticks.deselect(key)
                chosen = kept
        self._give(chosen if chosen else None)

    @on(Input.Changed, "#q-answer")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        field = event.input
        item = field.item if isinstance(field, AnswerField) else self.item
        if item is None:
            return
        value = self.parse(event.value, item)
        if item is not self.item:  # typed before the card moved on: still that question's
            self.post_message(self.Answered(item, value, event.value))
            return
        self._give(value, event.value)

    @on(CountryPicker.Changed, "#q-answer")
    def _country(self, event: CountryPicker.Changed) -> None:
        event.stop()
        self._give(event.code)

    @on(CountrySetPicker.Changed, "#q-answer")
    def _countries(self, event: CountrySetPicker.Changed) -> None:
        event.stop()
        self._give(event.codes)

    @on(Checkbox.Changed, "#q-na")
    def _na(self, event: Checkbox.Changed) -> None:
        event.stop()
        if event.value:
            self._give(NA)
        elif self.current == NA:
            self._give(None)

    @on(TextArea.Changed, "#q-comment")
    def _comment(self, event: TextArea.Changed) -> None:
        event.stop()
        text = event.text_area.text
        if self.item is not None and text != self.comment:
            self.comment = text
            self._pending = (self.item.id, text)
            if self._pause is not None:
                self._pause.stop()
            self._pause = self.set_timer(COMMENT_PAUSE, self.flush_comment)

    @on(CommentBox.Left)
    def _comment_left(self, event: CommentBox.Left) -> None:
        event.stop()
        self.flush_comment()

    def flush_comment(self) -> None:
        """Sends the comment typed, if any (after a pause, on leaving the field or the card)."""
        if self._pause is not None:
            self._pause.stop()
            self._pause = None
        if self._pending is not None:
            question_id, comment = self._pending
            self._pending = None
            self.post_message(self.Commented(question_id, comment))

    def editing_comment(self) -> bool:
        """Whether a comment is being typed (the card must not be redrawn under it)."""
        found = self.query("#q-comment")
        return self._pending is not None or bool(found and found.first().has_focus)

    def comment_failed(self, question_id: str) -> None:
        """Marks the comment field "not saved" (its text stays)."""
        found = self.query("#q-comment")
        if found and self.item is not None and self.item.id == question_id:
            found.first().add_class("unsaved")
            found.first().border_title = tr("as.saving_failed", self.lang)

    def comment_saved(self, question_id: str) -> None:
        """Clears the "not saved" mark."""
        found = self.query("#q-comment")
        if found and self.item is not None and self.item.id == question_id:
            found.first().remove_class("unsaved")
            found.first().border_title = None

    @on(Button.Pressed, "#q-attach")
    def _attach_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self.item is not None:
            self.post_message(self.EvidenceWanted(self.item.id))

    def focus_answer(self) -> None:
        """Puts the focus on the answer widget, at once: a key already on its way (typing goes
        on while the card is redrawn) must land in the field, not on a screen key such as ``/``
        (``Widget.focus`` would only move it after the keys queued before)."""
        found = self.query("#q-answer")
        if found:
            widget = found.first()
            pickers = (CountryPicker, CountrySetPicker)
            target = widget.query_one(Input) if isinstance(widget, pickers) else widget
            if target.is_attached and target.focusable:
                self.screen.set_focus(target)
            else:
                target.focus()

    def typing_answer(self) -> bool:
        """Whether the answer is being typed in its field (the card must not be redrawn under
        it: keys would land elsewhere while the new field takes the focus)."""
        found = self.query("#q-answer")
        return bool(found) and isinstance(found.first(), Input) and found.first().has_focus
