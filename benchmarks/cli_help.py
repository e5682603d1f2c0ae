"""How long ``medialit --help`` takes and how much memory it uses, against a parser that imports every sub-command.

    .venv/bin/python benchmarks/cli_help.py [--runs N]

Each case runs N times in a fresh process; the figures are the median wall time and the largest resident set size.
Printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

MEDIALIT = Path(sys.executable).with_name("medialit")
CASES: dict[str, list[str]] = {
    "medialit --help": [str(MEDIALIT), "--help"],
    "medialit validate --help": [str(MEDIALIT), "validate", "--help"],
    "python -m medialit --help": [sys.executable, "-m", "medialit", "--help"],
    "every sub-command imported (the parser before)": [
        sys.executable,
        "-c",
        "from medialit.cli import build_parser; build_parser()",
    ],
}


def measure(command: list[str]) -> tuple[float, int]:
    """Wall time in seconds and peak resident memory in KB of one run of ``command``."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited with {process.returncode}")
    return elapsed, usage.ru_maxrss


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per case (default: 5)")
    args = parser.parse_args(argv)
    if not MEDIALIT.is_file():
        print(f"no medialit command next to {sys.executable}: install the package first", file=sys.stderr)
        return 1
    print(f"{'case':<48} {'median s':>9} {'max MB':>7}")
    for name, command in CASES.items():
        runs = [measure(command) for _ in range(args.runs)]
        seconds = statistics.median(r[0] for r in runs)
        megabytes = max(r[1] for r in runs) / 1024
        print(f"{name:<48} {seconds:>9.2f} {megabytes:>7.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
