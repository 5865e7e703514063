"""`pathfinder purge` deletes idle sessions on demand."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

from pathfinder.sms.purge import main
from pathfinder.sms.sqlite_store import SQLiteStore
from pathfinder.sms.store import DAY_SECONDS


async def keep_two_sessions(path: Path) -> None:
    """One last texted 40 days ago, one 2 days ago."""
    now = time.time()
    store = SQLiteStore(path, clock=lambda: now - 40 * DAY_SECONDS)
    await store.open()
    await store.save("a" * 64, "SM1", "r", {"step": 1}, None)
    store.clock = lambda: now - 2 * DAY_SECONDS
    await store.save("b" * 64, "SM2", "r", {"step": 1}, None)
    await store.close()


def test_purge_deletes_only_sessions_idle_past_the_limit(tmp_path: Path, capsys):
    path = tmp_path / "sessions.db"
    asyncio.run(keep_two_sessions(path))

    assert main(["--store", f"sqlite://{path}"]) == 0
    assert "Deleted 1 session(s) with no text for 30 days" in capsys.readouterr().out
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT key FROM conversations").fetchall() == [("b" * 64,)]

    assert main(["--store", f"sqlite://{path}", "--idle-days", "1"]) == 0
    assert "Deleted 1 session(s) with no text for 1 days" in capsys.readouterr().out


def test_purge_explains_a_store_it_cannot_use(capsys):
    assert main(["--store", "redis://127.0.0.1:6379/0"]) == 2
    assert "Redis sessions are not available yet" in capsys.readouterr().err


def test_purge_refuses_a_non_positive_idle_time(tmp_path: Path, capsys):
    assert main(["--store", f"sqlite://{tmp_path / 's.db'}", "--idle-days", "0"]) == 2
    assert "PATHFINDER_IDLE_DAYS must be a number of days above 0" in (
        capsys.readouterr().err
    )
