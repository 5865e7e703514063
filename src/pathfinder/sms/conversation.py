"""The text conversation: a saved state and an incoming text give a reply.

Pure on purpose: no HTTP, no store, no clock. The inbox loads the state,
calls `Conversation.reply_to` and saves what it returns, so every rule about
what a parent is told lives here and is tested without a server.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pathfinder.machine.flow import Flow
from pathfinder.machine.guidance import Guidance, load_guidance
from pathfinder.machine.render import render_more, render_sms
from pathfinder.machine.session import Session
from pathfinder.machine.statemachine import FlowMachine
from pathfinder.machine.text import DEFAULT_LANGUAGE

from . import messages
from .answers import AnswerReader
from .keywords import Keyword, find_keyword, language_asked
from .messages import Messages

# A parent who has been away this long is greeted and told where they were.
RESUME_AFTER_SECONDS = 60 * 60
# Summaries and MORE texts kept rendered, by facts and language: the same few
# answer combinations come back again and again.
RENDERED_CACHE_SIZE = 256

FactsKey = tuple[tuple[str, Any], ...]


@dataclass
class State:
    """What is kept between texts: the session and how much MORE was sent."""

    session: Session
    more_sent: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"session": self.session.to_dict(), "more_sent": self.more_sent}

    @classmethod
    def from_dict(cls, data: Any, flow: Flow) -> "State":
        """Rebuild a saved state; ValueError if it no longer fits the flow."""
        if not isinstance(data, dict):
            raise ValueError("saved conversation is not a table")
        more_sent = data.get("more_sent", 0)
        if not isinstance(more_sent, int) or more_sent < 0:
            raise ValueError("saved conversation has a bad MORE count")
        return cls(Session.from_dict(data.get("session"), flow), more_sent)


@dataclass(frozen=True)
class Incoming:
    """One text as the conversation sees it."""

    body: str
    media_count: int = 0
    idle_seconds: float | None = None
    """Time since the parent's previous text, None for a first text."""


@dataclass
class Turn:
    """The outcome of one text: what to send, what to keep, what happened."""

    reply: str | None
    state: State | None
    event: str
    """What happened, in words for the log: "answered", "opted out"..."""
    forget: bool = False
    """Delete everything stored for this number (an opt-out)."""
    at: str = ""
    """The question the conversation is on afterwards, or "done"."""


@dataclass(frozen=True)
class Rules:
    answer_help: bool = True
    """Reply to HELP and INFO ourselves; off when Twilio's reply is enough."""
    resume_after_seconds: float = RESUME_AFTER_SECONDS


