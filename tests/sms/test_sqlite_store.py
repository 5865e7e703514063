"""The SQLite store: one read, one atomic write, expiry, opt-out, health."""

from __future__ import annotations

import asyncio
import sqlite3
import stat
from pathlib import Path

import pytest

from pathfinder.sms.sqlite_store import SQLiteStore
from pathfinder.sms.store import (
    DAY_SECONDS,
    DEDUPE_SECONDS,
    ConflictError,
    KeyedLocks,
    StoreError,
    open_store,
    sqlite_path,
    sqlite_url,
)

from .texting import Clock

KEY = "a" * 64
OTHER = "b" * 64


def rows(path: Path, table: str) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(f"SELECT * FROM {table}").fetchall()


async def test_a_new_number_has_no_conversation(store):
    loaded = await store.load(KEY, "SM1")
    assert loaded.saved is None and loaded.earlier_reply is None


async def test_a_saved_conversation_comes_back_with_its_version(store, clock):
    assert await store.save(KEY, "SM1", "hello", {"step": 1}, None) == "hello"
    loaded = await store.load(KEY, "SM2")
    assert loaded.saved is not None
    assert loaded.saved.data == {"step": 1}
    assert loaded.saved.updated == clock.now
    assert loaded.earlier_reply is None

    await store.save(KEY, "SM2", "next", {"step": 2}, loaded.saved.version)
    again = await store.load(KEY, "SM3")
    assert again.saved.data == {"step": 2}
    assert again.saved.version != loaded.saved.version


async def test_a_repeated_message_sid_returns_the_first_reply_and_changes_nothing(
    store,
):
    await store.save(KEY, "SM1", "first reply", {"step": 1}, None)
    loaded = await store.load(KEY, "SM1")
    assert loaded.earlier_reply == "first reply"

    saved = await store.save(KEY, "SM1", "second reply", {"step": 99}, 1)
    assert saved == "first reply"
    assert (await store.load(KEY, "SM2")).saved.data == {"step": 1}


async def test_a_save_from_a_stale_read_is_refused_whole(store, db_path):
    await store.save(KEY, "SM1", "r1", {"step": 1}, None)
    version = (await store.load(KEY, "SM2")).saved.version
    await store.save(KEY, "SM2", "r2", {"step": 2}, version)

    with pytest.raises(ConflictError):
        await store.save(KEY, "SM3", "r3", {"step": 3}, version)
    # Neither the message record nor the conversation changed.
    assert (await store.load(KEY, "SM3")).earlier_reply is None
    assert (await store.load(KEY, "SM4")).saved.data == {"step": 2}


async def test_two_new_conversations_for_one_number_cannot_both_be_created(store):
    await store.save(KEY, "SM1", "r1", {"step": 1}, None)
    with pytest.raises(ConflictError):
        await store.save(KEY, "SM2", "r2", {"step": 1}, None)


async def test_a_message_without_a_conversation_is_still_recorded(store):
    await store.save(KEY, "SM1", "help text", None, None)
    loaded = await store.load(KEY, "SM1")
    assert loaded.saved is None and loaded.earlier_reply == "help text"


async def test_an_idle_conversation_expires_and_a_new_one_replaces_it(store, clock):
    await store.save(KEY, "SM1", "r1", {"step": 1}, None)
    clock.advance(store.idle_seconds + 1)
    assert (await store.load(KEY, "SM2")).saved is None

    await store.save(KEY, "SM2", "r2", {"step": "new"}, None)
    assert (await store.load(KEY, "SM3")).saved.data == {"step": "new"}


async def test_purge_deletes_idle_conversations_and_old_message_records(
    store, clock, db_path
):
    await store.save(KEY, "SM1", "r1", {"step": 1}, None)
    clock.advance(store.idle_seconds - DAY_SECONDS)
    await store.save(OTHER, "SM2", "r2", {"step": 1}, None)
    clock.advance(2 * DAY_SECONDS)

    assert await store.purge() == 1
    assert [row[0] for row in rows(db_path, "conversations")] == [OTHER]
    assert [row[0] for row in rows(db_path, "messages")] == ["SM2"]

    clock.advance(DEDUPE_SECONDS + 1)
    await store.purge()
    assert rows(db_path, "messages") == []


async def test_forget_deletes_the_conversation_and_unlinks_its_messages(
    store, db_path
):
    await store.save(KEY, "SM1", "question 1", {"step": 1}, None)
    await store.save(OTHER, "SM2", "other", {"step": 1}, None)
    await store.forget(KEY, "SM3")

    assert [row[0] for row in rows(db_path, "conversations")] == [OTHER]
    kept = {sid: (key, reply) for sid, key, reply, _ in rows(db_path, "messages")}
    assert kept["SM1"] == (None, "") and kept["SM3"] == (None, "")
    assert kept["SM2"] == (OTHER, "other")
    # A repeated delivery of an old message is answered with silence.
    assert (await store.load(KEY, "SM1")).earlier_reply == ""


async def test_a_repeated_opt_out_does_not_delete_what_came_after_it(store):
    await store.forget(KEY, "SM-stop")
    await store.save(KEY, "SM-start", "welcome", {"step": 1}, None)
    await store.forget(KEY, "SM-stop")
    assert (await store.load(KEY, "SM-x")).saved.data == {"step": 1}


async def test_the_file_is_private_and_in_wal_mode(store, db_path):
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_health_follows_the_connection(store):
    assert await store.healthy()
    await store.close()
    assert not await store.healthy()
    with pytest.raises(StoreError, match="not open"):
        await store.load(KEY, "SM1")


async def test_opening_twice_and_closing_twice_are_harmless(store):
    await store.open()
    await store.close()
    await store.close()


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
    finally:
        await store.close()


async def test_locks_keep_one_number_in_order_and_leave_nothing_behind():
    locks = KeyedLocks()
    order: list[int] = []

    async def hold(number: int) -> None:
        async with locks.hold(KEY):
            order.append(number)
            await asyncio.sleep(0)
            order.append(number)

    await asyncio.gather(*(hold(n) for n in range(5)))
    assert order == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    assert len(locks) == 0


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite:///var/lib/pathfinder/s.db", Path("/var/lib/pathfinder/s.db")),
        ("sqlite:////tmp/s.db", Path("/tmp/s.db")),
        ("sqlite:relative/s.db", Path("relative/s.db")),
        ("sqlite:///with%20space/s.db", Path("/with space/s.db")),
        ("sqlite://", None),
        ("sqlite:///:memory:", None),
    ],
)
def test_sqlite_urls_name_a_file_or_memory(url, path):
    assert sqlite_path(url) == path


def test_a_sqlite_url_round_trips(tmp_path):
    path = tmp_path / "a folder" / "s.db"
    assert sqlite_path(sqlite_url(path)) == path


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("redis://127.0.0.1:6379/0", "Redis sessions are not available yet"),
        ("postgres://user:hunter2@db/x", "no store for postgres"),
        ("/just/a/path.db", "without a scheme"),
        ("sqlite://somehost/s.db", "not a host"),
    ],
)
def test_unknown_store_urls_are_refused_without_repeating_them(url, message):
    with pytest.raises(StoreError, match=message) as refused:
        open_store(url)
    assert "hunter2" not in str(refused.value)
