"""Helpers that text the service the way Twilio delivers a parent's text.

Phone numbers come only from the fictional range +1 202-555-01xx.
"""

from __future__ import annotations

import itertools
import uuid
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field

import httpx
from twilio.request_validator import RequestValidator

from pathfinder.machine.gsm import measure

AUTH_TOKEN = "test-auth-token-not-a-real-one"
SECRET = "test-hashing-key-0123456789abcdef0123456789abcdef"
PUBLIC_URL = "https://sms.pathfinder.example.org"
WEBHOOK_URL = PUBLIC_URL + "/sms"
OUR_NUMBER = "+12025550100"
ACCOUNT_SID = "AC" + "0" * 32

# How many parts each kind of message may take (sms-budget.md).
ONE_PART = 1
WELCOME_PARTS = 2
SUMMARY_PARTS = 3


def new_sid() -> str:
    return "SM" + uuid.uuid4().hex


def twilio_fields(sender: str, body: str | None, sid: str, **extra: str) -> dict:
    """The fields Twilio posts for an inbound SMS, with fictional values."""
    fields = {
        "ToCountry": "US", "ToState": "DC", "ToCity": "WASHINGTON", "ToZip": "20001",
        "FromCountry": "US", "FromState": "DC", "FromCity": "", "FromZip": "",
        "SmsMessageSid": sid, "SmsSid": sid, "MessageSid": sid,
        "AccountSid": ACCOUNT_SID, "NumMedia": "0", "NumSegments": "1",
        "SmsStatus": "received", "ApiVersion": "2010-04-01",
        "To": OUR_NUMBER, "From": sender,
    }
    if body is not None:
        fields["Body"] = body
    fields.update(extra)
    return fields


def signature(fields: dict, url: str = WEBHOOK_URL, token: str = AUTH_TOKEN) -> str:
    return RequestValidator(token).compute_signature(url, fields)


def messages_in(twiml: str) -> list[str]:
    """The texts of the <Message> elements of a TwiML reply."""
    root = ElementTree.fromstring(twiml)
    assert root.tag == "Response"
    return [message.text or "" for message in root.iter("Message")]


def assert_within(text: str, parts: int) -> None:
    size = measure(text)
    assert size.encoding == "GSM-7", f"not GSM-7: {text!r}"
    assert size.parts <= parts, f"{size.parts} parts, budget {parts}: {text!r}"


@dataclass
class Clock:
    """A time source the tests move forward by hand."""

    now: float = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Phone:
    """One parent's phone, texting the webhook through Twilio."""

    client: httpx.AsyncClient
    number: str
    sent: list[str] = field(default_factory=list)

    async def post(self, fields: dict, headers: dict | None = None) -> httpx.Response:
        headers = {"X-Twilio-Signature": signature(fields), **(headers or {})}
        return await self.client.post("/sms", data=fields, headers=headers)

    async def deliver(self, body: str | None, sid: str | None = None, **extra: str):
        """Deliver one text; the response, which must be TwiML."""
        sid = sid or new_sid()
        self.sent.append(sid)
        response = await self.post(twilio_fields(self.number, body, sid, **extra))
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("text/xml")
        return response

    async def text(self, body: str | None, sid: str | None = None, **extra: str):
        """Send a text; the reply the parent gets, or None for no reply."""
        response = await self.deliver(body, sid, **extra)
        replies = messages_in(response.text)
        assert len(replies) <= 1, "one text gets at most one reply"
        return replies[0] if replies else None


def numbers() -> itertools.cycle:
    """Distinct fictional numbers, +12025550101 to +12025550199 and round again."""
    return itertools.cycle(f"+120255501{n:02d}" for n in range(1, 100))
