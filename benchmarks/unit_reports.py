#!/usr/bin/env python3
"""All per-unit reports of the national round against one cold merge, measured in one run.

    python benchmarks/unit_reports.py [--keep DIR]

Generates the national round (benchmarks/generate.py: 290 units × ~200 entries), then times,
each from a cold start (no .swot-cache, no handouts) and through the real CLI:

1. ``swot merge`` — one cold merge of the round;
2. ``swot report --all-units`` — the round loaded and merged once, then 290 unit reports
   (HTML + Markdown) cut from that merge.

Prints both times and their ratio; the target (issue 13) is a ratio ≤ 3. The ratio is what
matters: both run on the same machine in the same minute, so its load affects both.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def cold(folder: Path, *args: str) -> float:
    """Seconds one swot command takes with no cache and no handouts."""
    shutil.rmtree(folder / ".swot-cache", ignore_errors=True)
    shutil.rmtree(folder / "handouts", ignore_errors=True)
    env = dict(os.environ, COLUMNS="120", NO_COLOR="1")
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "swot", *args], cwd=folder, env=env, check=True, capture_output=True
    )
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temp:
        folder = args.keep or Path(temp) / "national"
        if not (folder / "workshop.yaml").exists():
            subprocess.run(
                [sys.executable, str(REPO / "benchmarks" / "generate.py"), str(folder)],
                check=True,
                capture_output=True,
            )
        merge = cold(folder, "merge", ".")
        reports = cold(folder, "report", "--all-units", ".")
        written = len(list((folder / "handouts").rglob("units/*.html")))
    print(f"cold merge:                 {merge:6.1f} s")
    print(f"report --all-units ({written} units): {reports:6.1f} s")
    print(f"ratio: {reports / merge:.2f} (target ≤ 3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
