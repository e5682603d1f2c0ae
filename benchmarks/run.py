"""Run every benchmark in turn, each in its own process: the book in Chromium, grading a class, ``medialit --help``.

    .venv/bin/python benchmarks/run.py [--quick]

``--quick`` makes both small (a few page loads; 500 learners) for a fast look. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BENCHMARKS = {
    "book_bench.py": {"full": [], "quick": ["--quick"]},
    "grade_bench.py": {"full": [], "quick": ["--learners", "500"]},
    "grade_scale.py": {"full": [], "quick": ["--sizes", "500", "2000"]},
    "cli_help.py": {"full": [], "quick": ["--runs", "2"]},
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small runs: a few page loads, 500 learners")
    args = parser.parse_args(argv)
    failed = []
    for script, variants in BENCHMARKS.items():
        extra = variants["quick" if args.quick else "full"]
        print(f"== {script} {' '.join(extra)}".rstrip(), flush=True)
        done = subprocess.run([sys.executable, str(HERE / script), *extra], cwd=ROOT)
        if done.returncode != 0:
            failed.append(script)
        print(flush=True)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
