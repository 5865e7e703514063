"""What only the SQLite store does: a private file, WAL, rows, schema upgrades.

The promises every store keeps are tested on SQLite too, in test_store.py.
"""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from pathfinder.sms.sqlite_store import SQLiteStore
from pathfinder.sms.store import (
    DAY_SECONDS,
    DEDUPE_SECONDS,
    StoreError,
    message_record,
)

from .texting import Clock

KEY = "a" * 64
OTHER = "b" * 64


@pytest.fixture
def store_kind() -> str:
    return "sqlite"


def rows(path: Path, table: str) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(f"SELECT * FROM {table}").fetchall()


async def test_purge_deletes_idle_conversations_and_old_message_records(
    store, clock, db_path
):
    await store.save(KEY, "SM1", "r1", {"step": 1}, None)
    clock.advance(store.idle_seconds - DAY_SECONDS)
    await store.save(OTHER, "SM2", "r2", {"step": 1}, None)
    clock.advance(2 * DAY_SECONDS)

    assert await store.purge() == 1
    assert [row[0] for row in rows(db_path, "conversations")] == [OTHER]
    assert [row[0] for row in rows(db_path, "messages")] == [
        message_record(OTHER, "SM2")
    ]

    clock.advance(DEDUPE_SECONDS + 1)
    await store.purge()
    assert rows(db_path, "messages") == []


async def test_forget_unlinks_the_number_from_its_messages(store, db_path):
    await store.save(KEY, "SM1", "question 1", {"step": 1}, None)
    await store.save(OTHER, "SM2", "other", {"step": 1}, None)
    await store.forget(KEY, "SM3")

    assert [row[0] for row in rows(db_path, "conversations")] == [OTHER]
    kept = {sid: (key, reply) for sid, key, reply, _ in rows(db_path, "messages")}
    assert kept[message_record(KEY, "SM1")] == (None, "")
    assert kept[message_record(KEY, "SM3")] == (None, "")
    assert kept[message_record(OTHER, "SM2")] == (OTHER, "other")


async def test_the_file_is_private_and_in_wal_mode(store, db_path):
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_closing_copies_the_wal_into_the_file(store, db_path):
    await store.save(KEY, "SM1", "r1", {"step": 1}, None)
    await store.close()
    assert not Path(f"{db_path}-wal").exists()
    assert [row[0] for row in rows(db_path, "conversations")] == [KEY]


async def test_an_unwritable_place_stops_opening_with_a_clear_message(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = SQLiteStore(blocker / "sessions.db")
    with pytest.raises(StoreError, match="cannot open the session file"):
        await store.open()


async def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "newer.db"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="newer Pathfinder"):
        await SQLiteStore(path).open()


async def test_a_file_of_the_first_schema_loses_its_indexes_and_keeps_its_rows(
    tmp_path,
):
    """Schema 1 indexed three columns for purges; each index cost every save."""
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:
        db.executescript(
            """
            CREATE TABLE conversations (key TEXT PRIMARY KEY, data TEXT NOT NULL,
                version INTEGER NOT NULL, updated REAL NOT NULL) WITHOUT ROWID;
            CREATE INDEX conversations_by_updated ON conversations (updated);
            CREATE TABLE messages (sid TEXT PRIMARY KEY, key TEXT,
                reply TEXT NOT NULL, at REAL NOT NULL) WITHOUT ROWID;
            CREATE INDEX messages_by_key ON messages (key);
            CREATE INDEX messages_by_at ON messages (at);
            PRAGMA user_version = 1;
            """
        )
        db.execute(
            "INSERT INTO conversations VALUES (?, '{\"step\": 1}', 1, ?)",
            (KEY, Clock().now),
        )

    store = SQLiteStore(path, clock=Clock())
    await store.open()
    try:
        assert (await store.load(KEY, "SM1")).saved.data == {"step": 1}
    finally:
        await store.close()
    with sqlite3.connect(path) as db:
        assert db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        ).fetchall() == []
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2


async def test_an_unreadable_saved_conversation_reads_as_empty(store, db_path):
    await store.save(KEY, "SM1", "r1", {"step": 1}, None)
    with sqlite3.connect(db_path) as db:
        db.execute("UPDATE conversations SET data = 'not json'")
    assert (await store.load(KEY, "SM2")).saved.data == {}


async def test_an_in_memory_store_works_for_chat():
    store = SQLiteStore(None, clock=Clock())
    await store.open()
    try:
        await store.save(KEY, "SM1", "r1", {"step": 1}, None)
        assert (await store.load(KEY, "SM2")).saved.data == {"step": 1}
        await store.forget(KEY, "SM3")
        assert (await store.load(KEY, "SM1")).earlier_reply == ""
    finally:
        await store.close()
