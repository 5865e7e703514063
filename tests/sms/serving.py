"""A real `pathfinder serve` process for the tests, texted as Twilio texts it.

It runs on a free loopback port with its store (a SQLite file in its folder
unless told otherwise) and logs to a file there. Every request is signed over
the public URL and all fields, exactly as Twilio signs.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.support.servers import LOOPBACK, free_port, wait_for_port

from .texting import (
    AUTH_TOKEN,
    PUBLIC_URL,
    messages_in,
    new_sid,
    signature,
    twilio_fields,
)

NUMBER = "+12025550142"
READY_SECONDS = 30


@dataclass
class Server:
    """One `pathfinder serve` process and where it keeps and logs things."""

    folder: Path
    store_url: str | None = None
    """None: a SQLite file in `folder`, and the hashing key kept beside it."""
    workers: int = 1
    env: dict[str, str] = field(default_factory=dict)
    port: int = 0
    process: subprocess.Popen | None = None
    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=10))

    @property
    def store(self) -> Path:
        return self.folder / "sessions.db"

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    def start(self) -> "Server":
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        if self.client.is_closed:
            self.client = httpx.Client(timeout=10)
        env = {
            **os.environ,
            "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "PATHFINDER_PUBLIC_URL": PUBLIC_URL,
        }
        env.pop("PATHFINDER_SECRET", None)
        env.update(self.env)
        store_url = self.store_url or f"sqlite://{self.store}"
        with self.log.open("a") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "pathfinder.sms.server",
                 "--host", LOOPBACK, "--port", str(self.port),
                 "--store", store_url, "--workers", str(self.workers)],
                env=env, stdout=log, stderr=subprocess.STDOUT,
            )
        wait_for_port(self.port, timeout=READY_SECONDS)
        self._wait_until_healthy()
        return self

    def stop(self) -> None:
        self.client.close()
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def post(self, fields: dict, signed: bool = True) -> httpx.Response:
        headers = {"X-Twilio-Signature": signature(fields)} if signed else {}
        url = f"http://{LOOPBACK}:{self.port}/sms"
        return self.client.post(url, data=fields, headers=headers)

    def text(
        self, body: str, sid: str | None = None, number: str = NUMBER
    ) -> str | None:
        response = self.post(twilio_fields(number, body, sid or new_sid()))
        assert response.status_code == 200, response.text
        replies = messages_in(response.text)
        return replies[0] if replies else None

    def health(self) -> int:
        url = f"http://{LOOPBACK}:{self.port}/healthz"
        return self.client.get(url).status_code

    def conversations(self) -> list[tuple]:
        with sqlite3.connect(self.store) as db:
            return db.execute("SELECT key, data FROM conversations").fetchall()

    def _wait_until_healthy(self) -> None:
        # With several workers the port opens before any worker is ready.
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            try:
                if self.health() == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise TimeoutError(f"pathfinder serve was not healthy within {READY_SECONDS}s")
