"""What the operator sets in the environment, and what `pathfinder` says
when a setting is missing or wrong."""

from __future__ import annotations

import pytest

from pathfinder.tui.app import main
from pathfinder.tui.settings import (
    DEFAULT_COUNTDOWN_SECONDS,
    DEFAULT_IDLE_SECONDS,
    SettingsError,
    load_settings,
)

NO_PIN = (
    "pathfinder: kiosk mode needs a PIN, so that only staff can close the app. "
    "Set PATHFINDER_KIOSK_PIN (at least 4 characters) and start it again.\n"
)


@pytest.fixture
def clean_env(monkeypatch):
    """An environment without any of the operator's settings."""
    for name in ("PATHFINDER_KIOSK", "PATHFINDER_KIOSK_PIN", "PATHFINDER_KIOSK_IDLE",
                 "PATHFINDER_KIOSK_COUNTDOWN", "PATHFINDER_PRINT_COMMAND"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.mark.parametrize("ask", [["--kiosk"], "PATHFINDER_KIOSK=1"])
def test_a_kiosk_without_a_pin_refuses_to_start_and_says_why(clean_env, capsys, ask):
    if isinstance(ask, str):
        name, value = ask.split("=")
        clean_env.setenv(name, value)
        ask = []

    assert main(ask) == 2
    assert capsys.readouterr().err == NO_PIN


def test_a_short_pin_is_refused(clean_env, capsys):
    clean_env.setenv("PATHFINDER_KIOSK_PIN", "123")
    assert main(["--kiosk"]) == 2
    assert "PATHFINDER_KIOSK_PIN is too short" in capsys.readouterr().err


def test_plain_lines_cannot_run_as_a_kiosk(clean_env, capsys):
    clean_env.setenv("PATHFINDER_KIOSK_PIN", "2468")
    assert main(["--kiosk", "--plain"]) == 2
    assert "--plain cannot run as a kiosk" in capsys.readouterr().err


def test_ordinary_use_needs_no_settings():
    settings = load_settings({})
    assert settings.kiosk is None
    assert settings.print_command == ()


def test_kiosk_times_have_defaults_and_can_be_set():
    pin = {"PATHFINDER_KIOSK_PIN": " 2468 "}
    usual = load_settings(pin, kiosk=True).kiosk
    assert (usual.idle_seconds, usual.countdown_seconds) == (
        DEFAULT_IDLE_SECONDS, DEFAULT_COUNTDOWN_SECONDS)
    assert usual.pin_matches("2468") and not usual.pin_matches("2469")

    set_times = {**pin, "PATHFINDER_KIOSK_IDLE": "90",
                 "PATHFINDER_KIOSK_COUNTDOWN": "15.5"}
    kiosk = load_settings(set_times, kiosk=True).kiosk
    assert (kiosk.idle_seconds, kiosk.countdown_seconds) == (90.0, 15.5)


def test_the_pin_stays_out_of_printed_settings():
    settings = load_settings({"PATHFINDER_KIOSK_PIN": "24682468"}, kiosk=True)
    assert "24682468" not in repr(settings)


@pytest.mark.parametrize("idle", ["soon", "0", "-5", "nan", "inf"])
def test_an_idle_time_that_is_not_a_positive_number_is_refused(idle):
    env = {"PATHFINDER_KIOSK": "1", "PATHFINDER_KIOSK_PIN": "2468",
           "PATHFINDER_KIOSK_IDLE": idle}
    with pytest.raises(SettingsError, match="PATHFINDER_KIOSK_IDLE must be a "
                       "number of seconds above 0, like 180"):
        load_settings(env)


def test_the_kiosk_flag_must_be_1_or_0():
    with pytest.raises(SettingsError, match="PATHFINDER_KIOSK must be 1 or 0"):
        load_settings({"PATHFINDER_KIOSK": "maybe"})


def test_the_print_command_is_split_like_a_shell_would_but_never_run_by_one():
    env = {"PATHFINDER_PRINT_COMMAND": "lp -d 'Front desk' -o media=letter"}
    assert load_settings(env).print_command == (
        "lp", "-d", "Front desk", "-o", "media=letter")


def test_a_print_command_with_a_missing_quote_is_refused():
    with pytest.raises(SettingsError, match="PATHFINDER_PRINT_COMMAND cannot be "
                       "read"):
        load_settings({"PATHFINDER_PRINT_COMMAND": "lp -d 'Front desk"})
