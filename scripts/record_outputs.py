"""Record everything swot writes for the bundled examples, to prove a refactoring changed none of it.

Issue 10 moves every module; its outputs must stay byte-identical. Run this once before a change
and once after, then compare the two folders:

    python scripts/record_outputs.py /tmp/before          # on the old code
    python scripts/record_outputs.py /tmp/after           # on the new code
    python scripts/record_outputs.py --compare /tmp/before /tmp/after

What is recorded, each through the real CLI (``python -m swot``) on a copy of the examples:
every round's handouts (HTML, Markdown) of both example workshops, the compare report of every
pair of consecutive rounds (HTML, Markdown, ``--json``), ``swot export`` as CSV and JSON,
``swot status --json --all-rounds``, ``swot validate --json`` of each broken-file fixture of
``tests/test_loading_bad_files.py``, and (with ``--national``) the handout of the benchmark's
national round. XLSX is left out: openpyxl writes a timestamp into it.

Exit code of ``--compare``: 0 when both folders hold the same files with the same bytes, 1 otherwise
(each differing or missing file is named).
"""

from __future__ import annotations

import argparse
import filecmp
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = ("hoganasmodellen", "ameis-skane-nordvast")


def swot(*args: str, cwd: Path, output: Path | None = None) -> None:
    """Run the CLI; keep its stdout in ``output`` (paths made relative by running in ``cwd``)."""
    env = dict(os.environ, COLUMNS="120", NO_COLOR="1", TERM="dumb", SWOT_LANG="en")
    result = subprocess.run(
        [sys.executable, "-m", "swot", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        check=False,
    )
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(result.stdout + f"\n[exit {result.returncode}]\n".encode())


def round_ids(workshop: Path) -> list[str]:
    """The round ids of a workshop, in order (read with swot's own loader)."""
    sys.path.insert(0, str(REPO))
    from swot.files.workshop import load_workshop

    return [r.id for r in load_workshop(workshop).workshop.rounds]


def record_example(name: str, work: Path, out: Path) -> None:
    folder = work / name
    shutil.copytree(REPO / "workshops" / name, folder, ignore=shutil.ignore_patterns("handouts"))
    rounds = round_ids(folder)
    for round_id in rounds:
        swot("merge", ".", "-r", round_id, cwd=folder)
        swot("export", ".", "-r", round_id, "-f", "csv", "-o", f"export/{round_id}", cwd=folder)
        swot(
            "export",
            ".",
            "-r",
            round_id,
            "-f",
            "json",
            cwd=folder,
            output=out / name / "export" / f"{round_id}.json",
        )
    for before, after in itertools.pairwise(rounds):
        swot("compare", before, after, "-w", ".", cwd=folder)
        swot(
            "compare",
            before,
            after,
            "-w",
            ".",
            "--json",
            cwd=folder,
            output=out / name / "compare" / f"{before}-{after}.json",
        )
    swot("status", ".", "--all-rounds", "--json", cwd=folder, output=out / name / "status.json")
    for produced in ("handouts", "export"):
        if (folder / produced).exists():
            shutil.copytree(folder / produced, out / name / produced, dirs_exist_ok=True)


def record_broken_files(work: Path, out: Path) -> None:
    sys.path.insert(0, str(REPO / "tests"))
    from test_loading_bad_files import BROKEN  # type: ignore[import-not-found]

    folder = work / "broken"
    folder.mkdir()
    for name, (content, _code, _expected) in sorted(BROKEN.items()):
        (folder / f"{name}.yaml").write_bytes(content)
        swot(
            "validate",
            f"{name}.yaml",
            "--json",
            cwd=folder,
            output=out / "validate" / f"{name}.json",
        )


def record_national(work: Path, out: Path) -> None:
    folder = work / "national"
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "generate.py"), str(folder)],
        check=True,
        capture_output=True,
    )
    swot("merge", ".", cwd=folder)
    shutil.copytree(folder / "handouts", out / "national" / "handouts")


def record(out: Path, national: bool) -> None:
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} is not empty; give a new folder")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        for name in EXAMPLES:
            record_example(name, work, out)
        record_broken_files(work, out)
        if national:
            record_national(work, out)
    files = sorted(p for p in out.rglob("*") if p.is_file())
    print(f"{len(files)} files recorded in {out}")


def compare(before: Path, after: Path) -> int:
    """0 if both folders hold the same files with the same bytes; each difference is printed."""
    names = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    names |= {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    differ = []
    for name in sorted(names):
        a, b = before / name, after / name
        if not a.is_file() or not b.is_file():
            differ.append(f"only in {'after' if b.is_file() else 'before'}: {name}")
        elif not filecmp.cmp(a, b, shallow=False):
            differ.append(f"differs: {name}")
    for line in differ:
        print(line)
    print(f"{len(names)} files compared, {len(differ)} differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+", help="OUT, or BEFORE AFTER with --compare")
    parser.add_argument("--compare", action="store_true", help="compare two recorded folders")
    parser.add_argument("--national", action="store_true", help="also the national round (slow)")
    args = parser.parse_args(argv)
    if args.compare:
        if len(args.folders) != 2:
            parser.error("--compare takes two folders: BEFORE AFTER")
        return compare(*args.folders)
    if len(args.folders) != 1:
        parser.error("give one folder to record into")
    record(args.folders[0], args.national)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
