#!/usr/bin/env python3
"""Every figure of issue 6 in one run: start-up, the parse floor, cold and warm merges, scaling,
peak memory and the small case, as medians of separate processes, against the issue's targets.

    python benchmarks/run.py [--quick] [--repeat N] [--results PATH]

Builds the national round with ``benchmarks/generate.py`` (290 units × 200 entries ≈ 12 MB of
YAML, and 2× and 4× of it) in a temporary folder, measures, prints a table and writes
``benchmarks/RESULTS.md`` (or ``--results PATH``) with the machine it ran on and where a cold
merge's time goes. ``--quick`` does the same on 20 units × 30 entries in well under a minute
(CI runs it so the harness cannot rot; its figures mean nothing). The exit code is 0 whether
or not the targets are met (this is a report); 1 if a measured command failed.

Each repetition is a new process: wall time is ``time.perf_counter()`` around it, peak memory is
the ``ru_maxrss`` that ``os.wait4`` returns for it (the largest of the process and the worker
processes it waited for). A cold merge starts with no ``<workshop>/.swot-cache`` and no
``handouts/``; a warm merge is a rerun with nothing changed. Files are in the OS page cache in
both cases: "cold" is about swot's own cache, not the disk.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_RESULTS = REPO / "benchmarks" / "RESULTS.md"
SMALL_EXAMPLE = REPO / "workshops" / "hoganasmodellen"
CACHE_DIR = ".swot-cache"  # where swot keeps validated entries, inside the workshop
HANDOUTS_DIR = "handouts"
VERSIONS_OF = ("PyYAML", "pydantic", "typer", "rapidfuzz", "Jinja2", "rich", "numpy")

# The targets.
HELP_VS_TYPER = 2.0
COLD_VS_FLOOR = 1.3
WARM_VS_FLOOR = 0.3
DOUBLE_DATA_TIME = 2.2
NET_MEMORY_VS_YAML = 4.0
SMALL_CASE_SECONDS = 0.5

# The parse floor: every entries file of the round through PyYAML's C loader, nothing else.
FLOOR_SCRIPT = """\
import os, sys, yaml
folder = sys.argv[1]
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
for name in sorted(os.listdir(folder)):
    if name.endswith((".yaml", ".yml")):
        with open(os.path.join(folder, name), "rb") as f:
            yaml.load(f.read(), Loader=Loader)
"""

# Runs swot's console entry point like the `swot` script does, then writes this process's own
# peak memory and that of the worker processes it waited for (RUSAGE_CHILDREN), separately.
RUSAGE_WRAPPER = """\
import atexit, importlib, json, os, resource, sys
def _report():
    with open(os.environ["SWOT_BENCH_RUSAGE"], "w") as f:
        json.dump({"self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                   "children_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}, f)
