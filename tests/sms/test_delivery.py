"""Delivery is not exactly once: repeats and bursts lose nothing, apply none twice."""

from __future__ import annotations

import asyncio

from pathfinder.machine.session import Session

from .texting import Phone, messages_in, new_sid


async def saved_session(store, hasher, phone: Phone) -> Session:
    loaded = await store.load(hasher.key(phone.number), "SM-none")
    assert loaded.saved is not None
    return Session.from_dict(loaded.saved.data["session"])


async def test_a_repeated_message_sid_gets_the_same_reply_and_does_not_advance(
    phone, store, hasher
):
    await phone.text("hi")
    sid = new_sid()
    first = await phone.text("1", sid=sid)
    again = await phone.text("1", sid=sid)

    assert again == first
    session = await saved_session(store, hasher, phone)
    assert session.current == "issue" and session.history == ["plan"]


async def test_a_message_sid_from_another_number_is_a_new_message_there(
    phone, other_phone, store, hasher
):
    await phone.text("hi")
    sid = new_sid()
    first = await phone.text("1", sid=sid)
    assert first.startswith("Q2/7")

    # Another number's request reusing the sid is not told this parent's reply.
    reused = await other_phone.text("hi", sid=sid)
    assert reused.startswith("Pathfinder") and reused != first
    assert await other_phone.text("1", sid=sid) == reused  # its own repeat

    assert await phone.text("1", sid=sid) == first
    session = await saved_session(store, hasher, phone)
    assert session.history == ["plan"]
    other = await saved_session(store, hasher, other_phone)
    assert other.history == [] and other.current == "plan"


async def test_a_repeat_after_later_texts_still_gets_its_own_first_reply(
    phone, store, hasher
):
    await phone.text("hi")
    sid = new_sid()
    first = await phone.text("1", sid=sid)
    await phone.text("3")
    assert await phone.text("1", sid=sid) == first
    session = await saved_session(store, hasher, phone)
    assert session.history == ["plan", "issue"]


async def test_a_repeated_opt_out_is_silent_and_does_not_delete_a_new_start(
    phone, store, hasher
):
    await phone.text("hi")
    stop = new_sid()
    assert await phone.text("STOP", sid=stop) is None
    await phone.text("START")
    await phone.text("2")
    assert await phone.text("STOP", sid=stop) is None
    session = await saved_session(store, hasher, phone)
    assert session.answers == {"plan": "504"}


async def test_ten_texts_from_one_number_at_once_are_applied_one_by_one_in_order(
    phone, store, hasher
):
    # hi, then plan=IEP, issue=services, urgent=no, stage, goal, since, and
    # three answers the state question does not take (a re-prompt each).
    bodies = ["hi", "1", "3", "2", "1", "1", "1", "5", "6", "7"]
    sids = [new_sid() for _ in bodies]
    responses = await asyncio.gather(
        *(phone.deliver(body, sid) for body, sid in zip(bodies, sids))
    )

    session = await saved_session(store, hasher, phone)
    assert session.history == ["plan", "issue", "urgent", "stage", "goal", "since"]
    assert session.current == "state"
    replies = [messages_in(r.text)[0] for r in responses]
    assert replies[0].startswith("Pathfinder")
    assert replies[1].startswith("Q2/7") and replies[6].startswith("Q7/7")

    # Every one of them delivered again, all at once: the same replies, no change.
    again = await asyncio.gather(
        *(phone.deliver(body, sid) for body, sid in zip(bodies, sids))
    )
    assert [messages_in(r.text)[0] for r in again] == replies
    assert await saved_session(store, hasher, phone) == session


async def test_bursts_from_two_numbers_do_not_mix(phone, other_phone, store, hasher):
    await asyncio.gather(
        *(p.deliver(body) for body in ["hi"] for p in (phone, other_phone))
    )
    await asyncio.gather(phone.deliver("1"), other_phone.deliver("2"))
    assert (await saved_session(store, hasher, phone)).answers == {"plan": "iep"}
    assert (await saved_session(store, hasher, other_phone)).answers == {"plan": "504"}


async def test_the_same_sid_delivered_twice_at_once_is_applied_once(
    phone, store, hasher
):
    await phone.text("hi")
    sid = new_sid()
    first, second = await asyncio.gather(
        phone.deliver("1", sid), phone.deliver("1", sid)
    )
    assert first.text == second.text
    session = await saved_session(store, hasher, phone)
    assert session.history == ["plan"]
