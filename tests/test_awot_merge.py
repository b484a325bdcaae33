"""A'WOT everywhere the SWOT goes: ``swot merge --rank awot``, the handout's A'WOT page, the
spread of several raters (AIJ), ``swot export`` and ``swot validate``; judgments that no longer
match an item are named at their line, and nothing in the file is lost."""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

import pytest
from test_prioritise_session import ENTRIES
from typer.testing import CliRunner

from swot.analysis.awot import awot_round
from swot.cli import app
from swot.files.priorities import PRIORITIES_FILE, load_priorities
from swot.files.workshop import load_workshop
from swot.jobs.merge import merge_round


def judgment(rater: str, compare: str, a: str, b: str, value: str) -> str:
    return (
        f"- round: baseline\n  theme: equality\n  rater: {rater}\n  compare: {compare}\n"
        f"  a: {a}\n  b: {b}\n  value: {value}\n"
    )


STRENGTHS = ("Clear plan", "Good managers", "Open climate")
QUADRANTS = ("strengths", "weaknesses", "threats")


def room(rater: str = "the room", strengths: tuple[str, str, str] = ("2", "4", "2")) -> str:
    """A complete, consistent set of one rater's judgments (clear plan first)."""
    text = "".join(
        judgment(rater, "strengths", a, b, v)
        for (a, b), v in zip(combinations(STRENGTHS, 2), strengths, strict=True)
    )
    text += judgment(rater, "weaknesses", "No follow-up", "No training", "3")
    return text + "".join(
        judgment(rater, "quadrants", a, b, v)
        for (a, b), v in zip(combinations(QUADRANTS, 2), ("1/2", "2", "4"), strict=True)
    )


@pytest.fixture
def folder(make_workshop: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    made = make_workshop(ENTRIES)
    monkeypatch.chdir(made)
    return made


def test_rank_awot_orders_by_priority_and_the_handout_has_the_awot_page(
    runner: CliRunner, folder: Path
) -> None:
    (folder / PRIORITIES_FILE).write_text(room(strengths=("1/2", "1", "2")), encoding="utf-8")
    result = runner.invoke(app, ["merge", ".", "--rank", "awot"])
    assert result.exit_code == 0, result.output
    assert "ranked by A'WOT priority" in result.output
    markdown = (folder / "handouts" / "baseline" / "handout.md").read_text(encoding="utf-8")
    # Good managers 2 × clear plan, which equals open climate: 0.5, 0.25, 0.25 of strengths.
    assert "1. Good managers  \n   *global priority 0.143 · local 0.500 · 1 of 2 units" in markdown
    assert "## Gender equality: A'WOT – what weighs most?" in markdown
    # (A cell starting with "0." is escaped, so that Markdown never reads it as a list.)
    assert "| S – Strengths | 0\\.286 |" in markdown
    assert "| W – Weaknesses | 1 | No follow-up | 0\\.750 | 0\\.429 | – |" in markdown
    assert "| The quadrants | 3 of 3 | 0\\.00 | holds together (at most 0.10) |" in markdown
    html = (folder / "handouts" / "baseline" / "handout.html").read_text(encoding="utf-8")
    assert 'id="awot-equality"' in html
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 2


def test_several_raters_are_combined_by_the_geometric_mean_and_their_spread_shown(
    folder: Path,
) -> None:
    text = room("Höganäs", ("2", "4", "2")) + room("Bjuv", ("8", "4", "1/2"))
    (folder / PRIORITIES_FILE).write_text(text, encoding="utf-8")
    loaded = load_workshop(folder)
    merge = merge_round(loaded, method="awot")
    strengths = merge.awot.themes["equality"].factors  # type: ignore[union-attr]
    result = next(r for q, r in strengths.items() if q.value == "strengths")
    # AIJ: clear plan : good managers = √(2 · 8) = 4, : open climate = 4, managers : climate = 1.
    assert [round(w, 3) for w in result.group.weights] == [0.667, 0.167, 0.167]  # type: ignore[union-attr]
    low, high = result.spread(result.factors[0].key)  # type: ignore[misc]
    assert (round(low, 3), round(high, 3)) == (0.571, 0.727)


def test_a_judgment_about_an_item_that_no_longer_exists_is_named_and_left_out(
    runner: CliRunner, folder: Path
) -> None:
    text = room() + judgment("the room", "threats", "Budget cuts", "Cuts nobody wrote", "3")
    (folder / PRIORITIES_FILE).write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["merge", ".", "--rank", "awot"])
    assert result.exit_code == 0, result.output
    assert (
        "priorities.yaml:50: this judgment is about 'Cuts nobody wrote', which is no merged item "
        "of round 'baseline' now; it is left out"
    ) in " ".join(result.output.split())
    assert (folder / PRIORITIES_FILE).read_text(encoding="utf-8") == text


