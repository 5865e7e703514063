"""Settings of the SMS service: the environment first, command-line flags over it.

| variable | meaning |
| --- | --- |
| TWILIO_AUTH_TOKEN | required: the Auth Token that Twilio signs webhooks with |
| PATHFINDER_PUBLIC_URL | the base URL Twilio calls, e.g. https://sms.example.org |
| PATHFINDER_FLOW | the questionnaire of any number not in PATHFINDER_FLOWS (dispute) |
| PATHFINDER_FLOWS | a questionnaire per Twilio number: +12025550100=fit504,... |
| PATHFINDER_STORE | where sessions live: sqlite:///file.db or redis://host:port/db |
| PATHFINDER_SECRET | the key for hashing phone numbers; required with Redis |
| PATHFINDER_IDLE_DAYS | days without a text before a session is deleted (30) |
| PATHFINDER_ANSWER_HELP | 0 to leave HELP and INFO to Twilio's own reply (1) |
| PATHFINDER_DEV_SKIP_SIGNATURE | 1 to accept unsigned requests; development only |
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping
from urllib.parse import urlsplit

import platformdirs
from starlette.datastructures import Secret

from pathfinder.machine.library import assessment_names

from .store import DAY_SECONDS, StoreError, sqlite_path, sqlite_url

SECRET_BYTES = 32
DEFAULT_FLOW = "dispute"
FlowChoice = tuple[tuple[str, str], ...]
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


class ConfigError(Exception):
    """A setting is missing or wrong; the message says what to set."""


@dataclass(frozen=True)
class Settings:
    auth_token: Secret
    secret: Secret
    """PATHFINDER_SECRET as given, maybe empty: see `hashing_key`."""
    store_url: str
    public_url: str | None = None
    idle_days: float = 30
    answer_help: bool = True
    skip_signature: bool = False
    flow: str = DEFAULT_FLOW
    """The questionnaire of every number that `flows` does not name."""
    flows: FlowChoice = ()
    """(Twilio number, flow name) pairs, from PATHFINDER_FLOWS."""

    @property
    def idle_seconds(self) -> float:
        return self.idle_days * DAY_SECONDS


def default_store_url() -> str:
    """A SQLite file in the user's data folder."""
    folder = platformdirs.user_data_path("pathfinder", appauthor=False)
    return sqlite_url(folder / "sms-sessions.db")


def load_settings(
    env: Mapping[str, str],
    *,
    store_url: str | None = None,
    public_url: str | None = None,
    idle_days: float | None = None,
    answer_help: bool | None = None,
    skip_signature: bool | None = None,
    flow: str | None = None,
    flows: str | None = None,
    need_token: bool = True,
) -> Settings:
    """The settings from `env`, each keyword (when not None) overriding it.

    Raises:
        ConfigError: naming the setting and what to give it.
    """
    token = env.get("TWILIO_AUTH_TOKEN", "").strip()
    if need_token and not token:
        raise ConfigError(
            "TWILIO_AUTH_TOKEN is not set. Set it to the Auth Token of the Twilio "
            "account that owns the number (Twilio Console, Account Info); "
            "Pathfinder checks every request's signature with it."
        )

    if store_url:
        _check_store_folder(store_url, "--store")
    elif env.get("PATHFINDER_STORE"):
        store_url = env["PATHFINDER_STORE"]
        _check_store_folder(store_url, "PATHFINDER_STORE")
    else:
        store_url = default_store_url()
    return Settings(
        auth_token=Secret(token),
        secret=Secret(env.get("PATHFINDER_SECRET", "").strip()),
        store_url=store_url,
        public_url=_public_url(public_url or env.get("PATHFINDER_PUBLIC_URL")),
        idle_days=_idle_days(idle_days, env.get("PATHFINDER_IDLE_DAYS")),
        answer_help=_flag(answer_help, env, "PATHFINDER_ANSWER_HELP", default=True),
        skip_signature=_flag(
            skip_signature, env, "PATHFINDER_DEV_SKIP_SIGNATURE", default=False
        ),
        flow=check_flow(
            (flow or env.get("PATHFINDER_FLOW") or DEFAULT_FLOW).strip(),
            "--flow" if flow else "PATHFINDER_FLOW",
        ),
        flows=parse_flows(
            flows if flows is not None else env.get("PATHFINDER_FLOWS", ""),
            "--flows" if flows is not None else "PATHFINDER_FLOWS",
        ),
    )


def as_environment(settings: Settings) -> dict[str, str]:
    """The PATHFINDER_* variables that give `settings` back to `load_settings`.

    Worker processes read their settings from the environment, so the
    command-line flags reach them this way.
    """
    return {
        "PATHFINDER_STORE": settings.store_url,
        "PATHFINDER_PUBLIC_URL": settings.public_url or "",
        "PATHFINDER_IDLE_DAYS": repr(settings.idle_days),
        "PATHFINDER_ANSWER_HELP": "1" if settings.answer_help else "0",
        "PATHFINDER_DEV_SKIP_SIGNATURE": "1" if settings.skip_signature else "0",
        "PATHFINDER_FLOW": settings.flow,
        "PATHFINDER_FLOWS": ",".join(f"{n}={f}" for n, f in settings.flows),
    }


