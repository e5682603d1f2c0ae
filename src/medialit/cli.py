"""``medialit`` on the command line. Each sub-command lives in its own module under :mod:`medialit.commands`."""

from __future__ import annotations

import argparse
import importlib
import sys

__all__ = ["main"]

COMMANDS: dict[str, str] = {
    "validate": "medialit.commands.validate",
    "new-case": "medialit.commands.new_case",
    "preview": "medialit.commands.preview",
    "grade": "medialit.commands.grade",
    "key": "medialit.commands.key",
}
"""Sub-command name → module with ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(prog="medialit", description="Media-literacy exercises: check, build, grade.")
    parser.add_argument("--root", help="the project folder (default: $MEDIALIT_ROOT, or found from the cwd upwards)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(handler=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one sub-command; returns its exit code."""
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
