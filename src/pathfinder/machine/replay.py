"""Find the answers that lead a flow to a given set of facts.

Tests play each scenario through the screen and the text conversation with
these answers; developers use it to reach a situation without typing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from .flow import DONE, Flow


@dataclass(frozen=True)
class Step:
    question: str
    answer: str | None  # None: skip this optional question


def answers_for(flow: Flow, facts: Mapping[str, str]) -> list[Step]:
    """The steps from the first question that gather `facts`.

    Stops early, before the first required question whose fact is not in
    `facts`: that is where a parent would ask for the summary. An optional
    question with no fact is skipped. A fact the path implies (a choice's
    `sets`) is not asked again because the flow does not ask it.
    """
    steps: list[Step] = []
    qid = flow.start
    while qid != DONE:
        question = flow.question(qid)
        value = facts.get(question.fact)
        if value is None:
            if not question.optional:
                break
            steps.append(Step(qid, None))
            qid = question.next
            continue
        steps.append(Step(qid, value))
        qid = question.next if question.kind == "code" else question.choice(value).next
    return steps
