"""Hypothesis hunts for texts and requests that break the service.

Whatever arrives, in any order: never a 500, never a message over budget or
outside GSM-7, and what is stored can always be restored.
"""

from __future__ import annotations

from urllib.parse import urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathfinder.machine.flow import DONE, Flow
from pathfinder.sms.conversation import Conversation, Incoming, State
from pathfinder.sms.keywords import Keyword, words_for

from .texting import (
    Phone,
    assert_within,
    messages_in,
    new_sid,
    signature,
    twilio_fields,
)

# Parts each kind of reply may take (sms-budget.md); everything else gets one.
BUDGET = {"started": 2, "finished": 3, "sent more": 3,
          "switched language, summary again": 3}

# The fixtures are shared by the examples of a test, so each example begins
# by opting out, which deletes everything kept for the number.
SHARED_FIXTURES = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

keyword_texts = st.sampled_from(
    [word for keyword in Keyword if keyword is not Keyword.OPT_OUT
     for word in words_for(keyword)]
).flatmap(
    lambda word: st.sampled_from([word, word.upper(), f" {word.title()}. "])
)
number_texts = st.integers(min_value=-1, max_value=12).flatmap(
    lambda n: st.sampled_from([str(n), f"{n}.", f"#{n}", f"{n})", f" {n} "])
)
word_texts = st.sampled_from(
    ["iep", "504", "yes", "no", "si", "Sí", "NC", "wi", "0", "skip", "suspended",
     "not sure", "he came back from suspension", "please stop the meeting",
     "no sé", "Plan 504", "disciplina", "es urgente", "ESPAÑOL", "inglés"]
)
odd_texts = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=150, max_size=2000),
    st.sampled_from(["", " ", "👍", "2\ufe0f\u20e3", "\x00", "\u202e", "stop it"]),
)
texts = st.one_of(number_texts, number_texts, keyword_texts, word_texts, odd_texts)
stops = st.sampled_from(["STOP", "stop.", "Quit", "PARAR", "unsubscribe"])
conversations = st.lists(
    st.tuples(st.one_of(texts, stops), st.integers(min_value=0, max_value=2),
              st.sampled_from([1.0, 5 * 3600.0])),
    max_size=25,
)


@settings(max_examples=500, deadline=None)
@given(conversations)
def test_any_conversation_keeps_to_the_budget_and_restores(
    conversation: Conversation, flow: Flow, steps
):
    state: State | None = None
    for body, media, idle in steps:
        incoming = Incoming(body, media, None if state is None else idle)
        turn = conversation.reply_to(state, incoming)

        if turn.reply is not None:
            assert_within(turn.reply, BUDGET.get(turn.event, 1))
        if turn.forget:
            assert turn.reply is None
            state = None
            continue
        state = turn.state
        if state is not None:
            state = State.from_dict(state.to_dict(), flow)
            current = state.session.current
            assert current == DONE or current in flow.questions


@SHARED_FIXTURES
@given(bodies=st.lists(st.tuples(st.one_of(texts, stops), st.booleans()), max_size=12))
async def test_any_texts_to_the_webhook_get_twiml_within_budget(
    phone: Phone, store, hasher, flow, bodies
):
    await phone.text("STOP")
    for body, with_media in bodies:
        extra = {"NumMedia": "1", "MediaUrl0": "https://media.example.invalid/1"}
        response = await phone.deliver(body, **(extra if with_media else {}))

        for reply in messages_in(response.text):
            assert_within(reply, 3)
        loaded = await store.load(hasher.key(phone.number), "SM-none")
        if loaded.saved is not None:
            State.from_dict(loaded.saved.data, flow)


field_names = st.one_of(
    st.sampled_from(["Body", "From", "MessageSid", "NumMedia", "To", "SmsSid"]),
    st.text(min_size=1, max_size=12),
)


@SHARED_FIXTURES
@given(
    fields=st.dictionaries(field_names, st.text(max_size=60), max_size=8),
    keep=st.sets(st.sampled_from(["From", "MessageSid", "Body"])),
)
async def test_any_signed_form_gets_twiml_or_a_400_never_a_500(client, fields, keep):
    base = twilio_fields("+12025550123", "hi", new_sid())
    form = {**{k: v for k, v in base.items() if k in keep}, **fields}
    headers = {
        "X-Twilio-Signature": signature(form),
        "Content-Type": "application/x-www-form-urlencoded",
    }
    response = await client.post("/sms", content=urlencode(form), headers=headers)
    assert response.status_code in (200, 400), response.text
    if response.status_code == 200:
        messages_in(response.text)


@SHARED_FIXTURES
@given(
    body=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)),
    content_type=st.sampled_from([
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=b",
        "application/json", "text/plain", "", "application/x-www-form-urlencoded; x",
    ]),
    signed=st.booleans(),
)
async def test_any_raw_request_gets_a_4xx_or_twiml_never_a_500(
    client, body, content_type, signed
):
    headers = {"Content-Type": content_type}
    if signed:
        headers["X-Twilio-Signature"] = signature({"Body": body.decode("latin-1")})
    response = await client.post("/sms", content=body, headers=headers)
    assert response.status_code in (200, 400, 403, 413, 415), response.text


def test_the_strategies_reach_the_summary_sometimes(conversation, flow):
    """Guards the property above: plain numbers walk a parent to the summary."""
    state = None
    for body in ["hi", "1", "3", "2", "1", "1", "1", "0"]:
        state = conversation.reply_to(state, Incoming(body)).state
    assert state is not None and state.session.current == DONE
