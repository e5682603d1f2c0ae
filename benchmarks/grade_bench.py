"""Grade 10,000 synthetic learners' hand-ins, each answering every exercise, through the batch path.

Prints wall time and peak memory of the batch path (gather + grade + results, gradebook and item tables + CSV
files), and the same answers graded one at a time: each file read and validated, then each answer through
:func:`medialit.scoring.score`. Figures are printed, never asserted. Goal: the batch path within 5 s and 1 GB.

    .venv/bin/python benchmarks/grade_bench.py [--learners 10000] [--keep DIR] [--batch-only]

``--batch-only`` measures the batch path once and ends with one line ``RESULT learners=… wall=… cpu=… rss_mb=…``
(for ``grade_scale.py``, which compares class sizes side by side, each in its own process). ``cpu`` is the
process's CPU time for the batch path: on a machine shared with other work it varies less than the wall time.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from medialit.catalogue import Catalogue
from medialit.exercises import load_exercises
from medialit.handin import read_handin
from medialit.project import Project
from medialit.scoring import FormatError, score
from medialit.teacher import ClassReport, write_outputs
from medialit.teacher.collect import gather
from medialit.teacher.grade import grade_class
from medialit.teacher.synthetic import synthetic_handin


def _write_class(folder: Path, exercises, learners: int) -> None:
    rng = random.Random(42)
    for number in range(learners):
        synthetic_handin(f"Learner {number:05d}", exercises, rng).write(folder / f"{number:05d}.json")


def _batch(folder: Path, exercises, out: Path, phases: dict[str, float] | None = None) -> ClassReport:
    phases = {} if phases is None else phases
    started = time.perf_counter()
    grades = grade_class(gather([folder]), exercises)  # one file at a time: read and graded together
    phases["read"] = 0.0
    phases["grade"] = time.perf_counter() - started
    report = ClassReport(grades)
    _ = report.gradebook, report.items  # results.csv is written learner chunk by learner chunk, never held whole
    phases["tables"] = time.perf_counter() - started - phases["read"] - phases["grade"]
    write_outputs(report, out, html=False)
    phases["csv"] = time.perf_counter() - started - phases["read"] - phases["grade"] - phases["tables"]
    return report


def _one_at_a_time(folder: Path, by_id) -> float:
    total = 0.0
    for path in sorted(folder.glob("*.json")):
        handin = read_handin(path)
        for answer in handin.answers:
            with contextlib.suppress(FormatError):
                total += score(by_id[answer.exercise], answer.raw).score
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="write the hand-ins and outputs here and keep them")
    parser.add_argument("--batch-only", action="store_true", help="measure the batch path once, print RESULT")
    args = parser.parse_args(argv)
    project = Project.find()
    exercises = load_exercises(project.exercises, Catalogue.load(project.catalogue_path)).require_valid()
    work = args.keep or Path(tempfile.mkdtemp(prefix="medialit-bench-"))
    folder = work / "handins"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        _write_class(folder, exercises.exercises, args.learners)
        print(
            f"wrote {args.learners} hand-ins x {len(exercises.exercises)} exercises "
            f"in {time.perf_counter() - started:.1f} s"
        )

        started, cpu_started = time.perf_counter(), time.process_time()
        phases: dict[str, float] = {}
        report = _batch(folder, exercises, work / "out", phases)
        batch, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"batch: {report.summary}")
        print(
            f"batch: {batch:.2f} s wall ("
            + ", ".join(f"{k} {v:.2f} s" for k, v in phases.items())
            + f"), {cpu:.2f} s CPU, peak RSS of the process so far {rss:.0f} MB"
        )
        if args.batch_only:
            print(f"RESULT learners={args.learners} wall={batch:.2f} cpu={cpu:.2f} rss_mb={rss:.0f}")
            return 0

        tracemalloc.start()
        _batch(folder, exercises, work / "out")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"batch: peak Python allocations {peak / 2**20:.0f} MB (tracemalloc, a second run)")

        by_id = {e.id: e for e in exercises.exercises}
        started = time.perf_counter()
        naive_total = _one_at_a_time(folder, by_id)
        naive = time.perf_counter() - started
        print(f"one at a time: {naive:.2f} s wall (scores only, no tables)")
        graded = phases["read"] + phases["grade"]
        print(f"ratio one-at-a-time / batch read+grade ({graded:.2f} s): {naive / graded:.2f}")
        assert abs(naive_total - report.gradebook["total"].sum()) < 1e-6 * max(1.0, naive_total)
    finally:
        if args.keep is None:
            shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
