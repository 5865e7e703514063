"""Conversations in one SQLite file: the default store, nothing to install.

One connection, in WAL mode with synchronous=NORMAL, owned by one worker
thread: every query runs there, so the event loop never waits on the disk
(a checkpoint, or another process holding the write lock), and queries never
interleave on the connection. A save is one IMMEDIATE transaction: the
message record and the conversation change together or not at all.
"""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, TypeVar

from .store import (
    DEDUPE_SECONDS,
    DEFAULT_IDLE_SECONDS,
    NO_REPLY,
    ConflictError,
    Loaded,
    Saved,
    SessionStore,
    StoreError,
)

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 5000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    key TEXT PRIMARY KEY,     -- keyed hash of the phone number
    data TEXT NOT NULL,       -- the conversation as JSON
    version INTEGER NOT NULL,
    updated REAL NOT NULL     -- seconds since the epoch
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS conversations_by_updated ON conversations (updated);

CREATE TABLE IF NOT EXISTS messages (
    sid TEXT PRIMARY KEY,     -- Twilio's MessageSid
    key TEXT,                 -- NULL once the number opted out
    reply TEXT NOT NULL,      -- '' when no reply was sent
    at REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS messages_by_key ON messages (key);
CREATE INDEX IF NOT EXISTS messages_by_at ON messages (at);
"""

_LOAD = """
SELECT (SELECT reply FROM messages WHERE sid = :sid), c.data, c.version, c.updated
FROM (SELECT 1) LEFT JOIN conversations AS c
    ON c.key = :key AND c.updated >= :cutoff
"""

_RECORD = """
INSERT INTO messages (sid, key, reply, at) VALUES (:sid, :key, :reply, :now)
ON CONFLICT (sid) DO NOTHING
"""

# A new conversation may replace one that expired but is not purged yet.
_CREATE = """
INSERT INTO conversations (key, data, version, updated)
VALUES (:key, :data, 1, :now)
ON CONFLICT (key) DO UPDATE SET
    data = excluded.data, version = version + 1, updated = excluded.updated
WHERE updated < :cutoff
"""

_UPDATE = """
UPDATE conversations SET data = :data, version = version + 1, updated = :now
WHERE key = :key AND version = :version
"""

T = TypeVar("T")


class SQLiteStore(SessionStore):
    def __init__(
        self,
        path: Path | None,
        idle_seconds: float = DEFAULT_IDLE_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """`path` None keeps everything in memory, for `pathfinder chat`."""
        super().__init__(idle_seconds)
        self.path = path
        self.clock = clock
        self._db: sqlite3.Connection | None = None
        self._thread: ThreadPoolExecutor | None = None

    @property
    def where(self) -> str:
        return str(self.path) if self.path else "memory"

    async def open(self) -> None:
        if self._db is not None:
            return
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="pathfinder-sqlite")
        try:
            self._db = await self._in_thread(self._connect)
        except (sqlite3.Error, OSError) as error:
            self._thread.shutdown(wait=False)
            self._thread = None
            raise StoreError(
                f"cannot open the session file {self.where}: {error}. Check that "
                "its folder exists or can be made, and that this user may write it."
            ) from None

    async def close(self) -> None:
        db, thread = self._db, self._thread
        self._db = self._thread = None
        if db is not None and thread is not None:
            await asyncio.get_running_loop().run_in_executor(thread, db.close)
            thread.shutdown(wait=True)

    async def load(self, key: str, message_sid: str) -> Loaded:
        cutoff = self.clock() - self.idle_seconds
        params = {"sid": message_sid, "key": key, "cutoff": cutoff}
        row = await self._query(lambda db: db.execute(_LOAD, params).fetchone())
        earlier, data, version, updated = row
        if data is None:
            return Loaded(None, earlier)
        return Loaded(Saved(_decode(data), version, updated), earlier)

    async def save(
        self,
        key: str,
        message_sid: str,
        reply: str,
        data: dict[str, Any] | None,
        version: int | None,
    ) -> str:
        now = self.clock()
        params = {
            "sid": message_sid,
            "key": key,
            "reply": reply,
            "now": now,
            "cutoff": now - self.idle_seconds,
            "data": None if data is None else json.dumps(data, separators=(",", ":")),
            "version": version,
        }

        def write(db: sqlite3.Connection) -> str:
            if db.execute(_RECORD, params).rowcount == 0:
                return _earlier_reply(db, message_sid)
            if data is not None:
                change = _UPDATE if version is not None else _CREATE
                if db.execute(change, params).rowcount != 1:
                    raise ConflictError(
                        "the conversation changed while this message was handled"
                    )
            return reply

        return await self._transaction(write)

    async def forget(self, key: str, message_sid: str) -> None:
        params = {"sid": message_sid, "key": None, "reply": NO_REPLY,
                  "now": self.clock(), "forget": key}

        def delete(db: sqlite3.Connection) -> None:
            if db.execute(_RECORD, params).rowcount == 0:
                return
            db.execute("DELETE FROM conversations WHERE key = :forget", params)
            db.execute(
                "UPDATE messages SET key = NULL, reply = :reply WHERE key = :forget",
                params,
            )

        await self._transaction(delete)

    async def purge(self) -> int:
        now = self.clock()
        params = {"idle": now - self.idle_seconds, "old": now - DEDUPE_SECONDS}

        def delete(db: sqlite3.Connection) -> int:
            gone = db.execute(
                "DELETE FROM conversations WHERE updated < :idle", params
            ).rowcount
            db.execute("DELETE FROM messages WHERE at < :old", params)
            return gone

        return await self._transaction(delete)

    async def healthy(self) -> bool:
        try:
            await self._query(
                lambda db: db.execute("SELECT 1 FROM conversations LIMIT 1").fetchall()
            )
        except StoreError:
            return False
        return True

    def _connect(self) -> sqlite3.Connection:
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Private from the start: it holds hashed numbers and answers.
            os.close(os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600))
        db = sqlite3.connect(self.path or ":memory:", isolation_level=None)
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            found = db.execute("PRAGMA user_version").fetchone()[0]
            if found > SCHEMA_VERSION:
                raise sqlite3.DatabaseError(
                    f"it was made by a newer Pathfinder (schema {found})"
                )
            db.executescript(_SCHEMA)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            db.close()
            raise
        return db

    async def _query(self, work: Callable[[sqlite3.Connection], T]) -> T:
        db = self._db
        if db is None:
            raise StoreError("the session store is not open")
        try:
            return await self._in_thread(work, db)
        except sqlite3.Error as error:
            raise StoreError(f"the session file {self.where} failed: {error}") from None

    async def _transaction(self, work: Callable[[sqlite3.Connection], T]) -> T:
        def run(db: sqlite3.Connection) -> T:
            db.execute("BEGIN IMMEDIATE")
            try:
                result = work(db)
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
            return result

        return await self._query(run)

    async def _in_thread(self, work: Callable[..., T], *args: Any) -> T:
        if self._thread is None:
            raise StoreError("the session store is not open")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._thread, work, *args)


def _earlier_reply(db: sqlite3.Connection, message_sid: str) -> str:
    row = db.execute("SELECT reply FROM messages WHERE sid = ?", (message_sid,))
    return row.fetchone()[0]


def _decode(data: str) -> dict[str, Any]:
    """The saved JSON; an unreadable record reads as empty, which starts over."""
    try:
        value = json.loads(data)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
