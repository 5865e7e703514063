"""The SMS service's parts put together from its settings, once per process."""

from __future__ import annotations

import os

from starlette.applications import Starlette

from pathfinder.machine.flow import load_shipped

from .app import create_app
from .config import Settings, hashing_key, load_settings
from .conversation import Conversation, Rules
from .identity import NumberHasher
from .inbox import Inbox
from .signature import SignatureCheck
from .store import open_store

FLOW = "dispute"


def make_inbox(settings: Settings) -> Inbox:
    """The inbox over the configured store (not opened yet) and the shipped flow.

    Raises:
        StoreError: the store URL names no store Pathfinder has.
        ContentError: the shipped flow or guidance file is broken.
    """
    store = open_store(settings.store_url, settings.idle_seconds)
    rules = Rules(answer_help=settings.answer_help)
    return Inbox(store, Conversation(load_shipped(FLOW), rules))


def make_app(settings: Settings) -> Starlette:
    signature = None
    if not settings.skip_signature:
        signature = SignatureCheck(str(settings.auth_token), settings.public_url)
    return create_app(make_inbox(settings), make_hasher(settings), signature)


def app_from_environment() -> Starlette:
    """The app of one worker process, its settings from PATHFINDER_* variables.

    `pathfinder serve --workers N` names this to uvicorn, which imports it in
    each worker; the flags given to serve were put in the environment first.
    """
    return make_app(load_settings(os.environ))


def make_hasher(settings: Settings) -> NumberHasher:
    """Raises ConfigError when no hashing key is set or can be kept."""
    return NumberHasher(hashing_key(settings))
