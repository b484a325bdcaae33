"""Where the time of a national-scale `swot merge` goes, as ratios measured in one run.

    python benchmarks/merge_scale.py [--units 290] [--entries 200]

Builds a synthetic round of units × entries (default 290 × 200 = 58,000 entries, ≈ 8 MB, the
size in shared/PERF_NOTES.md) from the example workshops' real texts with small variations,
then times each stage (best of 3) in this process: reading bytes, PyYAML's C loader as a yardstick,
swot's loader serially and in 2 processes, grouping, ranking and rendering the handouts.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import yaml

from swot.analysis.grouping import merge_entries
from swot.files.entries import entries_files
from swot.files.workshop import load_workshop
from swot.jobs.merge import merge_round
from swot.output.handout import HandoutOptions, render_handouts
from swot.rounds.load import load_round

EXAMPLE = Path(__file__).resolve().parent.parent / "workshops" / "hoganasmodellen"
ENDINGS = ["i Skåne", "hos oss", "ibland", "för deltagarna", "enligt personalen"]


def build(folder: Path, units: int, per_unit: int) -> None:
    """A workshop with one round of ``units`` files of ``per_unit`` entries each."""
    example = load_workshop(EXAMPLE)
    texts = [
        (e.theme, e.quadrant.value, e.text)
        for r in example.workshop.rounds
        for e in load_round(example, r.id).entries
    ]
    rng = random.Random(3)
    ids = [f"u{n:03d}" for n in range(units)]
    (folder / "entries" / "r1").mkdir(parents=True)
    (folder / "workshop.yaml").write_text(
        "name: Nationell skala\nlanguage: sv\nunits:\n"
        + "".join(f"  - id: {u}\n    name: Enhet {u}\n" for u in ids)
        + "rounds:\n  - id: r1\n    expected:\n"
        + "".join(f"      {u}: 40\n" for u in ids),
        encoding="utf-8",
    )
    for unit in ids:
        lines = []
        for _ in range(per_unit):
            theme, quadrant, text = rng.choice(texts)
            words = text.replace('"', "").split()
            if rng.random() < 0.2 and len(words) > 3:  # a typo
                i = rng.randrange(len(words))
                words[i] = words[i][:-1] or words[i]
            elif rng.random() < 0.1:
                words.append(rng.choice(ENDINGS))
            lines.append(
                f'- tema: {theme}\n  kvadrant: {quadrant}\n  text: "{" ".join(words)}"\n'
                f"  vikt: {rng.randint(1, 5)}\n  källa: enkät\n  svarande: r{rng.randint(1, 40):02d}\n"
            )
        (folder / "entries" / "r1" / f"{unit}.yaml").write_text("".join(lines), encoding="utf-8")


def timed(function, repeat: int = 3):  # type: ignore[no-untyped-def]
    """Best of ``repeat`` runs: on a shared 2-core machine the minimum is the stable figure."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=290)
    parser.add_argument("--entries", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        build(folder, args.units, args.entries)
        workshop = load_workshop(folder)
        paths = entries_files(workshop, "r1")
        size = sum(p.stat().st_size for p in paths)
        t_bytes, _ = timed(lambda: [p.read_bytes() for p in paths])
        t_pyyaml, _ = timed(
            lambda: [yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader) for p in paths]
        )
        t_serial, loaded = timed(lambda: load_round(workshop, "r1", workers=1))
        t_parallel, _ = timed(lambda: load_round(workshop, "r1", workers=2))
        t_group, items = timed(lambda: merge_entries(loaded.entries))
        t_all, merged = timed(lambda: merge_round(workshop, "r1"))
        t_render, _ = timed(lambda: render_handouts(merged, HandoutOptions()))
    print(
        f"{len(loaded.entries):,} entries in {len(paths)} files, {size / 1e6:.1f} MB "
        f"→ {len(items):,} merged items"
    )
    rows = [
        ("read bytes", t_bytes),
        ("PyYAML CSafeLoader (yardstick)", t_pyyaml),
        ("swot loader, 1 process", t_serial),
        ("swot loader, 2 processes", t_parallel),
        ("grouping (merge_entries)", t_group),
        ("merge_round (load + group + rank)", t_all),
        ("render HTML + Markdown", t_render),
    ]
    for name, seconds in rows:
        print(f"  {name:36} {seconds:6.2f} s  {seconds / t_pyyaml:5.2f} × CSafeLoader")
    print(
        f"  parallel speed-up of loading: {t_serial / t_parallel:.2f}×; "
        f"loading is {t_parallel / t_all:.0%} of merge_round"
    )


if __name__ == "__main__":
    main()
