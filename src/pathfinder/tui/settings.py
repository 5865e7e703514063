"""What the operator sets for the terminal app: the environment first, flags over it.

| variable | meaning |
| --- | --- |
| PATHFINDER_KIOSK | 1 to run as a kiosk (the same as `--kiosk`) |
| PATHFINDER_KIOSK_PIN | required in a kiosk: the PIN staff type to close it |
| PATHFINDER_KIOSK_IDLE | seconds untouched before "still there?" (180) |
| PATHFINDER_KIOSK_COUNTDOWN | seconds that question waits, then clears (30) |
| PATHFINDER_PRINT_COMMAND | prints the text on its standard input, like `lp` |
"""

from __future__ import annotations

import hmac
import shlex
from dataclasses import dataclass, field
from typing import Mapping

DEFAULT_IDLE_SECONDS = 180.0
DEFAULT_COUNTDOWN_SECONDS = 30.0
MIN_PIN_LENGTH = 4

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


class SettingsError(Exception):
    """A setting is missing or wrong; the message says what to set."""


@dataclass(frozen=True)
class KioskSettings:
    """How a kiosk behaves. Without a PIN there is no kiosk."""

    pin: str = field(repr=False)
    idle_seconds: float = DEFAULT_IDLE_SECONDS
    countdown_seconds: float = DEFAULT_COUNTDOWN_SECONDS

    def pin_matches(self, typed: str) -> bool:
        # Compared in constant time, so timing says nothing about the PIN.
        return hmac.compare_digest(typed.strip().encode(), self.pin.encode())


@dataclass(frozen=True)
class AppSettings:
    kiosk: KioskSettings | None = None
    """None: an ordinary terminal, where the parent may quit and save files."""
    print_command: tuple[str, ...] = ()
    """The command and its arguments; empty when printing is not set up."""


def load_settings(env: Mapping[str, str], *, kiosk: bool | None = None) -> AppSettings:
    """The settings from `env`; `kiosk` (when not None) overrides PATHFINDER_KIOSK.

    Raises:
        SettingsError: naming the setting and what to give it.
    """
    in_kiosk = kiosk if kiosk is not None else _flag(env, "PATHFINDER_KIOSK")
    return AppSettings(
        kiosk=_kiosk_settings(env) if in_kiosk else None,
        print_command=_print_command(env.get("PATHFINDER_PRINT_COMMAND", "")),
    )


def _kiosk_settings(env: Mapping[str, str]) -> KioskSettings:
    pin = env.get("PATHFINDER_KIOSK_PIN", "").strip()
    if not pin:
        raise SettingsError(
            "kiosk mode needs a PIN, so that only staff can close the app. Set "
            "PATHFINDER_KIOSK_PIN (at least 4 characters) and start it again."
        )
    if len(pin) < MIN_PIN_LENGTH:
        raise SettingsError(
            f"PATHFINDER_KIOSK_PIN is too short: use at least {MIN_PIN_LENGTH} "
            "characters."
        )
    return KioskSettings(
        pin=pin,
        idle_seconds=_seconds(env, "PATHFINDER_KIOSK_IDLE", DEFAULT_IDLE_SECONDS),
        countdown_seconds=_seconds(env, "PATHFINDER_KIOSK_COUNTDOWN",
                                   DEFAULT_COUNTDOWN_SECONDS),
    )


def _print_command(raw: str) -> tuple[str, ...]:
    try:
        return tuple(shlex.split(raw))
    except ValueError as error:
        raise SettingsError(
            f"PATHFINDER_PRINT_COMMAND cannot be read ({error}): check its quotes, "
            "like: lp -d front_desk"
        ) from None


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    # NaN and infinity would leave a kiosk that never clears itself.
    if not 0 < seconds < float("inf"):
        raise SettingsError(f"{name} must be a number of seconds above 0, like "
                            f"{default:g}, not {raw!r}")
    return seconds


def _flag(env: Mapping[str, str], name: str) -> bool:
    raw = env.get(name, "")
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise SettingsError(f"{name} must be 1 or 0 (or true/false), not {raw!r}")
