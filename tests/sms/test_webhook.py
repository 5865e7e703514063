"""POST /sms as Twilio calls it: signed forms in, TwiML out, 4xx for the rest."""

from __future__ import annotations

import logging
import sqlite3
from urllib.parse import urlencode

import httpx
import pytest

from pathfinder.sms.app import create_app, twiml
from pathfinder.sms.form import MAX_BODY_BYTES, Fields
from pathfinder.sms.signature import SignatureCheck

from .texting import (
    AUTH_TOKEN,
    ONE_PART,
    PUBLIC_URL,
    WEBHOOK_URL,
    Phone,
    assert_within,
    messages_in,
    new_sid,
    signature,
    twilio_fields,
)

NUMBER = "+12025550123"


@pytest.fixture
def store_kind() -> str:
    """HTTP handling is the same on every store; these tests read SQLite rows."""
    return "sqlite"


def stored(db_path) -> tuple[list, list]:
    with sqlite3.connect(db_path) as db:
        return (
            db.execute("SELECT * FROM conversations").fetchall(),
            db.execute("SELECT * FROM messages").fetchall(),
        )


async def test_a_signed_first_text_gets_the_welcome_as_twiml(phone: Phone):
    response = await phone.deliver("hi")
    assert response.headers["content-type"] == "text/xml; charset=utf-8"
    assert response.text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    [reply] = messages_in(response.text)
    assert reply.startswith("Pathfinder")


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-Twilio-Signature": ""},
        {"X-Twilio-Signature": "bm90IGEgc2lnbmF0dXJl"},
        {"X-Twilio-Signature": signature({"From": NUMBER})},  # for other fields
    ],
    ids=["missing", "empty", "wrong", "other-fields"],
)
async def test_a_missing_or_wrong_signature_gets_403_and_changes_nothing(
    client, db_path, headers
):
    fields = twilio_fields(NUMBER, "hi", new_sid())
    response = await client.post("/sms", data=fields, headers=headers)
    assert response.status_code == 403
    assert stored(db_path) == ([], [])


async def test_a_signature_made_with_another_token_is_refused(client, db_path):
    fields = twilio_fields(NUMBER, "hi", new_sid())
    forged = signature(fields, token="someone-elses-token")
    response = await client.post("/sms", data=fields,
                                 headers={"X-Twilio-Signature": forged})
    assert response.status_code == 403
    assert stored(db_path) == ([], [])


async def test_a_field_added_after_signing_breaks_the_signature(client):
    fields = twilio_fields(NUMBER, "hi", new_sid())
    headers = {"X-Twilio-Signature": signature(fields)}
    response = await client.post("/sms", data={**fields, "Body": "2"},
                                 headers=headers)
    assert response.status_code == 403


async def test_fields_twilio_adds_in_future_are_accepted_and_signed(phone):
    reply = await phone.text("hi", FutureField="something new", AnotherOne="")
    assert reply is not None and reply.startswith("Pathfinder")


async def test_a_repeated_field_is_signed_with_all_its_values(client):
    pairs = list(twilio_fields(NUMBER, "hi", new_sid()).items())
    pairs += [("MediaUrl0", "b"), ("MediaUrl0", "a")]
    headers = {
        "X-Twilio-Signature": signature(Fields(pairs)),
        "Content-Type": "application/x-www-form-urlencoded",
    }
    response = await client.post("/sms", content=urlencode(pairs), headers=headers)
    assert response.status_code == 200


async def test_the_signature_is_checked_against_the_public_url_behind_a_proxy(
    client,
):
    """The server sees http://127.0.0.1:8000; Twilio signed the public https URL."""
    fields = twilio_fields(NUMBER, "hi", new_sid())
    internal = signature(fields, url="http://127.0.0.1:8000/sms")
    response = await client.post("/sms", data=fields,
                                 headers={"X-Twilio-Signature": internal})
    assert response.status_code == 403

    response = await client.post("/sms", data=fields,
                                 headers={"X-Twilio-Signature": signature(fields)})
    assert response.status_code == 200


async def test_a_signature_over_the_url_with_its_default_port_is_accepted(client):
    """Twilio signs the URL as configured, with or without :443."""
    fields = twilio_fields(NUMBER, "hi", new_sid())
    with_port = PUBLIC_URL.replace(".org", ".org:443") + "/sms"
    response = await client.post("/sms", data=fields, headers={
        "X-Twilio-Signature": signature(fields, url=with_port)})
    assert response.status_code == 200


async def test_the_query_string_twilio_was_given_is_part_of_the_signed_url(client):
    fields = twilio_fields(NUMBER, "hi", new_sid())
    signed = signature(fields, url=WEBHOOK_URL + "?team=north")
    response = await client.post("/sms?team=north", data=fields,
                                 headers={"X-Twilio-Signature": signed})
    assert response.status_code == 200


async def test_without_a_public_url_the_request_url_is_what_was_signed(inbox, hasher):
    app = create_app(inbox, hasher, SignatureCheck(AUTH_TOKEN, None))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport,
                                 base_url="https://sms.example.net") as client:
        fields = twilio_fields(NUMBER, "hi", new_sid())
        signed = signature(fields, url="https://sms.example.net/sms")
        response = await client.post("/sms", data=fields,
                                     headers={"X-Twilio-Signature": signed})
    assert response.status_code == 200


