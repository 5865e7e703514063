"""`pathfinder purge`: delete SMS sessions idle too long, now.

The server does this every hour by itself; this is for a store no server is
running on, or to apply a shorter idle time once.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from urllib.parse import urlsplit

from .config import ConfigError, load_settings
from .store import SessionStore, StoreError, open_store, sqlite_path


def parser() -> argparse.ArgumentParser:
    commands = argparse.ArgumentParser(
        prog="pathfinder purge",
        description="Delete text-message sessions with no text for the idle time.",
    )
    commands.add_argument(
        "--store", metavar="URL",
        help="the store to purge (default: PATHFINDER_STORE, else the file in "
        "your data folder)",
    )
    commands.add_argument(
        "--idle-days", type=float, metavar="DAYS",
        help="idle time (default: PATHFINDER_IDLE_DAYS, else 30)",
    )
    return commands


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    try:
        settings = load_settings(
            os.environ, store_url=args.store, idle_days=args.idle_days,
            need_token=False,
        )
        _check_file_exists(settings.store_url)
        store = open_store(settings.store_url, settings.idle_seconds)
        deleted = asyncio.run(purge(store))
    except (ConfigError, StoreError) as error:
        print(f"pathfinder purge: {error}", file=sys.stderr)
        return 2
    days = f"{settings.idle_days:g} day" + ("" if settings.idle_days == 1 else "s")
    print(f"Deleted {deleted} session(s) with no text for {days} or more.")
    return 0


def _check_file_exists(store_url: str) -> None:
    """Purging a SQLite file that is not there must not make an empty one."""
    if urlsplit(store_url).scheme.lower() != "sqlite":
        return
    path = sqlite_path(store_url)
    if path is not None and not path.is_file():
        raise ConfigError(
            f"there is no session file at {path}; nothing was purged. Check "
            "--store or PATHFINDER_STORE."
        )


async def purge(store: SessionStore) -> int:
    await store.open()
    try:
        return await store.purge()
    finally:
        await store.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
