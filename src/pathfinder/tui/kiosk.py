"""Kiosk rules that are not screens: which keys a kiosk swallows, the staff's
key sequence, and the watch that notices when nobody has touched anything."""

from __future__ import annotations

import time
from typing import Callable, Sequence

from textual.app import App
from textual.timer import Timer

# Keys that would quit, suspend or open Textual's own tools in an ordinary
# terminal. With the terminal in raw mode they arrive as key presses, never
# as signals; a kiosk drops them before any binding sees them.
BLOCKED_KEYS = frozenset({
    "ctrl+q",          # quit
    "ctrl+c",          # interrupt, or Textual's "how to quit" hint
    "ctrl+z",          # suspend to the shell
    "ctrl+backslash",  # quit with a core dump
    "ctrl+p",          # the command palette
})

# What staff press to be asked for the PIN: Ctrl+O three times in a row.
OPERATOR_SEQUENCE = ("ctrl+o", "ctrl+o", "ctrl+o")


class OperatorKeys:
    """Recognises the staff's key sequence among everything typed."""

    def __init__(self, sequence: Sequence[str] = OPERATOR_SEQUENCE) -> None:
        self.sequence = tuple(sequence)
        self.matched = 0

    def completed_by(self, key: str) -> bool:
        """Note one key; True when it completes the sequence."""
        if key == self.sequence[self.matched]:
            self.matched += 1
        else:
            self.matched = 1 if key == self.sequence[0] else 0
        if self.matched == len(self.sequence):
            self.matched = 0
            return True
        return False


class IdleWatch:
    """Calls `on_idle` once `seconds` pass with no activity noted.

    Noting activity only records the time; the one timer, when it fires,
    checks how long it has really been and sets itself for the rest.
    """

    def __init__(self, app: App, seconds: float, on_idle: Callable[[], object]):
        self.app = app
        self.seconds = seconds
        self.on_idle = on_idle
        self.last_activity = time.monotonic()
        self._timer: Timer | None = None

    def start(self) -> None:
        self.note_activity()
        self._wait(self.seconds)

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def note_activity(self) -> None:
        self.last_activity = time.monotonic()

    def _wait(self, seconds: float) -> None:
        self.stop()
        self._timer = self.app.set_timer(seconds, self._check, name="idle watch")

    def _check(self) -> None:
        idle_for = time.monotonic() - self.last_activity
        if idle_for < self.seconds:
            self._wait(self.seconds - idle_for)
            return
        self._timer = None
        self.on_idle()
