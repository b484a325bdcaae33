"""How fast `swot collect` feels: start-up to the first question, Enter to the next question,
and the cost of one save as a unit's file grows.

Run: python benchmarks/startup.py [--runs 7]

Each figure is the median of several runs on a copy of workshops/ameis-skane-nordvast (11 units,
Swedish), in a real pseudo-terminal (pexpect) like a facilitator's terminal.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pexpect

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "workshops" / "ameis-skane-nordvast"
HEAVY = ("jinja2", "rapidfuzz", "numpy", "openpyxl")


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:6.0f} ms"


def command_time(args: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return times


def spawn(folder: Path, *args: str) -> pexpect.spawn:
    env = dict(os.environ, TERM="xterm", NO_COLOR="1", PROMPT_TOOLKIT_NO_CPR="1")
    return pexpect.spawn(
        sys.executable,
        ["-m", "swot", "collect", *args],
        cwd=str(folder),
        env=env,
        encoding="utf-8",
        dimensions=(40, 120),
        timeout=30,
    )


def first_question(folder: Path, runs: int) -> list[float]:
    """From starting the process to the first question (the round) on the screen."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        child = spawn(folder)
        child.expect_exact("Omgång")
        times.append(time.perf_counter() - start)
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
    return times


def enter_to_next_prompt(folder: Path, entries: int) -> list[float]:
    """From Enter on an importance to the next entry prompt (the entry is saved in between)."""
    child = spawn(folder, "--unit", "hoganas", "--mode", "workshop")
    child.delaybeforesend = 0  # pexpect's default 50 ms pause would be measured too
    child.expect_exact("Omgång")
    child.send("\r")
    child.expect_exact("Tema")
    child.send("\r")
    child.expect_exact("Kvadrant")
    child.send("\r")
    times = []
    child.expect_exact("0 hittills")
    for number in range(entries):
        child.send(f"Mätpunkt nummer {number}\r")
        child.expect_exact("Vikt 1–5")
        start = time.perf_counter()
        child.send("3\r")
        child.expect_exact(f"{number + 1} hittills")
        times.append(time.perf_counter() - start)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    return times


def save_cost(folder: Path, sizes: list[int]) -> dict[int, list[float]]:
    """One save (lock, re-read, append, verify, rename) into a file of each size."""
    sys.path.insert(0, str(REPO))
    from swot.files.appending import EntriesAppender
    from swot.files.workshop import load_workshop
    from swot.models import Entry
    from swot.vocabulary import Quadrant

    workshop = load_workshop(folder)
    round_id = workshop.workshop.latest_round.id
    results: dict[int, list[float]] = {}
    units = [u.id for u in workshop.workshop.units]
    for unit, size in zip(units, sizes, strict=False):
        path = workshop.entries_file(round_id, unit)
        path.unlink(missing_ok=True)
        filler = [
            Entry(theme="equality", quadrant=Quadrant.WEAKNESSES, text=f"Rad {i} om jämställdhet")
            for i in range(size)
        ]
        setup = EntriesAppender(workshop, round_id, unit, "sv")
        setup.save(filler)
        times = []
        for i in range(5):
            # A fresh appender each time: it must re-read the file, as after another writer.
            appender = EntriesAppender(workshop, round_id, unit, "sv")
            entry = Entry(theme="equality", quadrant=Quadrant.STRENGTHS, text=f"Ny {i}")
            start = time.perf_counter()
            appender.save([entry], new_respondent=True)
            times.append(time.perf_counter() - start)
        results[size] = times
    return results


def heavy_modules_at_first_question() -> list[str]:
    code = (
        "import sys\n"
        "import swot.cli, swot.cli.prompts, questionary\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "ws"
        shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("handouts"))
        swot = [sys.executable, "-m", "swot"]
        print(
            f"python -c pass              {median_ms(command_time([sys.executable, '-c', 'pass'], runs))}"
        )
        print(f"swot --help                 {median_ms(command_time([*swot, '--help'], runs))}")
        print(
            f"swot collect --help         {median_ms(command_time([*swot, 'collect', '--help'], runs))}"
        )
        print(f"collect: first question     {median_ms(first_question(folder, runs))}")
        print(
            f"collect: Enter → next entry {median_ms(enter_to_next_prompt(folder, 20))}  (saved in between)"
        )
        for size, times in save_cost(folder, [0, 100, 500, 2000]).items():
            print(f"save into a file of {size:>4} entries {median_ms(times)}")
        heavy = heavy_modules_at_first_question()
        print(f"heavy modules loaded for collecting: {', '.join(heavy) or 'none'}")


if __name__ == "__main__":
    main()
