"""A public URL pasted whole, webhook path included, as docs/sms.md shows."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from pathfinder.sms.app import create_app
from pathfinder.sms.signature import SignatureCheck

from .serving import Server
from .texting import (
    AUTH_TOKEN,
    PUBLIC_URL,
    WEBHOOK_URL,
    new_sid,
    signature,
    twilio_fields,
)

NUMBER = "+12025550131"


async def post_signed(app, signed_url: str) -> int:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport,
                                 base_url="http://127.0.0.1:8000") as client:
        fields = twilio_fields(NUMBER, "hi", new_sid())
        headers = {"X-Twilio-Signature": signature(fields, url=signed_url)}
        response = await client.post("/sms", data=fields, headers=headers)
    return response.status_code


@pytest.mark.parametrize("configured", [WEBHOOK_URL, WEBHOOK_URL + "/"])
async def test_a_public_url_ending_in_the_webhook_path_is_the_webhook_url(
    inbox, hasher, configured: str
):
    app = create_app(inbox, hasher, SignatureCheck(AUTH_TOKEN, configured))
    assert await post_signed(app, WEBHOOK_URL) == 200
    assert await post_signed(app, WEBHOOK_URL + "/sms") == 403


async def test_a_public_url_with_a_prefix_before_the_webhook_path(inbox, hasher):
    configured = PUBLIC_URL + "/texts/sms"
    app = create_app(inbox, hasher, SignatureCheck(AUTH_TOKEN, configured))
    assert await post_signed(app, configured) == 200


def test_how_the_url_was_understood_is_said_only_when_the_path_was_there():
    assert SignatureCheck(AUTH_TOKEN, PUBLIC_URL).note is None
    note = SignatureCheck(AUTH_TOKEN, WEBHOOK_URL).note
    assert note is not None and WEBHOOK_URL in note


def test_the_real_server_accepts_the_url_pasted_into_twilio(tmp_path: Path):
    server = Server(tmp_path, env={"PATHFINDER_PUBLIC_URL": WEBHOOK_URL}).start()
    try:
        assert server.text("hi").startswith("Pathfinder")
    finally:
        server.stop()
    log = server.log.read_text()
    assert log.count("taken as the whole webhook URL") == 1