atexit.register(_report)
module, _, attr = sys.argv[1].partition(":")
sys.argv = ["swot", *sys.argv[2:]]
sys.exit(getattr(importlib.import_module(module), attr)())
"""


class CommandFailed(Exception):
    def __init__(self, label: str, command: Sequence[str], code: int, stderr: str) -> None:
        super().__init__(label)
        self.label, self.command, self.code, self.stderr = label, list(command), code, stderr


@dataclass
class Sample:
    seconds: float
    maxrss_kb: int


@dataclass
class Series:
    """Repetitions of one measurement."""

    label: str
    samples: list[Sample] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def median_rss_bytes(self) -> float:
        return statistics.median(s.maxrss_kb for s in self.samples) * 1024

    def spread(self) -> str:
        times = [s.seconds for s in self.samples]
        if len(times) == 1:
            return "1 run"
        return f"{len(times)} runs, {fmt_seconds(min(times))}–{fmt_seconds(max(times))}"

    def rss_spread(self) -> str:
        sizes = [s.maxrss_kb * 1024 for s in self.samples]
        if len(sizes) == 1:
            return "1 run"
        return f"{len(sizes)} runs, {fmt_mb(min(sizes))}–{fmt_mb(max(sizes))}"


@dataclass
class Plan:
    """How many repetitions, and the data sizes."""

    quick: bool
    units: int
    per_unit: int
    scales: tuple[int, ...]
    startup_runs: int
    small_runs: int
    runs: int  # parse floor, cold and warm merges at 1×
    scale_runs: int  # 2× and 4×
    min_runs: int  # a series over its time budget stops after this many
    budget: float | None  # seconds per series before stopping early; None: always all runs


def make_plan(quick: bool, repeat: int | None) -> Plan:
    if quick:
        plan = Plan(True, 20, 30, (1, 2), 3, 3, 2, 1, 1, None)
    else:
        plan = Plan(False, 290, 200, (1, 2, 4), 11, 11, 5, 3, 2, 75.0)
    if repeat is not None:
        plan.startup_runs = plan.small_runs = plan.runs = plan.scale_runs = repeat
        plan.min_runs, plan.budget = repeat, None
    return plan


# ---------------------------------------------------------------------------------------------
# Running commands
# ---------------------------------------------------------------------------------------------
def run_once(
    label: str,
    command: Sequence[str],
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> Sample:
    """One process: wall time and its own rusage from wait4 (never RUSAGE_CHILDREN of ours)."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(command),
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = code = os.waitstatus_to_exitcode(status)
        if code != 0:
            errors.seek(0)
            raise CommandFailed(label, command, code, errors.read().decode("utf-8", "replace"))
    return Sample(seconds, usage.ru_maxrss)


def repeat(
    series: list[Series],
    commands: list[Sequence[str]],
    runs: int,
    plan: Plan,
    before: list[Callable[[], None] | None] | None = None,
    min_runs: int | None = None,
) -> None:
    """Run the commands in turn (interleaved, so a slow spell of the machine hits all alike)."""
    min_runs = plan.min_runs if min_runs is None else min_runs
    started = time.perf_counter()
    for number in range(1, runs + 1):
        for i, (one, command) in enumerate(zip(series, commands, strict=True)):
            if before and before[i]:
                before[i]()  # type: ignore[misc]
            progress(f"{one.label} ({number}/{runs})")
            one.samples.append(run_once(one.label, command))
        elapsed = time.perf_counter() - started
        if plan.budget is not None and number >= min_runs and elapsed > plan.budget:
            break


def progress(text: str) -> None:
    print(f"  … {text}", file=sys.stderr, flush=True)


def swot_command() -> list[str]:
    """The `swot` script installed next to this Python (what users run)."""
    script = Path(sys.executable).parent / "swot"
    return [str(script)] if script.exists() else [sys.executable, "-m", "swot"]


def swot_entry_point() -> str:
    """'module:function' of the swot console script, for running it under the rusage wrapper."""
    from importlib.metadata import entry_points

    for entry in entry_points(group="console_scripts", name="swot"):
        return entry.value
    return "swot.cli:main"


def clear(workshop: Path) -> Callable[[], None]:
    """Before a cold merge: no swot cache and no handouts."""

    def remove() -> None:
        shutil.rmtree(workshop / CACHE_DIR, ignore_errors=True)
        shutil.rmtree(workshop / HANDOUTS_DIR, ignore_errors=True)

    return remove


# ---------------------------------------------------------------------------------------------
# The in-process breakdown (runs in a child process: python run.py --stage-breakdown DIR OUT)
# ---------------------------------------------------------------------------------------------
STAGES = (
    ("swot.jobs.merge", "load_decisions", "load_decisions (merges.yaml)"),
    ("swot.rounds.load", "load_round", "load_round (read, parse, validate; workers)"),
    ("swot.analysis.status", "round_status", "round_status"),
    ("swot.analysis.grouping", "merge_entries", "merge_entries (grouping)"),
    ("swot.analysis.ranking", "rank_items", "rank_items"),
    ("swot.output.handout", "render_handouts", "render_handouts (Jinja2, HTML + Markdown)"),
)


