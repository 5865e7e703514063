"""One person's way through a flow, as plain data that survives between texts.

A session is small on purpose: the current question, the answers, the
questions actually asked (for Back) and the language. The shared state
machine moves it; the session itself only records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .flow import DONE, Flow

FORMAT_VERSION = 1


@dataclass
class Session:
    flow: str
    start: str
    current: str
    answers: dict[str, str] = field(default_factory=dict)
    history: list[str] = field(default_factory=list)
    language: str = "en"

    @classmethod
    def begin(cls, flow: Flow, language: str = "en") -> "Session":
        return cls(flow=flow.name, start=flow.start, current=flow.start,
                   language=language)

    @property
    def done(self) -> bool:
        return self.current == DONE

    @property
    def number(self) -> int:
        """The position of the current question: 1 for the first one asked."""
        return len(self.history) + 1

    def about_total(self, flow: Flow) -> int:
        """How many questions this session will have asked, at most."""
        if self.done:
            return len(self.history)
        return len(self.history) + flow.remaining_at_most(self.current)

    def previous_answer(self, qid: str) -> str | None:
        """The answer given to `qid` before, shown again when a parent goes Back."""
        return self.answers.get(qid)

    def record(self, qid: str, value: str | None, next_qid: str) -> None:
        """Keep an answer (None for a skip) and move on to `next_qid`.

        A changed answer may send the parent down another branch, so the
        answers to questions not asked on the way here are dropped: a fact
        from a branch no longer taken must never reach the advice.
        """
        if self.answers.get(qid) != value:
            asked = set(self.history) | {qid}
            self.answers = {q: a for q, a in self.answers.items() if q in asked}
        if value is None:
            self.answers.pop(qid, None)
        else:
            self.answers[qid] = value
        self.history.append(qid)
        self.current = next_qid

    def back(self) -> bool:
        """Return to the question asked before this one; False at the first."""
        if not self.history:
            return False
        self.current = self.history.pop()
        return True

    def restart(self) -> None:
        """Forget everything and begin again, keeping only the language."""
        self.current = self.start
        self.answers = {}
        self.history = []

    def facts(self, flow: Flow) -> dict[str, str]:
        """The facts gathered on the path actually taken.

        Facts implied by an answer (a choice's `sets`) come first, so that a
        question the parent answered always wins over an implication.
        """
        asked = [(flow.question(q), self.answers.get(q)) for q in self.history]
        facts: dict[str, str] = {}
        for question, value in asked:
            if value is not None and question.kind == "choice":
                facts.update(question.choice(value).sets)
        for question, value in asked:
            if value is not None:
                facts[question.fact] = value
        return facts

    def to_dict(self) -> dict[str, Any]:
        return {
            "v": FORMAT_VERSION,
            "flow": self.flow,
            "start": self.start,
            "current": self.current,
            "answers": dict(self.answers),
            "history": list(self.history),
            "language": self.language,
        }

    @classmethod
    def from_dict(cls, data: Any, flow: Flow | None = None) -> "Session":
        """Rebuild a saved session; ValueError if the data cannot be trusted.

        With `flow`, also check that every question named still exists, so a
        session saved before a content change is refused rather than misread.
        """
        if not isinstance(data, dict) or data.get("v") != FORMAT_VERSION:
            raise ValueError("not a saved session of this version")
        try:
            session = cls(
                flow=_str(data["flow"]),
                start=_str(data["start"]),
                current=_str(data["current"]),
                answers={_str(k): _str(v) for k, v in data["answers"].items()},
                history=[_str(q) for q in data["history"]],
                language=_str(data["language"]),
            )
        except (KeyError, AttributeError, TypeError) as error:
            raise ValueError(f"saved session is incomplete: {error}") from None
        if flow is not None:
            session.check_against(flow)
        return session

    def check_against(self, flow: Flow) -> None:
        named = [self.start, *self.history, *self.answers]
        if self.current != DONE:
            named.append(self.current)
        unknown = [q for q in named if q not in flow.questions]
        if self.flow != flow.name or unknown:
            raise ValueError(f"saved session does not fit flow {flow.name!r}")
        for qid, value in self.answers.items():
            question = flow.question(qid)
            accepted = question.codes if question.kind == "code" else question.values
            if value not in accepted:
                raise ValueError(f"saved answer to {qid!r} is not a choice")


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value
