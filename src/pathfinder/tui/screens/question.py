"""The questionnaire as one screen: a question at a time, dismissed with the
Outcome, so that any Textual app can push it and receive the summary."""

from __future__ import annotations

import logging

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, OptionList, Static

from ...machine.errors import InvalidAnswer
from ...machine.facts import UnknownFact
from ...machine.flow import Flow, Question
from ...machine.session import Session
from ...machine.statemachine import FlowMachine
from ..outcome import Outcome, outcome_of
from ..widgets.code_input import CodeInput
from ..widgets.marked_list import Item, MarkedList

CHOICE_HINT = "Press a number from 1 to {count}, or use ↑ ↓ and Enter, or click."
CODE_HINT = "Type the 2 letters and press Enter."
SKIP_TIP = " Or choose Skip."
# TODO: the code messages speak of U.S. states, the only code question so far;
# take them from the flow file when a flow asks for another kind of code.
EMPTY_CODE = "Type 2 letters, like NC, then press Enter."
UNKNOWN_CODE = (
    "{code} is not a U.S. state code. Type 2 letters, like NC for North "
    "Carolina or TX for Texas."
)
FIRST_QUESTION = "This is the first question. There is nothing to go back to."
NOTHING_ANSWERED = "Answer at least one question first. Then you can see a summary."
STARTED_OVER = "Your answers were cleared. Here is the first question again."
EARLIER_ANSWER = "✓ your answer"
NO_ADVICE = (
    "Sorry, we could not make a summary from these answers. Your answers are"
    " kept: you can go Back and change one."
)

logger = logging.getLogger(__name__)


