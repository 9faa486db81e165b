"""The ritual before writing: a briefing, a tone, questions one at a time, then notes to copy onto paper."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, ContentSwitcher, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ritual.core.letters import POSTED, SENT, Letter
from ritual.core.prompts import CLOSING, DEFAULT_QUESTIONS, TONE_NAMES, Prompt
from ritual.errors import RitualError
from ritual.services.letters.reflect import moment_for
from ritual.services.letters.sitting import Sitting
from ritual.text.letters import logged_note
from ritual.tui.messages import LetterBoxChanged
from ritual.services.letters.preparation import Preparation, ResumedSitting, prepare
from ritual.tui.ritual_text import briefing_text, outline_plain, outline_text, tone_label
from ritual.tui.widgets.fitting_footer import FittingFooter
from ritual.tui.widgets.focus_timer import FocusTimer
from ritual.tui.safe_text import markup_safe

if TYPE_CHECKING:
    from ritual.tui.data import RitualData

NO_TONE = "no-tone"
QUESTION_ACTIONS = {"keep_answer", "skip"}
OUTLINE_ACTIONS = {"timer", "minutes", "log_written", "log_posted", "copy", "heart"}


class RitualScreen(Screen):
    """One sitting for one friend; every answer is saved the moment it is given."""

    BINDINGS = [
        Binding("escape", "leave", "Leave (answers kept)"),
        Binding("ctrl+s", "keep_answer", "Keep answer"),
        Binding("ctrl+n", "skip", "Skip, ask another"),
        Binding("l", "log_written", "Mark written"),
        Binding("p", "log_posted", "Posted today"),
        Binding("y", "copy", "Copy notes"),
        Binding("h", "heart", "Heart of it"),
        Binding("t", "timer", "Timer"),
        Binding("plus,equals_sign", "minutes(1)", "More minutes", show=False),
        Binding("minus", "minutes(-1)", "Fewer minutes", show=False),
    ]

    class Prepared(Message):
        """The worker gathered the briefing and the deck."""

        def __init__(self, found: Preparation | None, problem: str = "") -> None:
            super().__init__()
            self.found = found
            self.problem = problem

    def __init__(self, data: RitualData, friend_id: int, occasion: str | None = None, *, paths=None,
                 count: int = DEFAULT_QUESTIONS, seed: int | None = None, answering: int | None = None) -> None:
        super().__init__()
        self.data = data
        self.friend = data.friend(friend_id)
        self.occasion = occasion
        self.answering = answering
        self.detail: str | None = None  # the follow-up on screen, if one is
        self.paths = paths
        self.count = count
        self.seed = seed
        self.step = "briefing"
        self.preparation: Preparation | None = None
        self.sitting: Sitting | None = None
        self.prompt: Prompt | None = None
        self.tone: str | None = None
        self.letter: Letter | None = None

    def compose(self) -> ComposeResult:
        """A title, the four steps (one shown at a time), and the keys."""
        yield Static(f"Before you write to {markup_safe(self.friend.name)}", id="ritual-title", classes="screen-title")
        with ContentSwitcher(initial="ritual-briefing", id="ritual-steps"):
            with VerticalScroll(id="ritual-briefing"):
                yield Static(Text("Gathering what you know…", style="dim italic"), id="briefing-text")
                yield Button("Begin", id="ritual-begin", variant="primary", disabled=True)
            with Vertical(id="ritual-tone"):
                yield Label("Which tone would you like this letter to have?", classes="section-title")
                yield OptionList(*self._tone_options(), id="tone-list")
            with Vertical(id="ritual-question"):
                yield Static(id="question-count")
                yield Static(id="question-text")
                yield TextArea(id="answer", soft_wrap=True, show_line_numbers=False)
                yield Static("ctrl+s keeps your answer · ctrl+n skips to another question · "
                             "esc leaves, and what you answered stays", id="question-hint")
            with VerticalScroll(id="ritual-outline"):
                yield Static(id="outline-text")
                yield Static(id="letter-status")
                yield FocusTimer(id="focus-timer")
        yield FittingFooter()

    def _tone_options(self) -> list[Option]:
        return [Option(tone_label(None), id=NO_TONE)] + [Option(tone_label(t), id=t) for t in TONE_NAMES]

    def on_mount(self) -> None:
        """Gather the briefing in the background."""
        self._prepare()

    @work(thread=True, exclusive=True, group="ritual-prepare")
    def _prepare(self) -> None:
        try:
            with self.data.reader() as db:  # this thread's own connection
                found = prepare(self.data.settings, db, self.paths, self.friend, self.occasion, self.data.today(),
                                self.count, self.answering)
            self.post_message(self.Prepared(found))
        except RitualError as exc:
            self.post_message(self.Prepared(None, exc.message))

    def on_ritual_screen_prepared(self, message: Prepared) -> None:
        """Show the briefing and let the ritual begin."""
        if message.found is None:
            self.app.notify(message.problem, title="The questions could not be read")
            self.dismiss()
            return
        self.preparation = message.found
        text = briefing_text(message.found.briefing, self.data.today())
        if message.found.unfinished:
            answered = sum(1 for r in message.found.unfinished if not r.skipped and not r.detail)
            text.append(f"\nYou began this ritual earlier today. Your {answered} answer"
                        f"{'s are' if answered != 1 else ' is'} kept; the questions go on from there.\n",
                        style="italic")
        self.query_one("#briefing-text", Static).update(text)
        begin = self.query_one("#ritual-begin", Button)
        begin.disabled = False
        begin.focus()

    @on(Button.Pressed, "#ritual-begin")
    def begin(self) -> None:
        """On to the tone, or straight back to the questions of a sitting left halfway."""
        unfinished = self.preparation.unfinished
        if unfinished:
            self._start(unfinished[0].tone or None)
            return
        self._show("ritual-tone")
        self.query_one("#tone-list", OptionList).focus()

    @on(OptionList.OptionSelected, "#tone-list")
    def tone_chosen(self, event: OptionList.OptionSelected) -> None:
        """The tone sets which questions come."""
        self._start(None if event.option_id == NO_TONE else event.option_id)

    def _start(self, tone: str | None) -> None:
        found = self.preparation
        self.tone = tone
        moment = moment_for(found.briefing, tone, found.deck.aliases)
        seed = self.seed if self.seed is not None else int(self.data.clock.now().timestamp() * 1000) ^ self.friend.id
        args = (self.data.db, found.deck.prompts, self.friend, moment, self.count, seed)
        self.sitting = ResumedSitting(*args, found.unfinished) if found.unfinished else Sitting(*args)
        self._ask_next()

    def _ask_next(self) -> None:
        self.prompt = self.sitting.next_prompt()
        if self.prompt is None:
            self._show_outline()
            return
        number = self.sitting.answers_given + 1
        self._put(f"Question {number} of {self.count}", self.sitting.question(self.prompt))

    def _put(self, count: str, question: str) -> None:
        self.query_one("#question-count", Static).update(Text(count, style="dim"))
        self.query_one("#question-text", Static).update(Text(question, style="bold"))
        answer = self.query_one("#answer", TextArea)
        answer.clear()
        self._show("ritual-question")
        answer.focus()

    def action_keep_answer(self) -> None:
        """Save the answer now and go on; an empty answer counts as a skip."""
        text = self.query_one("#answer", TextArea).text.strip()
        if self.detail is not None:
            self.sitting.answer_detail(self.prompt, self.detail, text, self.data.clock.now())
            self.detail = None
            self._ask_next()
            return
        if not text:
            self.action_skip()
            return
        self.sitting.answer(self.prompt, text, self.data.clock.now())
        self.detail = self.sitting.follow_up(self.prompt, text)
        if self.detail is None:
            self._ask_next()
            return
        self._put("One detail, if you like · ctrl+n skips it", self.detail)

    def action_skip(self) -> None:
        """Let this question rest and, when the deck has one, offer another; or skip the follow-up."""
        if self.detail is not None:
            self.detail = None
            self._ask_next()
            return
        offered = self.sitting.skip(self.prompt, self.data.clock.now())
        if offered is not None:
            self.notify("Skipped; here is another.")
        self._ask_next()

    def _show_outline(self) -> None:
        about = " · ".join(p for p in (self.preparation.briefing.occasion, self.tone) if p)
        self.query_one("#ritual-title", Static).update(f"Notes for your letter to {markup_safe(self.friend.name)}")
        self.query_one("#outline-text", Static).update(outline_text(self.sitting.answered, about))
        self._show_letter_status()
        self._show("ritual-outline")
        self.query_one("#ritual-outline").focus()
        self.app.post_message(LetterBoxChanged())

    def _show_letter_status(self) -> None:
        if self.letter is None:
            text = Text("When the letter is written: l marks it written today · y copies these notes", style="dim")
        elif self.letter.status == POSTED:
            text = Text(f"Logged as written, and in the post since today (#{self.letter.id}). "
                        "Mark it arrived in the letter box (b) when they tell you.")
        else:
            text = Text(f"Logged as written today (#{self.letter.id}). p when it goes into the post.")
        self.query_one("#letter-status", Static).update(text)

    def _show(self, step: str) -> None:
        self.step = step.removeprefix("ritual-")
        self.query_one(ContentSwitcher).current = step
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Each step shows only the keys that work in it."""
        if action in QUESTION_ACTIONS:
            return self.step == "question"
        if action == "log_written":
            return self.step == "outline" and self.letter is None
        if action == "log_posted":
            return self.step == "outline" and self.letter is not None and self.letter.status != POSTED
        if action in OUTLINE_ACTIONS:
            return self.step == "outline"
        return True

    def action_log_written(self) -> None:
        """Log the letter as written today, with this ritual's occasion, tone, answers and focus minutes."""
        briefing = self.preparation.briefing
        item = briefing.occasion_item
        minutes = self.query_one(FocusTimer).minutes_spent() or None
        logged = self.data.log_letter(Letter(
            self.friend.id, SENT, self.data.today(), occasion=briefing.occasion or "", tone=self.tone or "",
            sitting=self.sitting.id, focus_minutes=minutes), item.occasion_date if item else None)
        self.letter = logged.letter
        self._logged(f"Logged your letter to {self.friend.name} as written today." + logged_note(logged))

    def action_heart(self) -> None:
        """Mark the closing answer (else the last one) as the heart of the outline."""
        answers = [r for r in self.sitting.answered if not r.detail]
        if not answers:
            return
        closing = [r for r in answers if r.prompt_id in {p.id for p in self.sitting.shown if p.stage == CLOSING}]
        self.sitting.mark_heart((closing or answers)[-1])
        about = " · ".join(p for p in (self.preparation.briefing.occasion, self.tone) if p)
        self.query_one("#outline-text", Static).update(outline_text(self.sitting.answered, about))

    def action_log_posted(self) -> None:
        """The letter went into the post today (with the minutes written since it was marked written)."""
        minutes = self.query_one(FocusTimer).minutes_spent() or None
        self.data.keep_effort(self.letter.id, self.sitting.id, minutes)
        logged = self.data.move_letter(self.letter.id, POSTED)
        self.letter = logged.letter
        self._logged("Marked as posted today. May it travel well." + logged_note(logged))

    def _logged(self, note: str) -> None:
        self._show_letter_status()
        self.refresh_bindings()
        self.app.post_message(LetterBoxChanged(note))

    def action_copy(self) -> None:
        """Put the notes on the clipboard (where the terminal allows it)."""
        about = " · ".join(p for p in (self.preparation.briefing.occasion, self.tone) if p)
        self.app.copy_to_clipboard(outline_plain(self.sitting.answered, self.friend.name, about))
        self.notify("The notes are on the clipboard.")

    def action_timer(self) -> None:
        """Start or pause the focus timer."""
        self.query_one(FocusTimer).toggle()

    def action_minutes(self, steps: int) -> None:
        """Change the timer's minutes."""
        self.query_one(FocusTimer).change_minutes(steps)

    def on_focus_timer_finished(self, message: FocusTimer.Finished) -> None:
        """A soft word when the minutes are up; nothing urgent."""
        self.notify(f"{message.minutes} minutes of writing. Take all the time you need.", title="Focus timer")

    def action_leave(self) -> None:
        """Back to where the ritual began; every answer given is already saved."""
        if self.sitting is not None and self.sitting.answered and self.step != "outline":
            self.app.post_message(LetterBoxChanged("Your answers are kept. Come back to them any time today."))
        self.dismiss()
