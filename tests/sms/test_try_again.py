""""Please send that again" is asked in the conversation's language."""

from __future__ import annotations

import sqlite3

import pytest

from pathfinder.machine.gsm import gsm_safe
from pathfinder.sms.messages import ENGLISH, SPANISH


@pytest.fixture
def store_kind() -> str:
    """Another connection holding SQLite's write lock makes a save fail for real."""
    return "sqlite"


def write_lock_held(db_path) -> sqlite3.Connection:
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    return holder


async def test_a_failed_save_asks_again_in_spanish(phone, db_path):
    assert (await phone.text("ES")).startswith("Pathfinder: Encuentre")
    holder = write_lock_held(db_path)
    try:
        reply = await phone.text("1")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert reply == gsm_safe(SPANISH.try_again)
    # Nothing was applied: the same answer goes through now.
    assert (await phone.text("1")).startswith("P2/7")


async def test_a_failed_first_text_asks_again_in_english(phone, db_path):
    await phone.text("hi")  # makes the file and its tables
    await phone.text("STOP")
    holder = write_lock_held(db_path)
    try:
        reply = await phone.text("hola")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert reply == gsm_safe(ENGLISH.try_again)