class QuestionnaireScreen(Screen[Outcome]):
    """Asks a flow's questions one by one, then dismisses with the Outcome.

    Push it with a callback (or `push_screen_wait` in a worker) to receive the
    Outcome: after the last question, or when the parent asks for a summary
    early.
    """

    BINDINGS = [
        *(Binding(str(n), f"choose({n})", show=False) for n in range(1, 10)),
        Binding("question_mark,f1", "toggle_why", "Why we ask", key_display="?",
                priority=True),
        Binding("escape", "back", "Back", key_display="Esc"),
        Binding("ctrl+r", "start_over", "Start over", key_display="Ctrl+R"),
        Binding("ctrl+s", "summary_now", "Summary now", key_display="Ctrl+S"),
        Binding("ctrl+q", "app.quit", "Quit", key_display="Ctrl+Q"),
    ]

    def __init__(self, flow: Flow, lang: str = "en") -> None:
        super().__init__()
        self.flow = flow
        self.lang = lang
        self.machine = FlowMachine.for_flow(flow)
        self.session = Session.begin(flow, language=lang)

    def compose(self) -> ComposeResult:
        yield Static(self.flow.title.get(self.lang), id="title", markup=False)
        with Vertical(id="question-area"):
            yield Static(id="progress", markup=False)
            yield Static(id="question-text", markup=False)
            yield Static(id="why", markup=False)
            yield MarkedList(id="choices")
            yield CodeInput(2, placeholder="NC", id="code")
            yield Button("Skip this question", id="skip", compact=True)
            yield Static(id="problem", markup=False)
            yield Static(id="how-to-answer", markup=False)
        with Horizontal(id="actions"):
            yield Button("Back", id="back", compact=True)
            yield Button("Start over", id="start-over", compact=True)
            yield Button("Show my summary now", id="summary-now", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.show_question()

    @property
    def question(self) -> Question:
        return self.flow.question(self.session.current)

    def show_question(self) -> None:
        """Draw the current question, with any earlier answer selected."""
        question = self.question
        earlier = self.session.previous_answer(question.id)
        total = self.session.about_total(self.flow)

        self.query_one("#progress", Static).update(
            f"Question {self.session.number} of about {total}"
        )
        self.query_one("#question-text", Static).update(question.text.get(self.lang))
        self.query_one("#why", Static).update(
            f"Why we ask: {question.help.get(self.lang)}"
        )
        self.say_problem("")

        is_code = question.kind == "code"
        self.query_one("#choices").display = not is_code
        self.query_one("#code").display = is_code
        self.query_one("#skip").display = question.optional
        if is_code:
            self.show_code_entry(earlier)
        else:
            self.show_choices(question, earlier)

        self.query_one("#summary-now", Button).disabled = not self.session.history

    def show_choices(self, question: Question, earlier: str | None) -> None:
        items = [
            Item(choice.value, choice.label.get(self.lang),
                 EARLIER_ANSWER if choice.value == earlier else "")
            for choice in question.choices
        ]
        start = question.values.index(earlier) if earlier in question.values else 0
        choices = self.query_one("#choices", MarkedList)
        choices.show_items(items, start)
        choices.focus()
        self.show_hint(CHOICE_HINT.format(count=len(question.choices)))

    def show_code_entry(self, earlier: str | None) -> None:
        code = self.query_one("#code", Input)
        code.value = earlier or ""
        code.focus()
        self.show_hint(CODE_HINT)

    def show_hint(self, hint: str) -> None:
        tip = SKIP_TIP if self.question.optional else ""
        self.query_one("#how-to-answer", Static).update(hint + tip)

    def say_problem(self, message: str) -> None:
        problem = self.query_one("#problem", Static)
        problem.update(message)
        problem.display = bool(message)

    # Every way of answering ends in `answer` or `skip`.

    def answer(self, value: str) -> None:
        try:
            self.machine.answer(self.session, value)
        except InvalidAnswer:
            self.say_problem(self.problem_with(value))
            return
        self.move_on()

    def problem_with(self, value: str) -> str:
        code = value.strip().upper()
        if self.question.kind != "code":
            return "That is not one of the choices. Pick one from the list."
        problem = UNKNOWN_CODE.format(code=code) if code else EMPTY_CODE
        return problem + (SKIP_TIP if self.question.optional else "")

    def skip(self) -> None:
        try:
            self.machine.skip(self.session)
        except InvalidAnswer:
            self.say_problem("This question needs an answer.")
            return
        self.move_on()

    def move_on(self) -> None:
        if self.session.done:
            self.finish()
        else:
            self.show_question()

    def finish(self) -> None:
        try:
            outcome = outcome_of(self.flow, self.session)
        except UnknownFact as error:
            # A flow and guidance that disagree on a fact: a content bug.
            # Say so and keep the answers, rather than close the app.
            logger.error("no advice for facts of flow %r: %s", self.flow.name, error)
            self.say_problem(NO_ADVICE)
            return
        self.dismiss(outcome)

    @on(OptionList.OptionSelected, "#choices")
    def answer_from_choice_list(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.answer(event.option.id)

    @on(Input.Submitted, "#code")
    def answer_from_code_entry(self, event: Input.Submitted) -> None:
        event.stop()
        self.answer(event.value)

    @on(Button.Pressed)
    def run_button_action(self, event: Button.Pressed) -> None:
        event.stop()
        actions = {
            "skip": self.skip,
            "back": self.action_back,
            "start-over": self.action_start_over,
            "summary-now": self.action_summary_now,
        }
        if event.button.id in actions:
            actions[event.button.id]()

    def action_choose(self, number: int) -> None:
        if self.question.kind != "choice":
            return
        value = self.query_one("#choices", MarkedList).id_at(number)
        if value is None:
            count = len(self.question.choices)
            self.say_problem(f"There is no choice {number}. Pick 1 to {count}.")
            return
        self.answer(value)

    def action_toggle_why(self) -> None:
        why = self.query_one("#why", Static)
        why.display = not why.display

    def action_back(self) -> None:
        if self.session.back():
            self.show_question()
        else:
            self.say_problem(FIRST_QUESTION)

    def action_start_over(self) -> None:
        self.session.restart()
        self.show_question()
        self.notify(STARTED_OVER, title="Started over")

    def action_summary_now(self) -> None:
        if not self.session.history:
            self.say_problem(NOTHING_ANSWERED)
            return
        self.finish()
