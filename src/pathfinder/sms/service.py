"""The SMS service's parts put together from its settings, once per process."""

from __future__ import annotations

import os

from starlette.applications import Starlette

from pathfinder.machine.library import load_assessment

from .app import create_app
from .config import Settings, hashing_key, load_settings
from .conversation import Conversation, Rules
from .identity import NumberHasher
from .inbox import Inbox
from .signature import SignatureCheck
from .store import open_store


def make_inbox(settings: Settings) -> Inbox:
    """The inbox over the configured store (not opened yet) and the default flow.

    Raises:
        StoreError: the store URL names no store Pathfinder has.
        ContentError: the shipped flow or guidance file is broken.
    """
    store = open_store(settings.store_url, settings.idle_seconds)
    return Inbox(store, make_conversation(settings, settings.flow))


def inboxes_by_number(settings: Settings, default: Inbox) -> dict[str, Inbox]:
    """An inbox per Twilio number of PATHFINDER_FLOWS, over the default's store.

    Each flow's conversation is built once, however many numbers use it.
    """
    inboxes = {settings.flow: default}
    for _, name in settings.flows:
        if name not in inboxes:
            conversation = make_conversation(settings, name)
            inboxes[name] = Inbox(default.store, conversation)
    return {number: inboxes[name] for number, name in settings.flows}


def make_conversation(settings: Settings, name: str) -> Conversation:
    rules = Rules(answer_help=settings.answer_help)
    assessment = load_assessment(name)
    return Conversation(assessment.flow, rules, assessment.guidance)


def make_app(settings: Settings) -> Starlette:
    signature = None
    if not settings.skip_signature:
        signature = SignatureCheck(str(settings.auth_token), settings.public_url)
    inbox = make_inbox(settings)
    return create_app(
        inbox, make_hasher(settings), signature,
        by_number=inboxes_by_number(settings, inbox),
    )


def app_from_environment() -> Starlette:
    """The app of one worker process, its settings from PATHFINDER_* variables.

    `pathfinder serve --workers N` names this to uvicorn, which imports it in
    each worker; the flags given to serve were put in the environment first.
    """
    return make_app(load_settings(os.environ))


def make_hasher(settings: Settings) -> NumberHasher:
    """Raises ConfigError when no hashing key is set or can be kept."""
    return NumberHasher(hashing_key(settings))
