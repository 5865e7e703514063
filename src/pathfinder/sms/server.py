"""`pathfinder serve`: the webhook under uvicorn, in one process or several.

    pathfinder serve [--host 127.0.0.1] [--port 8000] [--store URL] [--workers N]

Settings come from the environment (see config.py); flags override them.
With --workers N, uvicorn starts N worker processes on one socket; each
builds its app from the environment (service.app_from_environment), so the
flags are put there first. Several workers need a Redis store.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import os
import sys
from typing import Any
from urllib.parse import urlsplit

import uvicorn
from starlette.applications import Starlette

from pathfinder.machine.errors import ContentError

from .config import ConfigError, Settings, as_environment, load_settings
from .service import make_app
from .store import SessionStore, StoreError, open_store

WORKER_APP = "pathfinder.sms.service:app_from_environment"


def parser() -> argparse.ArgumentParser:
    commands = argparse.ArgumentParser(
        prog="pathfinder serve",
        description="Serve the Twilio SMS webhook (POST /sms) and GET /healthz.",
        epilog="Needs TWILIO_AUTH_TOKEN in the environment. See docs/sms.md.",
    )
    commands.add_argument("--host", default="127.0.0.1", help="default: 127.0.0.1")
    commands.add_argument("--port", type=int, default=8000, help="default: 8000")
    commands.add_argument(
        "--store", metavar="URL",
        help="sqlite:///path/to/file.db or redis://host:port/db (default: "
        "PATHFINDER_STORE, else a file in your data folder)",
    )
    commands.add_argument(
        "--workers", type=int, default=1, metavar="N",
        help="worker processes sharing the port (default: 1); above 1 needs a "
        "redis:// store",
    )
    commands.add_argument(
        "--public-url", metavar="URL",
        help="the base URL Twilio calls, like https://sms.example.org "
        "(default: PATHFINDER_PUBLIC_URL, else the URL the request arrived at)",
    )
    commands.add_argument(
        "--flow", metavar="NAME",
        help="the questionnaire of numbers not in --flows (default: "
        "PATHFINDER_FLOW, else dispute)",
    )
    commands.add_argument(
        "--flows", metavar="NUMBER=NAME,...",
        help="a questionnaire per Twilio number (To), like "
        "+12025550100=dispute,+12025550101=fit504 (default: PATHFINDER_FLOWS)",
    )
    commands.add_argument(
        "--idle-days", type=float, metavar="DAYS",
        help="delete sessions after this many days without a text (default: 30)",
    )
    commands.add_argument(
        "--no-answer-help", dest="answer_help", action="store_const", const=False,
        help="leave HELP and INFO to Twilio's own reply",
    )
    commands.add_argument(
        "--dev-skip-signature", dest="skip_signature", action="store_const",
        const=True, help="accept unsigned requests (development only, never online)",
    )
    return commands


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    try:
        settings = load_settings(
            os.environ,
            store_url=args.store,
            public_url=args.public_url,
            idle_days=args.idle_days,
            answer_help=args.answer_help,
            skip_signature=args.skip_signature,
            flow=args.flow,
            flows=args.flows,
        )
        _check_workers(args.workers, settings)
        app = make_app(settings)
    except (ConfigError, StoreError, ContentError) as error:
        print(f"pathfinder serve: {error}", file=sys.stderr)
        return 2

    if args.workers > 1:
        return serve_workers(settings, args.host, args.port, args.workers)
    config = uvicorn.Config(app, **uvicorn_options(args.host, args.port))
    with asyncio.Runner(loop_factory=config.get_loop_factory()) as runner:
        return runner.run(serve(config, app))


async def serve(config: uvicorn.Config, app: Starlette) -> int:
    """Open the store first, so a bad path stops start-up with a clear message."""
    store: SessionStore = app.state.store
    try:
        await store.open()
    except StoreError as error:
        print(f"pathfinder serve: {error}", file=sys.stderr)
        return 2
    try:
        server = uvicorn.Server(config)
        await server.serve()
    finally:
        await store.close()
    return 0 if server.started else 1


def serve_workers(settings: Settings, host: str, port: int, workers: int) -> int:
    """Several uvicorn workers, once the store has answered here."""
    try:
        asyncio.run(_try_store(settings))
    except StoreError as error:
        print(f"pathfinder serve: {error}", file=sys.stderr)
        return 2

    os.environ.update(as_environment(settings))
    options = uvicorn_options(host, port)
    uvicorn.run(WORKER_APP, factory=True, workers=workers, **options)
    return 0


def uvicorn_options(host: str, port: int) -> dict[str, Any]:
    """The uvicorn settings of the webhook; the benchmark's ceiling uses them too.

    No access log: the webhook logs one line per text itself, and a second
    line per request would cost time and say nothing more.
    """
    return {
        "host": host,
        "port": port,
        "log_config": log_config(),
        "access_log": False,
        "server_header": False,
        "timeout_graceful_shutdown": 5,
    }


def log_config() -> dict:
    """uvicorn's logging, with Pathfinder's own lines in the same format."""
    config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    config["loggers"]["pathfinder"] = {
        "handlers": ["default"], "level": "INFO", "propagate": False,
    }
    # transitions logs every state change at INFO: a line per answer, no news.
    config["loggers"]["transitions"] = {"level": "WARNING"}
    return config


def _check_workers(workers: int, settings: Settings) -> None:
    if workers < 1:
        raise ConfigError("--workers must be 1 or more")
    scheme = urlsplit(settings.store_url).scheme.lower()
    if workers > 1 and scheme not in ("redis", "rediss"):
        raise ConfigError(
            "--workers above 1 needs a Redis store (--store redis://host:port/db): "
            "workers sharing a SQLite file could apply one number's texts out of "
            "order"
        )


async def _try_store(settings: Settings) -> None:
    store = open_store(settings.store_url, settings.idle_seconds)
    await store.open()
    await store.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
