"""A questionnaire per Twilio number: PATHFINDER_FLOWS and PATHFINDER_FLOW."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pathfinder.machine.flow import load_shipped
from pathfinder.machine.library import assessment_names
from pathfinder.machine.session import Session
from pathfinder.sms.config import ConfigError, as_environment, load_settings
from pathfinder.sms.identity import NumberHasher
from pathfinder.sms.messages import Messages
from pathfinder.sms.service import inboxes_by_number, make_inbox

from .serving import NUMBER, Server
from .texting import (
    OUR_NUMBER,
    SECRET,
    WELCOME_PARTS,
    assert_within,
    messages_in,
    new_sid,
    twilio_fields,
)

TOKEN = {"TWILIO_AUTH_TOKEN": "test-token"}
FIT504_NUMBER = "+12025550101"
FLOWS = f"{OUR_NUMBER}=dispute,{FIT504_NUMBER}=fit504"


def test_flows_by_number_are_read_from_the_environment_and_flags():
    settings = load_settings({**TOKEN, "PATHFINDER_FLOWS": FLOWS})
    assert settings.flow == "dispute"
    assert settings.flows == ((OUR_NUMBER, "dispute"), (FIT504_NUMBER, "fit504"))

    settings = load_settings(
        {**TOKEN, "PATHFINDER_FLOWS": FLOWS}, flows=f" {FIT504_NUMBER} = fit504 ",
        flow="fit504", store_url="redis://127.0.0.1:6379/2",
    )
    assert settings.flow == "fit504"
    assert settings.flows == ((FIT504_NUMBER, "fit504"),)
    env = as_environment(settings)
    assert load_settings({**TOKEN, **env}).flows == settings.flows
    assert load_settings({**TOKEN, **env}).flow == "fit504"


@pytest.mark.parametrize(
    "flows",
    [f"{OUR_NUMBER}=nosuchflow", f"{OUR_NUMBER}:dispute", "dispute",
     "2025550100=dispute", f"{OUR_NUMBER}=",
     f"{OUR_NUMBER}=dispute,{OUR_NUMBER}=fit504"],
)
def test_a_bad_flows_setting_stops_with_the_known_flows(flows: str):
    with pytest.raises(ConfigError) as raised:
        load_settings({**TOKEN, "PATHFINDER_FLOWS": flows})
    message = str(raised.value)
    assert "PATHFINDER_FLOWS" in message
    if "two questionnaires" not in message:
        assert all(name in message for name in assessment_names())


def test_an_unknown_default_flow_names_the_flag_and_the_known_flows():
    with pytest.raises(ConfigError, match="--flow: .*nosuchflow.*fit504"):
        load_settings(TOKEN, flow="nosuchflow")
    with pytest.raises(ConfigError, match="PATHFINDER_FLOW: .*dispute"):
        load_settings({**TOKEN, "PATHFINDER_FLOW": "nope"})


def test_one_conversation_per_flow_is_built_once(tmp_path: Path):
    settings = load_settings(
        {**TOKEN, "PATHFINDER_FLOWS": f"{FLOWS},+12025550102=fit504"},
        store_url=f"sqlite://{tmp_path / 's.db'}",
    )
    default = make_inbox(settings)
    inboxes = inboxes_by_number(settings, default)
    assert inboxes[OUR_NUMBER] is default
    assert inboxes[FIT504_NUMBER] is inboxes["+12025550102"]
    assert inboxes[FIT504_NUMBER].conversation.flow.name == "fit504"
    assert inboxes[FIT504_NUMBER].store is default.store


def test_the_stored_key_separates_flows():
    hasher = NumberHasher(SECRET)
    assert hasher.key(NUMBER, "fit504") != hasher.key(NUMBER, "dispute")
    assert hasher.key(NUMBER, "fit504") == hasher.key(" +1 202 555 0142", "fit504")
    # Conversations stored before flows per number keep being found.
    assert hasher.key(NUMBER, "dispute") == hasher.key(NUMBER)


@pytest.mark.parametrize("name", ["dispute", "fit504"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_welcome_names_its_own_flow_within_two_parts(name: str, lang: str):
    flow = load_shipped(name)
    welcome = Messages(flow).welcome(Session.begin(flow, lang))
    assert_within(welcome, WELCOME_PARTS)
    title = flow.title.get(lang)
    assert welcome.startswith("Pathfinder: ")
    # GSM-7 drops the accents of á í ó ú: compare the first plain words.
    assert title.split()[1] in welcome.split("\n")[0]
    assert ("Not legal advice" if lang == "en" else "No es asesoria legal") in welcome


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    server = Server(tmp_path, env={"PATHFINDER_FLOWS": f"{FIT504_NUMBER}=fit504"})
    server.start()
    yield server
    server.stop()


def text_to(server: Server, our_number: str, body: str) -> str:
    fields = twilio_fields(NUMBER, body, new_sid(), To=our_number)
    response = server.post(fields)
    assert response.status_code == 200, response.text
    [reply] = messages_in(response.text)
    return reply


def test_two_numbers_of_the_real_server_reach_two_flows(server: Server):
    dispute = text_to(server, OUR_NUMBER, "hi")
    fit504 = text_to(server, FIT504_NUMBER, "hi")
    assert dispute.startswith("Pathfinder: Find your next step")
    assert "Q1/7 Which plan" in dispute
    assert fit504.startswith("Pathfinder: Is a 504 plan a fit?")
    assert "Q1/4" in fit504

    # One parent, two conversations: each goes on where it was.
    assert text_to(server, FIT504_NUMBER, "1").startswith("Q2/4")
    assert text_to(server, OUR_NUMBER, "1").startswith("Q2/7")
    assert text_to(server, FIT504_NUMBER, "BACK").startswith("Going back")
    assert len(server.conversations()) == 2

    server.stop()
    assert "2025550142" not in server.log.read_text()


def test_serve_stops_on_an_unknown_flow_and_lists_the_known(tmp_path: Path):
    env = {**os.environ, "TWILIO_AUTH_TOKEN": "test-token"}
    result = subprocess.run(
        [sys.executable, "-m", "pathfinder.sms.server",
         "--store", f"sqlite://{tmp_path / 's.db'}",
         "--flows", f"{FIT504_NUMBER}=fit505"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert "--flows" in result.stderr and "fit505" in result.stderr
    assert all(name in result.stderr for name in assessment_names())
    assert not (tmp_path / "s.db").exists()
