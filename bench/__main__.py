"""`make bench`: the SMS webhook measured on this machine, printed side by side.

    .venv/bin/python -m bench            (from the repository root)

Starts its own servers on loopback (uvicorn, SQLite files in a temporary
folder, a redis-server) and drives them with wrk, or with a load generator
of its own when wrk is missing, 32 connections for a few seconds at a time.
It prints, in one run:

- requests per second and p50/p99 latency of a bare Starlette endpoint
  (the ceiling), the full webhook on SQLite and on Redis, and the ratios;
- one answer inside the state machine, with the shared Machine and with a
  Machine built per message;
- throughput with 1,000 stored sessions and with 1,000,000, as a ratio;
- server memory after 100,000 conversations minus after 1,000;

and which of the targets in docs/performance.md this run meets.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
from pathlib import Path

from tests.support.servers import LOOPBACK, RedisServer

from . import load, machine, report, runs, servers

ROUNDS = 2
SCALE_ROUNDS = 3
SMALL_STORE, LARGE_STORE = 1_000, 1_000_000
FEW_CONVERSATIONS, MANY_CONVERSATIONS = 1_000, 100_000


def main() -> int:
    print(report.intro(platform.platform(), os.cpu_count(), os.getloadavg()[0]))
    if not load.have_wrk():
        print(load.HOW_TO_GET_WRK, "\n")

    with tempfile.TemporaryDirectory(prefix="pathfinder-bench-") as folder:
        redis_server = RedisServer(Path(folder) / "redis").start()
        try:
            findings = measure_everything(Path(folder), redis_server)
        except load.LoadError as error:
            print(f"bench: a run went wrong, so no figures are printed: {error}")
            return 1
        finally:
            redis_server.stop()

    print(report.findings(*findings, os.getloadavg()[0]))
    return 0


def measure_everything(folder: Path, redis_server: RedisServer) -> tuple:
    requests = runs.Requests(folder)

    print("Throughput: bare endpoint, webhook on SQLite, webhook on Redis ...")
    stack: dict[str, list[runs.Measured]] = {"bare": [], "sqlite": [], "redis": []}
    for round_ in range(ROUNDS):
        # Interleaved rounds: a slow moment of a shared machine hits all three.
        stack["bare"].append(runs.throughput(servers.bare(folder), requests))
        sqlite_url = f"sqlite://{folder}/sessions-{round_}.db"
        stack["sqlite"].append(runs.throughput(
            servers.webhook("sqlite", sqlite_url, folder), requests))
        redis_server.empty()
        stack["redis"].append(runs.throughput(
            servers.webhook("redis", redis_server.url, folder), requests))

    print("One answer inside the state machine ...")
    machine_cost = machine.measure()

    print(f"Throughput with {SMALL_STORE:,} and {LARGE_STORE:,} stored sessions "
          "(filling the stores takes a while) ...")
    redis_server.empty()
    stores = {
        ("sqlite", SMALL_STORE): runs.filled_sqlite(folder / "small.db", SMALL_STORE),
        ("sqlite", LARGE_STORE): runs.filled_sqlite(folder / "large.db", LARGE_STORE),
        # Databases 1 and 2 of the same server: both filled, side by side.
        ("redis", SMALL_STORE): runs.filled_redis(
            f"redis://{LOOPBACK}:{redis_server.port}/1", SMALL_STORE),
        ("redis", LARGE_STORE): runs.filled_redis(
            f"redis://{LOOPBACK}:{redis_server.port}/2", LARGE_STORE),
    }
    scale: dict[tuple[str, int], list[runs.Measured]] = {key: [] for key in stores}
    for _ in range(SCALE_ROUNDS):
        for (kind, size), url in stores.items():
            process = servers.webhook(f"{kind}-{size}", url, folder)
            scale[(kind, size)].append(runs.throughput(process, requests))

    print(f"Server memory after {FEW_CONVERSATIONS:,} and {MANY_CONVERSATIONS:,} "
          "conversations (SQLite) ...")
    growth = runs.memory_growth(
        servers.webhook("memory", f"sqlite://{folder}/memory.db", folder),
        requests, FEW_CONVERSATIONS, MANY_CONVERSATIONS,
    )
    return stack, machine_cost, scale, growth


if __name__ == "__main__":
    sys.exit(main())
