"""The text-message budget, measured on the messages as they would be sent.

Questions and re-prompts are built by the SMS conversation's own `Messages`
(GSM-7-safe, with the "Q3/8" progress a parent would see at that point), and
summaries by the renderers, so a check here holds what a phone receives.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from pathfinder.machine.errors import ContentError
from pathfinder.machine.flow import Flow
from pathfinder.machine.gsm import GSM_PER_PART, GSM_SINGLE_PART, measure
from pathfinder.machine.guidance.engine import Advice
from pathfinder.machine.render import SMS_MAX_PARTS, render_more, render_sms
from pathfinder.machine.session import Session
from pathfinder.sms.messages import ONE_PART, WELCOME_PARTS, Messages

SHORTEN_QUESTION = "shorten its sms text or its choices' short labels"


@dataclass(frozen=True)
class Over:
    """A message over its budget: what it was and how long it came out."""

    what: str
    parts: int
    allowed: int
    units: int
    encoding: str

    def __str__(self) -> str:
        room = GSM_SINGLE_PART if self.allowed == 1 else GSM_PER_PART * self.allowed
        return (f"{self.what} takes {self.parts} text parts ({self.units} "
                f"{self.encoding} characters), but must fit in {self.allowed} "
                f"({room} GSM-7 characters)")


def over(what: str, text: str, allowed: int) -> Over | None:
    size = measure(text)
    if size.parts <= allowed and size.encoding == "GSM-7":
        return None
    return Over(what, size.parts, allowed, size.units, size.encoding)


class QuestionBudget:
    """Checks each question and its re-prompt as sent, at every point of a path.

    The progress prefix ("Q3/8") depends on how a parent got to a question,
    so each question is measured once for each position it can be asked at.
    """

    def __init__(self, flow: Flow, file: str) -> None:
        self.flow = flow
        self.file = file
        self.messages = Messages(flow)
        self.seen: set[tuple[str, str, int, int]] = set()
        self.problems: dict[tuple[str, str], ContentError] = {}

    def visit(self, session: Session) -> None:
        """Measure what is sent at this point, once per question and position."""
        if session.done:
            return
        key = (session.current, session.language, session.number,
               session.about_total(self.flow))
        if key in self.seen:
            return
        self.seen.add(key)

        sent = {
            "the question": (self.messages.question(session), ONE_PART),
            "the re-prompt after an answer that is not understood":
                (self.messages.not_understood(session), ONE_PART),
        }
        if session.number == 1:
            sent["the welcome with this first question"] = (
                self.messages.welcome(session), WELCOME_PARTS)

        position = f"({session.language}) as question {key[2]} of {key[3]}"
        for what, (text, allowed) in sent.items():
            found = over(f"{what} {position}", text, allowed)
            if found:
                self.problems.setdefault((session.current, what), ContentError(
                    self.file, f'question "{session.current}"',
                    f"{found}; {SHORTEN_QUESTION}"))


# The Advice fields each renderer reads (render.py). Advices that agree on
# these render the same text, so each text is measured once;
# tests/tools/test_budget.py proves the renderers read nothing else.
SUMMARY_READS = ("lang", "primary", "why", "deadlines", "also_consider")
MORE_READS = ("lang", "next_steps", "gather", "deadlines", "local_rules", "free_help")


class SummaryBudget:
    """Checks the summary and the MORE texts of every path's advice.

    Thousands of paths share far fewer distinct texts; each is rendered and
    measured once, and a problem names the first path that reached it.
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.seen: set[tuple[object, ...]] = set()
        self.problems: list[ContentError] = []

    def visit(self, advice: Advice, path: Callable[[], str]) -> None:
        """Measure the texts of `advice`; `path` names the way it was reached."""
        renders: list[tuple[str, tuple[str, ...], Callable[[], list[str]]]] = [
            ("the summary text", SUMMARY_READS, lambda: [render_sms(advice)]),
            ("a MORE text", MORE_READS, lambda: render_more(advice)),
        ]
        for what, reads, render in renders:
            key = (what, *(_frozen(getattr(advice, name)) for name in reads))
            if key in self.seen:
                continue
            self.seen.add(key)
            for text in render():
                found = over(f"{what} ({advice.lang})", text, SMS_MAX_PARTS)
                if found:
                    self.problems.append(ContentError(
                        self.file, f'path "{path()}"',
                        f"{found}; shorten the guidance texts it uses "
                        "(path names, reasons, steps, labels, deadlines)"))
                    break


def _frozen(value: object) -> object:
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value
