"""The measurements of a benchmark run, each on freshly started servers.

A run never reuses a MessageSid: every measurement texts from parents of its
own, so the webhook does the whole work of each text, never the cheap answer
to a repeat.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from . import client, fill, load, servers, texts

WARM_SECONDS = 1.0
# Enough parents that a run at the fastest rate seen here sends each text
# once; the bare endpoint goes round its file again, which costs it nothing.
PARENTS_PER_RUN = 3_000
WARM_PARENTS = 300
MEMORY_CONNECTIONS = 32
SETTLE_SECONDS = 0.5


@dataclass(frozen=True)
class Measured:
    name: str
    result: load.Result
    cpu_us: float
    """Server CPU time per request, all its threads: steadier than req/s."""
    repeats: bool
    """True if the run outlasted its file and sent some texts again."""


@dataclass(frozen=True)
class Growth:
    small: int
    large: int
    after_small: int
    after_large: int

    @property
    def grown(self) -> int:
        return self.after_large - self.after_small


class Requests:
    """Files of signed texts, each from parents that texted in no other file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._next_parent = 0

    def file(self, parents: int = PARENTS_PER_RUN) -> tuple[Path, int]:
        first = self._take(parents)
        path = self.folder / f"texts-{first}.txt"
        count = texts.write_for_wrk(
            texts.walks(range(first, first + parents), secrets.token_hex(4)), path
        )
        return path, count

    def first_texts(self, parents: int) -> list[texts.Signed]:
        first = self._take(parents)
        walk = texts.walks(range(first, first + parents), secrets.token_hex(4), ("hi",))
        return list(walk)

    def _take(self, parents: int) -> int:
        first = self._next_parent
        self._next_parent += parents
        return first


def throughput(process: servers.Process, requests: Requests) -> Measured:
    """Start `process`, check one text, warm it up, then measure it under load."""
    warm, _ = requests.file(WARM_PARENTS)
    measured, count = requests.file()
    process.start()
    try:
        servers.check_one_text(process)
        load.run(process.port, warm, WARM_SECONDS)
        cpu = process.cpu_seconds()
        result = load.run(process.port, measured)
        cpu_us = (process.cpu_seconds() - cpu) / result.requests * 1e6
    finally:
        process.stop()
    if process.failures_logged():
        raise load.LoadError(
            f"{process.name} asked parents to send a text again "
            f"{process.failures_logged()} times; see {process.log}"
        )
    return Measured(process.name, result, cpu_us, result.requests > count)


def memory_growth(
    process: servers.Process, requests: Requests, small: int, large: int
) -> Growth:
    """Resident memory after `small` new conversations, then after `large`."""
    process.start()
    try:
        servers.check_one_text(process)
        after_small = _memory_after(process, requests.first_texts(small))
        after_large = _memory_after(process, requests.first_texts(large - small))
    finally:
        process.stop()
    return Growth(small, large, after_small, after_large)


def filled_sqlite(path: Path, sessions: int) -> str:
    fill.fill_sqlite(path, sessions)
    return f"sqlite://{path}"


def filled_redis(url: str, sessions: int) -> str:
    fill.fill_redis(url, sessions)
    return url


def _memory_after(process: servers.Process, first_texts: list[texts.Signed]) -> int:
    sent = client.send_each_once(process.port, first_texts, MEMORY_CONNECTIONS)
    if sent.failures or process.failures_logged():
        raise load.LoadError(f"{process.name} failed texts; see {process.log}")
    time.sleep(SETTLE_SECONDS)
    return process.memory_bytes()
