"""Phone numbers as keyed hashes: how a conversation is found without keeping it.

A plain hash of a phone number can be reversed by hashing every number, so
the hash is an HMAC with a secret kept apart from the data (sms-facts.md 6).
"""

from __future__ import annotations

import hashlib
import hmac

LOG_ID_LENGTH = 12


class NumberHasher:
    def __init__(self, secret: str) -> None:
        self._key = secret.encode("utf-8")

    def key(self, number: str) -> str:
        """The stored id of a phone number (the same for every spacing of it)."""
        canonical = "".join(number.split())
        digest = hmac.new(self._key, canonical.encode("utf-8"), hashlib.sha256)
        return digest.hexdigest()


def log_id(key: str) -> str:
    """A short form of a stored id for logs: enough to follow one conversation."""
    return key[:LOG_ID_LENGTH]
