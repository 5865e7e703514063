"""Phone numbers as keyed hashes: how a conversation is found without keeping it.

A plain hash of a phone number can be reversed by hashing every number, so
the hash is an HMAC with a secret kept apart from the data (sms-facts.md 6).
"""

from __future__ import annotations

import hashlib
import hmac

LOG_ID_LENGTH = 12

# TODO: conversations stored before flows were chosen per number are keyed by
# the number alone, and were all in this flow; it keeps that key so they carry
# on. The mark can go (and every flow join the key) once every deployment has
# run this version for its idle time (PATHFINDER_IDLE_DAYS, 30 by default).
UNSCOPED_FLOW = "dispute"


class NumberHasher:
    def __init__(self, secret: str) -> None:
        self._key = secret.encode("utf-8")

    def key(self, number: str, flow: str = UNSCOPED_FLOW) -> str:
        """The stored id of a phone number's conversation in `flow`.

        The same for every spacing of the number; another flow, another id, so
        a parent texting two of the service's numbers has two conversations.
        """
        canonical = "".join(number.split())
        if flow != UNSCOPED_FLOW:
            # Whitespace is gone from the number, so the newline cannot be faked.
            canonical = f"{canonical}\n{flow}"
        digest = hmac.new(self._key, canonical.encode("utf-8"), hashlib.sha256)
        return digest.hexdigest()


def log_id(key: str) -> str:
    """A short form of a stored id for logs: enough to follow one conversation."""
    return key[:LOG_ID_LENGTH]