def test_a_merge_that_changes_an_id_still_finds_the_item_by_its_text(folder: Path) -> None:
    text = room().replace("  a: Clear plan\n", "  a: Clear plan\n  a_id: s-0000000\n")
    (folder / PRIORITIES_FILE).write_text(text, encoding="utf-8")
    loaded = load_workshop(folder)
    merge = merge_round(loaded)
    awot = awot_round("baseline", load_priorities(loaded).judgments, merge.items)
    assert awot.unmatched == []
    assert awot.themes["equality"].factors  # every matrix placed


def test_rank_awot_without_judgments_says_so_and_ranks_by_breadth(
    runner: CliRunner, folder: Path
) -> None:
    result = runner.invoke(app, ["merge", ".", "--rank", "awot"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "no A'WOT priorities for Gender equality in round 'baseline'" in said
    assert "ranked by breadth)" in said
    html = (folder / "handouts" / "baseline" / "handout.html").read_text(encoding="utf-8")
    assert "A'WOT" not in html.split("<main>")[1].split("Please note")[0]


def test_export_includes_the_priorities(runner: CliRunner, folder: Path) -> None:
    (folder / PRIORITIES_FILE).write_text(room(), encoding="utf-8")
    result = runner.invoke(app, ["export", ".", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["priorities"]
    assert {(r["compared"], r["item"]) for r in rows if r["compared"] == "quadrants"} == {
        ("quadrants", q) for q in QUADRANTS
    }
    climate = next(r for r in rows if r["text"] == "Open climate")
    assert (climate["local"], climate["judged"], climate["pairs"]) == (0.1429, 3, 3)
    assert runner.invoke(app, ["export", ".", "-o", "out"]).exit_code == 0
    csv = (folder / "out" / "priorities.csv").read_text(encoding="utf-8-sig").splitlines()
    assert csv[0] == (
        "Theme,Comparison,Text,Local priority,Global priority,Lowest of a rater,Highest of a "
        "rater,Consistency ratio (CR),Pairs judged,Pairs in all,Theme id,Comparison id,Item id"
    )
    assert (
        csv[1]
        == "Gender equality,The quadrants,Strengths,0.2857,,,,0.0,3,3,equality,quadrants,strengths"
    )


def test_export_without_priorities_writes_no_priorities_file(
    runner: CliRunner, folder: Path
) -> None:
    assert runner.invoke(app, ["export", ".", "-o", "out"]).exit_code == 0
    assert sorted(p.name for p in (folder / "out").iterdir()) == ["entries.csv", "items.csv"]
    assert "priorities" not in json.loads(runner.invoke(app, ["export", ".", "--json"]).output)


def test_validate_checks_priorities_yaml(runner: CliRunner, folder: Path) -> None:
    (folder / PRIORITIES_FILE).write_text(room().replace("value: 4", "value: 40"), encoding="utf-8")
    result = runner.invoke(app, ["validate", "."])
    assert result.exit_code == 1
    output = result.output
    assert "priorities.yaml:14:10: judgment 2 → value: 40 is outside the scale 1/9–9" in output
    assert "priorities.yaml:49:10: judgment 7 → value: 40 is outside the scale 1/9–9" in output
    assert "✗ 2 errors in 1 of 3 files" in output
