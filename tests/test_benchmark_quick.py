"""The benchmark harness keeps working: the quick run, and the data generator.

No assertion here is about a time or a ratio: CI machines vary, and the figures are a report.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from swot.files.workshop import load_workshop
from swot.rounds.load import load_round
from swot.vocabulary import Quadrant

REPO = Path(__file__).resolve().parent.parent
GENERATE = REPO / "benchmarks" / "generate.py"
TABLE_ROWS = (
    "python -c pass",
    'python -c "import typer"',
    "swot --version",
    "swot --help",
    "parse floor",
    "swot merge, cold, 1×",
    "swot merge, warm, 1×",
    "swot merge, cold, 2×",
    "peak memory",
    "net: peak − baseline",
    "swot merge of workshops/hoganasmodellen",
)


def load_generator() -> ModuleType:
    name = "swot_bench_generate"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, GENERATE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def file_bytes(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


@pytest.mark.slow
def test_quick_benchmark_prints_the_table_and_writes_the_results(tmp_path: Path) -> None:
    results = tmp_path / "R.md"
    done = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--quick", "--results", str(results)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for row in TABLE_ROWS:
        assert row in done.stdout, f"row {row!r} missing from:\n{done.stdout}"
    assert "✓" in done.stdout or "✗" in done.stdout
    text = results.read_text(encoding="utf-8")
    assert "| swot --help |" in text
    assert "Machine:" in text and "cores" in text
    if cpu_model():
        assert cpu_model() in text
    assert "Where a cold merge's time goes" in text
    assert "cumulative" in text  # the cProfile block


def test_generator_is_deterministic(tmp_path: Path) -> None:
    generate = load_generator()
    a = generate.build(tmp_path / "a", units=6, per_unit=25, seed=7)
    b = generate.build(tmp_path / "b", units=6, per_unit=25, seed=7)
    other = generate.build(tmp_path / "c", units=6, per_unit=25, seed=8)
    assert file_bytes(a.folder) == file_bytes(b.folder)
    assert file_bytes(a.folder) != file_bytes(other.folder)
    assert a.files == 6 and a.entries == b.entries


def test_a_larger_scale_adds_units_and_keeps_the_first_ones(tmp_path: Path) -> None:
    generate = load_generator()
    one = generate.build(tmp_path / "x1", units=4, per_unit=20, seed=7)
    two = generate.build(tmp_path / "x2", units=4, per_unit=20, seed=7, scale=2)
    first, second = file_bytes(one.folder / "entries"), file_bytes(two.folder / "entries")
    assert two.files == 8 and len(second) == 8
    assert all(second[name] == data for name, data in first.items())


def test_a_generated_workshop_loads_without_problems_with_both_themes_and_all_quadrants(
    tmp_path: Path,
) -> None:
    generate = load_generator()
    summary = generate.build(tmp_path / "w", units=8, per_unit=40)
    workshop = load_workshop(summary.folder)
    assert workshop.language == "sv"
    loaded = load_round(workshop, summary.round_id)
    assert loaded.problems == []
    assert loaded.missing_units == []
    assert len(loaded.entries) == summary.entries
    assert {e.theme for e in loaded.entries} == {"equality", "accessibility"}
    assert {e.quadrant for e in loaded.entries} == set(Quadrant)
    units_by_text: dict[str, set[str]] = {}
    for entry in loaded.entries:
        units_by_text.setdefault(entry.text, set()).add(entry.unit)
    assert max(len(units) for units in units_by_text.values()) > 1  # said across units
