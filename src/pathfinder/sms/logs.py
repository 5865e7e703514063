"""Log lines an operator can act on, with nothing a parent wrote in them.

Message bodies and phone numbers never reach a log; neither does an error's
own message, which may quote them, unless Pathfinder wrote it: a store's
errors say which store failed and how, in words of ours. What is logged:
what happened, to which hashed conversation, for which MessageSid, and where
an error was raised.
"""

from __future__ import annotations

import traceback

from .store import StoreError


def describe_error(error: BaseException) -> str:
    """The kind of an error and where it was raised, without its message.

    A StoreError's message is kept: it names the store and what went wrong.
    """
    if isinstance(error, StoreError):
        return f"{type(error).__name__}: {error}"
    frames = traceback.extract_tb(error.__traceback__)
    place = f" at {frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    return f"{type(error).__name__}{place}"


def safe_sid(sid: str) -> str:
    """A MessageSid as logged: letters and digits only, so never a line break."""
    sid = sid[:40]
    if sid.isascii() and sid.isalnum():
        return sid
    return "".join(ch for ch in sid if ch.isascii() and ch.isalnum())
