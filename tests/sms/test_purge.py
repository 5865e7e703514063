"""`pathfinder purge` deletes idle sessions on demand, from either store."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

from pathfinder.sms.purge import main
from pathfinder.sms.redis_store import RedisStore
from pathfinder.sms.sqlite_store import SQLiteStore
from pathfinder.sms.store import DAY_SECONDS, SessionStore
from tests.support.servers import LOOPBACK, free_port


async def keep_two_sessions_in(store: SessionStore) -> None:
    """One last texted 40 days ago, one 2 days ago."""
    now = time.time()
    store.clock = lambda: now - 40 * DAY_SECONDS
    await store.open()
    await store.save("a" * 64, "SM1", "r", {"step": 1}, None)
    store.clock = lambda: now - 2 * DAY_SECONDS
    await store.save("b" * 64, "SM2", "r", {"step": 1}, None)
    await store.close()


def test_purge_deletes_only_sessions_idle_past_the_limit(tmp_path: Path, capsys):
    path = tmp_path / "sessions.db"
    asyncio.run(keep_two_sessions_in(SQLiteStore(path)))

    assert main(["--store", f"sqlite://{path}"]) == 0
    assert "Deleted 1 session(s) with no text for 30 days" in capsys.readouterr().out
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT key FROM conversations").fetchall() == [("b" * 64,)]

    assert main(["--store", f"sqlite://{path}", "--idle-days", "1"]) == 0
    assert "Deleted 1 session(s) with no text for 1 day or more." in (
        capsys.readouterr().out
    )


def test_purge_applies_a_shorter_idle_time_to_redis(redis_server, capsys):
    redis_server.empty()
    asyncio.run(keep_two_sessions_in(RedisStore(redis_server.url, clock=time.time)))

    assert main(["--store", redis_server.url, "--idle-days", "10"]) == 0
    assert "Deleted 1 session(s) with no text for 10 days" in capsys.readouterr().out
    assert main(["--store", redis_server.url, "--idle-days", "10"]) == 0
    assert "Deleted 0 session(s)" in capsys.readouterr().out


def test_purge_explains_a_store_it_cannot_reach(capsys):
    unreachable = f"redis://{LOOPBACK}:{free_port()}/0"
    assert main(["--store", unreachable]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the Redis session store at 127.0.0.1:" in err
    assert "Check that Redis runs there" in err


def test_purge_refuses_a_non_positive_idle_time(tmp_path: Path, capsys):
    assert main(["--store", f"sqlite://{tmp_path / 's.db'}", "--idle-days", "0"]) == 2
    assert "--idle-days must be a number of days above 0" in (
        capsys.readouterr().err
    )


def test_purge_says_when_the_session_file_is_not_there(tmp_path: Path, capsys):
    missing = tmp_path / "typo.db"
    assert main(["--store", f"sqlite://{missing}"]) == 2
    err = capsys.readouterr().err
    assert f"there is no session file at {missing}" in err
    assert not missing.exists()