class Conversation:
    """The conversation for one flow; built once and shared by all numbers."""

    def __init__(self, flow: Flow, rules: Rules = Rules(),
                 guidance: Guidance | None = None) -> None:
        """`guidance` is the flow's, when the caller has it loaded already."""
        self.flow = flow
        self.rules = rules
        self.machine = FlowMachine.for_flow(flow)
        self.guidance = guidance or load_guidance(flow.guidance)
        self.answers = AnswerReader(flow)
        self.messages = Messages(flow)
        # Per instance, so each flow's cache goes with its conversation.
        self._summary = lru_cache(RENDERED_CACHE_SIZE)(self._render_summary)
        self._details = lru_cache(RENDERED_CACHE_SIZE)(self._render_details)

    def reply_to(self, state: State | None, incoming: Incoming) -> Turn:
        keyword = find_keyword(incoming.body)
        if keyword is Keyword.OPT_OUT:
            return Turn(None, None, "opted out", forget=True)
        asked = language_asked(keyword)
        if asked is not None:
            return self.switch_language(state, asked)
        if keyword is Keyword.OPT_IN or state is None:
            # Starting afresh keeps the language the parent chose.
            lang = state.session.language if state else DEFAULT_LANGUAGE
            return self.start(keyword, lang)
        if keyword in (Keyword.HELP, Keyword.AYUDA):
            return self.help(state, keyword)
        if keyword is Keyword.RESTART:
            return self.restart(state)
        if keyword is Keyword.BACK:
            return self.back(state)
        if keyword is Keyword.MORE:
            return self.more(state)
        return self.answer(state, incoming)

    def start(self, keyword: Keyword | None, lang: str = DEFAULT_LANGUAGE) -> Turn:
        if keyword in (Keyword.HELP, Keyword.AYUDA):
            # Help before anything else: say what this is, keep nothing yet.
            return self.help(None, keyword)
        session = Session.begin(self.flow, lang)
        state = State(session)
        return self.turn(self.messages.welcome(session), state, "started")

    def help(self, state: State | None, keyword: Keyword) -> Turn:
        if keyword is Keyword.HELP and not self.rules.answer_help:
            return self.turn(None, state, "left HELP to Twilio")
        # AYUDA is asked in Spanish; HELP in the conversation's language.
        lang = state.session.language if state else DEFAULT_LANGUAGE
        if keyword is Keyword.AYUDA:
            lang = "es"
        done = state is not None and state.session.done
        return self.turn(messages.help_text(lang, done), state, "sent help")

    def switch_language(self, state: State | None, lang: str) -> Turn:
        """Go on in `lang` from where the parent is: a first text starts in it,
        a question is asked again in it, a finished parent gets the summary."""
        if lang not in self.flow.languages:
            if state is None:
                return self.start(None)
            reply = self.messages.unavailable(state.session, lang)
            return self.turn(reply, state, "language unavailable")
        if state is None:
            return self.start(None, lang)

        session = state.session
        session.language = lang
        state.more_sent = 0
        if session.done:
            summary = self.summary(session)
            return self.turn(summary, state, "switched language, summary again")
        return self.turn(self.messages.switched(session), state, "switched language")

    def restart(self, state: State) -> Turn:
        state.session.restart()
        state.more_sent = 0
        return self.turn(self.messages.restarted(state.session), state, "restarted")

    def back(self, state: State) -> Turn:
        session = state.session
        if not session.back():
            return self.turn(self.messages.at_first(session), state, "stayed at first")
        state.more_sent = 0
        return self.turn(self.messages.went_back(session), state, "went back")

    def more(self, state: State) -> Turn:
        session = state.session
        if not session.done:
            reply = self.messages.more_too_early(session)
            return self.turn(reply, state, "re-prompted")

        parts = self.details(session)
        if state.more_sent >= len(parts):
            return self.turn(messages.more_done(session.language), state, "sent more")
        reply = parts[state.more_sent]
        state.more_sent += 1
        if state.more_sent < len(parts):
            reply = messages.with_more_to_come(reply, session.language)
        return self.turn(reply, state, "sent more")

    def answer(self, state: State, incoming: Incoming) -> Turn:
        session = state.session
        resumed = self.is_resume(incoming)
        if session.done:
            reply = messages.summary_given(session.language, resumed)
            return self.turn(reply, state, "re-prompted")

        question = self.flow.question(session.current)
        answer = self.answers.read(question, incoming.body)
        if answer is None:
            return self.turn(self.not_understood(state, incoming, resumed), state,
                             "resumed" if resumed else "re-prompted")

        if answer.value is None:
            self.machine.skip(session)
        else:
            self.machine.answer(session, answer.value)

        if session.done:
            return self.turn(self.summary(session), state, "finished")
        reply = self.messages.next_question(session, resumed)
        return self.turn(reply, state, "answered")

    def not_understood(self, state: State, incoming: Incoming, resumed: bool) -> str:
        session = state.session
        if resumed:
            return self.messages.resumed(session)
        words = messages.wording(session.language)
        note = None
        if not incoming.body.strip():
            note = words.media if incoming.media_count else words.empty
        return self.messages.not_understood(session, note)

    def is_resume(self, incoming: Incoming) -> bool:
        idle = incoming.idle_seconds
        return idle is not None and idle >= self.rules.resume_after_seconds

    def summary(self, session: Session) -> str:
        """The summary of a finished session, rendered once per facts and language."""
        return self._summary(self._facts_key(session), session.language)

    def details(self, session: Session) -> tuple[str, ...]:
        """The MORE texts of a finished session, rendered once likewise."""
        return self._details(self._facts_key(session), session.language)

    def _facts_key(self, session: Session) -> FactsKey:
        return tuple(sorted(session.facts(self.flow).items()))

    def _render_summary(self, facts: FactsKey, lang: str) -> str:
        return render_sms(self.guidance.advise(dict(facts), lang), lang)

    def _render_details(self, facts: FactsKey, lang: str) -> tuple[str, ...]:
        return tuple(render_more(self.guidance.advise(dict(facts), lang), lang))

    def turn(self, reply: str | None, state: State | None, event: str) -> Turn:
        at = state.session.current if state else ""
        return Turn(reply, state, event, at=at)
