"""Conversations in one SQLite file: the default store, nothing to install.

Loads and saves run on the event loop itself: in WAL mode with
synchronous=NORMAL a commit appends a few pages to the WAL in the OS cache
and never waits for the disk, so a load and a save together cost tens of
microseconds, less than handing them to a thread (docs/performance.md).
What can wait on the disk stays off the loop, in a maintenance thread with
a connection of its own: checkpoints (the only fsync), purges, and the scan
an opt-out needs. A write waits at most LOOP_BUSY_MS for a lock that another
process holds, then fails.

The tables have no secondary index: each would add a page to every commit,
and only the rare purge and opt-out would use it; those scan instead.

A save is one IMMEDIATE transaction: the message record and the conversation
change together or not at all.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
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
    decode_conversation,
    encode_conversation,
    message_record,
)

SCHEMA_VERSION = 2

# The event loop may wait this long for another process's write lock (an
# operator's `pathfinder purge`); the maintenance thread may wait longer.
LOOP_BUSY_MS = 250
MAINTENANCE_BUSY_MS = 5000

# A checkpoint runs beside the writes and cannot finish while they go on, so
# under steady load the WAL grows (about 15 KB a text); past WAL_PAUSE_BYTES
# writes pause once, for as long as the last quarter second of writes takes
# to copy, the WAL starts again from the beginning, and is cut back to
# WAL_KEEP_BYTES. Real traffic has gaps, and the WAL starts again in them.
CHECKPOINT_EVERY_SECONDS = 0.25
WAL_PAUSE_BYTES = 256 * 1024 * 1024
WAL_KEEP_BYTES = 16 * 1024 * 1024
PURGE_BATCH = 500

logger = logging.getLogger("pathfinder.sms")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    key TEXT PRIMARY KEY,     -- keyed hash of the phone number
    data TEXT NOT NULL,       -- the conversation as JSON
    version INTEGER NOT NULL,
    updated REAL NOT NULL     -- seconds since the epoch
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS messages (
    sid TEXT PRIMARY KEY,     -- MessageSid.hash of key (store.message_record)
    key TEXT,                 -- NULL once the number opted out
    reply TEXT NOT NULL,      -- '' when no reply was sent
    at REAL NOT NULL
) WITHOUT ROWID;

-- Schema 1 had these; they cost a page per commit for the rare purge.
DROP INDEX IF EXISTS conversations_by_updated;
DROP INDEX IF EXISTS messages_by_key;
DROP INDEX IF EXISTS messages_by_at;
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
        super().__init__(idle_seconds, clock)
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._maintenance: _Maintenance | None = None
        self._checkpoints: asyncio.Task[None] | None = None
        self._writes_open = asyncio.Event()
        self._writes_open.set()

    @property
    def where(self) -> str:
        return str(self.path) if self.path else "memory"

    async def open(self) -> None:
        if self._db is not None:
            return
        try:
            self._db = _connect(self.path, LOOP_BUSY_MS)
            if self.path is not None:
                self._maintenance = _Maintenance(self.path)
                await self._maintenance.start()
        except (sqlite3.Error, OSError) as error:
            await self.close()
            raise StoreError(
                f"cannot open the session file {self.where}: {error}. Check that "
                "its folder exists or can be made, and that this user may write it."
            ) from None
        if self._maintenance is not None:
            self._checkpoints = asyncio.create_task(self._checkpoint_now_and_then())

    async def close(self) -> None:
        db, maintenance, checkpoints = self._db, self._maintenance, self._checkpoints
        self._db = self._maintenance = self._checkpoints = None
        if checkpoints is not None:
            checkpoints.cancel()
            with suppress(asyncio.CancelledError):
                await checkpoints
        if maintenance is not None:
            await maintenance.stop()
        if db is not None:
            db.close()

    async def load(self, key: str, message_sid: str) -> Loaded:
        cutoff = self.clock() - self.idle_seconds
        params = {"sid": message_record(key, message_sid), "key": key,
                  "cutoff": cutoff}
        earlier, data, version, updated = self._run(
            lambda db: db.execute(_LOAD, params).fetchone()
        )
        if data is None:
            return Loaded(None, earlier)
        return Loaded(Saved(decode_conversation(data), version, updated), earlier)

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
        params = {
            "sid": record,
            "key": key,
            "reply": reply,
            "now": now,
            "cutoff": now - self.idle_seconds,
            "data": None if data is None else encode_conversation(data),
            "version": version,
        }

        def write(db: sqlite3.Connection) -> str:
            if db.execute(_RECORD, params).rowcount == 0:
                return _earlier_reply(db, record)
            if data is not None:
                change = _UPDATE if version is not None else _CREATE
                if db.execute(change, params).rowcount != 1:
                    raise ConflictError(
                        "the conversation changed while this message was handled"
                    )
            return reply

        return await self._write(write)

    async def forget(self, key: str, message_sid: str) -> None:
        # The number's turn is held, so no message of it is recorded meanwhile.
        linked = await self._aside(
            lambda db: [sid for (sid,) in db.execute(
                "SELECT sid FROM messages WHERE key = ?", (key,)
            )]
        )
        params = {"sid": message_record(key, message_sid), "key": None,
                  "reply": NO_REPLY,
                  "now": self.clock(), "forget": key}

        def delete(db: sqlite3.Connection) -> None:
            if db.execute(_RECORD, params).rowcount == 0:
                return
            db.execute("DELETE FROM conversations WHERE key = :forget", params)
            db.executemany(
                "UPDATE messages SET key = NULL, reply = ? WHERE sid = ? AND key = ?",
                [(NO_REPLY, sid, key) for sid in linked],
            )

        await self._write(delete)

    async def purge(self) -> int:
        now = self.clock()
        idle, old = now - self.idle_seconds, now - DEDUPE_SECONDS

        def delete(db: sqlite3.Connection) -> int:
            # Found by a read, then deleted in small batches: the write lock is
            # never held for a whole scan.
            gone = _delete_in_batches(
                db,
                "SELECT key FROM conversations WHERE updated < ?",
                "DELETE FROM conversations WHERE key = ? AND updated < ?",
                idle,
            )
            _delete_in_batches(
                db,
                "SELECT sid FROM messages WHERE at < ?",
                "DELETE FROM messages WHERE sid = ? AND at < ?",
                old,
            )
            return gone

        return await self._aside(delete)

    async def healthy(self) -> bool:
        try:
            self._run(lambda db: db.execute("SELECT 1 FROM conversations LIMIT 1"))
        except StoreError:
            return False
        return True

    def _run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        db = self._db
        if db is None:
            raise StoreError("the session store is not open")
        try:
            return work(db)
        except sqlite3.Error as error:
            raise StoreError(f"the session file {self.where} failed: {error}") from None

    async def _write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        if not self._writes_open.is_set():
            await self._writes_open.wait()
        result = self._run(_in_transaction(work))
        if self._maintenance is not None:
            self._maintenance.written = True
        return result

    async def _aside(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` in the maintenance thread, or here for a store in memory."""
        if self._maintenance is None:
            return self._run(work)
        return await self._maintenance.run(work, self.where)

    async def _checkpoint_now_and_then(self) -> None:
        while True:
            await asyncio.sleep(CHECKPOINT_EVERY_SECONDS)
            maintenance = self._maintenance
            if maintenance is None or not maintenance.written:
                continue
            maintenance.written = False
            try:
                with self._writes_paused(maintenance.wal_bytes() > WAL_PAUSE_BYTES):
                    await maintenance.run(_checkpoint, self.where)
            except StoreError as error:
                logger.warning("could not checkpoint the session file: %s", error)

    @contextmanager
    def _writes_paused(self, pause: bool) -> Iterator[None]:
        if not pause:
            yield
            return
        self._writes_open.clear()
        try:
            yield
        finally:
            self._writes_open.set()


