"""Independent pieces of work spread over the machine's cores, for large catalogues only.

Workers are forked, so they inherit the tasks and everything the tasks use (the catalogue, the Jinja
environment) instead of receiving them pickled; only the results travel back. Forking is safe only
while the process runs a single thread, so a threaded process (`mkdocs serve`, which watches files
and serves pages on threads) always works in one process, as does a small catalogue, where starting
workers costs more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")

_TASKS: Sequence[Callable[[], object]] = ()


def worth_it(amount: int, threshold: int) -> bool:
    return (amount >= threshold and (os.cpu_count() or 1) > 1 and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods())


def _run(index: int) -> object:
    return _TASKS[index]()


def map_all(function: Callable[[object], T], items: Sequence, parallel: bool) -> list[T]:
    """function(item) for every item, in order; in parallel, a few batches per core, so that a worker
    that draws quick items takes another batch."""
    if not parallel:
        return [function(item) for item in items]
    size = -(-len(items) // (4 * (os.cpu_count() or 1)))  # ceiling division
    batches = [items[start:start + size] for start in range(0, len(items), size)]
    done = run_all([lambda batch=batch: [function(item) for item in batch] for batch in batches], parallel)
    return [result for batch in done for result in batch]


def run_all(tasks: Sequence[Callable[[], T]], parallel: bool) -> list[T]:
    """Every task's result, in the tasks' order. In parallel, workers take the tasks in order as they
    become free, so put the longest first."""
    if not parallel or len(tasks) < 2:
        return [task() for task in tasks]
    global _TASKS
    _TASKS = tasks
    try:
        with multiprocessing.get_context("fork").Pool(min(len(tasks), os.cpu_count() or 2)) as pool:
            return pool.map(_run, range(len(tasks)), chunksize=1)
    finally:
        _TASKS = ()
