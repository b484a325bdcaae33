"""The check every save makes of the entries file it is about to put in place, old and new.

    .venv/bin/python benchmarks/entries_check.py                  # 50,000 rows, 5 runs each
    .venv/bin/python benchmarks/entries_check.py --folder /tmp/ec # keep the workshop there

``swot import`` of a 50,000-row export writes 160,510 entries (21.6 MB in 8 files) and then
checks each new file before it replaces the old one (``count_simple_entries_file``). This
makes those very files (the export of ``benchmarks/import_scale.py``, imported by ``swot
import`` in a child process), then times in this one process, alternately, the check entry by
entry (``per_entry_count`` in ``tests/test_bulk_entries_check.py``, the code the bulk check
replaced) and the bulk check, each over the 8 files, and prints CPU seconds (user + system of
this process: what other processes on the shared machine do not add to), the best and the
median of the runs, and the load average before and after.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tests")]

import import_scale  # noqa: E402
from test_bulk_entries_check import per_entry_count  # noqa: E402

from swot.files.entries import count_simple_entries_file, text_to_check  # noqa: E402
from swot.files.located import ProblemCollector, text_of  # noqa: E402
from swot.files.workshop import LoadedWorkshop, load_workshop  # noqa: E402
from swot.files.yamltree import simple_shapes  # noqa: E402


def make_workshop(folder: Path, rows: int) -> None:
    """A workshop whose entries are those ``swot import`` writes of the benchmark's export."""
    export = folder / "export.csv"
    subprocess.run(
        [sys.executable, import_scale.__file__, "--rows", str(rows), "--make", str(folder)],
        check=True,
    )
    (folder / "workshop.yaml").write_text(import_scale.workshop_yaml(), encoding="utf-8")
    for _ in range(2):  # the first proposes the map, the second imports
        subprocess.run(
            [*import_scale.SWOT, "import", str(export)],
            cwd=folder,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def old_check(path: Path, workshop: LoadedWorkshop, unit: str, round_id: str) -> int | None:
    """``count_simple_entries_file`` as it was: the same reading, then entry by entry."""
    found = text_to_check(path, workshop, unit, round_id)
    return None if found is None else per_entry_count(*found)


def cpu_seconds(check: Callable, workshop: LoadedWorkshop, files: list[Path]) -> float:
    begin = time.process_time()
    counts = [check(path, workshop, path.stem, path.parent.name) for path in files]
    seconds = time.process_time() - begin
    assert None not in counts, counts
    return seconds


def stages(files: list[Path]) -> dict[str, float]:
    """CPU seconds of the bulk check's stages, over all files (one run)."""
    times = dict.fromkeys(["read and decode", "split into lines", "simple_shapes"], 0.0)
    for path in files:
        begin = time.process_time()
        text = text_of(path.read_bytes(), ProblemCollector(path, "sv")) or ""
        read = time.process_time()
        text.split("\n")
        split = time.process_time()
        simple_shapes(text)
        times["read and decode"] += read - begin
        times["split into lines"] += split - read
        times["simple_shapes"] += time.process_time() - split
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--folder", help="make the workshop here (once) and keep it")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(options.folder or name)
        files = sorted((folder / "entries").rglob("*.yaml"))
        if not files:
            folder.mkdir(parents=True, exist_ok=True)
            make_workshop(folder, options.rows)
            files = sorted((folder / "entries").rglob("*.yaml"))
        workshop = load_workshop(folder)
        counts = [count_simple_entries_file(p, workshop, p.stem, p.parent.name) for p in files]
        assert counts == [old_check(p, workshop, p.stem, p.parent.name) for p in files]
        size = sum(path.stat().st_size for path in files) / 1e6
        print(f"{sum(c or 0 for c in counts):,} entries · {size:.1f} MB in {len(files)} files")
        print(f"load average {os.getloadavg()[0]:.1f} · {os.cpu_count()} cores")
        checks = {"entry by entry": old_check, "bulk": count_simple_entries_file}
        times: dict[str, list[float]] = {what: [] for what in checks}
        for _ in range(options.runs):  # alternately, so that both see the same load
            for what, check in checks.items():
                times[what].append(cpu_seconds(check, workshop, files))
        print(f"{'check':16} {'best CPU s':>10} {'median':>8}")
        for what, seconds in times.items():
            print(f"{what:16} {min(seconds):10.3f} {statistics.median(seconds):8.3f}")
        ratio = statistics.median(times["entry by entry"]) / statistics.median(times["bulk"])
        print(f"bulk: {ratio:.1f}× faster (medians)")
        for what, seconds in stages(files).items():
            print(f"  {what:18} {seconds:6.3f}")
        print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