def _timer(
    function: Callable[..., object], label: str, totals: dict[str, float], calls: dict[str, int]
) -> Callable[..., object]:
    def timed(*args: object, **kwargs: object) -> object:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            totals[label] += time.perf_counter() - started
            calls[label] += 1

    return timed


def stage_breakdown(folder: Path, out: Path) -> None:
    """Time a cold merge_round + write_handouts by stage, then profile it; write JSON to out.

    The stage functions are wrapped wherever swot's modules refer to them, so the times are of
    the calls merge_round itself makes (one pass, not a re-enactment).
    """
    import cProfile
    import importlib
    import inspect
    import io
    import pstats

    started = time.perf_counter()
    from swot.files.workshop import load_workshop
    from swot.jobs.merge import merge_round
    from swot.output.handout import HandoutOptions, write_handouts
    from swot.rounds.load import load_round

    for module, _, _ in STAGES:
        importlib.import_module(module)
    imports = time.perf_counter() - started
    totals: dict[str, float] = {label: 0.0 for _, _, label in STAGES}
    calls: dict[str, int] = {label: 0 for _, _, label in STAGES}
    restore: list[tuple[object, str, object]] = []
    for module_name, name, label in STAGES:
        original = getattr(sys.modules[module_name], name, None)
        if original is None:
            continue
        timed = _timer(original, label, totals, calls)
        for module in [m for n, m in list(sys.modules.items()) if n.startswith("swot")]:
            for attr, value in list(vars(module).items()):
                if value is original:
                    setattr(module, attr, timed)
                    restore.append((module, attr, original))

    # As `swot merge` loads the workshop: with swot's cache on, where this swot has one.
    options = {"cache": True} if "cache" in inspect.signature(load_workshop).parameters else {}

    def cold_merge() -> tuple[object, float, float]:
        shutil.rmtree(folder / CACHE_DIR, ignore_errors=True)
        shutil.rmtree(folder / HANDOUTS_DIR, ignore_errors=True)
        t = time.perf_counter()
        workshop = load_workshop(folder, **options)
        merge = merge_round(workshop)
        t_merge = time.perf_counter() - t
        t = time.perf_counter()
        write_handouts(merge, HandoutOptions(lang=workshop.language, date=merge.round.date))
        return merge, t_merge, time.perf_counter() - t

    merge, t_merge, t_write = cold_merge()
    for module, attr, original in restore:
        setattr(module, attr, original)

    def profiled(function: Callable[[], object], sort: str) -> str:
        profiler = cProfile.Profile()
        profiler.enable()
        function()
        profiler.disable()
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats(sort).print_stats(15)
        report = text.getvalue()
        for prefix in sorted({str(REPO) + "/", *(p + "/" for p in sys.path if p)}, key=len)[::-1]:
            report = report.replace(prefix, "")
        return "\n".join(line.rstrip() for line in report.strip().splitlines())

    profile = profiled(cold_merge, "cumulative")
    # The entries files are parsed in worker processes, which the profile above does not see:
    # profile the reading once more in this process, by the time spent in each function.
    loader_profile = ""
    if "workers" in inspect.signature(load_round).parameters:

        def read_serially() -> None:
            shutil.rmtree(folder / CACHE_DIR, ignore_errors=True)
            workshop = load_workshop(folder, **options)
            load_round(workshop, workshop.workshop.latest_round.id, workers=1)

        loader_profile = profiled(read_serially, "tottime")
    result = {
        "imports": imports,
        "merge_round": t_merge,
        "write_handouts": t_write,
        "stages": [[label, totals[label], calls[label]] for _, _, label in STAGES],
        "items": len(getattr(merge, "items", [])),
        "entries": len(getattr(merge, "entries", [])),
        "profile": profile,
        "loader_profile": loader_profile,
    }
    out.write_text(json.dumps(result), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Formatting
# ---------------------------------------------------------------------------------------------
def fmt_seconds(seconds: float) -> str:
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


def fmt_mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB"


@dataclass
class Row:
    figure: str
    value: str
    spread: str = ""
    ratio: str = ""
    target: str = ""
    met: bool | None = None

    @property
    def mark(self) -> str:
        return "" if self.met is None else ("✓" if self.met else "✗")


def text_table(rows: list[Row]) -> str:
    header = Row("figure", "median", "runs", "ratio", "target", None)
    cells = [[r.figure, r.value, r.spread, r.ratio, r.target, r.mark] for r in [header, *rows]]
    cells[0][5] = "met"
    widths = [max(len(c[i]) for c in cells) for i in range(6)]
    lines = []
    for n, c in enumerate(cells):
        lines.append(
            "  ".join(
                c[i].rjust(widths[i]) if i in (1,) else c[i].ljust(widths[i]) for i in range(6)
            ).rstrip()
        )
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(rows: list[Row]) -> str:
    lines = [
        "| figure | median | runs (min–max) | ratio | target | met |",
        "| --- | ---: | --- | --- | --- | :-: |",
    ]
    for r in rows:
        cells = [r.figure, r.value, r.spread, r.ratio, r.target, r.mark]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


def machine() -> dict[str, str]:
    """CPU, cores, RAM, OS, Python and library versions."""
    from importlib.metadata import PackageNotFoundError, version

    info: dict[str, str] = {}
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info["cpu"] = cpu or platform.processor() or platform.machine()
    info["cores"] = str(os.cpu_count() or "?")
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["ram"] = f"{int(line.split()[1]) / 1024**2:.1f} GiB"
    except OSError:
        info["ram"] = "?"
    pretty = ""
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                pretty = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    info["os"] = f"{pretty or platform.system()} ({platform.system()} {platform.release()})"
    info["python"] = f"{platform.python_version()} ({sys.executable})"
    versions = []
    for name in VERSIONS_OF:
        try:
            versions.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    try:
        import yaml

        libyaml = "with libyaml" if hasattr(yaml, "CSafeLoader") else "WITHOUT libyaml"
    except ImportError:
        libyaml = "not importable"
    info["libraries"] = ", ".join(versions) + f"; PyYAML {libyaml}"
    try:
        info["swot"] = version("swot-workshop")
    except PackageNotFoundError:
        info["swot"] = "?"
    info["commit"] = git_state()
    return info


def git_state() -> str:
    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(REPO), *args], capture_output=True, text=True, check=False
        )
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return "? (not a git checkout)"
    dirty = git("status", "--porcelain", "--", "swot", "templates")
    return commit + (" + uncommitted changes in swot/ or templates/" if dirty else "")


