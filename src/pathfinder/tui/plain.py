"""`pathfinder --plain`: the same questions line by line, for screen readers
and simple terminals. It reads answers from standard input and prints plain
text, with no colours, symbols or screen drawing.

A parent answers with a choice's number, or types a word: BACK, RESTART,
SKIP, WHY, SUMMARY or QUIT (or the same words in their language). It ends
with the full summary.
"""

from __future__ import annotations

import unicodedata
from typing import TextIO

from ..machine.errors import InvalidAnswer
from ..machine.facts import UnknownFact
from ..machine.flow import Flow, Question
from ..machine.session import Session
from ..machine.statemachine import FlowMachine
from .outcome import outcome_of
from .words import Words, words_for

COMMANDS = ("back", "restart", "skip", "why", "summary", "quit")

# What happens after a line: ask a question in full, only say again how to
# answer (after help or a problem, so a screen reader need not read every
# choice again), show the summary, or stop without one.
ASK, PROMPT, SUMMARY, STOP = "ask", "prompt", "summary", "stop"
# After a problem that already said how to answer: only the other words.
OTHER_WORDS = "other_words"


class PlainConversation:
    """One parent's way through the questions, a line in and lines out."""

    def __init__(self, flow: Flow, lang: str, out: TextIO) -> None:
        self.flow = flow
        self.lang = lang
        self.out = out
        self.words = words_for(lang)
        self.machine = FlowMachine.for_flow(flow)
        self.session = Session.begin(flow, language=lang)
        self.command_words = _command_words(self.words)

    def say(self, *lines: str) -> None:
        for line in lines:
            print(line, file=self.out)
        self.out.flush()

    def greet(self) -> None:
        words = self.words
        self.say(self.flow.title.get(self.lang), "",
                 self.flow.intro.get(self.lang),
                 words("welcome.promise_private"),
                 words("welcome.promise_not_advice"))

    @property
    def question(self) -> Question:
        return self.flow.question(self.session.current)

    def ask(self) -> None:
        """Print the current question, its choices and how to answer."""
        words, question = self.words, self.question
        total = self.session.about_total(self.flow)
        self.say("", words("question.progress", number=self.session.number,
                           total=total),
                 question.text.get(self.lang))

        earlier = self.session.previous_answer(question.id)
        for number, choice in enumerate(question.choices, start=1):
            label = choice.label.get(self.lang)
            if choice.value == earlier:
                label = f"{label} {words('plain.earlier_answer')}"
            self.say(f"{number}. {label}")
        if question.kind == "code" and earlier:
            self.say(f"{earlier} {words('plain.earlier_answer')}")
        self.prompt()

    def prompt(self, how: bool = True) -> None:
        """How to answer the current question (`how`: the way to answer it
        too, not only the other words)."""
        words, question = self.words, self.question
        if how:
            self.say(words("plain.code") if question.kind == "code"
                     else words("plain.how_to_answer", count=len(question.choices)))
        self.say(words("plain.other_words", words=self.offered_words()))

    def offered_words(self) -> str:
        names = [name for name in COMMANDS
                 if name != "skip" or self.question.optional]
        if not self.session.history:
            names = [name for name in names if name not in ("back", "summary")]
        return ", ".join(self.words(f"plain.{name}") for name in names)

    def take(self, line: str) -> str:
        """Act on one line the parent typed; say what comes next."""
        typed = line.strip()
        command = self.command_words.get(_folded(typed))
        if command is not None:
            return getattr(self, f"do_{command}")()
        return self.answer(typed)

    def answer(self, typed: str) -> str:
        value = self.choice_value(typed) if self.question.kind == "choice" else typed
        try:
            self.machine.answer(self.session, value or "")
        except InvalidAnswer:
            self.say(self.problem_with(typed))
            # A code problem already says how to type the code.
            return OTHER_WORDS if self.question.kind == "code" else PROMPT
        return SUMMARY if self.session.done else ASK

    def choice_value(self, typed: str) -> str | None:
        choices = self.question.choices
        if typed.isdigit() and 1 <= int(typed) <= len(choices):
            return choices[int(typed) - 1].value
        return None

    def problem_with(self, typed: str) -> str:
        words = self.words
        if self.question.kind == "choice":
            return words("plain.not_understood")
        code = typed.upper()
        return (words("question.unknown_code", code=code) if code
                else words("question.empty_code"))

    def do_back(self) -> str:
        if not self.session.back():
            self.say(self.words("question.first_question"))
            return PROMPT
        return ASK

    def do_restart(self) -> str:
        self.session.restart()
        self.say(self.words("question.started_over"))
        return ASK

    def do_skip(self) -> str:
        try:
            self.machine.skip(self.session)
        except InvalidAnswer:
            self.say(self.words("question.needs_answer"))
            return PROMPT
        return SUMMARY if self.session.done else ASK

    def do_why(self) -> str:
        self.say(self.words("question.why", help=self.question.help.get(self.lang)))
        return PROMPT

    def do_summary(self) -> str:
        if not self.session.history:
            # After BACK to the first question an earlier answer is shown, but
            # only answers on the way to this question count: say so.
            kept = self.session.previous_answer(self.question.id) is not None
            self.say(self.words("plain.keep_answer_first" if kept
                                else "question.nothing_answered"))
            return PROMPT
        return SUMMARY

    def do_quit(self) -> str:
        return STOP

    def stop(self) -> None:
        self.say("", self.words("plain.stopped"))

    def show_summary(self) -> None:
        """The full summary for the answers so far."""
        try:
            outcome = outcome_of(self.flow, self.session)
        except UnknownFact:
            self.say("", self.words("question.no_advice"))
            return
        self.say("", self.words("plain.summary_heading"), "")
        if not outcome.complete:
            self.say(self.words("summary.stopped_early"), "")
        self.say(outcome.summary_text.rstrip("\n"))


def run_plain(flow: Flow, lang: str, given: TextIO, out: TextIO) -> int:
    """Ask the questions over `given` and `out` until the summary; exit code 0."""
    talk = PlainConversation(flow, lang, out)
    talk.greet()
    next_step = ASK
    while next_step in (ASK, PROMPT, OTHER_WORDS):
        if next_step == ASK:
            talk.ask()
        elif next_step == OTHER_WORDS:
            talk.prompt(how=False)
        else:
            talk.prompt()
        line = _read_line(given)
        # None is the end of input: Ctrl+D or Ctrl+C, or a piped file's end.
        next_step = STOP if line is None else talk.take(line)

    if next_step == SUMMARY:
        talk.show_summary()
    else:
        talk.stop()
    return 0


def _read_line(given: TextIO) -> str | None:
    try:
        line = given.readline()
    except KeyboardInterrupt:
        return None
    return line or None


def _command_words(words: Words) -> dict[str, str]:
    """Typed word (folded) -> command; English words work in every language."""
    english = words_for("en")
    known: dict[str, str] = {}
    for name in COMMANDS:
        for source in (english, words):
            known[_folded(source(f"plain.{name}"))] = name
    return known


def _folded(text: str) -> str:
    """Upper case without accents, so ATRÁS, atras and Atrás all match."""
    decomposed = unicodedata.normalize("NFD", text.strip().upper())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
