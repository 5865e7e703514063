"""Fixtures for the terminal UI tests: the shipped flow, a fresh app whose
save dialog offers a file in the test's own temporary folder, and a kiosk."""

from __future__ import annotations

from pathlib import Path

import pytest

from pathfinder.machine.flow import Flow, load_shipped
from pathfinder.tui.app import PathfinderApp
from pathfinder.tui.settings import AppSettings, KioskSettings

SIZE = (80, 24)


@pytest.fixture
def flow() -> Flow:
    return load_shipped("dispute")


@pytest.fixture
def save_to(tmp_path: Path) -> Path:
    return tmp_path / "pathfinder-summary.txt"


@pytest.fixture
def app(flow: Flow, save_to: Path) -> PathfinderApp:
    return PathfinderApp(flow, save_to=save_to)


PIN = "2468"


def kiosk_settings(**changes) -> AppSettings:
    """A kiosk with the test PIN; `changes` set its times or print command."""
    print_command = changes.pop("print_command", ())
    return AppSettings(kiosk=KioskSettings(pin=PIN, **changes),
                       print_command=print_command)


@pytest.fixture
def kiosk_app(flow: Flow) -> PathfinderApp:
    return PathfinderApp(flow, settings=kiosk_settings())