def swot_source() -> Path | None:
    """The folder of the swot package that this Python imports (without importing it)."""
    import importlib.util

    spec = importlib.util.find_spec("swot")
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent


def source_digest() -> str:
    """A digest of swot's code and templates, to notice code that changed during a run."""
    import hashlib

    digest = hashlib.blake2b(digest_size=8)
    folders = [swot_source(), REPO / "templates"]
    for folder in [f for f in folders if f is not None and f.is_dir()]:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(folder)).encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()


# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------
@dataclass
class Results:
    plan: Plan
    sizes: dict[int, Any]  # scale -> generate.Summary
    rows: list[Row]
    notes: list[str]
    breakdown: dict[str, Any]
    cold_seconds: float


def measure(plan: Plan, temp: Path) -> Results:
    import generate  # benchmarks/ is on sys.path when this file runs as a script

    swot = swot_command()
    py = sys.executable
    env = dict(os.environ)

    # Data: 1×, 2×, 4× (the same units first, the same kind of entries).
    sizes: dict[int, Any] = {}
    for scale in plan.scales:
        progress(f"generating {scale}× data ({plan.units * scale} units × ≈{plan.per_unit})")
        sizes[scale] = generate.build(
            temp / f"national-{scale}x", plan.units, plan.per_unit, scale=scale
        )
    one = sizes[1]
    national = one.folder
    round_dir = national / "entries" / one.round_id

    # 1. Start-up (one untimed run each first, so no run pays for writing .pyc files).
    startup = {
        "pass": ("python -c pass", [py, "-c", "pass"]),
        "typer": ('python -c "import typer"', [py, "-c", "import typer"]),
        "version": ("swot --version", [*swot, "--version"]),
        "help": ("swot --help", [*swot, "--help"]),
    }
    for label, command in startup.values():
        run_once(label, command)
    start_series = {key: Series(label) for key, (label, _) in startup.items()}
    repeat(
        list(start_series.values()),
        [command for _, command in startup.values()],
        plan.startup_runs,
        plan,
        min_runs=plan.startup_runs,
    )

    # 2 + 3. The parse floor and the cold merge, interleaved; then warm reruns.
    floor = Series("parse floor (CSafeLoader)")
    cold = Series("swot merge, cold, 1×")
    merge_1x = [*swot, "merge", str(national)]
    repeat(
        [floor, cold],
        [[py, "-c", FLOOR_SCRIPT, str(round_dir)], merge_1x],
        plan.runs,
        plan,
        before=[None, clear(national)],
    )
    warm = Series("swot merge, warm, 1×")
    run_once("swot merge (first run before the warm reruns)", merge_1x)
    repeat([warm], [merge_1x], plan.runs, plan)

    # 4. Scaling: cold merges at 2× and 4×.
    scaled: dict[int, Series] = {1: cold}
    for scale in plan.scales[1:]:
        folder = sizes[scale].folder
        scaled[scale] = Series(f"swot merge, cold, {scale}×")
        repeat(
            [scaled[scale]],
            [[*swot, "merge", str(folder)]],
            plan.scale_runs,
            plan,
            before=[clear(folder)],
            min_runs=1 if scale >= 4 else plan.min_runs,
        )

    # 5. Memory: the baseline (a one-entry workshop, same workshop.yaml), and one cold merge
    #    under the rusage wrapper for the merge process and its workers separately.
    baseline_folder = temp / "baseline"
    (baseline_folder / "entries" / one.round_id).mkdir(parents=True)
    shutil.copy(national / "workshop.yaml", baseline_folder / "workshop.yaml")
    first_file = sorted(round_dir.iterdir())[0]
    (baseline_folder / "entries" / one.round_id / first_file.name).write_text(
        "- tema: jämställdhet\n  kvadrant: styrkor\n  text: Engagerade handledare\n"
        "  vikt: 4\n  källa: enkät\n  svarande: r01\n",
        encoding="utf-8",
    )
    baseline = Series("swot merge, one-entry workshop")
    repeat(
        [baseline],
        [[*swot, "merge", str(baseline_folder)]],
        max(plan.scale_runs, 1),
        plan,
        before=[clear(baseline_folder)],
    )
    rusage_file = temp / "rusage.json"
    clear(national)()
    progress("swot merge, cold, 1×, parent and workers' memory")
    wrapped = run_once(
        "swot merge under the rusage wrapper",
        [py, "-c", RUSAGE_WRAPPER, swot_entry_point(), "merge", str(national)],
        env=dict(env, SWOT_BENCH_RUSAGE=str(rusage_file)),
    )
    split = json.loads(rusage_file.read_text())

    # 6. The small case: a copy of the example workshop, cold each time.
    small = temp / "small" / SMALL_EXAMPLE.name
    shutil.copytree(SMALL_EXAMPLE, small, ignore=shutil.ignore_patterns(HANDOUTS_DIR, CACHE_DIR))
    small_series = Series("swot merge, workshops/hoganasmodellen")
    run_once(small_series.label, [*swot, "merge", str(small)])
    repeat(
        [small_series],
        [[*swot, "merge", str(small)]],
        plan.small_runs,
        plan,
        before=[clear(small)],
        min_runs=plan.small_runs,
    )

    # In-process breakdown and profile of a cold merge at 1×.
    progress("in-process breakdown and cProfile of a cold merge, 1×")
    breakdown_file = temp / "breakdown.json"
    run_once(
        "stage breakdown",
        [py, str(Path(__file__).resolve()), "--stage-breakdown", str(national),
         "--stage-output", str(breakdown_file)],
    )  # fmt: skip
    breakdown = json.loads(breakdown_file.read_text())

    # The table.
    s = {k: v.median for k, v in start_series.items()}
    t_floor, t_cold, t_warm = floor.median, cold.median, warm.median
    rows = [
        Row("python -c pass", fmt_seconds(s["pass"]), start_series["pass"].spread()),
        Row('python -c "import typer"', fmt_seconds(s["typer"]), start_series["typer"].spread()),
        Row(
            "swot --version",
            fmt_seconds(s["version"]),
            start_series["version"].spread(),
            f"{s['version'] / s['typer']:.2f} × import typer",
        ),
        Row(
            "swot --help",
            fmt_seconds(s["help"]),
            start_series["help"].spread(),
            f"{s['help'] / s['typer']:.2f} × import typer",
            f"≤ {HELP_VS_TYPER} × import typer",
            s["help"] / s["typer"] <= HELP_VS_TYPER,
        ),
        Row(
            f"parse floor, 1× ({fmt_mb(one.bytes)}, 1 process)",
            fmt_seconds(t_floor),
            floor.spread(),
        ),
        Row(
            "swot merge, cold, 1×",
            fmt_seconds(t_cold),
            cold.spread(),
            f"{t_cold / t_floor:.2f} × floor",
            f"≤ {COLD_VS_FLOOR} × floor",
            t_cold / t_floor <= COLD_VS_FLOOR,
        ),
        Row(
            "swot merge, warm, 1×",
            fmt_seconds(t_warm),
            warm.spread(),
            f"{t_warm / t_floor:.2f} × floor",
            f"≤ {WARM_VS_FLOOR} × floor",
            t_warm / t_floor <= WARM_VS_FLOOR,
        ),
    ]
    previous = 1
    for scale in plan.scales[1:]:
        ratio = scaled[scale].median / scaled[previous].median
        rows.append(
            Row(
                f"swot merge, cold, {scale}×",
                fmt_seconds(scaled[scale].median),
                scaled[scale].spread(),
                f"{ratio:.2f} × the {previous}× time",
                f"≤ {DOUBLE_DATA_TIME} × (2× the data)",
                ratio <= DOUBLE_DATA_TIME,
            )
        )
        previous = scale
    peak = cold.median_rss_bytes
    base = baseline.median_rss_bytes
    net = (peak - base) / one.bytes
    rows += [
        Row(
            "peak memory, cold merge 1× (max RSS)",
            fmt_mb(peak),
            cold.rss_spread(),
            f"{peak / one.bytes:.1f} × YAML read",
        ),
        Row("  baseline: merge of a one-entry workshop", fmt_mb(base), baseline.rss_spread()),
        Row(
            "  net: peak − baseline",
            fmt_mb(peak - base),
            "",
            f"{net:.1f} × YAML read ({fmt_mb(one.bytes)})",
            f"≤ {NET_MEMORY_VS_YAML:g} × YAML read",
            net <= NET_MEMORY_VS_YAML,
        ),
        Row(
            "swot merge of workshops/hoganasmodellen",
            fmt_seconds(small_series.median),
            small_series.spread(),
            "",
            f"< {SMALL_CASE_SECONDS} s",
            small_series.median < SMALL_CASE_SECONDS,
        ),
    ]
    notes = [
        f"Memory of one more cold merge at 1×, process by process: the merge process "
        f"{fmt_mb(split['self_kb'] * 1024)}, its worker processes (largest) "
        + (
            fmt_mb(split["children_kb"] * 1024)
            if split["children_kb"]
            else "none (the round was read in the merge process)"
        )
        + f"; wait4 for the whole run {fmt_mb(wrapped.maxrss_kb * 1024)}. Each repetition's "
        "peak is wait4's ru_maxrss: the largest of the merge process and its workers "
        "(not their sum).",
    ]
    return Results(plan, dict(sizes), rows, notes, breakdown, t_cold)


