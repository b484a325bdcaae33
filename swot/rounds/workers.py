"""Worker processes for large rounds: started before the files are read, shared by reading and
grouping, and given their memory back afterwards.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import Executor


# From this many bytes of entries files, a round is grouped (and, where files need the full
# parser, read) in worker processes.
WORKERS_FROM_BYTES = 4 * 1024 * 1024


@contextmanager
def worker_processes(round_bytes: int, force: bool = False) -> Iterator[Executor | None]:
    """Two worker processes for a large round (None for a small one, or where there are none).

    They are started before the round is read, so they do not carry a copy of its entries
    (a forked process counts every page of its parent): each bucket is sent to them as rows.
    Linux only: fork is what makes them cheap to start, and elsewhere fork is not safe.
    """
    if round_bytes >= WORKERS_FROM_BYTES:
        _return_freed_memory()
    from swot.files.storage import PORTABLE

    usable = sys.platform.startswith("linux") and not PORTABLE and (os.cpu_count() or 1) > 1
    if not (force or (usable and round_bytes >= WORKERS_FROM_BYTES)):
        yield None
        return
    import multiprocessing  # only now: ~20 ms to import
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        pool = ProcessPoolExecutor(
            max_workers=2,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_warm_up,  # imports while this process reads the round
        )
        pool.submit(int)  # starts both workers now, while this process is small (no waiting)
    except (OSError, BrokenProcessPool):
        yield None
        return
    try:
        yield pool
    finally:
        pool.shutdown(cancel_futures=True)


def _warm_up() -> None:
    """In a worker: import what grouping a large bucket needs, before the first bucket comes."""
    import numpy  # noqa: F401
    from rapidfuzz import process  # noqa: F401


def _return_freed_memory() -> None:
    """Ask glibc to give large freed blocks back to the system (Linux only; harmless elsewhere).

    A large round passes megabytes through pipes and JSON; by default glibc raises its mmap
    threshold after the first such block is freed and keeps later ones in its heap, where they
    stay part of the process after they are freed (measured: 5 MB of the peak of a national
    merge). A fixed 128 KiB threshold returns them.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        m_trim_threshold, m_mmap_threshold = -1, -3  # from <malloc.h>
        libc.mallopt(m_mmap_threshold, 128 * 1024)
        libc.mallopt(m_trim_threshold, 128 * 1024)
    except (OSError, AttributeError):  # not glibc (e.g. musl has no mallopt)
        pass
