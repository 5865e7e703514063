"""Where conversations are kept between texts: the interface and its URL.

A store keeps, per hashed phone number, one conversation (plain JSON data)
that expires after a time without texts, and per MessageSid of that
conversation the reply that was sent, so that a message Twilio delivers twice
is answered the same way and applied once. A MessageSid is recorded within
its conversation (`message_record`): the same MessageSid in a request from
another number is a new message there, never answered with this one's reply.
A message's record and its conversation change together in one atomic step,
and texts from one number take turns.

`open_store(url)` picks the implementation:

    sqlite:///path/to/file.db   a SQLite file (the default, nothing to install)
    sqlite://                   SQLite in memory, gone when the process ends
    redis://host:port/db        Redis: several workers on several hosts
    rediss://host:port/db       the same over TLS
"""

from __future__ import annotations

import abc
import asyncio
import hashlib
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from urllib.parse import quote, unquote, urlsplit

DAY_SECONDS = 24 * 60 * 60
DEFAULT_IDLE_SECONDS = 30 * DAY_SECONDS

# How long a MessageSid's reply is kept to answer a repeated delivery. Twilio
# repeats within seconds; two days also covers an operator replaying a day.
DEDUPE_SECONDS = 2 * DAY_SECONDS

NO_REPLY = ""
"""The reply recorded for a message that was answered with silence."""


class StoreError(Exception):
    """The store cannot be opened or used; the message says what to check."""


class ConflictError(StoreError):
    """The conversation changed since it was loaded (another process wrote)."""


@dataclass(frozen=True)
class Saved:
    """A conversation as stored."""

    data: dict[str, Any]
    version: int
    """Changes with every save; a save names the version it started from."""
    updated: float
    """When the conversation was last saved (seconds since the epoch)."""


@dataclass(frozen=True)
class Loaded:
    """What one read returns for an incoming message."""

    saved: Saved | None
    """The live conversation for the number; None if none or expired."""
    earlier_reply: str | None
    """The reply already sent for this MessageSid; None if it is new."""


class SessionStore(abc.ABC):
    """Conversations by hashed phone number, and replies by MessageSid.

    All methods are coroutines; an implementation must not block the event
    loop for long. A text is handled inside `turn(key, message_sid)`, which
    waits for the number's turn and reads what is stored; the save that
    follows happens before the turn ends, so texts from one number are
    applied one after the other.
    """

    expires_by_itself = False
    """True when the engine deletes idle conversations without `purge`."""

    def __init__(
        self,
        idle_seconds: float = DEFAULT_IDLE_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.idle_seconds = idle_seconds
        self.clock = clock
        """Seconds since the epoch; tests move it by hand."""
        self._queues = KeyedLocks()

    @abc.abstractmethod
    async def open(self) -> None:
        """Connect and create what is missing; safe to call when open."""

    @abc.abstractmethod
    async def close(self) -> None: ...

    @asynccontextmanager
    async def turn(self, key: str, message_sid: str) -> AsyncIterator[Loaded]:
        """Wait for the turn of `key`, in arrival order, and read its state.

        Cancelling the wait is safe: nothing has been written yet.
        """
        async with self._queues.hold(key):
            yield await self.load(key, message_sid)

    @abc.abstractmethod
    async def load(self, key: str, message_sid: str) -> Loaded:
        """The conversation of `key` and any earlier reply to `message_sid`."""

    @abc.abstractmethod
    async def save(
        self,
        key: str,
        message_sid: str,
        reply: str,
        data: dict[str, Any] | None,
        version: int | None,
    ) -> str:
        """Record `message_sid` with its reply and keep `data` for `key`.

        `version` is that of the conversation loaded (None if there was none);
        `data` None records the message and leaves the conversation alone.
        If `message_sid` was recorded meanwhile, nothing changes and the
        earlier reply is returned; otherwise `reply` is.

        Raises:
            ConflictError: the conversation changed since it was loaded.
        """

    @abc.abstractmethod
    async def forget(self, key: str, message_sid: str) -> None:
        """Delete everything kept for `key` (an opt-out), recording the message.

        A repeated delivery of an opt-out deletes nothing kept since.
        """

    @abc.abstractmethod
    async def purge(self) -> int:
        """Delete conversations idle too long and old message records.

        Returns how many conversations were deleted.
        """

    @abc.abstractmethod
    async def healthy(self) -> bool:
        """Whether the store answers a query right now."""


@dataclass
class _Queue:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0


class KeyedLocks:
    """One lock per key while anyone holds or waits for it; FIFO per key.

    asyncio.Lock wakes its waiters in the order they came, which keeps texts
    from one number in arrival order. Entries go as soon as nobody waits,
    so memory follows the conversations in flight, not all ever seen.
    """

    def __init__(self) -> None:
        self._queues: dict[str, _Queue] = {}

    @asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        queue = self._queues.get(key)
        if queue is None:
            queue = self._queues[key] = _Queue()
        queue.users += 1
        try:
            async with queue.lock:
                yield
        finally:
            queue.users -= 1
            if queue.users == 0:
                del self._queues[key]

    def __len__(self) -> int:
        return len(self._queues)


def message_record(key: str, message_sid: str) -> str:
    """The id `message_sid` is recorded under within the conversation `key`.

    The MessageSid, then a short hash of the key: not the key itself, which
    an opt-out unlinks from the records it leaves, nor its prefix, which logs
    show.
    """
    scope = hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()
    return f"{message_sid}.{scope}"


def encode_conversation(data: dict[str, Any]) -> str:
    return json.dumps(data, separators=(",", ":"))


def decode_conversation(data: str) -> dict[str, Any]:
    """A saved conversation's JSON; unreadable, it reads as empty and starts over."""
    try:
        value = json.loads(data)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def sqlite_path(url: str) -> Path | None:
    """The file a `sqlite://` URL names; None for an in-memory database."""
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise StoreError(
            "a SQLite store URL names a file, not a host: three slashes, then "
            "the path, like sqlite:///var/lib/pathfinder/sessions.db"
        )
    path = unquote(parts.path)
    if path in ("", "/", "/:memory:", ":memory:"):
        return None
    if path.startswith("//"):
        # SQLAlchemy's form for an absolute path: sqlite:////var/x.db
        path = "/" + path.lstrip("/")
    return Path(path)


def sqlite_url(path: Path) -> str:
    """The store URL of a SQLite file."""
    return "sqlite://" + quote(str(path.absolute()))


def open_store(url: str, idle_seconds: float = DEFAULT_IDLE_SECONDS) -> SessionStore:
    """The store a URL names, not yet opened.

    Raises:
        StoreError: the URL has a scheme no store handles.
    """
    scheme = urlsplit(url).scheme.lower()
    if scheme == "sqlite":
        from .sqlite_store import SQLiteStore

        return SQLiteStore(sqlite_path(url), idle_seconds=idle_seconds)
    if scheme in ("redis", "rediss"):
        from .redis_store import RedisStore

        return RedisStore(url, idle_seconds=idle_seconds)
    # The URL itself is not repeated: it may hold a password.
    raise StoreError(
        f"Pathfinder has no store for {scheme or 'a URL without a scheme'}: URLs; "
        "use sqlite:///path/to/file.db (or sqlite:// for memory only), or "
        "redis://host:port/db"
    )
