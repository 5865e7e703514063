"""Fill a store directly, fast, with plausible sessions nobody texts in the run.

Each session is what the webhook keeps for a parent part-way through the
questionnaire: a real saved state, a key shaped like a keyed hash, a version,
and a last text within the idle time. They make the store big; the load then
comes from other parents, so it measures a big store, not a cache of one.
"""

from __future__ import annotations

import asyncio
import hashlib
import socket
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from pathfinder.machine.flow import load_shipped
from pathfinder.sms.conversation import Conversation, Incoming
from pathfinder.sms.sqlite_store import SQLiteStore
from pathfinder.sms.store import DEFAULT_IDLE_SECONDS, encode_conversation

from .texts import WALK

BATCH = 10_000
_IDLE_MS = str(int(DEFAULT_IDLE_SECONDS * 1000))


def saved_states() -> list[str]:
    """The JSON the webhook saves after each text of a walk, as stored."""
    conversation = Conversation(load_shipped("dispute"))
    state, saved = None, []
    for body in WALK:
        state = conversation.reply_to(state, Incoming(body)).state
        saved.append(encode_conversation(state.to_dict()))
    return saved


def sessions(count: int) -> Iterator[tuple[str, str, int, float]]:
    """(key, data, version, updated) for `count` parents, sorted by key."""
    states = saved_states()
    now = time.time()
    rows = [
        (
            hashlib.blake2b(n.to_bytes(8, "big"), digest_size=32).hexdigest(),
            states[n % len(states)],
            1 + n % len(states),
            now - (n % 997) / 997 * (DEFAULT_IDLE_SECONDS - 86_400),
        )
        for n in range(count)
    ]
    # In key order SQLite appends to its tree instead of splitting pages.
    rows.sort()
    return iter(rows)


def fill_sqlite(path: Path, count: int) -> None:
    asyncio.run(_create_schema(path))
    with sqlite3.connect(path, isolation_level=None) as db:
        db.execute("BEGIN")
        db.executemany(
            "INSERT INTO conversations (key, data, version, updated) "
            "VALUES (?, ?, ?, ?)",
            sessions(count),
        )
        db.execute("COMMIT")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def fill_redis(url: str, count: int) -> None:
    """HSET and PEXPIRE per session, pipelined on one socket in batches."""
    parts = urlsplit(url)
    database = parts.path.strip("/") or "0"
    with socket.create_connection((parts.hostname, parts.port or 6379)) as server:
        _send(server, [_words("SELECT", database)], replies=1)
        pending: list[bytes] = []
        for session in sessions(count):
            pending.append(_store_session(*session))
            if len(pending) >= BATCH:
                _send(server, pending, replies=2)
        _send(server, pending, replies=2)


def _store_session(key: str, data: str, version: int, updated: float) -> bytes:
    """HSET and PEXPIRE of one session, in one piece."""
    name = f"pathfinder:conversation:{key}"
    return _words(
        "HSET", name, "data", data, "version", str(version), "updated", repr(updated)
    ) + _words("PEXPIRE", name, _IDLE_MS)


def _words(*words: str) -> bytes:
    """A command in Redis's protocol (RESP); every word here is ASCII."""
    parts = "".join(f"${len(word)}\r\n{word}\r\n" for word in words)
    return f"*{len(words)}\r\n{parts}".encode("ascii")


async def _create_schema(path: Path) -> None:
    store = SQLiteStore(path)
    await store.open()
    await store.close()


def _send(server: socket.socket, commands: list[bytes], replies: int) -> None:
    """Send `commands` and read `replies` replies to each; an error stops the fill.

    Every reply to SELECT, HSET and PEXPIRE is one line (OK, an integer or an
    error).
    """
    server.sendall(b"".join(commands))
    lines = 0
    while lines < len(commands) * replies:
        chunk = server.recv(1 << 16)
        if not chunk:
            raise ConnectionError("Redis closed the connection while being filled")
        if b"-" in chunk:
            raise RuntimeError(f"Redis refused a fill command: {chunk[:200]!r}")
        lines += chunk.count(b"\n")
    commands.clear()
