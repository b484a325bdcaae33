"""Load every entries file of a round: the fast line reader where it can, the full reader
where it must, unchanged files from the cache, many files in worker processes.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from swot.errors import Problem
from swot.models import (
    Entry,
    entry_from_row,
    entry_row,
)

if TYPE_CHECKING:
    from concurrent.futures import Executor
from swot.files.entries import (
    EntriesFile,
    entries_files,
    read_entries_file,
    read_simple_entries_file,
)
from swot.files.workshop import LoadedWorkshop

# Below this many bytes in a round, starting worker processes costs more than it saves.
PARALLEL_FROM_BYTES = 2 * 1024 * 1024

BATCH_FILES = 8


@dataclass
class RoundEntries:
    """All entries of one round, the files that had problems, and units with no file."""

    round: str
    files: list[EntriesFile]
    missing_units: list[str]
    # With load_round(..., save_later=True): the cache still to be written (see save_cache).
    unsaved_cache: Any = field(default=None, repr=False, compare=False)

    def save_cache(self) -> None:
        """Write the entries cache, if ``load_round`` left it to the caller."""
        if self.unsaved_cache is not None:
            self.unsaved_cache.save()
            self.unsaved_cache = None

    @property
    def entries(self) -> list[Entry]:
        return [entry for f in self.files for entry in f.entries]

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]


def load_round(
    workshop: LoadedWorkshop,
    round_id: str,
    lang: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    cache: bool | None = None,
    pool: Executor | None = None,
    save_later: bool = False,
) -> RoundEntries:
    """Read every entries file of a round. A broken file is reported and the rest still load.

    ``progress(files_read, files_in_all)`` is called as files are read. Large rounds are parsed
    in ``workers`` processes (default: up to 2 when the files to parse hold more than
    ``PARALLEL_FROM_BYTES``): parsing YAML is what bounds a national-scale merge. With
    ``cache`` (default: the workshop's setting), unchanged files come from
    ``<workshop>/.swot-cache`` (see ``swot.rounds.cache``).
    """
    paths = entries_files(workshop, round_id)
    known: dict[Path, EntriesFile] = {}
    store = None
    if workshop.cache if cache is None else cache:
        from swot.rounds.cache import RoundCache

        store = RoundCache.open(workshop, round_id)
        for path in paths:
            hit = store.lookup(path, path.stem, round_id)
            if hit is not None:
                known[path] = hit
        if progress is not None and known:
            progress(len(known), len(paths))
    todo = [path for path in paths if path not in known]
    read = _read_files(
        todo, workshop, lang, workers, _offset(progress, len(known), len(paths)), pool
    )
    files = [known.get(path) or read[path] for path in paths]
    if store is not None:
        store.update(files)
        if not save_later:  # else the caller saves it when it has time (``save_cache``)
            store.save()
            store = None
    present = {f.unit for f in files}
    spec = workshop.workshop
    round_ = spec.round(round_id)
    units = spec.units_of(round_) if round_ is not None else spec.units
    missing = [u.id for u in units if u.id not in present]
    return RoundEntries(round_id, files, missing, store)


def _offset(
    progress: Callable[[int, int], None] | None, done: int, total: int
) -> Callable[[int, int], None] | None:
    """Progress of the files still to read, shown as progress of the whole round."""
    if progress is None:
        return None
    report = progress
    return lambda files_read, _: report(done + files_read, total)


def _read_files(
    paths: list[Path],
    workshop: LoadedWorkshop,
    lang: str | None,
    workers: int | None,
    progress: Callable[[int, int], None] | None,
    pool: Executor | None = None,
) -> dict[Path, EntriesFile]:
    # Files in the common shape are read fast, here; only the others are worth processes.
    read: dict[Path, EntriesFile] = {}
    rest = []
    for path in paths:
        quick = read_simple_entries_file(path, workshop, lang)
        if quick is None:
            rest.append(path)
        else:
            read[path] = quick
            if progress is not None:
                progress(len(read), len(paths))
    progress = _offset(progress, len(read), len(paths))
    if workers is None:
        size = sum(_size(path) for path in rest)
        workers = min(2, os.cpu_count() or 1) if size >= PARALLEL_FROM_BYTES else 1
    files: list[EntriesFile] | None = None
    if (workers > 1 or pool is not None) and len(rest) > BATCH_FILES:
        files = _read_in_processes(rest, workshop, lang, workers, progress, pool)
    if files is None:
        files = []
        for done, path in enumerate(rest, start=1):
            files.append(read_entries_file(path, workshop, lang, simple=False))
            if progress is not None:
                progress(done, len(rest))
    read.update(zip(rest, files, strict=True))
    return read


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # gone or unreadable: reading it will say so
        return 0


def _read_in_processes(
    paths: list[Path],
    workshop: LoadedWorkshop,
    lang: str | None,
    workers: int,
    progress: Callable[[int, int], None] | None,
    pool: Executor | None = None,
) -> list[EntriesFile] | None:
    """Read files in worker processes; None if processes cannot be used here (then read serially).

    Workers send entries back as plain tuples: pickling pydantic models costs more than the
    parsing it saves. The entries were validated in the worker, so they are rebuilt unvalidated.
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    batches = [paths[i : i + BATCH_FILES] for i in range(0, len(paths), BATCH_FILES)]
    results: dict[int, list[EntriesFile]] = {}
    done = 0
    # Forked workers would otherwise walk (and so copy) every object the parent holds at each
    # garbage collection; frozen objects are left alone.
    gc.freeze()
    try:
        with contextlib.nullcontext(pool) if pool else ProcessPoolExecutor(workers) as executor:
            futures = {
                executor.submit(_read_batch, batch, workshop, lang): number
                for number, batch in enumerate(batches)
            }
            for future in as_completed(futures):
                # Rebuilt as each batch arrives, so the round is never held twice as rows.
                results[futures[future]] = [
                    EntriesFile(
                        Path(path),
                        unit,
                        round_id,
                        [entry_from_row(row, unit, round_id) for row in rows],
                        problems,
                        digest,
                    )
                    for path, unit, round_id, rows, problems, digest in future.result()
                ]
                done += len(batches[futures[future]])
                if progress is not None:
                    progress(done, len(paths))
    except (OSError, BrokenProcessPool, ImportError):
        return None
    finally:
        gc.unfreeze()
    return [file for number in range(len(batches)) for file in results[number]]


def _read_batch(paths: list[Path], workshop: LoadedWorkshop, lang: str | None) -> list[tuple]:
    """Worker: read a few files and return them as picklable tuples."""
    out = []
    for path in paths:  # files the fast reader declined
        result = read_entries_file(path, workshop, lang, simple=False)
        rows = [entry_row(entry) for entry in result.entries]
        out.append(
            (str(result.path), result.unit, result.round, rows, result.problems, result.digest)
        )
    return out
