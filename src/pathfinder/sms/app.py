"""The web app: POST /sms, Twilio's inbound-message webhook, and GET /healthz.

A text goes through in one pass: read the form once, check the signature
once, hash the sender, and hand the text to the inbox, whose reply comes
back as TwiML. A request Twilio would not send gets a short 4xx; after the
signature check every failure still answers the parent (see inbox.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager, suppress
from functools import lru_cache

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from twilio.twiml.messaging_response import MessagingResponse

from . import messages
from .form import BadRequest, Fields, inbound_text, read_form
from .identity import NumberHasher
from .inbox import Inbox, Text
from .logs import describe_error
from .signature import SignatureCheck
from .store import SessionStore, StoreError

logger = logging.getLogger("pathfinder.sms")

PURGE_EVERY_SECONDS = 60 * 60
TWIML_CACHE_SIZE = 1024
HEALTH_TIMEOUT_SECONDS = 2.0
UNSIGNED_WARNING = (
    "Twilio signatures are NOT being checked (development switch "
    "PATHFINDER_DEV_SKIP_SIGNATURE is on): anyone can post texts. Never run "
    "like this where the internet can reach it."
)


def twiml(text: str | None) -> Response:
    """A TwiML reply with one message, or with none when `text` is None."""
    return Response(_twiml_body(text), media_type="text/xml")


# Every parent gets the same few questions, so each reply is built once.
@lru_cache(maxsize=TWIML_CACHE_SIZE)
def _twiml_body(text: str | None) -> bytes:
    reply = MessagingResponse()
    if text:
        reply.message(text)
    return str(reply).encode("utf-8")


class Webhook:
    def __init__(
        self,
        inbox: Inbox,
        hasher: NumberHasher,
        signature: SignatureCheck | None,
        by_number: Mapping[str, Inbox] | None = None,
    ) -> None:
        """`signature` None skips the check (the development switch).

        `by_number` gives the inbox (so the questionnaire) of each Twilio
        number that has its own; a text to any other number goes to `inbox`.
        """
        self.inbox = inbox
        self.hasher = hasher
        self.signature = signature
        self.by_number = dict(by_number or {})

    async def receive_text(self, request: Request) -> Response:
        try:
            fields = await read_form(request)
            if not self._signed(request, fields):
                return PlainTextResponse("missing or wrong X-Twilio-Signature", 403)
            inbound = inbound_text(fields)
        except BadRequest as error:
            logger.warning(
                "rejected a request to %s: %s", request.url.path, error.detail
            )
            return PlainTextResponse(error.detail, error.status)

        try:
            inbox = self.by_number.get(inbound.recipient, self.inbox)
            text = Text(
                key=self.hasher.key(inbound.sender, inbox.conversation.flow.name),
                message_sid=inbound.message_sid,
                body=inbound.body,
                media_count=inbound.media_count,
            )
            reply = await inbox.receive(text)
            return twiml(reply.text)
        except Exception as error:  # noqa: BLE001 - a reply beats a 500 Twilio drops
            logger.error(
                "could not build a reply (%s); asked the parent to send it again",
                describe_error(error),
            )
            # The inbox never raises: this failed before it (hashing, say),
            # so the conversation's language is not known here.
            return twiml(messages.try_again("en"))

    def _signed(self, request: Request, fields: Fields) -> bool:
        if self.signature is None:
            logger.warning(UNSIGNED_WARNING)
            return True
        if self.signature.is_valid(request, fields):
            return True
        logger.warning(
            "rejected a request to %s: missing or wrong X-Twilio-Signature "
            "(check TWILIO_AUTH_TOKEN and PATHFINDER_PUBLIC_URL)", request.url.path
        )
        return False


def create_app(
    inbox: Inbox,
    hasher: NumberHasher,
    signature: SignatureCheck | None,
    purge_every_seconds: float = PURGE_EVERY_SECONDS,
    by_number: Mapping[str, Inbox] | None = None,
) -> Starlette:
    """The app; its lifespan opens the store and purges idle sessions hourly.

    The inboxes of `by_number` share the store of `inbox`. Tests that drive
    the app without a lifespan open the store themselves.
    """
    store = inbox.store
    webhook = Webhook(inbox, hasher, signature, by_number)

    async def healthz(request: Request) -> Response:
        try:
            ok = await asyncio.wait_for(store.healthy(), HEALTH_TIMEOUT_SECONDS)
        except TimeoutError:
            ok = False
        if ok:
            return PlainTextResponse("ok")
        return PlainTextResponse("the session store is unreachable", 503)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await store.open()
        if signature is None:
            logger.warning(UNSIGNED_WARNING)
        elif signature.note:
            logger.info(signature.note)
        purging = None
        if not store.expires_by_itself:
            purging = asyncio.create_task(
                _purge_now_and_then(store, purge_every_seconds)
            )
        try:
            yield
        finally:
            if purging is not None:
                purging.cancel()
                with suppress(asyncio.CancelledError):
                    await purging
            await store.close()

    routes = [
        Route("/sms", webhook.receive_text, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.store = store
    return app


async def _purge_now_and_then(store: SessionStore, every_seconds: float) -> None:
    while True:
        try:
            deleted = await store.purge()
        except StoreError as error:
            logger.error("could not delete idle sessions: %s; will try again", error)
        else:
            if deleted:
                logger.info("deleted %d idle sessions", deleted)
        await asyncio.sleep(every_seconds)
