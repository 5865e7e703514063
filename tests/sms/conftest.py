"""Fixtures for the SMS service: real stores, the real app, signed texts.

The store is a real SQLite file or a real Redis server: every test that uses
it runs once on each, unless its module names one with a `store_kind`
fixture of its own. The Redis server is started once for the whole run on a
free loopback port and stopped at the end; when none can be started, the
tests that need it fail, they never skip.

Every request a test sends is signed the way Twilio signs it (the public URL
plus every field, with the account's Auth Token), unless the test is about
a request that is not.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from pathfinder.machine.flow import Flow, load_shipped
from pathfinder.sms.app import create_app
from pathfinder.sms.conversation import Conversation
from pathfinder.sms.identity import NumberHasher
from pathfinder.sms.inbox import Inbox
from pathfinder.sms.redis_store import RedisStore
from pathfinder.sms.signature import SignatureCheck
from pathfinder.sms.sqlite_store import SQLiteStore
from pathfinder.sms.store import SessionStore
from tests.support.servers import RedisServer

from .texting import AUTH_TOKEN, PUBLIC_URL, SECRET, Clock, Phone

# Short, so a test of a worker that died holding a turn waits little.
TEST_LEASE_SECONDS = 0.5


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def flow() -> Flow:
    return load_shipped("dispute")


@pytest.fixture(scope="session")
def conversation(flow: Flow) -> Conversation:
    return Conversation(flow)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "sessions.db"


@pytest.fixture(params=["sqlite", "redis"])
def store_kind(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
async def store(
    store_kind: str, request: pytest.FixtureRequest, db_path: Path, clock: Clock
) -> AsyncIterator[SessionStore]:
    # An ASGI transport runs no lifespan, so the store is opened here.
    if store_kind == "sqlite":
        store: SessionStore = SQLiteStore(db_path, clock=clock)
    else:
        server: RedisServer = request.getfixturevalue("redis_server")
        server.empty()
        store = RedisStore(server.url, clock=clock, lease_seconds=TEST_LEASE_SECONDS)
    await store.open()
    yield store
    await store.close()


@pytest.fixture
def inbox(store: SessionStore, conversation: Conversation, clock: Clock) -> Inbox:
    return Inbox(store, conversation, clock=clock)


@pytest.fixture
def hasher() -> NumberHasher:
    return NumberHasher(SECRET)


@pytest.fixture
def app(inbox: Inbox, hasher: NumberHasher):
    return create_app(inbox, hasher, SignatureCheck(AUTH_TOKEN, PUBLIC_URL))


@pytest.fixture
async def client(app) -> AsyncIterator[httpx.AsyncClient]:
    # The base URL is what the server sees behind the TLS-terminating proxy;
    # the signature is over PUBLIC_URL, as Twilio signs it.
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://127.0.0.1:8000"
    ) as client:
        yield client


@pytest.fixture
def phone(client: httpx.AsyncClient) -> Phone:
    return Phone(client, "+12025550123")


@pytest.fixture
def other_phone(client: httpx.AsyncClient) -> Phone:
    return Phone(client, "+12025550187")
