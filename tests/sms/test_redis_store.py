"""What only the Redis store does: key expiry, turns shared by processes, outages.

The promises every store keeps are tested on Redis too, in test_store.py.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
import redis

from pathfinder.sms.redis_store import RedisStore
from pathfinder.sms.store import DEDUPE_SECONDS, StoreError, message_record
from tests.support.servers import LOOPBACK, RedisServer, free_port

from .conftest import TEST_LEASE_SECONDS

KEY = "a" * 64


@pytest.fixture
def store_kind() -> str:
    return "redis"


@pytest.fixture
def keys(redis_server: RedisServer) -> Iterator[redis.Redis]:
    """A plain client, to look at what the store left in Redis."""
    with redis.Redis(host=LOOPBACK, port=redis_server.port, decode_responses=True) as c:
        yield c


async def other_worker(redis_server: RedisServer) -> RedisStore:
    store = RedisStore(redis_server.url, lease_seconds=TEST_LEASE_SECONDS)
    await store.open()
    return store


async def test_every_key_expires_by_itself(store, keys):
    async with store.turn(KEY, "SM1"):
        await store.save(KEY, "SM1", "hello", {"step": 1}, None)

    conversation_ttl = keys.ttl(f"pathfinder:conversation:{KEY}")
    assert store.idle_seconds - 5 < conversation_ttl <= store.idle_seconds
    message_ttl = keys.ttl(f"pathfinder:message:{message_record(KEY, 'SM1')}")
    assert DEDUPE_SECONDS - 5 < message_ttl <= DEDUPE_SECONDS
    assert DEDUPE_SECONDS - 5 < keys.ttl(f"pathfinder:messages:{KEY}")
    # The turn is over: nothing of it is left.
    assert keys.keys("pathfinder:turns:*") == []
    assert keys.keys("pathfinder:leases:*") == []


async def test_after_an_opt_out_no_key_links_the_number_to_anything(store, keys):
    await store.save(KEY, "SM1", "question 1", {"step": 1}, None)
    async with store.turn(KEY, "SM2"):
        await store.forget(KEY, "SM2")

    assert [key for key in keys.keys("*") if KEY in key] == []
    assert keys.get(f"pathfinder:message:{message_record(KEY, 'SM1')}") == ""
    assert keys.get(f"pathfinder:message:{message_record(KEY, 'SM2')}") == ""


async def test_turns_taken_by_other_workers_follow_arrival_order(
    store, redis_server, keys
):
    first, second = await other_worker(redis_server), await other_worker(redis_server)
    order: list[str] = []

    async def text(worker: RedisStore, name: str) -> None:
        async with worker.turn(KEY, f"SM-{name}"):
            order.append(name)

    async def queued(length: int) -> None:
        while keys.llen(f"pathfinder:turns:{KEY}") < length:
            await asyncio.sleep(0.005)

    try:
        async with store.turn(KEY, "SM-holder"):
            waiting = [asyncio.create_task(text(first, "first"))]
            await queued(2)
            waiting.append(asyncio.create_task(text(second, "second")))
            await queued(3)
            order.append("holder")
        await asyncio.gather(*waiting)
    finally:
        await first.close()
        await second.close()
    assert order == ["holder", "first", "second"]


DIES_HOLDING_A_TURN = """
import asyncio, sys
from pathfinder.sms.redis_store import RedisStore

async def main():
    store = RedisStore(sys.argv[1], lease_seconds=float(sys.argv[2]))
    await store.open()
    async with store.turn(sys.argv[3], "SM-dying"):
        print("holding", flush=True)
        await asyncio.sleep(60)

asyncio.run(main())
"""


async def test_a_worker_that_dies_holding_a_turn_blocks_only_until_its_lease_ends(
    store, redis_server
):
    worker = subprocess.Popen(
        [sys.executable, "-c", DIES_HOLDING_A_TURN, redis_server.url,
         str(TEST_LEASE_SECONDS), KEY],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert worker.stdout.readline().strip() == "holding"
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
        worker.stdout.close()

    started = time.monotonic()
    async with asyncio.timeout(10 * TEST_LEASE_SECONDS):
        async with store.turn(KEY, "SM-next") as loaded:
            assert loaded.saved is None
    assert time.monotonic() - started < 4 * TEST_LEASE_SECONDS


async def test_an_unreadable_saved_conversation_reads_as_empty(store, keys):
    await store.save(KEY, "SM1", "r1", {"step": 1}, None)
    keys.hset(f"pathfinder:conversation:{KEY}", "data", "not json")
    assert (await store.load(KEY, "SM2")).saved.data == {}


async def test_an_unreachable_server_stops_opening_with_a_clear_message():
    store = RedisStore(f"redis://:hunter2@{LOOPBACK}:{free_port()}/3")
    with pytest.raises(StoreError, match="cannot reach the Redis session store at "
                       r"127\.0\.0\.1:\d+/3") as refused:
        await store.open()
    assert "hunter2" not in str(refused.value)


async def test_a_lost_server_is_a_store_error_and_coming_back_needs_nothing(
    tmp_path,
):
    server = RedisServer(tmp_path / "redis").start()
    store = RedisStore(server.url)
    try:
        await store.open()
        await store.save(KEY, "SM1", "r1", {"step": 1}, None)
        server.stop()
        with pytest.raises(StoreError, match=f"Redis session store at 127.0.0.1:"
                           f"{server.port}/0 failed: ConnectionError"):
            await store.load(KEY, "SM2")
        assert not await store.healthy()

        server.start()  # the same port, and no scripts loaded yet
        assert await store.healthy()
        assert await store.save(KEY, "SM2", "r2", {"step": 2}, None) == "r2"
    finally:
        await store.close()
        server.stop()


async def test_a_url_redis_cannot_read_is_refused_without_repeating_it():
    store = RedisStore("redis://:hunter2@127.0.0.1:port/0")
    with pytest.raises(StoreError, match="not a Redis URL") as refused:
        await store.open()
    assert "hunter2" not in str(refused.value)
