"""``swot import`` of a 50,000-row export (issue 12: target ≤ 2 s and ≤ 200 MB).

    .venv/bin/python benchmarks/import_scale.py               # 50,000 rows, 3 runs each
    .venv/bin/python benchmarks/import_scale.py --rows 2000   # quicker

Builds a Microsoft Forms-style export (the tool's own columns, a unit column over 8 units,
8 theme × quadrant columns of which about a third are answered, some with two lines, some
"vet ej", an importance, a free comment) as CSV and as .xlsx in a temporary folder, proposes its
map once, then times separate processes of ``swot import`` (wall time; peak memory is the
``ru_maxrss`` that ``os.wait4`` reports for the process): ``--dry-run`` (read, map, check every
row), the first real import (appends every row), and a second import (adds nothing).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SWOT = [sys.executable, "-m", "swot"]
UNITS = ["Höganäs", "Lund", "Ängelholm", "Landskrona", "Bjuv", "Svalöv", "Båstad", "Kristianstad"]
QUESTIONS = [f"{q} – {t}" for t in ("jämställdhet", "tillgänglighet")
             for q in ("Styrkor", "Svagheter", "Möjligheter", "Hot")]  # fmt: skip
ANSWERS = [
    "Vi har en jämställdhetsplan", "Planen följs inte upp", "Chefer saknar tid",
    "Hissen är ofta trasig", "Ramp vid entrén", "Mindre pengar till hjälpmedel",
    "Ökat intresse i ledningen", "Personal som kan teckenspråk",
]  # fmt: skip


def workshop_yaml() -> str:
    units = "\n".join(
        f"  - id: u{i}\n    name: {name}\n    municipality: {name}" for i, name in enumerate(UNITS)
    )
    return f"name: Bench\nlanguage: sv\nunits:\n{units}\nrounds:\n  - id: r1\n"


def rows(count: int) -> list[list[object]]:
    chance = random.Random(12)
    start = dt.datetime(2026, 3, 1, 8)
    header = ["ID", "Starttid", "Slutförandetid", "E-post", "Namn",
              "Vilken enhet arbetar du på?", *QUESTIONS, "Hur viktigt är arbetet? (1–5)",
              "Övriga kommentarer"]  # fmt: skip
    table: list[list[object]] = [header]
    for number in range(1, count + 1):
        begin = start + dt.timedelta(minutes=number)
        cells: list[object] = [number, begin, begin + dt.timedelta(minutes=7),
                               f"person{number}@kommun.se", f"Person {number}",
                               chance.choice(UNITS)]  # fmt: skip
        for _ in QUESTIONS:
            roll = chance.random()
            if roll < 0.2:
                cells.append(f"{chance.choice(ANSWERS)} {number % 97}")
            elif roll < 0.3:
                cells.append(f"- {chance.choice(ANSWERS)}\n- {chance.choice(ANSWERS)} {number}")
            elif roll < 0.35:
                cells.append("vet ej")
            else:
                cells.append("")
        cells += [chance.randint(1, 5), "Tack!" if number % 10 == 0 else ""]
        table.append(cells)
    return table


def write_exports(folder: Path, count: int) -> tuple[Path, Path]:
    table = rows(count)
    csv_path = folder / "export.csv"
    with csv_path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(table)
    from openpyxl import Workbook

    book = Workbook()  # not write_only: that leaves out <dimension>, which Excel and Forms write
    sheet = book.active
    sheet.title = "Form1"
    for row in table:
        sheet.append(row)
    xlsx_path = folder / "export.xlsx"
    book.save(xlsx_path)
    return csv_path, xlsx_path


def compile_swot() -> None:
    """Give swot's modules their bytecode, as ``pip install .`` does when it installs swot. An
    editable checkout on a machine that sets PYTHONDONTWRITEBYTECODE (this one does) has none,
    and every process compiled swot's modules from source: ≈ 0.3 s of each run here."""
    import compileall

    import swot

    compileall.compile_dir(Path(swot.__file__).parent, quiet=1)


def timed(args: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system: what other processes on the machine do not
    add to) and peak MB of one process."""
    begin = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - begin
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(
            f"{' '.join(args)} failed: {process.stderr.read().decode() if process.stderr else ''}"
        )
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(export: Path, runs: int) -> list[tuple[str, float, float, float]]:
    results = []
    with tempfile.TemporaryDirectory() as name:
        workshop = Path(name)
        (workshop / "workshop.yaml").write_text(workshop_yaml(), encoding="utf-8")
        timed([*SWOT, "import", str(export), "--dry-run"], workshop)  # warm the page cache
        timed([*SWOT, "import", str(export)], workshop)  # proposes the map
        samples = [
            timed([*SWOT, "import", str(export), "--dry-run"], workshop) for _ in range(runs)
        ]
        results.append(("dry run", *_median(samples)))
        results.append(("first import", *timed([*SWOT, "import", str(export)], workshop)))
        again = [timed([*SWOT, "import", str(export)], workshop) for _ in range(runs)]
        results.append(("import again (adds nothing)", *_median(again)))
        files = sorted((workshop / "entries").rglob("*.yaml"))
        size = sum(p.stat().st_size for p in files)
        digest = hashlib.blake2b(digest_size=8)
        for path in files:  # the same digest: the same files, byte for byte
            digest.update(f"{path.relative_to(workshop)}\0".encode() + path.read_bytes())
        results.append((f"entries: {size / 1e6:.1f} MB, digest {digest.hexdigest()}", 0, 0, 0))
    return results


def _median(samples: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    return (
        statistics.median(s for s, _, _ in samples),
        statistics.median(c for _, c, _ in samples),
        max(m for _, _, m in samples),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--exports",
        metavar="FOLDER",
        help="keep the exports in FOLDER (made there if missing) to time other code on them",
    )
    parser.add_argument("--make", metavar="FOLDER", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.make:  # in a child process: the workbook's memory must not be inherited by the
        write_exports(Path(options.make), options.rows)  # measured processes (ru_maxrss would)
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(options.exports or name)
        csv_path, xlsx_path = folder / "export.csv", folder / "export.xlsx"
        if not (csv_path.exists() and xlsx_path.exists()):
            folder.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [sys.executable, __file__, "--rows", str(options.rows), "--make", str(folder)],
                check=True,
            )
        print(f"{options.rows:,} rows · CSV {csv_path.stat().st_size / 1e6:.1f} MB · "
              f"xlsx {xlsx_path.stat().st_size / 1e6:.1f} MB · target ≤ 2 s, ≤ 200 MB")  # fmt: skip
        compile_swot()
        print(f"load average {os.getloadavg()[0]:.1f} · {os.cpu_count()} cores · swot's bytecode "
              "compiled, as pip install . leaves it")  # fmt: skip
        print(f"{'export':6} {'what':32} {'seconds':>8} {'CPU s':>8} {'peak MB':>8}")
        for export in (csv_path, xlsx_path):
            for what, seconds, cpu, peak in measure(export, options.runs):
                mark = "" if not seconds else (" ✓" if seconds <= 2 and peak <= 200 else " ✗")
                shown = f"{seconds:8.2f} {cpu:8.2f} {peak:8.0f}{mark}" if seconds else ""
                print(f"{export.suffix[1:]:6} {what:32} {shown}")
        print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
