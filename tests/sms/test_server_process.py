"""End to end: the real `pathfinder serve` process, texted as Twilio texts it.

The server runs on a free loopback port with a SQLite file in tmp_path; every
request is signed over the public URL and all fields, exactly as Twilio signs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.support.servers import LOOPBACK

from .serving import NUMBER, Server
from .texting import (
    ONE_PART,
    SUMMARY_PARTS,
    WELCOME_PARTS,
    assert_within,
    new_sid,
    twilio_fields,
)

PRIVATE_WORDS = "my-own-words-about-my-kid"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    server = Server(tmp_path).start()
    yield server
    server.stop()


def test_a_signed_conversation_with_the_real_server(server: Server):
    welcome = server.text("Hi")
    assert welcome.startswith("Pathfinder")
    assert_within(welcome, WELCOME_PARTS)

    assert server.text("1").startswith("Q2/7 What is it mostly about?")
    went_back = server.text("BACK")
    assert "Going back" in went_back and "Which plan" in went_back
    assert server.text("2").startswith("Q2/7")  # now a 504 plan
    assert "parentcenterhub.org" in server.text("HELP")
    assert server.text("RESTART").startswith("Starting over.")
    assert "number from 1 to 4" in server.text(PRIVATE_WORDS)

    # IEP, plan not followed, not urgent, met without a fix, follow the
    # rules, under 6 months, North Carolina.
    for body in ["1", "5", "2", "3", "2", "1"]:
        assert_within(server.text(body), ONE_PART)
    summary = server.text("nc")
    assert summary.startswith("Best next step:") and "MORE" in summary
    assert_within(summary, SUMMARY_PARTS)
    more = server.text("MORE")
    assert more.startswith("Next steps:")
    assert_within(more, SUMMARY_PARTS)

    unsigned = server.post(twilio_fields(NUMBER, "1", new_sid()), signed=False)
    assert unsigned.status_code == 403

    assert server.text("STOP") is None
    assert server.conversations() == []
    assert server.text("hello again").startswith("Pathfinder")

    health = httpx.get(f"http://{LOOPBACK}:{server.port}/healthz", timeout=10)
    assert health.status_code == 200

    server.stop()
    log = server.log.read_text()
    assert "started" in log and "finished" in log and "opted out" in log
    assert "rejected a request to /sms: missing or wrong X-Twilio-Signature" in log
    assert "2025550142" not in log and PRIVATE_WORDS not in log


def test_a_parent_continues_after_the_server_restarts(server: Server):
    server.text("hi")
    server.text("1")
    server.text("3")
    server.stop()

    server.start()
    reply = server.text("2")  # the urgent question, still waiting
    assert reply.startswith("Q4/7 Where do things stand")


def test_the_phone_number_is_kept_only_as_a_keyed_hash(server: Server):
    server.text("hi")
    server.text("1")
    server.stop()

    raw = server.store.read_bytes()
    for wal in server.folder.glob("sessions.db-*"):
        raw += wal.read_bytes()
    assert b"2025550142" not in raw
    assert (server.folder / "sessions.db.secret").exists()
    [(key, _)] = server.conversations()
    assert len(key) == 64 and "2025550142" not in key


def test_ten_texts_at_once_to_the_real_server_lose_nothing(server: Server):
    server.text("hi")
    # "1" answers every choice question; the state question re-prompts it.
    bodies = ["1"] * 10
    with ThreadPoolExecutor(max_workers=10) as pool:
        replies = list(pool.map(server.text, bodies))

    # Six answers, each applied once, then four re-prompts at the last question.
    assert sum(r.startswith("Sorry, I did not get that.") for r in replies) == 4
    assert sum(r.startswith("Q7/7") for r in replies) == 1
    [(_, data)] = server.conversations()
    assert '"history":["plan","issue","urgent","stage","goal","since"]' in data


def test_start_up_stops_with_a_message_when_the_token_is_missing(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k != "TWILIO_AUTH_TOKEN"}
    result = subprocess.run(
        [sys.executable, "-m", "pathfinder.sms.server",
         "--store", f"sqlite://{tmp_path / 's.db'}"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert "TWILIO_AUTH_TOKEN is not set" in result.stderr


def test_several_workers_on_a_sqlite_file_are_refused(tmp_path: Path):
    env = {**os.environ, "TWILIO_AUTH_TOKEN": "test-token"}
    result = subprocess.run(
        [sys.executable, "-m", "pathfinder.sms.server", "--workers", "2",
         "--store", f"sqlite://{tmp_path / 's.db'}"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert "--workers above 1 needs a Redis store" in result.stderr
