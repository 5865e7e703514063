"""Fixtures for the SMS service: a real SQLite file, the real app, signed texts.

Every request a test sends is signed the way Twilio signs it (the public URL
plus every field, with the account's Auth Token), unless the test is about
a request that is not.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from pathfinder.machine.flow import Flow, load_shipped
from pathfinder.sms.app import create_app
from pathfinder.sms.conversation import Conversation
from pathfinder.sms.identity import NumberHasher
from pathfinder.sms.inbox import Inbox
from pathfinder.sms.signature import SignatureCheck
from pathfinder.sms.sqlite_store import SQLiteStore

from .texting import AUTH_TOKEN, PUBLIC_URL, SECRET, Clock, Phone


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


@pytest.fixture
async def store(db_path: Path, clock: Clock) -> AsyncIterator[SQLiteStore]:
    # An ASGI transport runs no lifespan, so the store is opened here.
    store = SQLiteStore(db_path, clock=clock)
    await store.open()
    yield store
    await store.close()


@pytest.fixture
def inbox(store: SQLiteStore, conversation: Conversation, clock: Clock) -> Inbox:
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
