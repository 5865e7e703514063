"""Logs say what happened, with a hashed id, and never a number or a message."""

from __future__ import annotations

import logging

from pathfinder.sms.identity import NumberHasher, log_id

from .texting import SECRET, Phone, new_sid

PRIVATE_WORDS = "Jamie has autism and was hit"


async def test_logs_tell_what_happened_without_numbers_or_words(
    phone: Phone, caplog, hasher
):
    caplog.set_level(logging.INFO, logger="pathfinder")
    sid = new_sid()
    for body in ["hi", "1", PRIVATE_WORDS, "BACK", "HELP", "1", "RESTART"]:
        await phone.text(body)
    await phone.text("1", sid=sid)
    await phone.text("1", sid=sid)
    await phone.text("STOP")

    lines = [record.getMessage() for record in caplog.records]
    text = "\n".join(lines)
    for event in ("started", "answered", "re-prompted", "went back", "sent help",
                  "restarted", "repeat answered again", "opted out"):
        assert event in text, event
    assert log_id(hasher.key(phone.number)) in text
    assert "2025550123" not in text and PRIVATE_WORDS not in text
    assert "Jamie" not in text


async def test_a_rejected_signature_is_logged_without_the_request(client, caplog):
    fields = {"From": "+12025550123", "Body": PRIVATE_WORDS, "MessageSid": new_sid()}
    await client.post("/sms", data=fields, headers={"X-Twilio-Signature": "nope"})
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "missing or wrong X-Twilio-Signature" in text
    assert "2025550123" not in text and PRIVATE_WORDS not in text and "nope" not in text


def test_the_stored_id_is_keyed_and_ignores_spacing():
    hasher = NumberHasher(SECRET)
    assert hasher.key("+12025550123") == hasher.key(" +1 202 555 0123 ")
    assert hasher.key("+12025550123") != NumberHasher("another-key").key("+12025550123")
    assert "2025550123" not in hasher.key("+12025550123")