def data_lines(results: Results) -> list[str]:
    lines = []
    for scale, summary in results.sizes.items():
        line = (
            f"{scale}×: {summary.entries:,} entries in {summary.files:,} files "
            f"({summary.units:,} units), {fmt_mb(summary.bytes)} of YAML, "
            f"{summary.distinct_texts:,} distinct texts from "
            f"{summary.statements_used:,} base statements"
        )
        if scale == 1 and results.breakdown.get("items"):
            line += f" → {results.breakdown['items']:,} merged items"
        lines.append(line)
    return lines


def breakdown_table(results: Results) -> str:
    b = results.breakdown
    in_process = b["merge_round"] + b["write_handouts"]
    rows = [("swot imports (swot.jobs.merge, rounds, output …)", b["imports"], "")]
    accounted = 0.0
    for label, seconds, calls in b["stages"]:
        if label.startswith("render_handouts"):
            continue
        shown = f"{seconds:.2f} s" if calls else "not called"
        rows.append((f"  {label}", seconds, shown))
        accounted += seconds
    rows.append(
        ("  rest of merge_round (warnings, stale decisions …)", b["merge_round"] - accounted, "")
    )
    rows.append(("merge_round, in all", b["merge_round"], ""))
    render = next((s for label, s, _ in b["stages"] if label.startswith("render_handouts")), 0.0)
    rows.append(("  render_handouts", render, ""))
    rows.append(("  writing the files", b["write_handouts"] - render, ""))
    rows.append(("write_handouts, in all", b["write_handouts"], ""))
    rows.append(("merge_round + write_handouts (in-process, cold)", in_process, ""))
    rows.append(
        (
            "rest of `swot merge` (interpreter, CLI, terminal table), from its median",
            results.cold_seconds - in_process,
            "",
        )
    )
    lines = [
        "| stage | seconds | share of the cold `swot merge` |",
        "| --- | ---: | ---: |",
    ]
    for label, seconds, shown in rows:
        shown = shown if shown == "not called" else f"{seconds:.2f}"
        share = f"{seconds / results.cold_seconds:.0%}" if shown != "not called" else ""
        lines.append(f"| {label} | {shown} | {share} |")
    return "\n".join(lines)


