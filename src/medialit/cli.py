"""``medialit`` on the command line. Each sub-command lives in its own module under :mod:`medialit.commands`.

Errors are handled here, once for every sub-command: the project's own errors (:class:`medialit.errors.MedialitError`
and the error types listed below, such as no project found or a catalogue that cannot be read) and the operating
system's (a file that cannot be read or written) become one line on stderr and exit code 2, never a traceback.
An unexpected error (a bug) is reported the same way; ``MEDIALIT_DEBUG=1`` shows its traceback instead.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from medialit import __version__

__all__ = ["main"]

COMMANDS: dict[str, str] = {
    "validate": "medialit.commands.validate",
    "new-case": "medialit.commands.new_case",
    "preview": "medialit.commands.preview",
    "grade": "medialit.commands.grade",
    "key": "medialit.commands.key",
    "worksheet": "medialit.commands.worksheet",
}
"""Sub-command name → module with ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(prog="medialit", description="Media-literacy exercises: check, build, grade.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--root", help="the project folder (default: $MEDIALIT_ROOT, or found from the cwd upwards)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(handler=module.run)
    return parser


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
    args = build_parser().parse_args(argv)
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
