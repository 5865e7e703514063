"""`pathfinder graph`: draw a flow's state graph from its state machine.

    pathfinder graph [--flow NAME] [--format mermaid|dot|svg] [--output FILE]

Mermaid text needs nothing installed and can be pasted into Markdown; DOT and
SVG need Graphviz. Without --output the drawing goes to standard output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pathfinder.machine.errors import ContentError
from pathfinder.machine.flow import Flow

from . import diagram
from .options import USAGE_ERROR, add_flow_option, fail, flow_for, parse

PROG = "pathfinder graph"
FORMATS = ("mermaid", "dot", "svg")
# The format each file ending stands for, to infer --format and to refuse,
# say, Mermaid text written into a file named .svg.
SUFFIXES = {".mmd": "mermaid", ".mermaid": "mermaid", ".dot": "dot", ".gv": "dot",
            ".svg": "svg"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Draw a flow's state graph: questions are "
                               "states, answers are transitions.")
    add_flow_option(parser)
    parser.add_argument("--format", choices=FORMATS,
                        help="mermaid (default; needs nothing installed), or dot "
                             "and svg (need Graphviz); inferred from --output's "
                             "ending when not given")
    parser.add_argument("--output", metavar="FILE",
                        help="write to FILE instead of standard output")
    return parser


def main(argv: list[str]) -> int:
    args = parse(build_parser(), argv)
    if isinstance(args, int):
        return args

    output = Path(args.output) if args.output else None
    implied = SUFFIXES.get(output.suffix.lower()) if output else None
    chosen = args.format or implied or "mermaid"
    if implied and implied != chosen:
        return fail(PROG, f"--output {output} is named like {implied} but --format "
                          f"is {chosen}; change one so they match", USAGE_ERROR)

    try:
        flow = flow_for(args.flow)
        drawing = draw(flow, chosen)
    except (ContentError, diagram.GraphvizMissing) as error:
        return fail(PROG, error)

    try:
        write(drawing, output)
    except OSError as error:
        return fail(PROG, f"cannot write {output}: {error.strerror or error}; "
                          "check that its folder exists and it is not a folder")
    return 0


def draw(flow: Flow, chosen: str) -> bytes:
    """The drawing as bytes, ready to write. Raises GraphvizMissing."""
    if chosen == "svg":
        return diagram.svg(flow)
    text = diagram.dot(flow) if chosen == "dot" else diagram.mermaid(flow)
    return text.encode("utf-8")


def write(drawing: bytes, output: Path | None) -> None:
    if output is None:
        sys.stdout.buffer.write(drawing)
        sys.stdout.flush()
    else:
        output.write_bytes(drawing)
