"""`pathfinder` with no subcommand: its options and its answers to bad ones."""

from __future__ import annotations

import pytest

from pathfinder.machine.flow import flow_files
from pathfinder.tui.app import main
from pathfinder.tui.launch import load_flow_named


def test_an_unknown_flow_is_refused_with_the_known_names(capsys):
    known = ", ".join(path.stem for path in flow_files())
    assert "dispute" in known

    assert main(["--flow", "nope"]) == 2
    assert capsys.readouterr().err == (
        f"pathfinder: no flow named 'nope'; known flows: {known}\n"
    )


def test_a_flow_name_cannot_reach_outside_the_shipped_flows(capsys):
    assert main(["--flow", "../flows/dispute"]) == 2
    assert "no flow named '../flows/dispute'" in capsys.readouterr().err


def test_a_language_the_flow_lacks_is_refused(capsys):
    available = ", ".join(load_flow_named("dispute").languages)

    assert main(["--lang", "xx"]) == 2
    assert capsys.readouterr().err == (
        "pathfinder: the 'dispute' questions are not available in 'xx'; "
        f"available: {available}\n"
    )


def test_help_names_the_command_and_its_options(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    help_text = capsys.readouterr().out
    assert help_text.startswith("usage: pathfinder [-h] [--flow NAME] [--lang LANG]")
    assert "not legal advice" in help_text.lower()


def test_the_shipped_flow_loads_by_name():
    assert load_flow_named("dispute").name == "dispute"
