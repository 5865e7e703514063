"""Every store, the same promises: one read, one atomic write, expiry, turns.

Each test here runs on a real SQLite file and on a real Redis server (the
`store` fixture in conftest.py).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from pathfinder.sms.store import (
    DAY_SECONDS,
    ConflictError,
    KeyedLocks,
    StoreError,
    open_store,
    sqlite_path,
    sqlite_url,
)

KEY = "a" * 64
OTHER = "b" * 64


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


async def test_a_message_sid_is_recorded_within_its_conversation(store):
    await store.save(KEY, "SM1", "reply to the first number", {"step": 1}, None)

    loaded = await store.load(OTHER, "SM1")
    assert loaded.earlier_reply is None
    saved = await store.save(OTHER, "SM1", "its own reply", {"step": 7}, None)
    assert saved == "its own reply"
    assert (await store.load(OTHER, "SM2")).saved.data == {"step": 7}
    assert (await store.load(KEY, "SM1")).earlier_reply == (
        "reply to the first number"
    )

    # An opt-out of the other number leaves the first number's record alone.
    async with store.turn(OTHER, "SM3"):
        await store.forget(OTHER, "SM3")
    assert (await store.load(KEY, "SM1")).earlier_reply == (
        "reply to the first number"
    )
    assert (await store.load(KEY, "SM2")).saved.data == {"step": 1}


async def test_a_save_from_a_stale_read_is_refused_whole(store):
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


async def test_purge_deletes_only_conversations_idle_past_the_limit(store, clock):
    await store.save(KEY, "SM1", "r1", {"step": 1}, None)
    clock.advance(store.idle_seconds - DAY_SECONDS)
    await store.save(OTHER, "SM2", "r2", {"step": 1}, None)
    clock.advance(2 * DAY_SECONDS)

    assert await store.purge() == 1
    assert await store.purge() == 0
    assert (await store.load(OTHER, "SM3")).saved.data == {"step": 1}


async def test_forget_deletes_the_conversation_and_silences_its_old_messages(store):
    await store.save(KEY, "SM1", "question 1", {"step": 1}, None)
    await store.save(OTHER, "SM2", "other", {"step": 1}, None)
    await store.forget(KEY, "SM3")

    assert (await store.load(KEY, "SM4")).saved is None
    assert (await store.load(OTHER, "SM2")).earlier_reply == "other"
    assert (await store.load(OTHER, "SM5")).saved.data == {"step": 1}
    # A repeated delivery of an old message is answered with silence.
    assert (await store.load(KEY, "SM1")).earlier_reply == ""
    assert (await store.load(KEY, "SM3")).earlier_reply == ""


async def test_a_repeated_opt_out_does_not_delete_what_came_after_it(store):
    await store.forget(KEY, "SM-stop")
    await store.save(KEY, "SM-start", "welcome", {"step": 1}, None)
    await store.forget(KEY, "SM-stop")
    assert (await store.load(KEY, "SM-x")).saved.data == {"step": 1}


async def test_turns_of_one_number_are_taken_in_arrival_order(store):
    order: list[int] = []

    async def text(number: int) -> None:
        async with store.turn(KEY, f"SM{number}"):
            order.append(number)
            await asyncio.sleep(0.01)
            order.append(number)

    await asyncio.gather(*(text(n) for n in range(4)))
    assert order == [0, 0, 1, 1, 2, 2, 3, 3]


async def test_a_turn_reads_the_conversation_and_any_earlier_reply(store):
    await store.save(KEY, "SM1", "r1", {"step": 1}, None)
    async with store.turn(KEY, "SM1") as loaded:
        assert loaded.earlier_reply == "r1"
        assert loaded.saved.data == {"step": 1}


async def test_a_wait_given_up_leaves_the_turn_to_the_next_text(store):
    holding = asyncio.Event()
    release = asyncio.Event()

    async def hold() -> None:
        async with store.turn(KEY, "SM1"):
            holding.set()
            await release.wait()

    holder = asyncio.create_task(hold())
    await holding.wait()
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.05):
            async with store.turn(KEY, "SM2"):
                pass
    release.set()
    await holder

    async with asyncio.timeout(1):
        async with store.turn(KEY, "SM3") as loaded:
            assert loaded.saved is None


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
    ("url", "kind"),
    [
        ("sqlite:///tmp/s.db", "SQLiteStore"),
        ("redis://127.0.0.1:6379/0", "RedisStore"),
        ("rediss://user:hunter2@redis.example.org:6380/2", "RedisStore"),
    ],
)
def test_the_url_picks_the_store(url, kind):
    assert type(open_store(url)).__name__ == kind


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgres://user:hunter2@db/x", "no store for postgres"),
        ("/just/a/path.db", "without a scheme"),
        ("sqlite://somehost/s.db", "not a host"),
    ],
)
def test_unknown_store_urls_are_refused_without_repeating_them(url, message):
    with pytest.raises(StoreError, match=message) as refused:
        open_store(url)
    assert "hunter2" not in str(refused.value)