class _Maintenance:
    """A thread with its own connection, for work that may wait on the disk."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.written = False
        """Set by each write on the loop; a checkpoint is due while True."""
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="pathfinder-sqlite")
        self._db: sqlite3.Connection | None = None

    async def start(self) -> None:
        self._db = await self._in_thread(_connect, self.path, MAINTENANCE_BUSY_MS)

    async def stop(self) -> None:
        """A last checkpoint here, so closing the loop's connection has none."""
        if self._db is not None:
            with suppress(sqlite3.Error):
                await self._in_thread(_checkpoint, self._db)
            await self._in_thread(self._db.close)
            self._db = None
        self._thread.shutdown(wait=True)

    async def run(self, work: Callable[[sqlite3.Connection], T], where: str) -> T:
        if self._db is None:
            raise StoreError("the session store is not open")
        try:
            return await self._in_thread(work, self._db)
        except sqlite3.Error as error:
            raise StoreError(f"the session file {where} failed: {error}") from None

    def wal_bytes(self) -> int:
        try:
            return os.stat(f"{self.path}-wal").st_size
        except OSError:
            return 0

    async def _in_thread(self, work: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._thread, work, *args)


def _connect(path: Path | None, busy_ms: int) -> sqlite3.Connection:
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Private from the start: it holds hashed numbers and answers.
        os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    db = sqlite3.connect(path or ":memory:", isolation_level=None)
    try:
        db.execute(f"PRAGMA busy_timeout = {busy_ms}")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        # The maintenance thread checkpoints; a commit on the loop never does.
        db.execute("PRAGMA wal_autocheckpoint = 0")
        db.execute(f"PRAGMA journal_size_limit = {WAL_KEEP_BYTES}")
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


def _in_transaction(
    work: Callable[[sqlite3.Connection], T],
) -> Callable[[sqlite3.Connection], T]:
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

    return run


def _delete_in_batches(
    db: sqlite3.Connection, find: str, delete: str, before: float
) -> int:
    found = [(row[0], before) for row in db.execute(find, (before,))]
    deleted = 0
    for start in range(0, len(found), PURGE_BATCH):
        batch = found[start:start + PURGE_BATCH]
        in_one_go = _in_transaction(lambda db: db.executemany(delete, batch).rowcount)
        deleted += in_one_go(db)
    return deleted


def _checkpoint(db: sqlite3.Connection) -> None:
    # PASSIVE never makes the writer on the loop wait.
    db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


def _earlier_reply(db: sqlite3.Connection, record: str) -> str:
    row = db.execute("SELECT reply FROM messages WHERE sid = ?", (record,))
    return row.fetchone()[0]
