"""`pathfinder serve`: the webhook under uvicorn.

    pathfinder serve [--host 127.0.0.1] [--port 8000] [--store URL]

Settings come from the environment (see config.py); flags override them.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import os
import sys

import uvicorn
from starlette.applications import Starlette

from pathfinder.machine.errors import ContentError

from .config import ConfigError, load_settings
from .service import make_app
from .store import SessionStore, StoreError


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
        help="sqlite:///path/to/file.db (default: PATHFINDER_STORE, else a file "
        "in your data folder)",
    )
    commands.add_argument(
        "--public-url", metavar="URL",
        help="the base URL Twilio calls, like https://sms.example.org "
        "(default: PATHFINDER_PUBLIC_URL, else the URL the request arrived at)",
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
        )
        app = make_app(settings)
    except (ConfigError, StoreError, ContentError) as error:
        print(f"pathfinder serve: {error}", file=sys.stderr)
        return 2

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


def uvicorn_options(host: str, port: int) -> dict:
    return dict(host=host, port=port, log_config=log_config(), server_header=False,
                timeout_graceful_shutdown=5)


def log_config() -> dict:
    """uvicorn's logging, with Pathfinder's own lines in the same format."""
    config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    config["loggers"]["pathfinder"] = {
        "handlers": ["default"], "level": "INFO", "propagate": False,
    }
    # transitions logs every state change at INFO: a line per answer, no news.
    config["loggers"]["transitions"] = {"level": "WARNING"}
    return config


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
