"""`pathfinder advise`: the advice for facts given on the command line.

    pathfinder advise --fact plan=iep --fact issue=services [--json] [--lang en]
"""

from __future__ import annotations

import argparse
import json
import sys

from .facts import FACTS, UnknownFact
from .guidance.engine import advise, shipped_guidance
from .render import render_full

USAGE_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pathfinder advise",
        description="Print the advice Pathfinder gives for a situation.",
        epilog=f"Facts: {', '.join(FACTS)}. Any fact may be left out.",
    )
    parser.add_argument(
        "--fact", action="append", default=[], metavar="NAME=VALUE",
        help="a fact about the situation, e.g. plan=iep (repeat for more facts)",
    )
    parser.add_argument("--json", action="store_true",
                        help="print the advice as JSON instead of a summary")
    parser.add_argument("--lang", default="en",
                        help="language of the advice (default: en)")
    return parser


def main(argv: list[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        # argparse has already printed usage or help; report its status.
        return exit_.code if isinstance(exit_.code, int) else USAGE_ERROR

    languages = shipped_guidance().content.languages
    if args.lang not in languages:
        print(f"{parser.prog}: error: unknown language {args.lang!r}; "
              f"languages: {', '.join(languages)}", file=sys.stderr)
        return USAGE_ERROR

    try:
        facts = parse_facts(args.fact)
        advice = advise(facts, lang=args.lang)
    except UnknownFact as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return USAGE_ERROR

    if args.json:
        print(json.dumps(advice.to_json(), indent=2, ensure_ascii=False))
    else:
        print(render_full(advice), end="")
    return 0


def parse_facts(pairs: list[str]) -> dict[str, str]:
    """`NAME=VALUE` pairs as a dict; a pair without `=` is an UnknownFact."""
    facts: dict[str, str] = {}
    for pair in pairs:
        name, separator, value = pair.partition("=")
        if not separator or not name.strip():
            raise UnknownFact(f"expected NAME=VALUE, got {pair!r}; "
                              f"allowed facts: {', '.join(FACTS)}")
        facts[name.strip()] = value.strip()
    return facts