def write_results(path: Path, results: Results, info: dict[str, str], took: float) -> None:
    plan = results.plan
    script = sys.argv[0]
    if Path(script).is_absolute():
        script = os.path.relpath(script, REPO)
    command = "python " + shlex.join([script, *sys.argv[1:]])
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    mode = "a quick run on small data: its figures mean nothing" if plan.quick else "a full run"
    loader_section = ""
    if results.breakdown.get("loader_profile"):
        loader_section = f"""
The reading alone, in one process (`load_round(..., workers=1)`, no cache), top 15 by time spent
in the function itself — what the worker processes do:

```
{results.breakdown["loader_profile"]}
```
"""
    text = f"""# Benchmark results

Written by `python benchmarks/run.py` ({mode}); rerun it rather than editing this file.
See `benchmarks/README.md` for what each figure is.

- Date: {now}; the run took {took:.0f} s
- Command: `{command}`
- Machine: {info["cpu"]}, {info["cores"]} cores, {info["ram"]} RAM, {info["os"]}
- Load average (1 min): {info.get("load", "?")} — other work on the machine slows some runs;
  the medians and the interleaved floor/cold runs are meant to absorb that
- Python {info["python"]}
- Libraries: {info["libraries"]}
- swot {info["swot"]}, commit {info["commit"]}

## Data

Generated by `benchmarks/generate.py` (deterministic; {plan.units} units × ≈{plan.per_unit} entries
at 1×, Swedish, near-duplicates across units):

{chr(10).join("- " + line for line in data_lines(results))}

## Figures

Medians of separate processes; ratios are within this run.

{markdown_table(results.rows)}

{chr(10).join("- " + note for note in results.notes)}

## Where a cold merge's time goes (1×)

Timed in one child process that calls `swot.jobs.merge.merge_round` and
`swot.output.handout.write_handouts` as `swot merge` does, with no `{CACHE_DIR}`; each stage is the
time spent in calls to that function made during the merge. This is one run (the table above
holds medians), so the last row — the median cold `swot merge` minus this run's in-process
total — also holds the difference in the machine's load between the two.

{breakdown_table(results)}

cProfile of a second cold `merge_round` + `write_handouts`, top 15 by cumulative time (profiling
slows it down; entries files read in worker processes show up as waiting in the parent):

```
{results.breakdown["profile"]}
```
{loader_section}"""
    path.parent.mkdir(parents=True, exist_ok=True)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(text + appended_sections(old, text), encoding="utf-8")


