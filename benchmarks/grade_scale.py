"""Grading at two class sizes side by side: wall time and peak memory, each size in a fresh process.

    .venv/bin/python benchmarks/grade_scale.py [--sizes 10000 100000]

Each size runs ``grade_bench.py --batch-only`` (write the hand-ins, then read, grade, build the tables and write the
CSV files). The goal is 100,000 hand-ins within 1 GB of memory. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULT = re.compile(r"^RESULT learners=(\d+) wall=([\d.]+) cpu=([\d.]+) rss_mb=(\d+)$", re.MULTILINE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args(argv)
    rows = []
    for size in args.sizes:
        done = subprocess.run(
            [sys.executable, str(HERE / "grade_bench.py"), "--learners", str(size), "--batch-only"],
            capture_output=True,
            text=True,
            cwd=HERE.parent,
        )
        found = RESULT.search(done.stdout)
        if done.returncode != 0 or found is None:
            print(f"{size} learners: the benchmark failed\n{done.stdout[-2000:]}{done.stderr[-2000:]}", file=sys.stderr)
            return 1
        rows.append((size, float(found[2]), float(found[3]), int(found[4])))
    print(f"{'hand-ins':>10}  {'wall s':>8}  {'CPU s':>8}  {'peak RSS MB':>11}  {'ms per hand-in':>14}")
    for size, wall, cpu, rss in rows:
        print(f"{size:>10}  {wall:>8.1f}  {cpu:>8.1f}  {rss:>11}  {1000 * wall / size:>14.2f}")
    if len(rows) > 1:
        (small, small_wall, _, small_rss), (large, large_wall, _, large_rss) = rows[0], rows[-1]
        print(
            f"{large}/{small}: {large / small:.0f}x the hand-ins, {large_wall / small_wall:.1f}x the time, "
            f"{large_rss / small_rss:.2f}x the memory"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
