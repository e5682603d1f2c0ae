"""``medialit`` on the command line. Each sub-command lives in its own module under :mod:`medialit.commands`.

Errors are handled here, once for every sub-command: the project's own errors (:class:`medialit.errors.MedialitError`
and the error types listed below, such as no project found or a catalogue that cannot be read) and the operating
system's (a file that cannot be read or written) become one line on stderr and exit code 2, never a traceback.
An unexpected error (a bug) is reported the same way; ``MEDIALIT_DEBUG=1`` shows its traceback instead.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import importlib.util
import os
import sys
from collections.abc import Iterable

from medialit import __version__

__all__ = ["main"]

COMMANDS: dict[str, str] = {
    "validate": "medialit.commands.validate",
    "new-case": "medialit.commands.new_case",
    "author": "medialit.commands.author",
    "preview": "medialit.commands.preview",
    "grade": "medialit.commands.grade",
    "key": "medialit.commands.key",
    "worksheet": "medialit.commands.worksheet",
    "package": "medialit.commands.package",
    "init": "medialit.commands.init",
    "build": "medialit.commands.build",
    "serve": "medialit.commands.serve",
}
"""Sub-command name → module with ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``."""


def build_parser(commands: Iterable[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser; only the sub-commands named in ``commands`` (all when None) have their module imported.

    The others get their one-line help, read from their module's source without running it, so that ``medialit
    --help`` or one sub-command does not import what every other sub-command needs (pandas, Sphinx, matplotlib).
    """
    wanted = set(COMMANDS) if commands is None else set(commands)
    parser = argparse.ArgumentParser(prog="medialit", description="Media-literacy exercises: check, build, grade.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--root", help="the project folder (default: $MEDIALIT_ROOT, or found from the cwd upwards)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        if name not in wanted:
            sub.add_parser(name, help=_help_text(module_name))
            continue
        module = importlib.import_module(module_name)
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(handler=module.run)
    return parser


def _help_text(module_name: str) -> str:
    """A sub-command module's ``HELP``, a string literal read from its source; imported only if it is not one."""
    spec = importlib.util.find_spec(module_name)
    if spec is not None and spec.origin is not None and spec.origin.endswith(".py"):
        with open(spec.origin, encoding="utf-8") as source:
            tree = ast.parse(source.read(), spec.origin)
        for node in tree.body:
            if (
                isinstance(node, ast.Assign)
                and any(isinstance(target, ast.Name) and target.id == "HELP" for target in node.targets)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                return node.value.value
    help_text: str = importlib.import_module(module_name).HELP
    return help_text


def _project_errors() -> tuple[type[BaseException], ...]:
    """The error types a sub-command raises for a reason a person can fix (imported only when one is raised)."""
    from medialit.catalogue import SeedIntegrityError
    from medialit.errors import MedialitError  # ProjectError, HandinError, AuthoringError, AllowListError
    from medialit.problems import ExerciseFileError
    from medialit.scoring import FormatError
    from medialit.teacher.outputs import OutputError

    return (OSError, MedialitError, SeedIntegrityError, ExerciseFileError, FormatError, OutputError)


def _describe(error: BaseException) -> str:
    """One line saying what went wrong."""
    if isinstance(error, OSError) and error.strerror:
        where = error.filename if error.filename is not None else ""
        text = f"{error.strerror}: {os.fsencode(where).decode(errors='replace')}" if where != "" else error.strerror
    else:
        text = str(error) or type(error).__name__
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:299] + "…"


def main(argv: list[str] | None = None) -> int:
    """Run one sub-command; returns its exit code (2 when it cannot run, with one line on stderr)."""
    words = sys.argv[1:] if argv is None else argv
    args = build_parser(word for word in words if word in COMMANDS).parse_args(argv)
    try:
        code: int = args.handler(args)
        return code
    except KeyboardInterrupt:
        print(f"medialit {args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception as error:
        if isinstance(error, _project_errors()):
            print(f"medialit {args.command}: {_describe(error)}", file=sys.stderr)
            return 2
        if os.environ.get("MEDIALIT_DEBUG"):
            raise
        print(
            f"medialit {args.command}: internal error ({type(error).__name__}: {_describe(error)}); "
            "this is a bug in medialit: please report it (MEDIALIT_DEBUG=1 shows where it happened)",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