def appended_sections(old: str, new: str) -> str:
    """The sections other benchmarks appended to the results file (``survey_load.py --append``):
    every ``## `` section of ``old`` whose heading this run does not write itself, so a new run
    does not wipe them."""
    own = {line for line in new.splitlines() if line.startswith("## ")}
    kept, keeping = [], False
    for line in old.splitlines(keepends=True):
        if line.startswith("## "):
            keeping = line.rstrip("\n") not in own
        if keeping:
            kept.append(line)
    return ("\n" if kept else "") + "".join(kept)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small data, few runs (CI)")
    parser.add_argument("--repeat", type=int, help="repetitions of every measurement")
    parser.add_argument(
        "--results", type=Path, default=DEFAULT_RESULTS, help="where to write the results"
    )
    parser.add_argument("--stage-breakdown", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--stage-output", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage_breakdown:
        stage_breakdown(args.stage_breakdown, args.stage_output)
        return 0
    if args.repeat is not None and args.repeat < 1:
        parser.error("--repeat must be at least 1")
    plan = make_plan(args.quick, args.repeat)
    if swot_source() is None:
        print(
            f"✗ swot is not installed for {sys.executable}: run this with the Python of the "
            "environment swot is installed in (e.g. .venv/bin/python benchmarks/run.py)",
            file=sys.stderr,
        )
        return 1
    code_before = source_digest()
    load_before = os.getloadavg()[0]
    commit_before = git_state()
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="swot-bench-") as temp:
            results = measure(plan, Path(temp))
    except CommandFailed as failure:
        print(
            f"\n✗ {failure.label} failed (exit {failure.code}): {shlex.join(failure.command)}",
            file=sys.stderr,
        )
        print(failure.stderr.rstrip(), file=sys.stderr)
        return 1
    took = time.perf_counter() - started
    if source_digest() != code_before:
        results.notes.append(
            "⚠ swot's code or templates changed while this run was measuring: its figures mix "
            "versions of swot. Rerun it."
        )
    info = machine()
    info["commit"] = commit_before  # the code measured (a commit made during the run is not)
    info["load"] = f"{load_before:.2f} at the start, {os.getloadavg()[0]:.2f} at the end"
    print()
    print(f"swot benchmarks ({'quick' if plan.quick else 'full'}), {took:.0f} s")
    print(f"{info['cpu']}, {info['cores']} cores, {info['ram']} RAM; Python {info['python']}")
    for line in data_lines(results):
        print(line)
    print()
    print(text_table(results.rows))
    print()
    for note in results.notes:
        print(note)
    write_results(args.results, results, info, took)
    print(f"\nWritten: {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
