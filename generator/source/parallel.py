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
import traceback
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
        # A worker per task (maxtasksperchild=1): a worker that ran one task keeps the memory that task
        # freed (Python rarely returns it), and the next task's peak would come on top (peak build memory).
        with multiprocessing.get_context("fork").Pool(min(len(tasks), os.cpu_count() or 2), maxtasksperchild=1) as pool:
            return pool.map(_run, range(len(tasks)), chunksize=1)
    finally:
        _TASKS = ()


def in_child(task: Callable[[], T]) -> T:
    """task() in a forked process, its result pickled back: what the task allocates goes with that process
    instead of staying in this one's heap. Where forking is not safe (a threaded process) it runs here.

    The child is an ordinary process, not a pool's daemon, so the task may use run_all itself. An
    exception is raised here as the task raised it when it can be pickled (CatalogError, with the
    problems); any other failure says so with the child's traceback."""
    if threading.active_count() > 1 or "fork" not in multiprocessing.get_all_start_methods():
        return task()
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def run_and_send() -> None:
        try:
            outcome = (True, task(), "")
        except BaseException as exc:  # noqa: BLE001 - every outcome goes back to the parent
            outcome = (False, exc, traceback.format_exc())
        try:
            send.send(outcome)
        except Exception:  # noqa: BLE001 - a result or an exception that cannot be pickled
            send.send((False, None, outcome[2] or traceback.format_exc()))

    child = context.Process(target=run_and_send)
    child.start()
    send.close()
    try:
        ok, value, child_traceback = receive.recv()
    except EOFError:
        raise ChildProcessError("the task's process ended without a result") from None
    finally:
        child.join()
    if ok:
        return value
    if value is None:
        raise ChildProcessError(f"the task failed in its process:\n{child_traceback}")
    value.add_note(f"(raised in a forked process)\n{child_traceback}")
    raise value