def hashing_key(settings: Settings) -> str:
    """The key of the HMAC that turns a phone number into a stored id.

    PATHFINDER_SECRET when set, else a key kept beside the SQLite file.
    Raises ConfigError when there is neither.
    """
    return resolve_secret(str(settings.secret), settings.store_url)


def resolve_secret(given: str, store_url: str) -> str:
    """The hashing key: as given, else kept beside the SQLite file.

    Losing the key orphans every stored session (they can no longer be found
    by number), so it is made once and kept; an in-memory store gets a key
    that lives as long as the process.
    """
    if given.strip():
        return given.strip()
    if urlsplit(store_url).scheme.lower() != "sqlite":
        raise ConfigError(
            "PATHFINDER_SECRET is not set. Set it to a long random string (for "
            'example the output of: python -c "import secrets; '
            'print(secrets.token_hex(32))"), the same for every worker.'
        )
    try:
        path = sqlite_path(store_url)
    except StoreError as error:
        raise ConfigError(f"PATHFINDER_STORE: {error}") from None
    if path is None:
        return secrets.token_hex(SECRET_BYTES)
    return _kept_secret(path.with_name(path.name + ".secret"))


def _kept_secret(path: Path) -> str:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            secret = path.read_text(encoding="ascii").strip()
        else:
            secret = secrets.token_hex(SECRET_BYTES)
            with os.fdopen(handle, "w", encoding="ascii") as file:
                file.write(secret + "\n")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(
            f"cannot read or create the hashing key {path}: {error}. Make its "
            "folder writable, or set PATHFINDER_SECRET."
        ) from None
    if len(secret) < 32:
        raise ConfigError(
            f"the hashing key in {path} is too short or empty. Restore it from a "
            "backup, or set PATHFINDER_SECRET (sessions stored so far will not "
            "be found again)."
        )
    return secret


def _public_url(value: str | None) -> str | None:
    if not value:
        return None
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
        raise ConfigError(
            "PATHFINDER_PUBLIC_URL must be the base URL that Twilio calls, "
            "scheme and host, like https://sms.example.org"
        )
    return value.strip().rstrip("/")


def check_flow(name: str, setting: str) -> str:
    """`name` if it is a shipped questionnaire; else ConfigError listing them."""
    known = assessment_names()
    if name not in known:
        raise ConfigError(
            f"{setting}: there is no questionnaire named {name!r}; the known "
            f"ones are {', '.join(known)}"
        )
    return name


def parse_flows(raw: str, setting: str) -> FlowChoice:
    """`+12025550100=dispute,+12025550101=fit504` as (number, flow) pairs."""
    pairs: dict[str, str] = {}
    for entry in raw.split(","):
        if not entry.strip():
            continue
        number, sign, name = (part.strip() for part in entry.partition("="))
        number = "".join(number.split())
        if not sign or not _is_phone_number(number) or not name:
            raise ConfigError(
                f"{setting}: each entry must be a Twilio number in +1... form, "
                f"'=' and a questionnaire ({', '.join(assessment_names())}), "
                "entries separated by commas, like +12025550100=dispute"
            )
        if pairs.get(number, name) != name:
            raise ConfigError(f"{setting} gives one number two questionnaires")
        pairs[number] = check_flow(name, setting)
    return tuple(pairs.items())


def _is_phone_number(text: str) -> bool:
    digits = text[1:]
    return text.startswith("+") and digits.isascii() and digits.isdigit() and (
        6 <= len(digits) <= 15
    )


def _check_store_folder(store_url: str, setting: str) -> None:
    """A SQLite file given by name must be in a folder that exists.

    Only the default file's folder is made: a mistyped path would otherwise
    start a new, empty store (and a new hashing key) without a word.
    """
    if urlsplit(store_url).scheme.lower() != "sqlite":
        return
    try:
        path = sqlite_path(store_url)
    except StoreError as error:
        raise ConfigError(f"{setting}: {error}") from None
    if path is not None and not path.parent.is_dir():
        raise ConfigError(
            f"{setting}: the folder {path.parent} does not exist. Check the "
            "path, or create the folder first (only the default store's "
            "folder is made by itself)."
        )


def _idle_days(given: float | None, raw: str | None) -> float:
    setting = "--idle-days" if given is not None else "PATHFINDER_IDLE_DAYS"
    if given is None and raw:
        try:
            given = float(raw)
        except ValueError:
            given = -1
    if given is None:
        return 30.0
    if not given > 0:
        raise ConfigError(f"{setting} must be a number of days above 0, like 30")
    return given


def _flag(given: bool | None, env: Mapping[str, str], name: str, default: bool) -> bool:
    if given is not None:
        return given
    raw = env.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"{name} must be 1 or 0 (or true/false), not {raw!r}")
