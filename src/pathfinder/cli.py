"""The `pathfinder` command: the terminal UI by default, and the tools.

Each subcommand lives in the module that owns it and is imported only when
asked for, so `pathfinder advise` never pays for loading Textual or uvicorn.
"""

from __future__ import annotations

import importlib
import sys

# subcommand -> (module with `main(argv) -> int`, one-line description)
COMMANDS: dict[str, tuple[str, str]] = {
    "advise": ("pathfinder.machine.advise_cli", "print the advice for given facts"),
    "serve": ("pathfinder.sms.server", "serve the Twilio SMS webhook (POST /sms)"),
    "chat": ("pathfinder.sms.chat", "the SMS conversation in this terminal"),
    "purge": ("pathfinder.sms.purge", "delete SMS sessions idle too long"),
    "flows": ("pathfinder.tools.flows", "list the assessments (flows)"),
    "check": ("pathfinder.tools.check", "check flow files; exit 1 on any problem"),
    "paths": ("pathfinder.tools.paths", "every path through a flow, with its advice"),
    "graph": ("pathfinder.tools.graph", "draw a flow's state graph"),
}
DEFAULT = ("pathfinder.tui.app", "the terminal questionnaire (no subcommand)")


def usage() -> str:
    lines = ["usage: pathfinder [COMMAND] [options]", "", "commands:"]
    lines.append(f"  {'(none)':<10} {DEFAULT[1]}")
    for name, (_, about) in COMMANDS.items():
        lines.append(f"  {name:<10} {about}")
    lines.append("")
    lines.append("Run 'pathfinder COMMAND --help' for a command's options.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in ("-h", "--help", "help"):
        print(usage())
        return 0
    if args and args[0] in COMMANDS:
        module_name, args = COMMANDS[args[0]][0], args[1:]
    else:
        module_name = DEFAULT[0]
    module = importlib.import_module(module_name)
    return int(module.main(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
