"""Several real `pathfinder serve` processes sharing one real Redis.

Texts of many parents go to two servers in turn, some at the same moment:
each conversation must end as it would with one server, no text lost and
none applied twice. Redis stopped and started again mid-conversation must
cost the parent one "send that again", and nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import redis

from pathfinder.sms.conversation import Conversation, Incoming
from pathfinder.sms.identity import NumberHasher
from tests.support.servers import LOOPBACK, RedisServer

from .serving import Server
from .texting import ONE_PART, SECRET, assert_within, new_sid, numbers

# Walks that each end with a different summary.
WALKS = [
    ["hi", "1", "5", "2", "3", "2", "1", "nc"],
    ["hi", "2", "6", "1", "2", "1", "2", "ca"],
    ["hi", "1", "7", "1", "1", "3", "1", "tx"],
    ["hi", "3", "2", "2", "4", "4", "3", "0"],
]
PARENTS = 12


def one_server_would_say(conversation: Conversation, walk: list[str]) -> str | None:
    """The last reply to `walk`, as a single process gives it."""
    state, reply = None, None
    for body in walk:
        turn = conversation.reply_to(state, Incoming(body))
        state, reply = turn.state, turn.reply
    return reply


def stored_history(redis_server: RedisServer, number: str) -> list[str]:
    key = NumberHasher(SECRET).key(number)
    with redis.Redis(host=LOOPBACK, port=redis_server.port) as client:
        data = client.hget(f"pathfinder:conversation:{key}", "data")
    return json.loads(data)["session"]["history"]


def start_servers(folder: Path, store_url: str, count: int) -> list[Server]:
    env = {"PATHFINDER_SECRET": SECRET}
    servers = [Server(folder / f"server-{n}", store_url=store_url, env=env)
               for n in range(count)]
    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(Server.start, servers))


@pytest.fixture
def two_servers(tmp_path: Path, redis_server: RedisServer) -> Iterator[list[Server]]:
    redis_server.empty()
    servers = start_servers(tmp_path, redis_server.url, 2)
    yield servers
    for server in servers:
        server.stop()


def test_conversations_spread_over_two_servers_end_as_on_one(
    two_servers: list[Server], conversation: Conversation
):
    senders = numbers()
    parents = [(next(senders), WALKS[n % len(WALKS)]) for n in range(PARENTS)]

    def text_all(parent: int) -> str | None:
        number, walk = parents[parent]
        reply = None
        for step, body in enumerate(walk):
            reply = two_servers[(parent + step) % 2].text(body, number=number)
        return reply

    # All parents at once: texts of different parents reach both servers at
    # the same moment, and each parent's texts alternate between them.
    with ThreadPoolExecutor(PARENTS) as pool:
        last_replies = list(pool.map(text_all, range(PARENTS)))

    for (_, walk), last in zip(parents, last_replies):
        assert last == one_server_would_say(conversation, walk)
        assert last.startswith("Best next step:")


def test_texts_of_one_number_at_once_on_both_servers_are_applied_one_by_one(
    two_servers: list[Server], redis_server: RedisServer
):
    number = next(numbers())
    two_servers[0].text("hi", number=number)

    # "1" answers every choice question; the state question re-prompts it.
    def send(n: int) -> str | None:
        return two_servers[n % 2].text("1", number=number)

    with ThreadPoolExecutor(10) as pool:
        replies = list(pool.map(send, range(10)))

    assert sum(r.startswith("Sorry, I did not get that.") for r in replies) == 4
    assert sum(r.startswith("Q7/7") for r in replies) == 1
    assert stored_history(redis_server, number) == [
        "plan", "issue", "urgent", "stage", "goal", "since"
    ]


def test_one_text_delivered_to_both_servers_at_once_is_applied_once(
    two_servers: list[Server], redis_server: RedisServer
):
    number = next(numbers())
    two_servers[1].text("hi", number=number)
    sid = new_sid()
    with ThreadPoolExecutor(2) as pool:
        first, second = pool.map(
            lambda server: server.text("1", sid=sid, number=number), two_servers
        )

    assert first == second and first.startswith("Q2/7")
    assert stored_history(redis_server, number) == ["plan"]


def test_serve_with_two_workers_shares_one_port(
    tmp_path: Path, redis_server: RedisServer, conversation: Conversation
):
    redis_server.empty()
    server = Server(tmp_path, store_url=redis_server.url, workers=2,
                    env={"PATHFINDER_SECRET": SECRET})
    server.start()
    try:
        replies = [server.text(body) for body in WALKS[0]]
        assert replies[-1] == one_server_would_say(conversation, WALKS[0])
    finally:
        server.stop()
    assert server.log.read_text().count("Application startup complete") == 2


def test_a_conversation_goes_on_after_redis_stops_and_starts_again(
    tmp_path: Path, conversation: Conversation
):
    redis_server = RedisServer(tmp_path / "redis", persistent=True).start()
    server = Server(tmp_path / "server", store_url=redis_server.url,
                    env={"PATHFINDER_SECRET": SECRET})
    try:
        server.start()
        walk = WALKS[0]
        for body in walk[:3]:
            server.text(body)

        redis_server.stop()
        reply = server.text(walk[3])
        assert "send that again in a minute" in reply
        assert_within(reply, ONE_PART)
        assert server.health() == 503

        redis_server.start()  # the same port, with what it had before
        assert server.health() == 200
        replies = [server.text(body) for body in walk[3:]]
        assert replies[0].startswith("Q4/7")  # the answer to Q3, applied once
        assert replies[-1] == one_server_would_say(conversation, walk)
    finally:
        server.stop()
        redis_server.stop()

    log = server.log.read_text()
    assert "could not handle message" in log
    assert (f"the Redis session store at 127.0.0.1:{redis_server.port}/0 failed: "
            "ConnectionError") in log
    assert "2025550142" not in log
