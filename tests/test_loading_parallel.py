"""A large round is parsed in worker processes and gives exactly what serial reading gives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from swot.files.workshop import load_workshop
from swot.rounds.load import load_round

GOOD = "- tema: jämställdhet\n  kvadrant: svagheter\n  text: Plan utan aktiviteter {i}\n  vikt: 4\n  svarande: r{i:02d}\n"
# The same entry with an escape in a quoted text: only the full parser reads it, so files like
# this one are the ones read in worker processes.
ESCAPED = '- tema: jämställdhet\n  kvadrant: svagheter\n  text: "Plan utan\\x20aktiviteter {i}"\n  vikt: 4\n  svarande: r{i:02d}\n'

BROKEN = "- tema: jämställdhet\n  kvadrant: svagheterr\n  text: Fel\n- tema: x\n  kvadrant: S\n  text: y\n"


def _workshop(make_workshop: Callable[..., Path], units: int = 20) -> Path:
    ids = {f"u{n:02d}": f"Enhet {n}" for n in range(units)}
    entries = {
        f"baseline/{u}": "".join((ESCAPED if n % 2 else GOOD).format(i=i) for i in range(1, 6))
        for n, u in enumerate(ids)
    }
    entries["baseline/u03"] = BROKEN
    return make_workshop(entries, units=ids, rounds={"baseline": {u: 5 for u in ids}})


def _summary(round_entries) -> list:
    return [
        (
            f.path.name,
            f.unit,
            [e.model_dump() | {"line": e.line} for e in f.entries],
            [p.format() for p in f.problems],
        )
        for f in round_entries.files
    ]


def test_parallel_reading_gives_the_same_entries_and_problems_as_serial(
    make_workshop: Callable[..., Path],
) -> None:
    workshop = load_workshop(_workshop(make_workshop))
    serial = load_round(workshop, "baseline", "en", workers=1)
    parallel = load_round(workshop, "baseline", "en", workers=2)
    assert _summary(parallel) == _summary(serial)
    assert len(parallel.entries) == 19 * 5
    assert {e.text for e in parallel.entries} == {f"Plan utan aktiviteter {i}" for i in range(1, 6)}
    assert [p.line for p in parallel.problems] == [2, 4]


def test_parallel_reading_reports_progress_up_to_every_file(
    make_workshop: Callable[..., Path],
) -> None:
    workshop = load_workshop(_workshop(make_workshop))
    seen: list[tuple[int, int]] = []
    load_round(
        workshop,
        "baseline",
        "en",
        progress=lambda done, total: seen.append((done, total)),
        workers=2,
    )
    assert seen[-1] == (20, 20)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_small_rounds_are_read_in_this_process(
    make_workshop: Callable[..., Path], monkeypatch
) -> None:
    import swot.rounds.load

    def no_processes(*args, **kwargs):
        raise AssertionError("a small round must not start worker processes")

    monkeypatch.setattr(swot.rounds.load, "_read_in_processes", no_processes)
    workshop = load_workshop(_workshop(make_workshop))
    assert len(load_round(workshop, "baseline", "en").entries) == 95


def test_without_fork_a_large_round_is_grouped_here_with_the_same_handout(
    make_workshop: Callable[..., Path], monkeypatch
) -> None:
    """Windows and macOS have no fork: a large round is grouped in this process, and the
    handout is the one the Linux worker processes give."""
    import contextlib
    import shutil

    from typer.testing import CliRunner

    from swot.cli import app
    from swot.files import storage
    from swot.jobs import merge
    from swot.rounds import workers

    folder = _workshop(make_workshop)
    monkeypatch.setattr(workers, "WORKERS_FROM_BYTES", 1)  # this small round counts as large
    pools: list[object] = []

    @contextlib.contextmanager
    def recorded(round_bytes: int):
        with workers.worker_processes(round_bytes) as pool:
            pools.append(pool)
            yield pool

    monkeypatch.setattr(merge, "worker_processes", recorded)
    handout = folder / "handouts" / "baseline" / "handout.md"
    assert CliRunner().invoke(app, ["merge", str(folder)]).exit_code == 0
    with_workers = handout.read_bytes()
    shutil.rmtree(folder / ".swot-cache")

    monkeypatch.setattr(storage, "PORTABLE", True)
    assert CliRunner().invoke(app, ["merge", str(folder)]).exit_code == 0
    assert pools[0] is not None and pools[1] is None
    assert handout.read_bytes() == with_workers
