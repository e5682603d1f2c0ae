"""Defer Python's full garbage collections while a batch step builds many objects that all stay alive.

A full collection visits every live object, and CPython starts one whenever the objects that survived the young
collections have grown by a quarter. Reading, grading and tabulating a large class create millions of objects that
outlive the step (hand-ins, results, table cells), so full collections would walk a growing heap again and again
and free nothing: these objects hold no reference cycles. While a step runs, only full collections are deferred:
young objects are still collected, and reference counting frees everything as usual.

Measured on 10,000 synthetic hand-ins (``benchmarks/grade_scale.py``'s class, times from ``gc.callbacks``): without
deferring, nine full collections took 2.1-2.3 s of the batch's 22.3 s of CPU time, so grading, tabulating and writing
the class runs 1.10-1.11x faster with them deferred; peak memory is the same either way.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

__all__ = ["defer_full_gc", "full_gc_deferred"]

P = ParamSpec("P")
R = TypeVar("R")

NEVER = 2**30
"""A threshold for full collections that a step never reaches."""


@contextmanager
def full_gc_deferred() -> Iterator[None]:
    """No full collection inside the ``with`` block; the collector's thresholds are restored after it."""
    thresholds = gc.get_threshold()
    gc.set_threshold(*thresholds[:2], NEVER)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def defer_full_gc(function: Callable[P, R]) -> Callable[P, R]:
    """``function``, run with full collections deferred (see :func:`full_gc_deferred`)."""

    @functools.wraps(function)
    def deferring(*args: P.args, **kwargs: P.kwargs) -> R:
        with full_gc_deferred():
            return function(*args, **kwargs)

    return deferring
