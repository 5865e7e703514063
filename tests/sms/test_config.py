"""Settings: the environment, flags over it, and messages that say what to set."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pathfinder.sms.config import (
    ConfigError,
    as_environment,
    default_store_url,
    hashing_key,
    load_settings,
)
from pathfinder.sms.store import sqlite_path

TOKEN = {"TWILIO_AUTH_TOKEN": "test-token"}


def test_a_missing_auth_token_says_what_to_set():
    with pytest.raises(ConfigError, match="TWILIO_AUTH_TOKEN is not set. Set it"):
        load_settings({})


def test_the_auth_token_never_shows_in_a_repr():
    settings = load_settings({"TWILIO_AUTH_TOKEN": "very-secret-token"})
    assert "very-secret-token" not in repr(settings)
    assert str(settings.auth_token) == "very-secret-token"


def test_defaults(tmp_path: Path):
    settings = load_settings(TOKEN)
    assert settings.store_url == default_store_url()
    assert settings.public_url is None
    assert settings.idle_days == 30 and settings.answer_help
    assert not settings.skip_signature


def test_the_default_store_is_a_file_in_the_data_folder():
    path = sqlite_path(default_store_url())
    assert path is not None and path.is_absolute() and "pathfinder" in str(path)


def test_flags_override_the_environment(tmp_path: Path):
    env = {
        **TOKEN,
        "PATHFINDER_STORE": f"sqlite://{tmp_path}/env.db",
        "PATHFINDER_PUBLIC_URL": "https://env.example.org/",
        "PATHFINDER_IDLE_DAYS": "7",
        "PATHFINDER_ANSWER_HELP": "0",
        "PATHFINDER_DEV_SKIP_SIGNATURE": "no",
    }
    from_env = load_settings(env)
    assert from_env.store_url == f"sqlite://{tmp_path}/env.db"
    assert from_env.public_url == "https://env.example.org"
    assert from_env.idle_days == 7 and not from_env.answer_help

    flagged = load_settings(
        env, store_url=f"sqlite://{tmp_path}/flag.db",
        public_url="https://flag.example.org",
        idle_days=2, answer_help=True, skip_signature=True,
    )
    assert flagged.store_url == f"sqlite://{tmp_path}/flag.db"
    assert flagged.public_url == "https://flag.example.org"
    assert flagged.idle_days == 2 and flagged.answer_help and flagged.skip_signature


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("PATHFINDER_PUBLIC_URL", "sms.example.org", "must be the base URL"),
        ("PATHFINDER_PUBLIC_URL", "ftp://sms.example.org", "must be the base URL"),
        ("PATHFINDER_IDLE_DAYS", "soon", "must be a number of days"),
        ("PATHFINDER_IDLE_DAYS", "-3", "must be a number of days"),
        ("PATHFINDER_ANSWER_HELP", "perhaps", "must be 1 or 0"),
        ("PATHFINDER_DEV_SKIP_SIGNATURE", "sure", "must be 1 or 0"),
    ],
)
def test_a_wrong_setting_is_named_in_the_message(name, value, message):
    with pytest.raises(ConfigError, match=message) as refused:
        load_settings({**TOKEN, name: value})
    assert name in str(refused.value)


def test_the_hashing_key_is_made_once_beside_the_sqlite_file(tmp_path: Path):
    (tmp_path / "db").mkdir()
    settings = load_settings(TOKEN, store_url=f"sqlite://{tmp_path / 'db' / 's.db'}")
    key = hashing_key(settings)
    kept = tmp_path / "db" / "s.db.secret"
    assert kept.read_text().strip() == key and len(key) == 64
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert hashing_key(settings) == key


def test_a_given_hashing_key_wins(tmp_path: Path):
    env = {**TOKEN, "PATHFINDER_SECRET": "given-key"}
    settings = load_settings(env, store_url=f"sqlite://{tmp_path / 's.db'}")
    assert hashing_key(settings) == "given-key"
    assert not (tmp_path / "s.db.secret").exists()


def test_an_emptied_key_file_is_reported_not_replaced(tmp_path: Path):
    (tmp_path / "s.db.secret").write_text("")
    settings = load_settings(TOKEN, store_url=f"sqlite://{tmp_path / 's.db'}")
    with pytest.raises(ConfigError, match="too short or empty"):
        hashing_key(settings)


def test_a_shared_store_needs_a_hashing_key_set():
    settings = load_settings(TOKEN, store_url="redis://127.0.0.1:6379/0")
    with pytest.raises(ConfigError, match="PATHFINDER_SECRET is not set"):
        hashing_key(settings)


def test_memory_stores_get_a_key_for_the_process():
    settings = load_settings(TOKEN, store_url="sqlite://")
    assert len(hashing_key(settings)) == 64


def test_flags_reach_worker_processes_through_the_environment():
    """`serve --workers N` hands its settings to each worker as variables."""
    given = load_settings(
        TOKEN, store_url="redis://127.0.0.1:6379/2",
        public_url="https://sms.example.org", idle_days=7.5, answer_help=False,
        skip_signature=True,
    )
    found = load_settings({**TOKEN, **as_environment(given)})
    fields = ("store_url", "public_url", "idle_days", "answer_help", "skip_signature")
    assert [getattr(found, f) for f in fields] == [getattr(given, f) for f in fields]


@pytest.mark.parametrize("setting", ["--store", "PATHFINDER_STORE"])
def test_a_given_sqlite_file_in_a_missing_folder_is_refused(
    tmp_path: Path, setting: str
):
    missing = tmp_path / "nonexistent" / "dir"
    url = f"sqlite://{missing / 'x.db'}"
    with pytest.raises(ConfigError) as refused:
        if setting == "--store":
            load_settings(TOKEN, store_url=url)
        else:
            load_settings({**TOKEN, "PATHFINDER_STORE": url})
    assert setting in str(refused.value) and str(missing) in str(refused.value)
    assert not (tmp_path / "nonexistent").exists()


def test_serve_with_a_mistyped_sqlite_path_makes_nothing(tmp_path: Path):
    missing = tmp_path / "nonexistent" / "dir"
    env = {**os.environ, **TOKEN}
    result = subprocess.run(
        [sys.executable, "-m", "pathfinder.sms.server",
         "--store", f"sqlite://{missing / 'x.db'}"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert f"the folder {missing} does not exist" in result.stderr
    assert not (tmp_path / "nonexistent").exists()


def test_idle_days_given_as_a_flag_names_the_flag():
    with pytest.raises(ConfigError, match="^--idle-days must be a number"):
        load_settings(TOKEN, idle_days=0)
