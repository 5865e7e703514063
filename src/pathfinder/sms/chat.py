"""`pathfinder chat`: the text conversation in a terminal, no phone needed.

Each line read is one incoming text; each reply is printed with its length,
encoding and number of parts, as a phone would receive it. Lines can be
piped in, so a whole conversation can be replayed:

    printf '%s\n' hi 1 2 2 1 2 1 0 MORE | pathfinder chat

Sessions live in memory unless --store names a SQLite file.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import uuid
from typing import Iterable, TextIO

from pathfinder.machine.errors import ContentError
from pathfinder.machine.gsm import measure

from .config import ConfigError, load_settings
from .inbox import Inbox, Reply, Text
from .service import make_hasher, make_inbox
from .store import StoreError

# A fictional number (555-01xx is reserved for fiction); only its hash is kept.
CHAT_NUMBER = "+12025550100"
MEMORY_STORE = "sqlite://"


def parser() -> argparse.ArgumentParser:
    commands = argparse.ArgumentParser(
        prog="pathfinder chat",
        description="Have the SMS conversation in the terminal: one line, one text.",
    )
    commands.add_argument(
        "--store", metavar="URL", default=MEMORY_STORE,
        help="keep sessions in this store, like sqlite:///tmp/chat.db "
        "(default: memory only)",
    )
    commands.add_argument(
        "--no-answer-help", dest="answer_help", action="store_const", const=False,
        help="answer HELP and INFO with silence, as when Twilio replies to them",
    )
    return commands


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    try:
        settings = load_settings(
            os.environ, store_url=args.store, answer_help=args.answer_help,
            need_token=False,
        )
        inbox = make_inbox(settings)
        key = make_hasher(settings).key(CHAT_NUMBER, settings.flow)
    except (ConfigError, StoreError, ContentError) as error:
        print(f"pathfinder chat: {error}", file=sys.stderr)
        return 2

    interactive = sys.stdin.isatty()
    if interactive:
        print("Type a text and press Enter; Ctrl-D ends. Try: hi", file=sys.stderr)
    try:
        asyncio.run(chat(inbox, key, sys.stdin, sys.stdout, echo=not interactive))
    except StoreError as error:
        print(f"pathfinder chat: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


async def chat(
    inbox: Inbox, key: str, lines: Iterable[str], out: TextIO, echo: bool = True
) -> None:
    """Send each line as a text from `key` and print the replies."""
    await inbox.store.open()
    try:
        for line in lines:
            body = line.rstrip("\r\n")
            if echo:
                print(f"> {body}", file=out)
            reply = await inbox.receive(Text(key, _new_sid(), body))
            print(describe(reply), file=out, flush=True)
    finally:
        await inbox.store.close()


def describe(reply: Reply) -> str:
    """A reply as printed: the text, then its length, encoding and parts."""
    if reply.text is None:
        return f"(no reply: {reply.event})\n"
    size = measure(reply.text)
    parts = "part" if size.parts == 1 else "parts"
    counts = f"{size.units} chars, {size.encoding}, {size.parts} {parts}"
    return f"{reply.text}\n[{counts}]\n"


def _new_sid() -> str:
    # Shaped like Twilio's: SM and 32 hex digits, unique across runs, so a
    # chat kept in a file is never mistaken for a repeated delivery.
    return "SM" + uuid.uuid4().hex


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
