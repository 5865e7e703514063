"""Every way through a flow, moved by the flow's own shared state machine.

The walk answers each question every way it can be answered, going Back to
try the next answer, exactly as a parent would. A code question (such as the
state) is tried with a few sample codes rather than all of them; `code_samples`
picks one code for each way the guidance treats codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Mapping

from pathfinder.machine.flow import Flow, Question
from pathfinder.machine.guidance.engine import Guidance
from pathfinder.machine.session import Session
from pathfinder.machine.statemachine import FlowMachine

# What a skipped answer is called in listings; no choice may use it as a value.
SKIP = "skip"


@dataclass(frozen=True)
class Step:
    question: str
    answer: str | None
    """A choice value, a code, or None for a skipped question."""

    def __str__(self) -> str:
        return f"{self.question}={SKIP if self.answer is None else self.answer}"


@dataclass(frozen=True)
class FlowPath:
    """One complete way through a flow: the answers in order, and the facts."""

    steps: tuple[Step, ...]
    facts: Mapping[str, str]

    @property
    def answers(self) -> str:
        return " > ".join(str(step) for step in self.steps)


def visits(flow: Flow, codes: Mapping[str, tuple[str, ...]],
           lang: str = "en") -> Iterator[Session]:
    """The session at every question and every end, in depth-first order.

    The same session object is moved on after each one is yielded: read it
    (or copy it with `to_dict`) before asking for the next.

    Args:
        codes: for each code question, the codes to try.
    """
    machine = FlowMachine.for_flow(flow)
    session = Session.begin(flow, lang)

    def explore() -> Iterator[Session]:
        yield session
        if session.done:
            return
        question = flow.question(session.current)
        for answer in answers_to(question, codes):
            if answer is None:
                machine.skip(session)
            else:
                machine.answer(session, answer)
            yield from explore()
            session.back()

    return explore()


def paths(flow: Flow, codes: Mapping[str, tuple[str, ...]]) -> Iterator[FlowPath]:
    """Every complete path, with the facts the session gathered on it."""
    for session in visits(flow, codes):
        if session.done:
            steps = tuple(Step(qid, session.answers.get(qid))
                          for qid in session.history)
            yield FlowPath(steps, session.facts(flow))


def answers_to(question: Question,
               codes: Mapping[str, tuple[str, ...]]) -> list[str | None]:
    """The answers the walk tries at `question`; None stands for a skip."""
    tried: list[str | None] = list(question.values)
    if question.kind == "code":
        tried += codes.get(question.id, question.codes[:1])
    if question.optional:
        tried.append(None)
    return tried


def code_samples(flow: Flow, guidance: Guidance) -> dict[str, tuple[str, ...]]:
    """For each code question, one code per way the guidance can treat it.

    That is every code the guidance names (a `[states.XX]` table or a rule's
    condition) and one code it names nowhere, so each distinct text the
    guidance can say about a code is reached.
    """
    samples = {}
    for question in flow.questions.values():
        if question.kind == "code":
            named = named_codes(question, guidance)
            plain = [code for code in question.codes if code not in named][:1]
            samples[question.id] = tuple(named) + tuple(plain)
    return samples


def typical_codes(flow: Flow, guidance: Guidance) -> dict[str, tuple[str, ...]]:
    """For each code question, a code with a time limit of its own and one without.

    A short listing for people; `code_samples` is the thorough one.
    """
    states = guidance.content.states
    typical = {}
    for question in flow.questions.values():
        if question.kind == "code":
            own = [code for code in states if states[code].time_limit
                   and code in question.codes]
            plain = [code for code in question.codes
                     if code not in states or not states[code].time_limit]
            typical[question.id] = tuple(own[:1] + plain[:1])
    return typical


def named_codes(question: Question, guidance: Guidance) -> list[str]:
    """The codes of `question` that the guidance has something of its own for."""
    content = guidance.content
    named = [code for code in content.states if question.fact == "state"]
    rules = [*content.primary_rules, *content.also_rules, *content.caution_rules,
             *content.extra_rules]
    for rule in rules:
        named += sorted(rule.when.facts.get(question.fact, ()))
    return [code for code in dict.fromkeys(named) if code in question.codes]
