"""Conversations in Redis, shared by several workers on several hosts.

Keys, all under `pathfinder:` (the database may be shared with other apps):

    conversation:<key>  hash of data (JSON), version, updated; expires when idle
    message:<record>    the reply sent to a MessageSid of one conversation
                        (store.message_record); expires after two days
    messages:<key>      the message records of a conversation, unlinked on opt-out
    turns:<key>         the texts of a number waiting for their turn, in order
    leases:<key>        until when each waiting worker counts as alive

`<key>` is the keyed hash of a phone number. A text costs two round trips:
take the turn and read (one script), then save and end the turn (another).
Scripts and their locking are in redis_scripts.py.

A lost connection is retried briefly and then reported as a StoreError, which
the inbox turns into a "please send that again" reply; the client reconnects
by itself on a later text once Redis is back.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import secrets
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any, Callable
from urllib.parse import urlsplit

import redis.asyncio as redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import NoScriptError, RedisError

from . import redis_scripts as scripts
from .store import (
    DEDUPE_SECONDS,
    DEFAULT_IDLE_SECONDS,
    ConflictError,
    Loaded,
    Saved,
    SessionStore,
    StoreError,
    decode_conversation,
    encode_conversation,
    message_record,
)

PREFIX = "pathfinder:"
OLDEST_REDIS = (6, 2)

# A worker that stops asking for its turn for this long is taken for dead.
# It is below the inbox's wait for a turn, so the texts queued behind a dead
# worker are still answered.
LEASE_SECONDS = 3.0
FIRST_POLL_SECONDS = 0.002
LAST_POLL_SECONDS = 0.05

# Twilio waits 15 s for a reply: a few short tries, then "send it again".
CONNECT_TIMEOUT_SECONDS = 1.0
REPLY_TIMEOUT_SECONDS = 2.0
RETRIES = 2
PURGE_SCAN_BATCH = 500

logger = logging.getLogger("pathfinder.sms")


class RedisStore(SessionStore):
    expires_by_itself = True

    def __init__(
        self,
        url: str,
        idle_seconds: float = DEFAULT_IDLE_SECONDS,
        clock: Callable[[], float] = time.time,
        lease_seconds: float = LEASE_SECONDS,
    ) -> None:
        super().__init__(idle_seconds, clock)
        self.url = url
        self.lease_seconds = lease_seconds
        self._client: redis.Redis | None = None
        self._held: dict[str, str] = {}
        """The token of each turn this process holds, by conversation key."""
        # Tokens name this process in every worker's queue: unique across
        # hosts without asking the system for randomness on every text.
        self._worker = secrets.token_hex(8)
        self._tokens = itertools.count()

    @property
    def where(self) -> str:
        """Host, port and database, without any password the URL holds."""
        parts = urlsplit(self.url)
        database = parts.path.lstrip("/") or "0"
        try:
            port = parts.port or 6379
        except ValueError:
            return "the configured Redis"
        return f"{parts.hostname or 'localhost'}:{port}/{database}"

    async def open(self) -> None:
        if self._client is not None:
            return
        try:
            client = redis.Redis.from_url(
                self.url,
                decode_responses=True,
                socket_connect_timeout=CONNECT_TIMEOUT_SECONDS,
                socket_timeout=REPLY_TIMEOUT_SECONDS,
                retry=Retry(ExponentialBackoff(cap=0.25, base=0.05), RETRIES),
            )
        except ValueError:
            # Not repeated: the URL may hold a password.
            raise StoreError(
                "PATHFINDER_STORE is not a Redis URL Pathfinder can read; it "
                "looks like redis://:password@host:6379/0"
            ) from None
        try:
            info = await client.info("server")
        except RedisError as error:
            await client.aclose()
            raise StoreError(
                f"cannot reach the Redis session store at {self.where} "
                f"({str(error).rstrip('.')}). Check that Redis runs there and "
                "that PATHFINDER_STORE names it."
            ) from None
        version = str(info.get("redis_version", "0"))
        if _version(version) < OLDEST_REDIS:
            await client.aclose()
            raise StoreError(
                f"the Redis at {self.where} is version {version}; Pathfinder "
                "needs 6.2 or newer"
            )
        self._client = client

    async def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            await client.aclose()

    @asynccontextmanager
    async def turn(self, key: str, message_sid: str) -> AsyncIterator[Loaded]:
        # Texts of one number in this process queue here first, so only one
        # of them at a time waits in Redis, where the other workers' are.
        async with self._queues.hold(key):
            token = f"{self._worker}-{next(self._tokens)}"
            self._held[key] = token
            try:
                loaded = await self._take_turn(key, message_sid, token)
            except StoreError:
                # Redis failed: whatever was queued ends with its lease.
                del self._held[key]
                raise
            except BaseException:
                del self._held[key]
                await self._end_turn(key, token)
                raise
            try:
                yield loaded
            finally:
                if self._held.pop(key, None) is not None:
                    await self._end_turn(key, token)

    async def load(self, key: str, message_sid: str) -> Loaded:
        record = message_record(key, message_sid)
        found = await self._call(
            scripts.LOAD, [_message(record), _conversation(key)], []
        )
        return self._loaded(found)

    async def save(
        self,
        key: str,
        message_sid: str,
        reply: str,
        data: dict[str, Any] | None,
        version: int | None,
    ) -> str:
        now = self.clock()
        record = message_record(key, message_sid)
        args = [
            record,
            reply,
            "" if data is None else encode_conversation(data),
            "" if version is None else str(version),
            repr(now),
            repr(now - self.idle_seconds),
            int(self.idle_seconds * 1000),
            DEDUPE_SECONDS,
            self._held.get(key, ""),
        ]
        # TODO: if Redis runs this script and then dies before its reply arrives
        # (the client retries twice first), the text was applied but the parent
        # is asked to send it again, and the resend answers the next question.
        # The mark can go when a text after a failed save is checked against
        # the message record of the one that failed.
        result = await self._call(scripts.SAVE, _keys_of(key, record), args)
        if result[0] == 0:
            raise ConflictError(
                "the conversation changed while this message was handled"
            )
        self._held.pop(key, None)
        return result[1]

    async def forget(self, key: str, message_sid: str) -> None:
        record = message_record(key, message_sid)
        args = [record, DEDUPE_SECONDS, self._held.get(key, ""), _message("")]
        await self._call(scripts.FORGET, _keys_of(key, record), args)
        self._held.pop(key, None)

    async def purge(self) -> int:
        """Delete conversations idle past the cutoff before Redis expires them.

        Redis expires idle conversations by itself; this is for an idle time
        made shorter since they were saved.
        """
        cutoff = repr(self.clock() - self.idle_seconds)
        client = self._open_client()
        deleted = 0
        try:
            batch: list[str] = []
            async for key in client.scan_iter(
                match=_conversation("*"), count=PURGE_SCAN_BATCH
            ):
                batch.append(key)
                if len(batch) == PURGE_SCAN_BATCH:
                    deleted += await self._call(scripts.PURGE, batch, [cutoff])
                    batch = []
            if batch:
                deleted += await self._call(scripts.PURGE, batch, [cutoff])
        except RedisError as error:
            raise self._failed(error) from None
        return deleted

    async def healthy(self) -> bool:
        try:
            return bool(await self._open_client().ping())
        except (StoreError, RedisError):
            return False

    async def _take_turn(self, key: str, message_sid: str, token: str) -> Loaded:
        record = message_record(key, message_sid)
        keys = [_turns(key), _leases(key), _message(record), _conversation(key)]
        args = [token, int(self.lease_seconds * 1000)]
        pause = FIRST_POLL_SECONDS
        while True:
            found = await self._call(scripts.TAKE_TURN, keys, args)
            if found[0] == 1:
                return self._loaded(found[1:])
            await asyncio.sleep(pause)
            pause = min(pause * 2, LAST_POLL_SECONDS)

    async def _end_turn(self, key: str, token: str) -> None:
        try:
            await self._call(scripts.END_TURN, [_turns(key), _leases(key)], [token])
        except StoreError as error:
            # Not worth failing a text that was handled: the lease runs out.
            logger.warning(
                "could not end a turn in Redis (%s); it ends by itself within "
                "%g s", error, self.lease_seconds,
            )

    def _loaded(self, found: Sequence[Any]) -> Loaded:
        earlier, data, version, updated = found
        if data is None or float(updated) < self.clock() - self.idle_seconds:
            return Loaded(None, earlier)
        saved = Saved(decode_conversation(data), int(version), float(updated))
        return Loaded(saved, earlier)

    async def _call(self, script: scripts.Script, keys: list[str], args: list) -> Any:
        client = self._open_client()
        try:
            try:
                return await client.execute_command(
                    "EVALSHA", script.sha, len(keys), *keys, *args
                )
            except NoScriptError:
                # A restarted Redis has forgotten its scripts; EVAL teaches it.
                return await client.execute_command(
                    "EVAL", script.source, len(keys), *keys, *args
                )
        except RedisError as error:
            raise self._failed(error) from None

    def _open_client(self) -> redis.Redis:
        if self._client is None:
            raise StoreError("the session store is not open")
        return self._client

    def _failed(self, error: RedisError) -> StoreError:
        return StoreError(
            f"the Redis session store at {self.where} failed: "
            f"{type(error).__name__}: {error}"
        )


def _keys_of(key: str, record: str) -> list[str]:
    """The keys SAVE and FORGET change, in the order the scripts expect."""
    return [
        _message(record), _conversation(key), _messages(key),
        _turns(key), _leases(key),
    ]


def _conversation(key: str) -> str:
    return f"{PREFIX}conversation:{key}"


def _message(record: str) -> str:
    return f"{PREFIX}message:{record}"


def _messages(key: str) -> str:
    return f"{PREFIX}messages:{key}"


def _turns(key: str) -> str:
    return f"{PREFIX}turns:{key}"


def _leases(key: str) -> str:
    return f"{PREFIX}leases:{key}"


def _version(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in text.split(".")[:2])
    except ValueError:
        return (0,)

