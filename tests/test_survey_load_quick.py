"""The survey load benchmark keeps working (a small run): nothing lost, nothing doubled, every
file valid, also when the server is killed. No assertion here is about a time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "survey_load.py"


def test_a_small_load_run_loses_nothing_and_leaves_valid_files() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--submissions", "12", "--clients", "3", "--pause", "0.05"],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    report = result.stdout
    assert report.count("### ") == 3
    for line in ("lost             0", "duplicated       0", "respondent ids shared 0",
                 "invalid files    0", "swot validate    0"):  # fmt: skip
        assert report.count(line) == 3, (line, report)
    assert report.count("(12 thanked, 0 failed or cut off); server exit 0") == 2
    assert "server exit -9" in report
