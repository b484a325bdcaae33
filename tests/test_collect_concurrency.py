"""Two facilitators at once, and a writer killed at any moment: no entry is lost or half-written.

Every test runs twice: with Linux's calls (O_TMPFILE, flock, folder fsync) and with only what
every system has, as on the facilitators' Windows laptops (SWOT_PORTABLE_PATHS: named temp
files, a byte-range lock tried without waiting as msvcrt.locking does, no folder fsync).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from swot.files import storage
from swot.files.appending import EntriesAppender
from swot.files.entries import read_entries_file
from swot.files.workshop import load_workshop
from swot.models import Entry
from swot.vocabulary import Quadrant


@pytest.fixture(autouse=True, params=["linux", "portable"])
def platform(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The write and lock paths to use; forked children and subprocesses inherit them."""
    if request.param == "portable":
        if os.name != "posix":
            pytest.skip("the portable paths are what this system uses anyway")
        monkeypatch.setattr(storage, "PORTABLE", True)
        monkeypatch.setattr(storage, "_lock", storage._byte_range_lock)
        monkeypatch.setattr(storage, "_unlock", storage._byte_range_unlock)
        monkeypatch.setenv("SWOT_PORTABLE_PATHS", "1")

        def no_tmpfile(*args: object, **kwargs: object) -> int:
            raise AssertionError("O_TMPFILE used in portable mode")

        real_open = os.open

        def checked_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
            if flags & getattr(os, "O_TMPFILE", 0) == getattr(os, "O_TMPFILE", -1):
                no_tmpfile()
            return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "open", checked_open)
    return str(request.param)


def test_the_portable_lock_keeps_another_process_out(platform: str, tmp_path: Path) -> None:
    path = tmp_path / "lund.yaml"
    with storage.locked(path):
        pid = in_child(lambda: _try_lock(path))
        assert wait(pid) == 0


def _try_lock(path: Path) -> None:
    """In a child: the lock must be refused while the parent holds it."""
    try:
        with storage.locked(path, timeout=0.2):
            os._exit(1)
    except TimeoutError:
        os._exit(0)


def entry(text: str) -> Entry:
    return Entry(theme="equality", quadrant=Quadrant.STRENGTHS, text=text)


def in_child(work: Callable[[], None]) -> int:
    """Run ``work`` in a forked process (modules already imported, so it starts at once)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        code = 0
        try:
            work()
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    return pid


def wait(pid: int) -> int:
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(".*.tmp"))


def test_two_collect_from_processes_on_one_unit_keep_all_1000_entries(
    make_workshop, tmp_path: Path, swot_command: list[str]
) -> None:
    folder = make_workshop()
    sources = []
    for name in ("a", "b"):
        source = tmp_path / f"{name}.yaml"
        source.write_text(
            "".join(f"- theme: equality\n  quadrant: W\n  text: {name}-{i}\n" for i in range(500)),
            encoding="utf-8",
        )
        sources.append(source)

    runs = [
        subprocess.Popen(
            [*swot_command, "collect", "-w", str(folder), "--unit", "hoganas", "--from", str(s)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for s in sources
    ]
    outputs = [run.communicate(timeout=60) for run in runs]

    assert [run.returncode for run in runs] == [0, 0], outputs
    texts = [e.text for e in read_entries_file(folder / "entries/baseline/hoganas.yaml").entries]
    assert len(texts) == 1000
    assert sorted(texts) == sorted(f"{n}-{i}" for n in "ab" for i in range(500))


def test_two_writers_saving_one_entry_at_a_time_never_overwrite_each_other(
    make_workshop,
) -> None:
    folder = make_workshop()

    def writer(name: str) -> Callable[[], None]:
        def work() -> None:
            appender = EntriesAppender(load_workshop(folder), "baseline", "hoganas", "en")
            for i in range(60):
                appender.save([entry(f"{name}-{i}")], new_respondent=True)

        return work

    pids = [in_child(writer("a")), in_child(writer("b"))]

    assert [wait(pid) for pid in pids] == [0, 0]
    result = read_entries_file(folder / "entries/baseline/hoganas.yaml")
    assert result.ok
    assert sorted(e.text for e in result.entries) == sorted(
        f"{n}-{i}" for n in "ab" for i in range(60)
    )
    # Each writer's own entries stay in the order it saved them.
    for name in "ab":
        mine = [e.text for e in result.entries if e.text.startswith(name)]
        assert mine == [f"{name}-{i}" for i in range(60)]
    # Every new respondent got its own id, chosen under the lock.
    assert [e.respondent for e in result.entries] == [f"r{i:02d}" for i in range(1, 121)]


def test_a_writer_killed_at_random_moments_never_leaves_a_broken_file(make_workshop) -> None:
    folder = make_workshop()
    path = folder / "entries/baseline/hoganas.yaml"
    workshop = load_workshop(folder)
    rng = random.Random(20250918)

    def writer() -> None:
        appender = EntriesAppender(workshop, "baseline", "hoganas", "en")
        start = len(appender.read().entries)
        for i in range(start, start + 10_000):
            appender.save([entry(f"e-{i}")])

    for _kill in range(60):
        pid = in_child(writer)
        time.sleep(rng.uniform(0.005, 0.08))
        os.kill(pid, signal.SIGKILL)
        assert wait(pid) == -signal.SIGKILL

        if path.exists():
            result = read_entries_file(path)
            assert result.ok, result.problems
            assert [e.text for e in result.entries] == [
                f"e-{i}" for i in range(len(result.entries))
            ]
        # A named temp file exists only between naming and renaming; the next save removes it.
        left = temp_files(path.parent)
        assert len(left) <= 1, left

    appender = EntriesAppender(workshop, "baseline", "hoganas", "en")
    count = len(appender.read().entries)
    appender.save([entry(f"e-{count}")])

    assert count > 60  # the writers did write between the kills
    assert temp_files(path.parent) == []
    assert [e.text for e in read_entries_file(path).entries] == [f"e-{i}" for i in range(count + 1)]
