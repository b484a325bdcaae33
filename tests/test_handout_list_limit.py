"""At national scale the handout lists the first items of each quadrant and says where the rest are."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from swot.cli import app

UNITS = {f"u{n:02d}": f"Enhet {n}" for n in range(14)}


def _workshop(make_workshop: Callable[..., Path]) -> Path:
    # 6 different weaknesses, each raised by all 14 units.
    topics = [
        "Parkeringen saknar platser för rörelsehindrade",
        "Hissen till andra våningen är ofta trasig",
        "Skyltarna går inte att läsa med nedsatt syn",
        "Ingen ramp vid huvudentrén",
        "Toaletterna är för trånga för rullstol",
        "Höga trösklar mellan rummen",
    ]
    entries = {}
    for n, unit in enumerate(UNITS):
        entries[f"baseline/{unit}"] = "".join(
            f"- theme: accessibility\n  quadrant: weaknesses\n  text: {topic}{'.' * (n % 2)}\n"
            for topic in topics
        )
    return make_workshop(entries, units=UNITS, rounds={"baseline": {}})


def test_the_list_is_cut_and_says_so(make_workshop: Callable[..., Path], runner: CliRunner) -> None:
    folder = _workshop(make_workshop)
    result = runner.invoke(app, ["merge", str(folder), "--list", "2", "--top", "2"])
    assert result.exit_code == 0, result.output
    markdown = (folder / "handouts" / "baseline" / "handout.md").read_text(encoding="utf-8")
    assert "The first 2 of 6 items are listed here; swot export gives them all." in markdown
    assert "and 2 more" in markdown  # 14 units: 12 named
    everything = runner.invoke(app, ["merge", str(folder), "--list", "0"])
    assert everything.exit_code == 0, everything.output
    markdown = (folder / "handouts" / "baseline" / "handout.md").read_text(encoding="utf-8")
    assert "items are listed here" not in markdown


def test_a_negative_list_is_a_usage_error(
    make_workshop: Callable[..., Path], runner: CliRunner
) -> None:
    result = runner.invoke(app, ["merge", str(_workshop(make_workshop)), "--list", "-1"])
    assert result.exit_code == 2
    assert "--list must be 0 (all items) or more, not -1" in result.output
