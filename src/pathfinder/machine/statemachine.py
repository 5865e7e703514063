"""The one `transitions` machine per flow that moves every session.

Building a Machine costs milliseconds and adding a model per conversation
leaks memory, so each flow gets a single Machine with a single cursor model.
To move a session, the cursor is put on the session's question, the answer's
trigger fires, and the state the machine lands in is written back.
"""

from __future__ import annotations

import threading
from functools import cache

from transitions import Machine, MachineError

from .errors import InvalidAnswer
from .flow import DONE, Flow
from .session import Session


class _Cursor:
    """The model the shared Machine moves; holds no conversation of its own."""

    state: str


def transition_table(flow: Flow) -> list[dict[str, str]]:
    """The flow as `transitions` rules: one per answer that leaves a question."""
    return [
        {"trigger": trigger, "source": question.id, "dest": target}
        for question in flow.questions.values()
        for trigger, target in question.targets()
    ]


class FlowMachine:
    def __init__(self, flow: Flow) -> None:
        self.flow = flow
        self._cursor = _Cursor()
        self._lock = threading.Lock()
        self.machine = Machine(
            model=self._cursor,
            states=[*flow.questions, DONE],
            transitions=transition_table(flow),
            initial=flow.start,
            auto_transitions=False,
        )

    @classmethod
    @cache
    def for_flow(cls, flow: Flow) -> "FlowMachine":
        """The machine for `flow`, built on first use and shared after."""
        return cls(flow)

    def answer(self, session: Session, value: str) -> None:
        """Apply an answer to the session's current question.

        `value` is a choice value, or for a code question the code itself.
        Raises InvalidAnswer, leaving the session as it was.
        """
        question = self._current(session, value)
        if question.kind == "code":
            code = value.strip().upper()
            if code not in question.codes:
                raise InvalidAnswer(question.id, value)
            session.record(question.id, code, self._fire(question.id, "code"))
            return
        if value not in question.values:
            raise InvalidAnswer(question.id, value)
        session.record(question.id, value, self._fire(question.id, value))

    def skip(self, session: Session) -> None:
        """Skip an optional question; InvalidAnswer if it is not optional."""
        question = self._current(session, "skip")
        if not question.optional:
            raise InvalidAnswer(question.id, "skip")
        session.record(question.id, None, self._fire(question.id, "skip"))

    def _current(self, session: Session, value: str):
        if session.done:
            raise InvalidAnswer(DONE, value)
        return self.flow.question(session.current)

    def _fire(self, source: str, trigger: str) -> str:
        with self._lock:
            self._cursor.state = source
            try:
                self._cursor.trigger(trigger)
            except (MachineError, AttributeError):
                raise InvalidAnswer(source, trigger) from None
            return self._cursor.state
