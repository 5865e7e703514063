"""Starting the terminal questionnaire from the command line: its options,
the operator's settings, the checks that run before anything is shown, and
which interface runs (full screen, kiosk, or plain lines)."""

from __future__ import annotations

import argparse
import os
import signal
import sys

from ..machine.errors import ContentError
from ..machine.flow import Flow, flow_files
from ..machine.library import load_assessment
from .outcome import guidance_for
from .settings import AppSettings, SettingsError, load_settings
from .words import words_for


def parse_options(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="pathfinder",
        description="Find your next step in a disagreement with a school "
        "about an IEP or a 504 plan. Not legal advice.",
    )
    parser.add_argument("--flow", default="dispute", metavar="NAME",
                        help="which questionnaire to ask (default: dispute)")
    parser.add_argument("--lang", default="en",
                        help="language to start in (default: en)")
    parser.add_argument("--kiosk", action="store_true",
                        help="run as a locked kiosk for a public place; needs "
                        "PATHFINDER_KIOSK_PIN (also: PATHFINDER_KIOSK=1)")
    parser.add_argument("--plain", action="store_true",
                        help="ask line by line, without the full-screen "
                        "interface, for screen readers and simple terminals")
    return parser.parse_args(argv)


def launch(argv: list[str]) -> int:
    """Check everything, then run the chosen interface; return the exit code."""
    options = parse_options(argv)
    try:
        settings = load_settings(os.environ, kiosk=True if options.kiosk else None)
        if options.plain and settings.kiosk:
            raise SettingsError("--plain cannot run as a kiosk; leave out --kiosk "
                                "and PATHFINDER_KIOSK")
        flow = load_flow_named(options.flow)
        check_language(flow, options.lang)
    except (ContentError, SettingsError, ValueError) as error:
        print(f"pathfinder: {error}", file=sys.stderr)
        return 2

    if options.plain:
        from .plain import run_plain

        # Bytes that are not text (a stray paste) become "not an answer".
        sys.stdin.reconfigure(errors="replace")
        return run_plain(flow, options.lang, sys.stdin, sys.stdout)
    return run_full_screen(flow, options.lang, settings)


def run_full_screen(flow: Flow, lang: str, settings: AppSettings) -> int:
    from .app import PathfinderApp

    if settings.kiosk:
        shield_kiosk_process()
    PathfinderApp(flow, lang, settings=settings).run()
    return 0


def shield_kiosk_process() -> None:
    """Make sure no key at the terminal can stop or suspend the kiosk.

    Textual reads Ctrl+C, Ctrl+Z and Ctrl+\\ as plain keys (the kiosk drops
    them) unless TEXTUAL_ALLOW_SIGNALS asks the terminal to turn them into
    signals; that is removed, and the two signals that end a program from the
    keyboard are ignored besides.
    """
    os.environ.pop("TEXTUAL_ALLOW_SIGNALS", None)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGQUIT, signal.SIG_IGN)


def load_flow_named(name: str) -> Flow:
    """A shipped flow by name, checked against its guidance before it is shown.

    Only names of shipped files are accepted.
    """
    known = [path.stem for path in flow_files()]
    if name not in known:
        raise ValueError(f"no flow named {name!r}; known flows: {', '.join(known)}")
    return load_assessment(name).flow


def check_language(flow: Flow, lang: str) -> None:
    """Refuse a language the questions, the advice or the screens lack."""
    if lang not in flow.languages:
        have = ", ".join(flow.languages)
        raise ValueError(
            f"the {flow.name!r} questions are not available in {lang!r}; "
            f"available: {have}"
        )
    guidance_for(flow)
    words_for(lang)
