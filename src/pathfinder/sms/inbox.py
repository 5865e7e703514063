"""Incoming texts applied to stored conversations: in turn, once, never lost.

For each text: wait for this number's turn, read the conversation and any
earlier reply to the same MessageSid (one read), let the conversation
answer, then record the message with its reply and the new state (one
write). A repeated MessageSid gets the reply sent the first time. Anything
that goes wrong becomes a one-part "please send that again" reply, so a
parent is never left without an answer and nothing half-done is kept.
"""

from __future__ import annotations

import asyncio
import logging
import time
from contextlib import AsyncExitStack
from dataclasses import dataclass
from typing import Callable

from pathfinder.machine.text import DEFAULT_LANGUAGE

from . import messages
from .conversation import Conversation, Incoming, State
from .identity import log_id
from .logs import describe_error, safe_sid
from .store import NO_REPLY, ConflictError, Loaded, SessionStore

logger = logging.getLogger("pathfinder.sms")

# Twilio waits 15 s for a reply; a text still queued behind others from the
# same number after this long gets "please send that again" instead.
TURN_WAIT_SECONDS = 5.0
SAVE_ATTEMPTS = 3


@dataclass(frozen=True)
class Text:
    """One incoming text, its sender already hashed."""

    key: str
    message_sid: str
    body: str
    media_count: int = 0


@dataclass(frozen=True)
class Reply:
    text: str | None
    """The message to send back; None sends nothing."""
    event: str
    """What happened, as logged."""


class Inbox:
    def __init__(
        self,
        store: SessionStore,
        conversation: Conversation,
        clock: Callable[[], float] = time.time,
        turn_wait_seconds: float = TURN_WAIT_SECONDS,
    ) -> None:
        self.store = store
        self.conversation = conversation
        self.clock = clock
        self.turn_wait_seconds = turn_wait_seconds

    async def receive(self, text: Text) -> Reply:
        """The reply to `text`; never raises."""
        seen = _Seen()
        try:
            return await self._in_turn(text, seen)
        except Exception as error:  # noqa: BLE001 - the parent must get an answer
            _log_failure(text, error)
            return Reply(messages.try_again(seen.language), "failed")

    async def _in_turn(self, text: Text, seen: "_Seen") -> Reply:
        async with AsyncExitStack() as turn:
            # Only the wait is bounded: once a save has begun it must finish,
            # or the parent would be asked to resend a text that was applied.
            async with asyncio.timeout(self.turn_wait_seconds):
                loaded = await turn.enter_async_context(
                    self.store.turn(text.key, text.message_sid)
                )
            return await self._apply(text, loaded, seen)

    async def _apply(self, text: Text, loaded: Loaded, seen: "_Seen") -> Reply:
        for _ in range(SAVE_ATTEMPTS):
            if loaded.earlier_reply is not None:
                return self._logged(text, loaded.earlier_reply, "repeat answered again")
            try:
                return await self._answer(text, loaded, seen)
            except ConflictError:
                # Another process changed this conversation; read it again.
                loaded = await self.store.load(text.key, text.message_sid)
        raise ConflictError(f"the conversation kept changing ({SAVE_ATTEMPTS} tries)")

    async def _answer(self, text: Text, loaded: Loaded, seen: "_Seen") -> Reply:
        state, version, idle = self._restore(text, loaded)
        if state is not None:
            seen.language = state.session.language
        incoming = Incoming(text.body, text.media_count, idle)
        turn = self.conversation.reply_to(state, incoming)

        if turn.forget:
            await self.store.forget(text.key, text.message_sid)
            return self._logged(text, NO_REPLY, turn.event)

        reply = turn.reply or NO_REPLY
        data = turn.state.to_dict() if turn.state else None
        sent = await self.store.save(text.key, text.message_sid, reply, data, version)
        if sent != reply:
            return self._logged(text, sent, "repeat answered again")
        return self._logged(text, sent, turn.event, turn.at)

    def _restore(
        self, text: Text, loaded: Loaded
    ) -> tuple[State | None, int | None, float | None]:
        saved = loaded.saved
        if saved is None:
            return None, None, None
        idle = max(0.0, self.clock() - saved.updated)
        try:
            state = State.from_dict(saved.data, self.conversation.flow)
        except ValueError as error:
            logger.warning(
                "conversation %s: saved state no longer fits the questionnaire "
                "(%s); starting over", log_id(text.key), error,
            )
            return None, saved.version, idle
        return state, saved.version, idle

    def _logged(self, text: Text, reply: str, event: str, at: str = "") -> Reply:
        where = f", now at {at}" if at else ""
        logger.info(
            "conversation %s: %s%s (message %s)",
            log_id(text.key), event, where, safe_sid(text.message_sid),
        )
        return Reply(reply or None, event)


@dataclass
class _Seen:
    """What a text's handling learnt before it failed: the language to ask in."""

    language: str = DEFAULT_LANGUAGE


def _log_failure(text: Text, error: Exception) -> None:
    if isinstance(error, TimeoutError):
        what = "it waited too long behind earlier texts from the same number"
    else:
        what = describe_error(error)
    logger.error(
        "conversation %s: could not handle message %s (%s); asked the parent to "
        "send it again", log_id(text.key), safe_sid(text.message_sid), what,
    )