async def test_the_development_switch_accepts_unsigned_texts_and_warns_each_time(
    inbox, hasher, caplog
):
    app = create_app(inbox, hasher, signature=None)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport,
                                 base_url="http://127.0.0.1:8000") as client:
        for _ in range(2):
            fields = twilio_fields(NUMBER, "hi", new_sid())
            response = await client.post("/sms", data=fields)
            assert response.status_code == 200
    warnings = [r for r in caplog.records if "NOT being checked" in r.getMessage()]
    assert len(warnings) == 2
    assert all(r.levelno == logging.WARNING for r in warnings)


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", b'{"From": "+12025550123", "Body": "hi"}'),
        ("multipart/form-data; boundary=zzz", b"--zzz\r\nbroken"),
        ("multipart/form-data", b"no boundary at all"),
        ("text/plain", b"From=%2B12025550123&Body=hi"),
        (None, b"From=%2B12025550123&Body=hi"),
    ],
)
async def test_anything_but_a_form_gets_415(client, db_path, content_type, body):
    headers = {"X-Twilio-Signature": "x"}
    if content_type:
        headers["Content-Type"] = content_type
    response = await client.post("/sms", content=body, headers=headers)
    assert response.status_code == 415
    assert "application/x-www-form-urlencoded" in response.text
    assert stored(db_path) == ([], [])


async def test_a_form_too_large_gets_413(client):
    body = b"Body=" + b"a" * (MAX_BODY_BYTES + 1)
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    response = await client.post("/sms", content=body, headers=headers)
    assert response.status_code == 413


async def test_a_form_too_large_without_a_length_gets_413(client):
    async def chunks():
        for _ in range(MAX_BODY_BYTES // 1024 + 2):
            yield b"a" * 1024

    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    response = await client.post("/sms", content=chunks(), headers=headers)
    assert response.status_code == 413


@pytest.mark.parametrize(
    "body",
    [b"Body=%FF%FE", "Body=caf\u00e9".encode("latin-1"), b"a=1&" * 300],
    ids=["bad-utf8", "raw-bytes", "too-many-fields"],
)
async def test_a_form_that_cannot_be_read_gets_400(client, body):
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    response = await client.post("/sms", content=body, headers=headers)
    assert response.status_code == 400


@pytest.mark.parametrize("missing", ["From", "MessageSid"])
async def test_a_signed_form_without_sender_or_sid_gets_400(client, db_path, missing):
    fields = twilio_fields(NUMBER, "hi", new_sid())
    del fields[missing]
    if missing == "MessageSid":
        del fields["SmsMessageSid"]
    response = await client.post("/sms", data=fields,
                                 headers={"X-Twilio-Signature": signature(fields)})
    assert response.status_code == 400
    assert missing in response.text
    assert stored(db_path) == ([], [])


async def test_no_body_field_at_all_is_a_text_like_any_other(phone):
    await phone.text("hi")
    reply = await phone.text(None)
    assert reply is not None and "empty" in reply
    assert_within(reply, ONE_PART)


async def test_a_picture_without_text_gets_a_helpful_reply_and_is_not_fetched(phone):
    await phone.text("hi")
    reply = await phone.text(
        "", NumMedia="1", MediaUrl0="https://media.example.invalid/m/1",
        MediaContentType0="image/jpeg",
    )
    assert reply is not None and "not pictures" in reply
    assert_within(reply, ONE_PART)


@pytest.mark.parametrize(
    "body",
    ["x" * 1600, "y" * 5000, "👍🏽🎉", "\x00\x01\x1b[31m", "2\u0000", "\u202e1"],
    ids=["1600", "5000", "emoji", "control", "nul-after", "bidi"],
)
async def test_odd_bodies_get_a_one_part_re_prompt(phone, body):
    await phone.text("hi")
    reply = await phone.text(body)
    assert reply is not None
    assert_within(reply, ONE_PART)


async def test_an_opt_out_gets_an_empty_response(phone, db_path):
    await phone.text("hi")
    response = await phone.deliver("STOP")
    assert messages_in(response.text) == []
    conversations, _ = stored(db_path)
    assert conversations == []


async def test_get_is_not_allowed_on_the_webhook(client):
    response = await client.get("/sms")
    assert response.status_code == 405


async def test_healthz_says_ok_while_the_store_answers(client, store):
    response = await client.get("/healthz")
    assert (response.status_code, response.text) == (200, "ok")
    await store.close()
    response = await client.get("/healthz")
    assert response.status_code == 503


async def test_an_internal_failure_becomes_a_please_resend_reply(
    phone, store, caplog
):
    await phone.text("hi")
    await store.close()  # the database goes away under the running app
    response = await phone.deliver("1")
    [reply] = messages_in(response.text)
    assert "send that again in a minute" in reply
    assert_within(reply, ONE_PART)
    logged = [r.getMessage() for r in caplog.records]
    assert any("could not handle message" in line and "session store is not open"
               in line for line in logged)


def test_a_reply_with_xml_characters_is_escaped():
    response = twiml('Fish & chips <b> "quoted"')
    assert messages_in(response.body.decode()) == ['Fish & chips <b> "quoted"']


def test_no_reply_is_an_empty_response_element():
    assert messages_in(twiml(None).body.decode()) == []
